// What the sensors pass the tracker: radar plots and the batches (looks) they come in.
//
// Frames: the scenario frame is ENU at the scenario origin (metres). A sensor measures in its own
// local ENU frame (tangent at the sensor); `R_scenario_from_sensor` rotates sensor-frame vectors
// into the scenario frame, so a filter can use the raw polar measurement properly.
// A plot carries no truth: the tracker and C2 never learn which target (if any) caused it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <vector>

namespace rampart::messages {

/// One radar detection: the raw polar measurement and its conversion to the scenario frame.
struct Plot {
  std::uint64_t id = 0;  ///< unique within a run
  double t_s = 0.0;
  int sensor_id = 0;
  double range_m = 0.0;
  double az_rad = 0.0;  ///< compass azimuth in the sensor frame
  double el_rad = 0.0;  ///< elevation in the sensor frame; meaningful only if has_elevation
  bool has_elevation = false;
  double range_sigma_m = 0.0;
  double az_sigma_rad = 0.0;
  double el_sigma_rad = 0.0;
  /// A Doppler radar's radial speed (positive receding) and its sigma.
  bool has_radial_speed = false;
  double radial_speed_mps = 0.0;
  double radial_speed_sigma_mps = 0.0;
  /// The plot's amplitude: the echo's power per pulse at the receiver input (what ASTERIX I048/130
  /// PAM reports), when the sensor measures it.
  std::optional<double> amplitude_dbm;
  /// Where the sensor stood (scenario frame) and its local vertical there (a unit vector in the
  /// scenario frame), so that the tracker can place a 2-D plot (range and azimuth, no elevation)
  /// at a track's height (tracking/kalman.h). Meaningful when range_m > 0.
  Eigen::Vector3d sensor_enu_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d sensor_up_enu = Eigen::Vector3d::UnitZ();
  /// Position in the scenario frame. For a 2-D radar the elevation is taken as zero, so only
  /// east and north are measurements.
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  /// Covariance of p_enu_m (first-order conversion of the polar noise); for a 2-D radar the
  /// up row and column are zero and must not be used.
  Eigen::Matrix3d p_cov_m2 = Eigen::Matrix3d::Zero();
};

/// What one sensor produced in one look: the azimuth sector its beam swept during
/// [t_begin_s, t_s] and the plots found there. A track whose predicted position lies in the
/// sector and inside max_range_m was looked at, whether or not a plot came back.
struct PlotBatch {
  int sensor_id = 0;
  double t_begin_s = 0.0;
  double t_s = 0.0;
  double az_begin_rad = 0.0;  ///< sector start (sensor frame, compass)
  double az_end_rad = 0.0;    ///< sector end, clockwise from az_begin_rad
  double max_range_m = 0.0;
  Eigen::Vector3d sensor_enu_m = Eigen::Vector3d::Zero();
  Eigen::Matrix3d R_scenario_from_sensor = Eigen::Matrix3d::Identity();
  std::vector<Plot> plots;
};

}  // namespace rampart::messages
