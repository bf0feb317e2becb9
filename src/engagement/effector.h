// The effector family: whatever launches interceptors on a fire order: a SAM fire unit
// (fire_unit.h), a fighter's air-to-air missiles (air_to_air.h) and a gun mount (gun.h), whose
// "interceptors" are bursts of unguided rounds. factory.h builds them: adding a kind touches its own files, its spec and one
// factory line.
//
// An effector receives an order, commits its rounds (and, for a weapon guided from the ground, a
// fire-control channel for each) and launches them after its reaction time; Engagements
// (engagements.h) flies them out and resolves them against truth, then gives the channel back.
// Every effector passes the shared test set in test/any_effector_test.cpp.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engagement/flyout.h"
#include "messages/orders.h"
#include "scenario/scenario.h"

namespace rampart::engagement {

/// A gun's burst (gun.h): its rounds, and what the fire control predicted at its first round.
struct GunBurst {
  messages::GunCharacteristics gun;
  int rounds = 0;
  double max_range_m = 0.0;  ///< the gun's effective range: no kill beyond it
  bool predicted = false;    ///< the fire control has taken its target and predicted the arrival
  double arrival_s = 0.0;    ///< when the middle round arrives (scenario time)
};

/// One interceptor (surface-to-air or air-to-air missile) from its launch to its end.
struct Interceptor {
  std::uint64_t id = 0;      ///< unique within a run, from 1 (set by Engagements)
  std::string shooter;       ///< the effector's name: fire unit or fighter
  std::size_t effector = 0;  ///< the launching effector's index in the Arsenal
  std::uint32_t fighter_entity = 0;  ///< the launching aircraft's truth id (0: launched from the ground)
  double kill_probability = 0.0;  ///< at zero miss distance (Pk0)
  double seeker_basket_m = 0.0;
  messages::InterceptorDynamics dynamics;
  std::uint32_t track_id = 0;
  bool autonomous = false;  ///< fired on the order of its unit's own C2, cut off from the central one
  double launch_time_s = 0.0;
  double intercept_time_s = 0.0;  ///< C2's prediction, reported to C2; the flyout decides the end
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();  ///< C2's predicted intercept point: the launch direction
  Eigen::Vector3d p_launch_enu_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_launcher_enu_mps = Eigen::Vector3d::Zero();
  /// Command guidance: the target as last uplinked, at estimate_t_s, moving at estimate_v_enu_mps
  /// (the aim point, standing still, until the first track update).
  Eigen::Vector3d estimate_enu_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d estimate_v_enu_mps = Eigen::Vector3d::Zero();
  double estimate_t_s = 0.0;
  /// In flight (from launch_time_s): the flyout at flight_t_s, and the truth id its seeker locked (0: none).
  FlyoutState flight;
  double flight_t_s = 0.0;
  bool launched = false;
  std::uint32_t locked_entity = 0;
  /// The warhead's altitude limits (true height above the ellipsoid); a fighter's missile has none.
  double min_altitude_m = -std::numeric_limits<double>::infinity();
  double max_altitude_m = std::numeric_limits<double>::infinity();
  /// Surface-to-air: where the fire-control radar guiding it stands, (east_m, north_m) in the
  /// scenario frame and its antenna's alt_m; it must see the target to the end (terrain).
  std::optional<Eigen::Vector3d> fire_control_site_m;
  /// A gun's burst instead of a missile: no flyout, resolved by the dispersion model (gun.h).
  std::optional<GunBurst> burst;

  bool surface_to_air() const { return fighter_entity == 0; }
};

class Effector {
 public:
  virtual ~Effector() = default;

  virtual const std::string& name() const = 0;
  /// What C2 knows of it: position, weapon characteristics, free channels, ready rounds.
  virtual messages::WeaponStatus status() const = 0;
  /// Ready rounds plus those in reserve.
  virtual int rounds_left() const = 0;
  /// Advances its own processes (reloading) to t_s; returns the rounds made ready.
  virtual int update(double t_s) = 0;
  /// Receives `order` at t_s and commits its rounds and channels now (it must have that many of
  /// each: the caller checks status() first). Returns the interceptors it launches, with every
  /// field but id set (effector = order.fire_unit).
  virtual std::vector<Interceptor> launch(double t_s, const messages::FireOrder& order) = 0;
  /// An interceptor it launched has ended: the channel that guided it is free again.
  virtual void release_channel() = 0;
};

/// The `order.rounds` interceptors of weapon `type` that `shooter` launches on `order` from
/// p_launch_enu_m moving at v_launcher_enu_mps (fighter_entity: the launching aircraft, 0 from
/// the ground), round k (from 0) at launch_s + k order.round_interval_s, each with C2's time of
/// flight; id left 0.
std::vector<Interceptor> interceptors_for(const messages::FireOrder& order, const std::string& shooter,
                                          const messages::WeaponType& type, double launch_s,
                                          const Eigen::Vector3d& p_launch_enu_m,
                                          const Eigen::Vector3d& v_launcher_enu_mps = Eigen::Vector3d::Zero(),
                                          std::uint32_t fighter_entity = 0);

/// Where a surface fire unit's fire-control radar antenna stands: (east_m, north_m) in the
/// scenario frame and the site's alt_m plus the antenna height.
Eigen::Vector3d fire_control_site_m(const scenario::FireUnit& spec);

/// Every effector of a run; a FireOrder's fire_unit indexes it. The scenario's fire units come
/// first, in their order; fighters' missiles are added as the fighters take off.
using Arsenal = std::vector<std::unique_ptr<Effector>>;

}  // namespace rampart::engagement
