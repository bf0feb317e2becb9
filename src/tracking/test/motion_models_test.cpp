#include "tracking/motion_models.h"

#include <gtest/gtest.h>

#include <cmath>

#include "numeric_jacobian.h"

namespace rampart::tracking {
namespace {

Eigen::VectorXd sample_state(double turn_rate) {
  Eigen::VectorXd x(kImmStateSize);
  x << 1000.0, -2000.0, 3000.0, 150.0, -80.0, 5.0, 2.0, -1.0, 0.5, turn_rate;
  return x;
}

void expect_jacobian_matches(const MotionModel& m, const Eigen::VectorXd& x, double dt) {
  const Eigen::MatrixXd numeric =
      testing::numeric_jacobian([&](const Eigen::VectorXd& s) { return m.transition(s, dt); }, x);
  const Eigen::MatrixXd analytic = m.jacobian(x, dt);
  EXPECT_LT((numeric - analytic).cwiseAbs().maxCoeff(), 1e-4) << "numeric\n" << numeric << "\nanalytic\n" << analytic;
}

TEST(MotionModels, JacobiansMatchNumericalDerivatives) {
  const auto cv = make_constant_velocity_model(1.0);
  const auto ca = make_constant_acceleration_model(1.0);
  const auto ct = make_coordinated_turn_model(1.0, 1e-4);
  for (const double dt : {0.5, 4.0}) {
    expect_jacobian_matches(*cv, sample_state(0.0), dt);
    expect_jacobian_matches(*ca, sample_state(0.0), dt);
    for (const double w : {0.05, -0.1, 1e-7, 0.0}) expect_jacobian_matches(*ct, sample_state(w), dt);
  }
}

TEST(MotionModels, CoordinatedTurnKeepsSpeedAndTurnsByOmegaT) {
  const auto ct = make_coordinated_turn_model(0.0, 0.0);
  Eigen::VectorXd x = Eigen::VectorXd::Zero(kImmStateSize);
  x(3) = 100.0;  // east at 100 m/s
  x(9) = 0.1;    // rad/s, counter-clockwise
  const Eigen::VectorXd y = ct->transition(x, 2.0);
  EXPECT_NEAR(y.segment<2>(3).norm(), 100.0, 1e-9);
  EXPECT_NEAR(std::atan2(y(4), y(3)), 0.2, 1e-12);
  // On the circle of radius v / w = 1000 m centred at (0, 1000).
  EXPECT_NEAR((y.head<2>() - Eigen::Vector2d(0.0, 1000.0)).norm(), 1000.0, 1e-9);
  // The small-rate series agrees with the closed form on either side of its threshold.
  x(9) = 1.0001e-4 / 2.0;
  const Eigen::VectorXd a = ct->transition(x, 2.0);
  x(9) = 0.9999e-4 / 2.0;
  const Eigen::VectorXd b = ct->transition(x, 2.0);
  EXPECT_NEAR((a - b).head<2>().norm(), 0.0, 1e-3);
}

TEST(MotionModels, ProcessNoiseIsTheWhiteNoiseIntegral) {
  const double q = 2.0, dt = 3.0;
  const Eigen::MatrixXd Qv = make_constant_velocity_model(q)->process_noise(sample_state(0), dt);
  EXPECT_DOUBLE_EQ(Qv(0, 0), q * dt * dt * dt / 3.0);
  EXPECT_DOUBLE_EQ(Qv(0, 3), q * dt * dt / 2.0);
  EXPECT_DOUBLE_EQ(Qv(4, 4), q * dt);
  const Eigen::MatrixXd Qa = make_constant_acceleration_model(q)->process_noise(sample_state(0), dt);
  EXPECT_DOUBLE_EQ(Qa(1, 1), q * std::pow(dt, 5) / 20.0);
  EXPECT_DOUBLE_EQ(Qa(1, 7), q * std::pow(dt, 3) / 6.0);
  EXPECT_DOUBLE_EQ(Qa(8, 8), q * dt);
}

}  // namespace
}  // namespace rampart::tracking
