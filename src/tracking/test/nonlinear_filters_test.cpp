#include "tracking/nonlinear_filters.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <numbers>

#include "core/random.h"
#include "tracking/kalman.h"

namespace rampart::tracking {
namespace {

Gaussian sample_prior() {
  Eigen::Matrix<double, 6, 1> x;
  x << 12'000.0, -5'000.0, 3'000.0, -150.0, 60.0, 2.0;
  Eigen::Matrix<double, 6, 6> P = Eigen::Matrix<double, 6, 6>::Identity() * 400.0;
  P.bottomRightCorner<3, 3>() *= 0.25;
  P(0, 3) = P(3, 0) = 50.0;
  return embed_cv_state(x, P, 0.0, 0.0);
}

TEST(NonlinearFilters, EkfAndUkfEqualTheKalmanFilterOnALinearModel) {
  const Gaussian prior = sample_prior();
  const auto cv = make_constant_velocity_model(2.0);
  Eigen::Matrix3d R = Eigen::Matrix3d::Identity() * 900.0;
  R(0, 1) = R(1, 0) = 100.0;
  const Eigen::Vector3d z(11'500.0, -4'700.0, 3'100.0);

  CvState kf{prior.x.head<6>(), prior.P.topLeftCorner<6, 6>()};
  kf = update_position(predict_cv(kf, 3.0, 2.0), {z, R, true});
  const auto position = make_position_model(R, true);
  const Gaussian ekf = ekf_update(ekf_predict(prior, *cv, 3.0), *position, z).posterior;
  const Gaussian ukf = ukf_update(ukf_predict(prior, *cv, 3.0), *position, z).posterior;
  EXPECT_LT((ekf.x.head<6>() - kf.x).cwiseAbs().maxCoeff(), 1e-8);
  EXPECT_LT((ekf.P.topLeftCorner<6, 6>() - kf.P).cwiseAbs().maxCoeff(), 1e-7);
  EXPECT_LT((ukf.x.head<6>() - kf.x).cwiseAbs().maxCoeff(), 1e-6);
  EXPECT_LT((ukf.P.topLeftCorner<6, 6>() - kf.P).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(NonlinearFilters, LogLikelihoodIsTheGaussianDensity) {
  Eigen::VectorXd nu(2);
  nu << 1.0, -2.0;
  Eigen::MatrixXd S(2, 2);
  S << 4.0, 1.0, 1.0, 9.0;
  const double expected =
      std::log(std::exp(-0.5 * nu.dot(S.inverse() * nu)) / (2.0 * std::numbers::pi * std::sqrt(S.determinant())));
  EXPECT_NEAR(gaussian_log_likelihood(nu, S), expected, 1e-12);
}

// Mean NEES of the position-velocity part over Monte Carlo runs of a straight target observed
// in range, azimuth, elevation and range rate.
double mean_nees(bool unscented) {
  PolarSensor sensor;
  sensor.has_range_rate = true;
  sensor.range_sigma_m = 30.0;
  sensor.az_sigma_rad = 0.003;
  sensor.el_sigma_rad = 0.003;
  sensor.range_rate_sigma_mps = 2.0;
  const auto polar = make_polar_model(sensor);
  const double q = 0.1;
  const auto cv = make_constant_velocity_model(q);
  const int runs = 100;
  double nees_sum = 0.0;
  for (int run = 0; run < runs; ++run) {
    RandomStream rng(31, static_cast<std::uint64_t>(run), Purpose::kTest);
    Eigen::VectorXd truth = sample_prior().x;
    Gaussian g = sample_prior();
    const Eigen::MatrixXd L = Eigen::LLT<Eigen::MatrixXd>(g.P.topLeftCorner<6, 6>()).matrixL();
    Eigen::VectorXd w(6);
    for (int i = 0; i < 6; ++i) w(i) = rng.normal();
    g.x.head<6>() += L * w;
    for (int k = 0; k < 20; ++k) {
      const double dt = 2.0;
      truth = cv->transition(truth, dt);
      const Eigen::MatrixXd Q = cv->process_noise(truth, dt).topLeftCorner<6, 6>();
      const Eigen::MatrixXd LQ = Eigen::LLT<Eigen::MatrixXd>(Q).matrixL();
      for (int i = 0; i < 6; ++i) w(i) = rng.normal();
      truth.head<6>() += LQ * w;
      Eigen::VectorXd z = polar->predict(truth);
      const Eigen::VectorXd sd = polar->noise().diagonal().cwiseSqrt();
      for (Eigen::Index i = 0; i < z.size(); ++i) z(i) += sd(i) * rng.normal();
      g = unscented ? ukf_update(ukf_predict(g, *cv, dt), *polar, z).posterior
                    : ekf_update(ekf_predict(g, *cv, dt), *polar, z).posterior;
    }
    const Eigen::VectorXd e = g.x.head<6>() - truth.head<6>();
    nees_sum += e.dot(g.P.topLeftCorner<6, 6>().ldlt().solve(e));
  }
  return nees_sum / runs;
}

// With 100 runs the sum of NEES is chi-square with 600 degrees of freedom if the filter is
// consistent: the mean lies in [5.2, 6.9] with probability 0.998.
TEST(NonlinearFilters, EkfWithPolarMeasurementsIsConsistent) {
  const double nees = mean_nees(false);
  EXPECT_GT(nees, 5.2);
  EXPECT_LT(nees, 6.9);
}

TEST(NonlinearFilters, UkfWithPolarMeasurementsIsConsistent) {
  const double nees = mean_nees(true);
  EXPECT_GT(nees, 5.2);
  EXPECT_LT(nees, 6.9);
}

}  // namespace
}  // namespace rampart::tracking
