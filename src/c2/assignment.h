// Dynamic weapon-target assignment for one C2 cycle.
//
// A fire unit launches `order_delay_s` (the link to the unit) plus its reaction time after C2's
// order, so the intercept is predicted from the track extrapolated by that lead. A fire unit can
// take a threat when the predicted intercept point lies inside its envelope (range, and altitude
// when the track has height, with one standard deviation of the track's height to spare at the
// floor and the ceiling: the warhead cannot kill outside them) and is reached (lead + time of
// flight) before the threat reaches its asset, when the rules of engagement permit the track's identity at that point, and
// when no friendly track is within the deconfliction radius of that point (such a pair is blocked
// and reported). Each fire unit offers one slot per engagement it can start now (free
// fire-control channels and ready rounds). The slots and threats are then matched to maximise
//   sum over engagements of  score(threat) x Pk(unit)   (ties go to the earlier intercept),
// an optimal linear assignment solved exactly with solve_assignment (the sparse
// Jonker-Volgenant solver), each threat taking at most one slot.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
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
};

struct AssignmentResult {
  std::vector<FireOrder> orders;
  std::vector<BlockedEngagement> blocked;
};

/// `threats` are the open threats (not under engagement, not killed); `tracks` gives each
/// track's state by id.
AssignmentResult assign_weapons(const std::vector<ThreatAssessment>& threats,
                                const std::map<std::uint32_t, messages::TrackState>& tracks,
                                const std::vector<WeaponStatus>& weapons, const AssignmentContext& context);

}  // namespace rampart::c2
