#include "tracking/measurement_models.h"
#include "tracking/motion_models.h"

#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <cmath>

#include "core/random.h"
#include "core/units.h"
#include "numeric_jacobian.h"

namespace rampart::tracking {
namespace {

PolarSensor tilted_sensor(bool el, bool rr) {
  PolarSensor s;
  s.sensor_enu_m = Eigen::Vector3d(500.0, -300.0, 40.0);
  s.R_scenario_from_sensor = Eigen::AngleAxisd(0.01, Eigen::Vector3d(1, 2, 3).normalized()).toRotationMatrix();
  s.has_elevation = el;
  s.has_range_rate = rr;
  return s;
}

TEST(PolarModel, JacobianMatchesNumericalDerivatives) {
  Eigen::VectorXd x(kImmStateSize);
  x << -20'000.0, 35'000.0, 6'000.0, 180.0, -40.0, 3.0, 0.0, 0.0, 0.0, 0.0;
  for (const bool el : {false, true}) {
    for (const bool rr : {false, true}) {
      const auto model = make_polar_model(tilted_sensor(el, rr));
      const Eigen::MatrixXd numeric =
          testing::numeric_jacobian([&](const Eigen::VectorXd& s) { return model->predict(s); }, x);
      EXPECT_LT((numeric - model->jacobian(x)).cwiseAbs().maxCoeff(), 1e-7) << el << rr;
    }
  }
}

TEST(PositionModel, JacobianMatchesNumericalDerivativesWithAndWithoutLag) {
  Eigen::VectorXd x(kImmStateSize);
  x << 100.0, -200.0, 3'000.0, 180.0, -40.0, 3.0, 1.0, 2.0, 0.0, 0.01;
  for (const bool up : {false, true}) {
    for (const double lag_s : {0.0, 0.7}) {
      const auto model = make_position_model(Eigen::MatrixXd::Identity(up ? 3 : 2, up ? 3 : 2), up, lag_s);
      const Eigen::MatrixXd numeric =
          testing::numeric_jacobian([&](const Eigen::VectorXd& s) { return model->predict(s); }, x);
      EXPECT_LT((numeric - model->jacobian(x)).cwiseAbs().maxCoeff(), 1e-7);
      EXPECT_NEAR(model->predict(x)(0), 100.0 - lag_s * 180.0, 1e-9);
    }
  }
}

TEST(PolarModel, MeasuresCompassAzimuthAndWrapsResiduals) {
  PolarSensor s;
  s.has_range_rate = true;
  const Eigen::VectorXd z = polar_of(s, Eigen::Vector3d(1000.0, 0.0, 1000.0), Eigen::Vector3d(-10.0, 0.0, 0.0));
  EXPECT_NEAR(z(0), std::sqrt(2.0) * 1000.0, 1e-9);
  EXPECT_NEAR(z(1), kPi / 2.0, 1e-12);
  EXPECT_NEAR(z(2), kPi / 4.0, 1e-12);
  EXPECT_NEAR(z(3), -10.0 / std::sqrt(2.0), 1e-12);
  const auto model = make_polar_model(s);
  Eigen::VectorXd a(4), b(4);
  a << 1.0, 0.01, 0.0, 0.0;
  b << 1.0, kTwoPi - 0.01, 0.0, 0.0;
  EXPECT_NEAR(model->residual(a, b)(1), 0.02, 1e-12);
}

TEST(UnbiasedConversion, IsUnbiasedWithTheStatedCovariance) {
  // Large angle noise so that the naive conversion's bias is plain.
  PolarSensor s = tilted_sensor(true, false);
  s.range_sigma_m = 100.0;
  s.az_sigma_rad = 0.05;
  s.el_sigma_rad = 0.04;
  const Eigen::Vector3d truth(30'000.0, 40'000.0, 8'000.0);
  const Eigen::VectorXd polar = polar_of(s, truth, Eigen::Vector3d::Zero());
  RandomStream rng(21, 1, Purpose::kTest);
  const int n = 200'000;
  Eigen::Vector3d mean_error = Eigen::Vector3d::Zero();
  Eigen::Vector3d naive_error = Eigen::Vector3d::Zero();
  Eigen::Matrix3d scatter = Eigen::Matrix3d::Zero();
  Eigen::Matrix3d stated = Eigen::Matrix3d::Zero();
  for (int k = 0; k < n; ++k) {
    const double r = polar(0) + s.range_sigma_m * rng.normal();
    const double az = polar(1) + s.az_sigma_rad * rng.normal();
    const double el = polar(2) + s.el_sigma_rad * rng.normal();
    const ConvertedMeasurement c = unbiased_conversion(s, r, az, el);
    const Eigen::Vector3d e = c.p_enu_m - truth;
    mean_error += e / n;
    scatter += e * e.transpose() / n;
    stated += c.R_m2 / n;
    const Eigen::Vector3d naive(r * std::cos(el) * std::sin(az), r * std::cos(el) * std::cos(az), r * std::sin(el));
    naive_error += (s.sensor_enu_m + s.R_scenario_from_sensor * naive - truth) / n;
  }
  const double sd = std::sqrt(scatter.diagonal().maxCoeff() / n);  // standard error of the mean
  EXPECT_LT(mean_error.cwiseAbs().maxCoeff(), 4.0 * sd);
  EXPECT_GT(naive_error.norm(), 10.0 * sd);  // the naive conversion is biased
  EXPECT_LT(((stated - scatter).cwiseAbs().array() / scatter.diagonal().maxCoeff()).maxCoeff(), 0.02);
}

}  // namespace
}  // namespace rampart::tracking
