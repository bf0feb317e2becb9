#include "tracking/kalman.h"

#include <Eigen/Dense>

namespace rampart::tracking {
namespace {

template <int M>
Eigen::Matrix<double, M, M> innovation_covariance(const CvState& s, const PositionMeasurement& z) {
  return s.P.topLeftCorner<M, M>() + z.R_m2.topLeftCorner<M, M>();
}

template <int M>
double mahalanobis2_fixed(const CvState& s, const PositionMeasurement& z) {
  const Eigen::Matrix<double, M, 1> nu = z.z_m.head<M>() - s.x.head<M>();
  return nu.dot(innovation_covariance<M>(s, z).ldlt().solve(nu));
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

PositionMeasurement measurement_of(const Plot& plot) {
  return {plot.p_enu_m, plot.p_cov_m2, plot.has_elevation};
}

double mahalanobis2(const CvState& predicted, const PositionMeasurement& z) {
  return z.has_up ? mahalanobis2_fixed<3>(predicted, z) : mahalanobis2_fixed<2>(predicted, z);
}

CvState update_position(const CvState& predicted, const PositionMeasurement& z) {
  return z.has_up ? update_fixed<3>(predicted, z) : update_fixed<2>(predicted, z);
}

}  // namespace rampart::tracking
