// What C2 and the fire units pass each other: the units' status (with their weapon's
// characteristics), and fire orders.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "messages/intercept_reach.h"
#include "messages/gun_ballistics.h"
#include "messages/launch_region.h"

namespace rampart::messages {

/// How an interceptor flies (engagement/flyout.h has the equations): thrust, drag, turn limit,
/// guidance law, seeker and warhead.
struct InterceptorDynamics {
  double boost_s = 4.0;                   ///< boost motor burn time from launch
  double boost_accel_mps2 = 200.0;        ///< thrust / mass during the boost
  double sustain_s = 0.0;                 ///< sustainer burn time after the boost
  double sustain_accel_mps2 = 0.0;        ///< thrust / mass during the sustain
  double drag_area_per_mass_m2pkg = 2e-5; ///< C_d A / m: drag acceleration 0.5 rho v^2 C_d A / m
  double max_g = 30.0;                    ///< lateral acceleration limit at full dynamic pressure, in g
  double nav_constant = 3.5;              ///< N of proportional navigation, a = N V_c dlambda/dt
  double min_speed_mps = 200.0;           ///< after the boost, slower than this is a miss (out of energy)
  double max_flight_time_s = 60.0;        ///< the flight ends (self-destruct) at this time after launch
  double seeker_acquisition_range_m = 10'000.0;  ///< the seeker homes on truth this close to the target
  double lethal_radius_m = 20.0;          ///< the warhead's Pk falls to Pk0 e^-1/2 at this miss distance
};

/// Dynamics that reproduce, approximately, a weapon known only by its mean fly-out speed and
/// maximum range (the scenario keys before the flyout): with T = max_range_m / mean_speed_mps, a
/// boost of clamp(T / 10, 2 s, 10 s) to 1.6 x the mean speed, no sustainer, and a drag coefficient
/// that makes the coast v(t) = v_b / (1 + c t) (quadratic drag at the density of 3000 m) cover
/// max_range_m in T: 1.6 ln(1 + c T) / (c T) = 1, so c T = 1.4. The flight may last 1.5 T; the
/// seeker acquires at 10 seeker baskets (at most 20 km); lethal radius 20 m.
InterceptorDynamics derived_dynamics(double mean_speed_mps, double max_range_m, double seeker_basket_m);

/// A weapon type's characteristics (the scenario's weapon_types), as a fire unit reports them.
struct WeaponType {
  std::string name;
  double min_range_m = 0.0;
  double max_range_m = 0.0;  ///< the fire control's guidance limit: no intercept farther than this
  double min_altitude_m = 0.0;
  double max_altitude_m = 0.0;
  double interceptor_speed_mps = 0.0;  ///< mean fly-out speed
  double kill_probability = 0.0;       ///< single-shot kill probability at zero miss distance (Pk0)
  double seeker_basket_m = 0.0;        ///< the seeker can lock on a target this close to the estimated target position
  double reload_time_s = 0.0;          ///< to reload one launcher
  int fire_control_channels = 1;       ///< engagements one fire unit can guide at once
  double reaction_time_s = 5.0;        ///< from a fire unit's receipt of an order to the launch
  InterceptorDynamics dynamics;
  /// Whether C2 may assign it tracks it classifies as ballistic missiles (c2/ballistic.h).
  bool engages_ballistic = false;
  /// Whether C2 may assign it every other track (aircraft, cruise missiles, drones): false keeps
  /// an upper-tier unit's rounds for the ballistic missiles.
  bool engages_air_breathing = true;
  /// The lowest altitude at which C2 plans to intercept a ballistic missile: below it the
  /// warhead's debris (and a chemical or submunition payload) falls on the defended area.
  double min_ballistic_intercept_altitude_m = 0.0;
  /// The launch acceptability region built from the flyout (engagement/launch_region.h), shared
  /// by every unit of the type; null for a weapon C2 judges by its range box (air-to-air).
  std::shared_ptr<const LaunchRegion> launch_region;
  /// For a weapon that engages ballistic missiles: its time of flight to a point, built from the
  /// flyout (engagement/launch_region.h intercept_reach_of); null otherwise.
  std::shared_ptr<const InterceptReach> ballistic_reach;
  /// A gun (kind: gun in the scenario): its ballistics and bursts. A gun's "rounds" to C2 are
  /// bursts, its kill_probability C2's planning figure per burst (engagement/gun.h), its
  /// interceptor_speed_mps the projectile's mean speed over max_range_m; no launch region.
  std::optional<GunCharacteristics> gun;
};

/// C2's view of one fire unit at the moment of assignment.
struct WeaponStatus {
  std::size_t fire_unit = 0;
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  WeaponType type;
  int free_channels = 0;
  int ready_rounds = 0;
  /// Emplaced and ready to launch: a mobile fire unit that marches, emplaces or packs up is not,
  /// and C2 gives it no orders (world/mobile_unit.h).
  bool ready = true;
  /// Its fire-control radar's antenna: map east_m, north_m and alt_m (line of sight over the terrain).
  Eigen::Vector3d fire_control_site_m = Eigen::Vector3d::Zero();
};

struct FireOrder {
  std::size_t fire_unit = 0;
  std::uint32_t track_id = 0;
  int rounds = 1;
  double time_of_flight_s = 0.0;  ///< from the launch
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();
  /// The rounds leave this far apart (0: together), the first at the unit's reaction time.
  double round_interval_s = 0.0;
  /// Given by the unit's own C2 while it is cut off from the central one (sim/autonomy.h); its
  /// track_id is then one of the unit's own tracks.
  bool autonomous = false;
};

}  // namespace rampart::messages
