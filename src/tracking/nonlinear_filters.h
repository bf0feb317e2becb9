// Extended and unscented Kalman filters on any MotionModel and MeasurementModel.
//
// EKF: predict x' = f(x), P' = F P F' + Q (F = df/dx at x); update with H = dh/dx at the
//   prediction: nu = z (-) h(x) (angles wrapped), S = H P H' + R, K = P H' S^-1,
//   x+ = x + K nu, P+ = (I - K H) P (I - K H)' + K R K'.
// UKF (Julier-Uhlmann scaled unscented transform, Wan and van der Merwe's weights with
//   alpha, beta, kappa): 2n + 1 sigma points x +- columns of sqrt((n + lambda) P),
//   lambda = alpha^2 (n + kappa) - n; the predicted measurement mean is taken on the circle for
//   angles (MeasurementModel::mean) and residuals are wrapped.
// Both return the innovation, its covariance and the Gaussian log-likelihood
//   log N(nu; 0, S) that an IMM or JPDA weighs hypotheses with.
#pragma once

#include "tracking/measurement_models.h"
#include "tracking/motion_models.h"

namespace rampart::tracking {

struct FilterUpdate {
  Gaussian posterior;
  Eigen::VectorXd innovation;
  Eigen::MatrixXd S;
  double log_likelihood = 0.0;
};

Gaussian ekf_predict(const Gaussian& prior, const MotionModel& model, double dt_s);
FilterUpdate ekf_update(const Gaussian& predicted, const MeasurementModel& model,
                        const Eigen::VectorXd& z);

struct UnscentedParameters {
  double alpha = 1.0;
  double beta = 2.0;
  double kappa = 0.0;
};

Gaussian ukf_predict(const Gaussian& prior, const MotionModel& model, double dt_s,
                     const UnscentedParameters& params = {});
FilterUpdate ukf_update(const Gaussian& predicted, const MeasurementModel& model,
                        const Eigen::VectorXd& z, const UnscentedParameters& params = {});

/// log N(nu; 0, S).
double gaussian_log_likelihood(const Eigen::VectorXd& nu, const Eigen::MatrixXd& S);

}  // namespace rampart::tracking
