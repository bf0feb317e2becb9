// Measurement models for the nonlinear filters: z = h(x) + w, w ~ N(0, R), on the state layout
// whose first six components are p_enu_m and v_enu_mps (any dimension >= 6).
//
// Polar radar measurement, from a sensor at s (scenario frame) with axes R_scenario_from_sensor:
//   d = R' (p - s), u = R' v (sensor frame: east, north, up),
//   range = |d|, azimuth = atan2(d_e, d_n) (compass), elevation = atan2(d_u, |d_en|),
//   range rate = d . u / |d|.
// Which of elevation and range rate are measured is chosen per model; angle residuals are
// wrapped to [-pi, pi). The Jacobian is analytic (checked numerically in a test).
// Position measurement: z = p (or its east and north only), linear, R given.
// Unbiased converted measurement (Mo Longbin et al. 1998) in 3-D: the polar plot converted to
// Cartesian with each cos/sin of a noisy angle divided by E[cos(noise)] = exp(-sigma^2/2), so
// E[u | p] = p; its covariance is the expected true covariance given the measurement,
// R = E[Cov(u | p) | measurement] (Duan, Han, Li 2004, "Comments on unbiased converted
// measurements for tracking", which corrects the consistency of Mo Longbin's R).
#pragma once

#include <Eigen/Core>
#include <memory>
#include <vector>

namespace rampart::tracking {

class MeasurementModel {
 public:
  virtual ~MeasurementModel() = default;
  virtual int dimension() const = 0;
  virtual Eigen::VectorXd predict(const Eigen::VectorXd& x) const = 0;
  virtual Eigen::MatrixXd jacobian(const Eigen::VectorXd& x) const = 0;
  virtual Eigen::MatrixXd noise() const = 0;
  /// z - z_predicted, with angles wrapped.
  virtual Eigen::VectorXd residual(const Eigen::VectorXd& z, const Eigen::VectorXd& z_predicted) const = 0;
  /// Weighted mean of predicted measurements (angles averaged on the circle).
  virtual Eigen::VectorXd mean(const std::vector<Eigen::VectorXd>& z, const Eigen::VectorXd& weights) const = 0;
};

struct PolarSensor {
  Eigen::Vector3d sensor_enu_m = Eigen::Vector3d::Zero();
  Eigen::Matrix3d R_scenario_from_sensor = Eigen::Matrix3d::Identity();
  bool has_elevation = true;
  bool has_range_rate = false;
  double range_sigma_m = 50.0;
  double az_sigma_rad = 0.002;
  double el_sigma_rad = 0.002;
  double range_rate_sigma_mps = 1.0;
};

/// Components, in order: range, azimuth, [elevation], [range rate].
std::unique_ptr<MeasurementModel> make_polar_model(const PolarSensor& sensor);

/// z = p (has_up) or z = (east, north) of the state lag_s ago, to first order:
/// z = p - lag_s v (lag_s = 0 for a plot of the state's own time). An out-of-sequence plot's R
/// should include the process noise over the lag (kalman.h).
std::unique_ptr<MeasurementModel> make_position_model(const Eigen::MatrixXd& R_m2, bool has_up,
                                                      double lag_s = 0.0);

/// The polar measurement without noise of a position and velocity, as make_polar_model orders it.
Eigen::VectorXd polar_of(const PolarSensor& sensor, const Eigen::Vector3d& p_enu_m,
                         const Eigen::Vector3d& v_enu_mps);

struct ConvertedMeasurement {
  Eigen::Vector3d p_enu_m;
  Eigen::Matrix3d R_m2;
};

/// Unbiased conversion of a 3-D polar plot (range, azimuth, elevation) to the scenario frame.
ConvertedMeasurement unbiased_conversion(const PolarSensor& sensor, double range_m, double az_rad,
                                         double el_rad);

}  // namespace rampart::tracking
