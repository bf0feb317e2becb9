// Interceptors in flight and their end against truth: the physics of an engagement.
//
// Each interceptor flies out (flyout.h) from its launch, stepped at kFlyoutStep_s up to every
// time resolve() is called, against the moving truth. Until its seeker locks it is guided on the
// track estimate (command guidance: the aim point C2 ordered, standing still, then each track
// update guide() uplinks, extrapolated at the track's velocity). Within the weapon's
// seeker_acquisition_range_m of that estimate the seeker looks for the flying entity nearest the
// estimate within seeker_basket_m (never its own launcher) and locks on it; from then on the
// flyout is guided on that entity's true position and velocity. The flight ends:
// - at the closest approach to what it is guided on. Locked on an entity, the miss distance is
//   the flyout's; the warhead can kill only between the weapon's floor and ceiling (true
//   altitude) and, from the ground, where its fire-control radar sees the target (terrain);
//   otherwise the kill is drawn with kill_probability.h's Pk(miss, kind). Never locked: no target
//   ("nothing in basket", the miss distance to the nearest flying entity).
// - out of energy, out of time or on the ground (flyout.h): a miss, with the reason.
// - when the entity it locked is destroyed first: no target ("target already destroyed").
// A gun's burst (gun.h) does not fly out: at its first round the fire control takes the entity
// nearest the track estimate within seeker_basket_m (none: no target) and predicts when the
// middle round arrives (messages/gun_ballistics.h); then the burst ends, a miss beyond the gun's
// max_range_m, else with the same terrain and altitude checks and the kill drawn with gun.h's
// Pk_burst at the range then. Its miss_distance_m is the rounds' standard deviation per axis.
// Any entity can be hit, friend or foe: that is how fratricide happens when identification fails.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <memory>
#include <optional>
#include <vector>

#include "engagement/effector.h"
#include "environment/terrain.h"
#include "messages/orders.h"
#include "messages/reports.h"
#include "messages/tracks.h"
#include "world/world.h"

namespace rampart::engagement {

/// kAborted: destroyed in flight on C2's order (its track was identified friendly), or its launch
/// cancelled (that, or its fire-control radar went silent before it left the rail).
/// kGuidanceLost: a command-guided interceptor whose fire-control radar went silent or out of
/// action before its seeker locked: nothing uplinks the target any more, so it self-destructs.
enum class Outcome { kKill, kMiss, kNoTarget, kAborted, kGuidanceLost };
const char* to_string(Outcome outcome);

/// What the launching unit reports to C2 about an interceptor (no outcome: C2 assesses that).
messages::LaunchReport launch_report(const Interceptor& m);

/// The end of one interceptor's flight.
struct Resolution {
  Interceptor interceptor;
  Outcome outcome = Outcome::kMiss;
  std::uint32_t truth_id = 0;  ///< the entity the seeker homed on (0: none)
  bool fratricide = false;
  Eigen::Vector3d intercept_enu_m = Eigen::Vector3d::Zero();  ///< where the interceptor ended
  /// 3-D distance from the interceptor at its end to the entity it homed on, else to the nearest
  /// flying entity (infinity: none flying).
  double miss_distance_m = std::numeric_limits<double>::infinity();
  double kill_probability = 0.0;  ///< Pk(miss, kind) drawn (0: no draw)
  double end_time_s = 0.0;
  std::string reason;  ///< why a miss or no_target
};

/// Every interceptor in flight, and their resolution against truth.
class Engagements {
 public:
  /// origin_alt_m: the scenario frame's origin altitude (the flyout's air density). With
  /// `terrain`, a surface-to-air interceptor whose fire-control radar cannot see its target at
  /// the end (the terrain between) finds nothing.
  explicit Engagements(std::uint64_t seed, std::shared_ptr<const environment::Terrain> terrain = nullptr,
                       double origin_alt_m = 0.0)
      : seed_(seed), terrain_(std::move(terrain)), origin_alt_m_(origin_alt_m) {}

  /// The effector arsenal[order.fire_unit] receives `order` at t_s (see Effector::launch).
  /// Returns the interceptors it launches, numbered.
  std::vector<Interceptor> fire(double t_s, const messages::FireOrder& order, Arsenal& arsenal);
  /// Uplinks the current tracks to the interceptors guided on them (tracks that vanished leave
  /// the last estimate, extrapolated).
  void guide(const std::vector<messages::TrackState>& tracks);
  /// Flies every launched interceptor to t_s against truth (the world at t_s, its entities
  /// moving at their velocities through the step); resolves those whose flight ended, killing
  /// what they hit.
  std::vector<Resolution> resolve(double t_s, world::World& world, Arsenal& arsenal);
  /// Destroys in flight every interceptor guided on the track (C2 identified it friendly), and
  /// cancels those ordered but not yet launched; their channels are free again.
  std::vector<Resolution> abort(double t_s, std::uint32_t track_id, Arsenal& arsenal);
  /// The fire-control radar of fire unit `effector` stopped guiding (`why`: silent, destroyed):
  /// its missiles in flight whose seeker has not locked are lost (kGuidanceLost), those ordered
  /// but not launched are cancelled (kAborted); a locked seeker homes on alone, and a gun's
  /// burst is already on its way. Their channels are free again.
  std::vector<Resolution> lose_guidance(double t_s, std::size_t effector, const std::string& why, Arsenal& arsenal);
  /// Command guidance of interceptor `interceptor_id` (if it still flies) from now on on track
  /// `track_id` (a cut-off unit's own track handed over to C2's: sim/autonomy.h).
  void retarget(std::uint64_t interceptor_id, std::uint32_t track_id);
  std::size_t in_flight() const { return flying_.size(); }
  /// Every interceptor in flight or waiting for its launch time.
  const std::vector<Interceptor>& flying() const { return flying_; }

 private:
  /// Flies `m` to t_s; its resolution if its flight ended.
  std::optional<Resolution> fly(Interceptor& m, double t_s, world::World& world) const;
  /// A gun's burst `m` to t_s (fly() for a burst); its resolution once its middle round arrives.
  std::optional<Resolution> fire_burst(Interceptor& m, double t_s, world::World& world) const;
  /// The seeker's search around `estimate_enu_m`: the nearest flying entity within the basket.
  /// `world` stands at world_t_s; its entities are extrapolated to t_s.
  const world::Entity* acquire(const Interceptor& m, const Eigen::Vector3d& estimate_enu_m, double t_s,
                               const world::World& world, double world_t_s) const;
  /// The end of a flight whose seeker never locked: no target at the closest approach (named
  /// by the nearest entity), a miss when out of energy, time or height.
  Resolution end_unlocked(const Interceptor& m, FlyoutEnd end, Resolution r, const world::World& world,
                          double world_t_s) const;
  /// The warhead against the locked entity at the closest approach.
  Resolution detonate(const Interceptor& m, const world::Entity& target, Resolution r, world::World& world) const;

  /// Ends early every interceptor `which` picks: kAborted "launch cancelled: `why`" before its
  /// launch, else `in_flight` "`in_flight_reason`: `why`" where it is; frees their channels.
  std::vector<Resolution> end_early(double t_s, const std::function<bool(const Interceptor&)>& which,
                                    Outcome in_flight, const std::string& in_flight_reason, const std::string& why,
                                    Arsenal& arsenal);

  std::uint64_t seed_;
  std::shared_ptr<const environment::Terrain> terrain_;
  double origin_alt_m_;
  std::uint64_t next_id_ = 1;
  std::vector<Interceptor> flying_;
};

}  // namespace rampart::engagement
