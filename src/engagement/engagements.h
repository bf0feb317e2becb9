// Interceptors in flight and the endgame against truth: the physics of an engagement.
//
// An interceptor flies for the time of flight C2 computed; in flight its aim point is refreshed
// from the track (command guidance). The endgame, at the aim time t_i with aim point a: the seeker
// homes on the flying entity nearest a in 3-D, |p_e(t_i) - a|, if that miss distance is within
// the seeker basket. The warhead can kill only between the weapon's floor and ceiling: a target
// whose true altitude is below min_altitude_m or above max_altitude_m survives (no_target).
// Otherwise the kill is drawn from the weapon's kill probability. Any entity can be hit, friend
// or foe: that is how fratricide happens when identification fails. Every no_target says why.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <string>
#include <memory>
#include <vector>

#include "engagement/effector.h"
#include "environment/terrain.h"
#include "messages/orders.h"
#include "messages/reports.h"
#include "messages/tracks.h"
#include "world/world.h"

namespace rampart::engagement {

/// kAborted: destroyed in flight on C2's order (its track was identified friendly).
enum class Outcome { kKill, kMiss, kNoTarget, kAborted };
const char* to_string(Outcome outcome);

/// What the launching unit reports to C2 about an interceptor (no outcome: C2 assesses that).
messages::LaunchReport launch_report(const Interceptor& m);

/// The end of one interceptor's flight.
struct Resolution {
  Interceptor interceptor;
  Outcome outcome = Outcome::kMiss;
  std::uint32_t truth_id = 0;  ///< the entity the seeker homed on (0: none)
  bool fratricide = false;
  Eigen::Vector3d intercept_enu_m = Eigen::Vector3d::Zero();  ///< where the interceptor ended: its aim point
  /// 3-D distance from the intercept position to the nearest flying entity (infinity: none flying).
  double miss_distance_m = std::numeric_limits<double>::infinity();
  std::string reason;  ///< why a no_target: nothing in basket, below floor, above ceiling, already destroyed
};

/// Every interceptor in flight, and their resolution against truth.
class Engagements {
 public:
  /// With `terrain`, a surface-to-air interceptor whose fire-control radar cannot see its target
  /// at the end (the terrain between) finds nothing.
  explicit Engagements(std::uint64_t seed, std::shared_ptr<const environment::Terrain> terrain = nullptr)
      : seed_(seed), terrain_(std::move(terrain)) {}

  /// The effector arsenal[order.fire_unit] receives `order` at t_s (see Effector::launch).
  /// Returns the interceptors it launches, numbered.
  std::vector<Interceptor> fire(double t_s, const messages::FireOrder& order, Arsenal& arsenal);
  /// Refreshes aim points from the current tracks (tracks that vanished keep the last aim point).
  void guide(const std::vector<messages::TrackState>& tracks);
  /// Resolves the interceptors whose time has come against truth, killing what they hit.
  std::vector<Resolution> resolve(double t_s, world::World& world, Arsenal& arsenal);
  /// Destroys in flight every interceptor guided on the track (C2 identified it friendly), and
  /// cancels those ordered but not yet launched; their channels are free again.
  std::vector<Resolution> abort(double t_s, std::uint32_t track_id, Arsenal& arsenal);
  std::size_t in_flight() const { return flying_.size(); }

 private:
  /// The end of one interceptor's flight against truth (kills what it hits).
  Resolution endgame(const Interceptor& m, world::World& world) const;

  std::uint64_t seed_;
  std::shared_ptr<const environment::Terrain> terrain_;
  std::uint64_t next_id_ = 1;
  std::vector<Interceptor> flying_;
};

}  // namespace rampart::engagement
