#include "c2/ballistic.h"

#include <cmath>

#include "core/units.h"

namespace rampart::c2 {

bool is_ballistic(const messages::TrackState& track) {
  const Eigen::Vector3d v_enu_mps = track.velocity_enu_mps();
  const double speed_mps = v_enu_mps.norm();
  return track.has_height && speed_mps >= kBallisticMinSpeed_mps &&
         -v_enu_mps.z() >= speed_mps * std::sin(kBallisticMinDive_rad);
}

Eigen::Vector3d ballistic_position_enu_m(const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& v_enu_mps, double t_s) {
  return p_enu_m + v_enu_mps * t_s - 0.5 * kStandardGravity_mps2 * t_s * t_s * Eigen::Vector3d::UnitZ();
}

Eigen::Vector3d ballistic_velocity_enu_mps(const Eigen::Vector3d& v_enu_mps, double t_s) {
  return v_enu_mps - kStandardGravity_mps2 * t_s * Eigen::Vector3d::UnitZ();
}

Impact predict_impact(const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& v_enu_mps, double origin_alt_m) {
  const double h0_m = std::max(altitude_m(p_enu_m, origin_alt_m), 0.0);
  const double v_up_mps = v_enu_mps.z();
  const double time_s =
      (v_up_mps + std::sqrt(v_up_mps * v_up_mps + 2.0 * kStandardGravity_mps2 * h0_m)) / kStandardGravity_mps2;
  return {time_s, ballistic_position_enu_m(p_enu_m, v_enu_mps, time_s)};
}

std::optional<Intercept> ballistic_intercept(const messages::InterceptReach& reach,
                                             const Eigen::Vector3d& p_launcher_enu_m, const Eigen::Vector3d& p_enu_m,
                                             const Eigen::Vector3d& v_enu_mps, const InterceptWindow& window,
                                             double origin_alt_m) {
  const double impact_s = predict_impact(p_enu_m, v_enu_mps, origin_alt_m).time_s;
  const double launcher_alt_m = altitude_m(p_launcher_enu_m, origin_alt_m);
  std::optional<std::pair<double, double>> previous;  // (tau, f) of the last sample in the window
  for (double tau_s = 0.0; tau_s < impact_s; tau_s += kInterceptScanStep_s) {
    const Eigen::Vector3d p_at_m = ballistic_position_enu_m(p_enu_m, v_enu_mps, tau_s);
    const Eigen::Vector3d d_m = p_at_m - p_launcher_enu_m;
    const double alt_m = altitude_m(p_at_m, origin_alt_m);
    const auto tof_s = alt_m >= window.min_altitude_m && alt_m <= window.max_altitude_m &&
                               d_m.norm() <= window.max_range_m
                           ? reach.time_of_flight_s_to(d_m.head<2>().norm(), alt_m - launcher_alt_m)
                           : std::nullopt;
    if (!tof_s) {
      previous.reset();
      continue;
    }
    const double f_s = tau_s - *tof_s;
    if (f_s >= 0.0) {
      if (!previous) return std::nullopt;  // the root lies before the window: wait
      const double root_s = previous->first + (tau_s - previous->first) * -previous->second / (f_s - previous->second);
      return Intercept{root_s, ballistic_position_enu_m(p_enu_m, v_enu_mps, root_s)};
    }
    previous = std::pair{tau_s, f_s};
  }
  return std::nullopt;
}

}  // namespace rampart::c2
