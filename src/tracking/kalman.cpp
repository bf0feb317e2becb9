#include "tracking/kalman.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace rampart::tracking {
namespace {

template <int M>
Eigen::Matrix<double, M, M> innovation_covariance(const CvState& s, const PositionMeasurement& z) {
  return s.P.topLeftCorner<M, M>() + z.R_m2.topLeftCorner<M, M>();
}

template <int M>
InnovationStats stats_fixed(const CvState& s, const PositionMeasurement& z) {
  const Eigen::Matrix<double, M, 1> nu = z.z_m.head<M>() - s.x.head<M>();
  const Eigen::LDLT<Eigen::Matrix<double, M, M>> ldlt(innovation_covariance<M>(s, z));
  return {nu.dot(ldlt.solve(nu)), ldlt.vectorD().array().log().sum(), M};
}

template <int M>
CvState update_fixed(const CvState& s, const PositionMeasurement& z) {
  const Eigen::Matrix<double, M, M> S = innovation_covariance<M>(s, z);
  const Eigen::Matrix<double, 6, M> PHt = s.P.leftCols<M>();
  const Eigen::Matrix<double, 6, M> K = S.ldlt().solve(PHt.transpose()).transpose();
  Matrix6d I_KH = Matrix6d::Identity();
  I_KH.leftCols<M>() -= K;
  CvState out;
  out.x = s.x + K * (z.z_m.head<M>() - s.x.head<M>());
  out.P = I_KH * s.P * I_KH.transpose() + K * z.R_m2.topLeftCorner<M, M>() * K.transpose();
  out.P = 0.5 * (out.P + out.P.transpose()).eval();
  return out;
}

}  // namespace

Matrix6d cv_transition(double dt_s) {
  Matrix6d F = Matrix6d::Identity();
  F.topRightCorner<3, 3>().diagonal().setConstant(dt_s);
  return F;
}

Matrix6d cv_process_noise(double dt_s, double q_m2ps3) {
  Matrix6d Q = Matrix6d::Zero();
  const double dt2 = dt_s * dt_s;
  Q.topLeftCorner<3, 3>().diagonal().setConstant(q_m2ps3 * dt2 * dt_s / 3.0);
  Q.topRightCorner<3, 3>().diagonal().setConstant(q_m2ps3 * dt2 / 2.0);
  Q.bottomLeftCorner<3, 3>().diagonal().setConstant(q_m2ps3 * dt2 / 2.0);
  Q.bottomRightCorner<3, 3>().diagonal().setConstant(q_m2ps3 * dt_s);
  return Q;
}

CvState predict_cv(const CvState& state, double dt_s, double q_m2ps3) {
  const Matrix6d F = cv_transition(dt_s);
  return {F * state.x, F * state.P * F.transpose() + cv_process_noise(dt_s, q_m2ps3)};
}

CvState retrodict_cv(const CvState& state, double lag_s, double q_m2ps3) {
  const Matrix6d back = cv_transition(-lag_s);
  return {back * state.x, back * state.P * back.transpose() + cv_process_noise(lag_s, q_m2ps3)};
}

CvState update_position_lagged(const CvState& state, const PositionMeasurement& z, double lag_s,
                               double q_m2ps3) {
  const Matrix6d back = cv_transition(-lag_s);
  const Matrix6d forward = cv_transition(lag_s);
  PositionMeasurement widened = z;
  widened.R_m2 += cv_process_noise(lag_s, q_m2ps3).topLeftCorner<3, 3>();
  const CvState moved = update_position({back * state.x, back * state.P * back.transpose()}, widened);
  return {forward * moved.x, forward * moved.P * forward.transpose()};
}

namespace {
constexpr double kMaxHeightOverRange = 0.95;
}  // namespace

double ground_range_shortening_m(double range_m, double dh_m) {
  const double dh_capped_m = std::min(std::abs(dh_m), kMaxHeightOverRange * range_m);
  return range_m - std::sqrt(range_m * range_m - dh_capped_m * dh_capped_m);
}

PositionMeasurement measurement_of(const Plot& plot, const CvState& predicted) {
  if (plot.has_elevation || plot.range_m <= 0.0) return {plot.p_enu_m, plot.p_cov_m2, plot.has_elevation};
  const double r_m = plot.range_m;
  const Eigen::Vector3d& u = plot.sensor_up_enu;
  const double dh_m = std::clamp((predicted.x.head<3>() - plot.sensor_enu_m).dot(u), -kMaxHeightOverRange * r_m,
                                 kMaxHeightOverRange * r_m);
  const double sin_el = dh_m / r_m;
  const double cos_el = std::sqrt(1.0 - sin_el * sin_el);
  const Eigen::Vector3d level_m = plot.p_enu_m - plot.sensor_enu_m;  // r h, h horizontal at the sensor
  PositionMeasurement z{plot.sensor_enu_m + cos_el * level_m + r_m * sin_el * u, plot.p_cov_m2, false};
  const Eigen::Vector2d h = level_m.head<2>() / r_m;
  const double range_var_m2 = plot.range_sigma_m > 0.0 ? plot.range_sigma_m * plot.range_sigma_m
                                                       : h.dot(plot.p_cov_m2.topLeftCorner<2, 2>() * h) / h.squaredNorm();
  const double height_var_m2 = u.dot(predicted.P.topLeftCorner<3, 3>() * u);
  const double tan2_el = sin_el * sin_el / (cos_el * cos_el);
  const double added_var_m2 = range_var_m2 * tan2_el + height_var_m2 * tan2_el;  // sigma_r^2 (1/cos^2 - 1) + ...
  z.R_m2.topLeftCorner<2, 2>() += added_var_m2 * h * h.transpose();
  return z;
}

double InnovationStats::log_likelihood() const {
  return -0.5 * (d2 + log_det_S + dimension * std::log(2.0 * std::numbers::pi));
}

InnovationStats innovation_stats(const CvState& predicted, const PositionMeasurement& z) {
  return z.has_up ? stats_fixed<3>(predicted, z) : stats_fixed<2>(predicted, z);
}

CvState update_position(const CvState& predicted, const PositionMeasurement& z) {
  return z.has_up ? update_fixed<3>(predicted, z) : update_fixed<2>(predicted, z);
}

}  // namespace rampart::tracking
