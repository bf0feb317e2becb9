#include "tracking/measurement_models.h"

#include <cmath>

#include "core/units.h"

namespace rampart::tracking {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

class PolarModel final : public MeasurementModel {
 public:
  explicit PolarModel(const PolarSensor& s) : s_(s) {
    el_index_ = s.has_elevation ? 2 : -1;
    rr_index_ = s.has_range_rate ? (s.has_elevation ? 3 : 2) : -1;
    dimension_ = 2 + (s.has_elevation ? 1 : 0) + (s.has_range_rate ? 1 : 0);
  }
  int dimension() const override { return dimension_; }

  VectorXd predict(const VectorXd& x) const override {
    return polar_of(s_, x.head<3>(), x.segment<3>(3));
  }

  MatrixXd jacobian(const VectorXd& x) const override {
    const Eigen::Matrix3d Rt = s_.R_scenario_from_sensor.transpose();
    const Eigen::Vector3d d = Rt * (x.head<3>() - s_.sensor_enu_m);
    const Eigen::Vector3d u = Rt * x.segment<3>(3);
    const double r = d.norm();
    const double rho2 = d.x() * d.x() + d.y() * d.y();
    const double rho = std::sqrt(rho2);
    // Derivatives with respect to the sensor-frame d (and u), then rotated: d/dp = (d/dd) R'.
    MatrixXd H = MatrixXd::Zero(dimension_, x.size());
    const Eigen::RowVector3d drange = d.transpose() / r;
    const Eigen::RowVector3d daz(d.y() / rho2, -d.x() / rho2, 0.0);
    H.block<1, 3>(0, 0) = drange * Rt;
    H.block<1, 3>(1, 0) = daz * Rt;
    if (el_index_ >= 0) {
      const Eigen::RowVector3d del(-d.x() * d.z() / (r * r * rho), -d.y() * d.z() / (r * r * rho),
                                   rho / (r * r));
      H.block<1, 3>(el_index_, 0) = del * Rt;
    }
    if (rr_index_ >= 0) {
      const double rr = d.dot(u) / r;
      const Eigen::RowVector3d drr_dd = (u.transpose() - rr * d.transpose() / r) / r;
      H.block<1, 3>(rr_index_, 0) = drr_dd * Rt;
      H.block<1, 3>(rr_index_, 3) = drange * Rt;
    }
    return H;
  }

  MatrixXd noise() const override {
    VectorXd sigma(dimension_);
    sigma(0) = s_.range_sigma_m;
    sigma(1) = s_.az_sigma_rad;
    if (el_index_ >= 0) sigma(el_index_) = s_.el_sigma_rad;
    if (rr_index_ >= 0) sigma(rr_index_) = s_.range_rate_sigma_mps;
    return sigma.array().square().matrix().asDiagonal();
  }

  VectorXd residual(const VectorXd& z, const VectorXd& z_predicted) const override {
    VectorXd r = z - z_predicted;
    r(1) = wrap_pi(r(1));
    if (el_index_ >= 0) r(el_index_) = wrap_pi(r(el_index_));
    return r;
  }

  VectorXd mean(const std::vector<VectorXd>& z, const VectorXd& w) const override {
    VectorXd m = VectorXd::Zero(dimension_);
    double sin_sum = 0.0;
    double cos_sum = 0.0;
    for (std::size_t i = 0; i < z.size(); ++i) {
      m += w(static_cast<Eigen::Index>(i)) * z[i];
      sin_sum += w(static_cast<Eigen::Index>(i)) * std::sin(z[i](1));
      cos_sum += w(static_cast<Eigen::Index>(i)) * std::cos(z[i](1));
    }
    m(1) = wrap_two_pi(std::atan2(sin_sum, cos_sum));
    return m;
  }

 private:
  PolarSensor s_;
  int el_index_ = -1;
  int rr_index_ = -1;
  int dimension_ = 2;
};

class PositionModel final : public MeasurementModel {
 public:
  PositionModel(const MatrixXd& R, bool has_up, double lag_s) : R_(R), m_(has_up ? 3 : 2), lag_s_(lag_s) {}
  int dimension() const override { return m_; }
  VectorXd predict(const VectorXd& x) const override { return x.head(m_) - lag_s_ * x.segment(3, m_); }
  MatrixXd jacobian(const VectorXd& x) const override {
    MatrixXd H = MatrixXd::Zero(m_, x.size());
    H.leftCols(m_).setIdentity();
    H.block(0, 3, m_, m_) = -lag_s_ * MatrixXd::Identity(m_, m_);
    return H;
  }
  MatrixXd noise() const override { return R_; }
  VectorXd residual(const VectorXd& z, const VectorXd& z_predicted) const override {
    return z - z_predicted;
  }
  VectorXd mean(const std::vector<VectorXd>& z, const VectorXd& w) const override {
    VectorXd m = VectorXd::Zero(m_);
    for (std::size_t i = 0; i < z.size(); ++i) m += w(static_cast<Eigen::Index>(i)) * z[i];
    return m;
  }

 private:
  MatrixXd R_;
  int m_;
  double lag_s_;
};

// E[q q'] for q = rho (cos e sin a, cos e cos a, sin e) (east, north, up) when E[rho^2] = r2,
// E[sin a] = k_a1 sin a_m, E[cos a] = k_a1 cos a_m, E[cos 2a] = k_a2 cos 2a_m,
// E[sin 2a] = k_a2 sin 2a_m, and likewise k_e2 for 2e (angles independent of each other and of rho).
Eigen::Matrix3d polar_second_moment(double r2, double a, double e, double k_a1, double k_a2, double k_e2) {
  const double cos2e = 0.5 * (1.0 + k_e2 * std::cos(2.0 * e));
  const double sin2e = 0.5 * (1.0 - k_e2 * std::cos(2.0 * e));
  const double sincos_e = 0.5 * k_e2 * std::sin(2.0 * e);
  Eigen::Matrix3d m;
  m(0, 0) = r2 * cos2e * 0.5 * (1.0 - k_a2 * std::cos(2.0 * a));
  m(1, 1) = r2 * cos2e * 0.5 * (1.0 + k_a2 * std::cos(2.0 * a));
  m(0, 1) = m(1, 0) = r2 * cos2e * 0.5 * k_a2 * std::sin(2.0 * a);
  m(2, 2) = r2 * sin2e;
  m(0, 2) = m(2, 0) = r2 * sincos_e * k_a1 * std::sin(a);
  m(1, 2) = m(2, 1) = r2 * sincos_e * k_a1 * std::cos(a);
  return m;
}

}  // namespace

std::unique_ptr<MeasurementModel> make_polar_model(const PolarSensor& sensor) {
  return std::make_unique<PolarModel>(sensor);
}

std::unique_ptr<MeasurementModel> make_position_model(const Eigen::MatrixXd& R_m2, bool has_up,
                                                      double lag_s) {
  return std::make_unique<PositionModel>(R_m2, has_up, lag_s);
}

Eigen::VectorXd polar_of(const PolarSensor& s, const Eigen::Vector3d& p_enu_m,
                         const Eigen::Vector3d& v_enu_mps) {
  const Eigen::Matrix3d Rt = s.R_scenario_from_sensor.transpose();
  const Eigen::Vector3d d = Rt * (p_enu_m - s.sensor_enu_m);
  const Eigen::Vector3d u = Rt * v_enu_mps;
  const int n = 2 + (s.has_elevation ? 1 : 0) + (s.has_range_rate ? 1 : 0);
  Eigen::VectorXd z(n);
  const double r = d.norm();
  z(0) = r;
  z(1) = azimuth_rad(d.x(), d.y());
  int k = 2;
  if (s.has_elevation) z(k++) = std::atan2(d.z(), std::hypot(d.x(), d.y()));
  if (s.has_range_rate) z(k) = d.dot(u) / r;
  return z;
}

ConvertedMeasurement unbiased_conversion(const PolarSensor& s, double range_m, double az_rad,
                                         double el_rad) {
  const double la = std::exp(-0.5 * s.az_sigma_rad * s.az_sigma_rad);
  const double le = std::exp(-0.5 * s.el_sigma_rad * s.el_sigma_rad);
  const double sr2 = s.range_sigma_m * s.range_sigma_m;
  const Eigen::Vector3d scale(1.0 / (la * le), 1.0 / (la * le), 1.0 / le);
  const Eigen::Vector3d u =
      scale.cwiseProduct(range_m * Eigen::Vector3d(std::cos(el_rad) * std::sin(az_rad),
                                                   std::cos(el_rad) * std::cos(az_rad), std::sin(el_rad)));
  // R = E[Cov(u | p) | measurement] = E[u u' | measurement] - E[p p' | measurement]: the first
  // averages the angle moments twice (over the noise given the truth, then over the truth given
  // the measurement), hence the squared factors.
  const Eigen::Matrix3d Euu = scale.asDiagonal() *
                              polar_second_moment(range_m * range_m + 2.0 * sr2, az_rad, el_rad,
                                                  la * la, std::pow(la, 8), std::pow(le, 8)) *
                              scale.asDiagonal();
  const Eigen::Matrix3d Epp = polar_second_moment(range_m * range_m + sr2, az_rad, el_rad, la,
                                                  std::pow(la, 4), std::pow(le, 4));
  const Eigen::Matrix3d& rot = s.R_scenario_from_sensor;
  return {s.sensor_enu_m + rot * u, rot * (Euu - Epp) * rot.transpose()};
}

}  // namespace rampart::tracking
