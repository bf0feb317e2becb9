#include "tracking/track_management.h"

#include <algorithm>

#include "core/units.h"

namespace rampart::tracking {

bool was_looked_at(const PlotBatch& batch, const Eigen::Vector3d& p_enu_m) {
  const Eigen::Vector3d p_sensor_m =
      batch.R_scenario_from_sensor.transpose() * (p_enu_m - batch.sensor_enu_m);
  if (!(p_sensor_m.norm() < batch.max_range_m)) return false;
  const double sweep_rad = batch.az_end_rad - batch.az_begin_rad;
  if (sweep_rad >= kTwoPi) return true;
  const double az_rad = azimuth_rad(p_sensor_m.x(), p_sensor_m.y());
  return wrap_two_pi(az_rad - batch.az_begin_rad) <= wrap_two_pi(sweep_rad);
}

bool m_of_n_confirmed(const LookHistory& history, const ConfirmationRule& rule) {
  return history.hits >= rule.hits_m && history.looks <= rule.window_n;
}

bool m_of_n_failed(const LookHistory& history, const ConfirmationRule& rule) {
  return history.hits + std::max(0, rule.window_n - history.looks) < rule.hits_m;
}

CvState initial_state(const Plot& plot, double initial_speed_sigma_mps) {
  CvState s;
  s.x.head<3>() = plot.p_enu_m;
  s.P = Matrix6d::Zero();
  if (plot.has_elevation) {
    s.P.topLeftCorner<3, 3>() = plot.p_cov_m2;
  } else {
    s.P.topLeftCorner<2, 2>() = plot.p_cov_m2.topLeftCorner<2, 2>();
    s.P(2, 2) = kUnmeasuredHeightSigma_m * kUnmeasuredHeightSigma_m;
  }
  s.P.bottomRightCorner<3, 3>().diagonal().setConstant(initial_speed_sigma_mps *
                                                       initial_speed_sigma_mps);
  return s;
}

}  // namespace rampart::tracking
