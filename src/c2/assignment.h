// Dynamic weapon-target assignment for one C2 cycle: which fire units engage which threats now.
//
// Every policy starts from the same feasible engagements (feasible_engagements.h): the slots the
// fire units offer (one per engagement a unit can start now) and the (threat, fire unit) pairs
// inside the envelope in time, permitted by the rules of engagement and clear of friends (pairs
// too close to a friend are blocked and reported). A policy only decides which of those pairs
// fire, with which slots; scenario::AssignmentPolicyKind names them:
//   matching       the optimal matching of threats to slots (matching_policy.h);
//   wta_heuristic  the static weapon-target assignment of the cycle, solved by the c2/wta
//   wta_exact      local search or by branch and cut (wta_policy.h).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "c2/doctrine.h"
#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"
#include "messages/orders.h"
#include "messages/tracks.h"

namespace rampart::c2 {

using messages::FireOrder;
using messages::WeaponStatus;

/// An engagement C2 withheld because a friend was too close to the intercept point.
struct BlockedEngagement {
  std::size_t fire_unit = 0;
  std::uint32_t track_id = 0;
  std::uint32_t friendly_track_id = 0;
  double friend_distance_m = 0.0;
};

struct AssignmentContext {
  double t_s = 0.0;
  double origin_alt_m = 0.0;
  const Doctrine* doctrine = nullptr;
  std::function<Identity(std::uint32_t)> identity;
  std::vector<messages::TrackState> friendly_tracks;  ///< friends and assumed friends
  double deconfliction_radius_m = 0.0;
  double order_delay_s = 0.0;  ///< from C2's order to the fire unit's receipt
  /// Whether fire unit `fire_unit`'s fire-control radar sees the point p_enu_m over the terrain
  /// (C2's map); unset: no terrain, every point is in sight.
  std::function<bool(std::size_t fire_unit, const Eigen::Vector3d& p_enu_m)> in_sight;
};

struct AssignmentResult {
  std::vector<FireOrder> orders;
  std::vector<BlockedEngagement> blocked;
};

/// One way of choosing the cycle's engagements. Implementations hold no state between cycles, so
/// one instance may serve several battle managers, on several threads.
class AssignmentPolicy {
 public:
  virtual ~AssignmentPolicy() = default;
  /// `threats` are the open threats (not under engagement, not killed); `tracks` gives each
  /// track's state by id; `weapons` the fire units as C2 sees them.
  virtual AssignmentResult assign(const std::vector<ThreatAssessment>& threats,
                                  const std::map<std::uint32_t, messages::TrackState>& tracks,
                                  const std::vector<WeaponStatus>& weapons,
                                  const AssignmentContext& context) const = 0;
};

std::shared_ptr<const AssignmentPolicy> make_assignment_policy(scenario::AssignmentPolicyKind kind);

}  // namespace rampart::c2
