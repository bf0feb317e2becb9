#include "engagement/flyout.h"

#include <algorithm>
#include <Eigen/Geometry>
#include <cmath>

#include "core/atmosphere.h"
#include "core/geodesy.h"

namespace rampart::engagement {

const char* to_string(FlyoutEnd end) {
  switch (end) {
    case FlyoutEnd::kFlying: return "flying";
    case FlyoutEnd::kClosestApproach: return "closest approach";
    case FlyoutEnd::kOutOfEnergy: return "out of energy";
    case FlyoutEnd::kOutOfTime: return "out of time";
    case FlyoutEnd::kGround: return "hit the ground";
  }
  return "?";
}

FlyoutState launch_state(const Eigen::Vector3d& p_launch_enu_m, const Eigen::Vector3d& v_launcher_enu_mps,
                         const Eigen::Vector3d& aim_enu_m, bool from_surface) {
  const Eigen::Vector3d to_aim = aim_enu_m - p_launch_enu_m;
  Eigen::Vector3d direction = to_aim.norm() > 0.0 ? Eigen::Vector3d(to_aim.normalized()) : Eigen::Vector3d::UnitZ();
  if (from_surface && direction.z() < std::sin(kSurfaceLaunchMinElevation_rad)) {
    const double ground = direction.head<2>().norm();
    const Eigen::Vector2d heading = ground > 0.0 ? Eigen::Vector2d(direction.head<2>() / ground) : Eigen::Vector2d::UnitY();
    direction << std::cos(kSurfaceLaunchMinElevation_rad) * heading, std::sin(kSurfaceLaunchMinElevation_rad);
  }
  return {p_launch_enu_m, v_launcher_enu_mps + kLaunchSpeed_mps * direction, 0.0, false};
}

double max_lateral_accel_mps2(const messages::InterceptorDynamics& d, double altitude_m, double speed_mps) {
  const double q_pa = 0.5 * air_density_kgpm3(altitude_m) * speed_mps * speed_mps;
  return d.max_g * kStandardGravity_mps2 * std::min(1.0, q_pa / kFullControlDynamicPressure_pa);
}

FlyoutStep flyout_step(FlyoutState& s, const messages::InterceptorDynamics& d, double origin_alt_m,
                       const Eigen::Vector3d& p_target_enu_m, const Eigen::Vector3d& v_target_enu_mps, double dt_s) {
  const Eigen::Vector3d up = Eigen::Vector3d::UnitZ();
  const double alt_m = altitude_m(s.p_enu_m, origin_alt_m);
  const double speed_mps = s.v_enu_mps.norm();
  // A round at a standstill (possible only with min_speed_mps 0) points up until gravity moves it.
  const Eigen::Vector3d u = speed_mps > 0.0 ? Eigen::Vector3d(s.v_enu_mps / speed_mps) : up;
  const double q_pa = 0.5 * air_density_kgpm3(alt_m) * speed_mps * speed_mps;
  const double thrust_mps2 = s.flight_time_s < d.boost_s                 ? d.boost_accel_mps2
                             : s.flight_time_s < d.boost_s + d.sustain_s ? d.sustain_accel_mps2
                                                                         : 0.0;
  const double drag_mps2 = q_pa * d.drag_area_per_mass_m2pkg;

  const Eigen::Vector3d r0 = p_target_enu_m - s.p_enu_m;
  const Eigen::Vector3d w0 = v_target_enu_mps - s.v_enu_mps;
  const double range_m = r0.norm();
  Eigen::Vector3d command = kStandardGravity_mps2 * up;
  if (range_m > 0.0) {
    const Eigen::Vector3d los = r0 / range_m;
    const Eigen::Vector3d los_rate_radps = r0.cross(w0) / (range_m * range_m);
    const double closing_mps = -r0.dot(w0) / range_m;
    command += d.nav_constant * closing_mps * los_rate_radps.cross(los);
  }
  Eigen::Vector3d lateral = command - command.dot(u) * u;
  const double limit_mps2 = max_lateral_accel_mps2(d, alt_m, speed_mps);
  if (lateral.norm() > limit_mps2) lateral *= limit_mps2 / lateral.norm();
  const Eigen::Vector3d accel = (thrust_mps2 - drag_mps2) * u + lateral - kStandardGravity_mps2 * up;

  const Eigen::Vector3d p0 = s.p_enu_m;
  const Eigen::Vector3d v0 = s.v_enu_mps;
  s.v_enu_mps = v0 + accel * dt_s;
  s.p_enu_m = p0 + 0.5 * (v0 + s.v_enu_mps) * dt_s;
  s.flight_time_s += dt_s;

  FlyoutStep out;
  const Eigen::Vector3d r1 = p_target_enu_m + v_target_enu_mps * dt_s - s.p_enu_m;
  const bool opening = r1.dot(v_target_enu_mps - s.v_enu_mps) >= 0.0;
  if (s.closing && opening) {
    const Eigen::Vector3d dr = r1 - r0;
    const double f = dr.squaredNorm() > 0.0 ? std::clamp(-r0.dot(dr) / dr.squaredNorm(), 0.0, 1.0) : 0.0;
    out.end = FlyoutEnd::kClosestApproach;
    out.miss_distance_m = (r0 + f * dr).norm();
    out.p_end_enu_m = p0 + f * (s.p_enu_m - p0);
    out.time_into_step_s = f * dt_s;
    return out;
  }
  s.closing = s.closing || !opening;
  out.p_end_enu_m = s.p_enu_m;
  out.miss_distance_m = r1.norm();
  out.time_into_step_s = dt_s;
  if (altitude_m(s.p_enu_m, origin_alt_m) < 0.0) {
    out.end = FlyoutEnd::kGround;
  } else if (s.flight_time_s > d.boost_s && s.v_enu_mps.norm() < d.min_speed_mps) {
    out.end = FlyoutEnd::kOutOfEnergy;
  } else if (s.flight_time_s >= d.max_flight_time_s) {
    out.end = FlyoutEnd::kOutOfTime;
  }
  return out;
}

FlyoutResult fly(const messages::InterceptorDynamics& d, const Eigen::Vector3d& p_launch_enu_m,
                 const Eigen::Vector3d& v_launcher_enu_mps, bool from_surface, const Eigen::Vector3d& aim_enu_m,
                 const Eigen::Vector3d& p_target_enu_m, const Eigen::Vector3d& v_target_enu_mps, double origin_alt_m) {
  FlyoutState s = launch_state(p_launch_enu_m, v_launcher_enu_mps, aim_enu_m, from_surface);
  FlyoutResult r;
  Eigen::Vector3d target_enu_m = p_target_enu_m;
  while (true) {
    const double t0_s = s.flight_time_s;
    const FlyoutStep step = flyout_step(s, d, origin_alt_m, target_enu_m, v_target_enu_mps, kFlyoutStep_s);
    ++r.steps;
    target_enu_m += v_target_enu_mps * kFlyoutStep_s;
    if (step.end == FlyoutEnd::kFlying) continue;
    r.end = step.end;
    r.time_of_flight_s = t0_s + step.time_into_step_s;
    r.miss_distance_m = step.miss_distance_m;
    r.p_end_enu_m = step.p_end_enu_m;
    r.speed_mps = s.v_enu_mps.norm();
    return r;
  }
}

}  // namespace rampart::engagement
