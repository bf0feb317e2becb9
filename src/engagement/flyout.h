// An interceptor's flyout: 3-D point-mass kinematics in the scenario frame (east, north, up),
// guided by proportional navigation, stepped until the closest approach to its target.
//
// Forces, per unit mass, with v the velocity, V = |v|, u = v / V and h the altitude
// (core/geodesy.h altitude_m, over the curved Earth) in the exponential atmosphere
// rho(h) = 1.225 exp(-h / 8500 m) (core/atmosphere.h):
//   thrust   T(t) u: boost_accel_mps2 for t < boost_s, then sustain_accel_mps2 for sustain_s, then 0
//   drag    -D u, D = q C_dA/m with the dynamic pressure q = rho V^2 / 2 (drag_area_per_mass_m2pkg)
//   gravity -g e_up (flat-Earth gravity, g = 9.80665 m/s^2)
//   lift     a_lat, perpendicular to v, the guidance command limited in norm to
//            a_max = max_g g min(1, q / q_full), q_full = 50 kPa (about Mach 0.85 at sea level):
//            aerodynamic control needs dynamic pressure, so a missile turns less when slow or high.
// Guidance (Zarchan, "Tactical and Strategic Missile Guidance", 6th ed., ch. 2 and 8): with the
// relative position r = p_target - p and velocity w = v_target - v, the line-of-sight rate vector
// Omega = r x w / |r|^2 and closing speed V_c = -r.w / |r|, true proportional navigation commands
// a = N V_c (Omega x r/|r|) plus g e_up (gravity compensation); its component along v is
// dropped (the airframe only turns), the rest limited to a_max.
// Integration: semi-implicit Euler at a fixed step (kFlyoutStep_s): v += a dt, p += (v_old + v) dt / 2.
//
// The flight ends (i) at the closest approach to the target it is guided on: once it has been
// closing, the first step after which the range opens; the miss distance is the least distance
// of the relative positions interpolated linearly over that step; (ii) out of energy: slower than
// min_speed_mps after the boost; (iii) out of time: max_flight_time_s after launch; (iv) on the
// ground: altitude below 0 m (sea level; terrain is the caller's).
#pragma once

#include <Eigen/Core>

#include "messages/orders.h"

namespace rampart::engagement {

/// The integration step of every flyout (simulation, launch region, tests, figures).
inline constexpr double kFlyoutStep_s = 0.02;
/// The speed an interceptor leaves its launcher (rail or canister exit) with, along the launch direction.
inline constexpr double kLaunchSpeed_mps = 30.0;
/// A surface launcher's least elevation: it points at the aim point but never flatter than this
/// (a round launched level would fall into the ground before its wings bite).
inline constexpr double kSurfaceLaunchMinElevation_rad = 0.35;  // 20 deg
/// The dynamic pressure at which the airframe has its full max_g.
inline constexpr double kFullControlDynamicPressure_pa = 50'000.0;

enum class FlyoutEnd { kFlying, kClosestApproach, kOutOfEnergy, kOutOfTime, kGround };
const char* to_string(FlyoutEnd end);

/// An interceptor in flight.
struct FlyoutState {
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_enu_mps = Eigen::Vector3d::Zero();
  double flight_time_s = 0.0;  ///< since launch
  bool closing = false;        ///< the range to the target has been closing
};

/// Just off the launcher at p_launch_enu_m (moving at v_launcher_enu_mps), heading for aim_enu_m;
/// from the surface, at least kSurfaceLaunchMinElevation_rad up.
FlyoutState launch_state(const Eigen::Vector3d& p_launch_enu_m, const Eigen::Vector3d& v_launcher_enu_mps,
                         const Eigen::Vector3d& aim_enu_m, bool from_surface);

/// The lateral acceleration limit at altitude_m and speed_mps: max_g g min(1, q / q_full).
double max_lateral_accel_mps2(const messages::InterceptorDynamics& d, double altitude_m, double speed_mps);

/// One step's outcome: while flying, only `end`; at the closest approach, the miss distance, the
/// interceptor's position then and how far into the step it came.
struct FlyoutStep {
  FlyoutEnd end = FlyoutEnd::kFlying;
  double miss_distance_m = 0.0;
  Eigen::Vector3d p_end_enu_m = Eigen::Vector3d::Zero();
  double time_into_step_s = 0.0;
};

/// Advances `s` by dt_s, guided on a target at p_target_enu_m (at the start of the step) moving
/// at v_target_enu_mps through the step. origin_alt_m: the scenario frame's origin altitude.
FlyoutStep flyout_step(FlyoutState& s, const messages::InterceptorDynamics& d, double origin_alt_m,
                       const Eigen::Vector3d& p_target_enu_m, const Eigen::Vector3d& v_target_enu_mps, double dt_s);

/// A whole flyout against a constant-velocity target, guided on its true position throughout.
struct FlyoutResult {
  FlyoutEnd end = FlyoutEnd::kFlying;
  double time_of_flight_s = 0.0;  ///< from launch to the end
  double miss_distance_m = 0.0;   ///< at the end: the closest approach, else the range then
  Eigen::Vector3d p_end_enu_m = Eigen::Vector3d::Zero();
  double speed_mps = 0.0;  ///< the interceptor's, at the end
  long steps = 0;
};

/// Launched from p_launch_enu_m toward aim_enu_m at t = 0 (launch_state), the target at p_target_enu_m then.
FlyoutResult fly(const messages::InterceptorDynamics& d, const Eigen::Vector3d& p_launch_enu_m,
                 const Eigen::Vector3d& v_launcher_enu_mps, bool from_surface, const Eigen::Vector3d& aim_enu_m,
                 const Eigen::Vector3d& p_target_enu_m, const Eigen::Vector3d& v_target_enu_mps, double origin_alt_m);

}  // namespace rampart::engagement
