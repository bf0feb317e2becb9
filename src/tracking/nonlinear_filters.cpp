#include "tracking/nonlinear_filters.h"

#include <Eigen/Dense>
#include <cmath>
#include <numbers>
#include <vector>

#include "core/error.h"

namespace rampart::tracking {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

MatrixXd symmetric(const MatrixXd& P) { return 0.5 * (P + P.transpose()); }

struct SigmaPoints {
  std::vector<VectorXd> points;
  VectorXd mean_weights;
  VectorXd cov_weights;
};

SigmaPoints sigma_points(const Gaussian& g, const UnscentedParameters& p) {
  const auto n = g.x.size();
  const double nd = static_cast<double>(n);
  const double lambda = p.alpha * p.alpha * (nd + p.kappa) - nd;
  // A square root that exists for positive semi-definite P (LDLT with clamped pivots).
  const Eigen::LDLT<MatrixXd> ldlt((nd + lambda) * g.P);
  const VectorXd d = ldlt.vectorD().cwiseMax(0.0).cwiseSqrt();
  const MatrixXd L = ldlt.transpositionsP().transpose() * MatrixXd(ldlt.matrixL()) * d.asDiagonal();
  SigmaPoints s;
  s.points.push_back(g.x);
  for (Eigen::Index i = 0; i < n; ++i) s.points.push_back(g.x + L.col(i));
  for (Eigen::Index i = 0; i < n; ++i) s.points.push_back(g.x - L.col(i));
  s.mean_weights = VectorXd::Constant(2 * n + 1, 0.5 / (nd + lambda));
  s.cov_weights = s.mean_weights;
  s.mean_weights(0) = lambda / (nd + lambda);
  s.cov_weights(0) = lambda / (nd + lambda) + 1.0 - p.alpha * p.alpha + p.beta;
  return s;
}

FilterUpdate finish_update(const Gaussian& predicted, const MatrixXd& cross, const MatrixXd& S,
                           const VectorXd& nu, const MatrixXd& R, const MatrixXd* H) {
  const Eigen::LDLT<MatrixXd> S_ldlt(S);
  const MatrixXd K = S_ldlt.solve(cross.transpose()).transpose();
  FilterUpdate u;
  u.posterior.x = predicted.x + K * nu;
  if (H != nullptr) {
    const MatrixXd I_KH = MatrixXd::Identity(predicted.x.size(), predicted.x.size()) - K * *H;
    u.posterior.P = symmetric(I_KH * predicted.P * I_KH.transpose() + K * R * K.transpose());
  } else {
    u.posterior.P = symmetric(predicted.P - K * S * K.transpose());
  }
  u.innovation = nu;
  u.S = S;
  u.log_likelihood = gaussian_log_likelihood(nu, S);
  return u;
}

}  // namespace

double gaussian_log_likelihood(const VectorXd& nu, const MatrixXd& S) {
  const Eigen::LDLT<MatrixXd> ldlt(S);
  RAMPART_DEMAND(ldlt.info() == Eigen::Success && ldlt.isPositive(),
                 "innovation covariance must be positive definite");
  const double log_det = ldlt.vectorD().array().log().sum();
  return -0.5 * (nu.dot(ldlt.solve(nu)) + log_det +
                 static_cast<double>(nu.size()) * std::log(2.0 * std::numbers::pi));
}

Gaussian ekf_predict(const Gaussian& prior, const MotionModel& model, double dt_s) {
  const MatrixXd F = model.jacobian(prior.x, dt_s);
  return {model.transition(prior.x, dt_s),
          symmetric(F * prior.P * F.transpose() + model.process_noise(prior.x, dt_s))};
}

FilterUpdate ekf_update(const Gaussian& predicted, const MeasurementModel& model, const VectorXd& z) {
  const MatrixXd H = model.jacobian(predicted.x);
  const MatrixXd R = model.noise();
  const MatrixXd S = symmetric(H * predicted.P * H.transpose() + R);
  const VectorXd nu = model.residual(z, model.predict(predicted.x));
  return finish_update(predicted, predicted.P * H.transpose(), S, nu, R, &H);
}

Gaussian ukf_predict(const Gaussian& prior, const MotionModel& model, double dt_s,
                     const UnscentedParameters& params) {
  const SigmaPoints s = sigma_points(prior, params);
  std::vector<VectorXd> moved;
  for (const VectorXd& p : s.points) moved.push_back(model.transition(p, dt_s));
  Gaussian out{VectorXd::Zero(prior.x.size()), model.process_noise(prior.x, dt_s)};
  for (std::size_t i = 0; i < moved.size(); ++i) out.x += s.mean_weights(static_cast<Eigen::Index>(i)) * moved[i];
  for (std::size_t i = 0; i < moved.size(); ++i) {
    const VectorXd d = moved[i] - out.x;
    out.P += s.cov_weights(static_cast<Eigen::Index>(i)) * d * d.transpose();
  }
  out.P = symmetric(out.P);
  return out;
}

FilterUpdate ukf_update(const Gaussian& predicted, const MeasurementModel& model, const VectorXd& z,
                        const UnscentedParameters& params) {
  const SigmaPoints s = sigma_points(predicted, params);
  std::vector<VectorXd> zs;
  for (const VectorXd& p : s.points) zs.push_back(model.predict(p));
  const VectorXd z_mean = model.mean(zs, s.mean_weights);
  MatrixXd S = model.noise();
  MatrixXd cross = MatrixXd::Zero(predicted.x.size(), model.dimension());
  for (std::size_t i = 0; i < zs.size(); ++i) {
    const double w = s.cov_weights(static_cast<Eigen::Index>(i));
    const VectorXd dz = model.residual(zs[i], z_mean);
    S += w * dz * dz.transpose();
    cross += w * (s.points[i] - predicted.x) * dz.transpose();
  }
  return finish_update(predicted, cross, symmetric(S), model.residual(z, z_mean), model.noise(), nullptr);
}

}  // namespace rampart::tracking
