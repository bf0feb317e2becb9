#include "tracking/motion_models.h"

#include <cmath>

namespace rampart::tracking {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// Continuous white-noise kinematic block for a chain of `order` integrators (2: position and
// velocity driven by white acceleration; 3: position, velocity, acceleration driven by white
// jerk), for one axis: Q_ij = q dt^(2 order - 1 - i - j) / ((order - 1 - i)! (order - 1 - j)! (2 order - 1 - i - j)).
MatrixXd kinematic_noise(int order, double dt, double q) {
  const auto factorial = [](int n) {
    double f = 1.0;
    for (int k = 2; k <= n; ++k) f *= k;
    return f;
  };
  MatrixXd Q(order, order);
  for (int i = 0; i < order; ++i) {
    for (int j = 0; j < order; ++j) {
      const int pi = order - 1 - i;
      const int pj = order - 1 - j;
      const int power = pi + pj + 1;
      Q(i, j) = q * std::pow(dt, power) / (factorial(pi) * factorial(pj) * power);
    }
  }
  return Q;
}

// Places a per-axis block (indices: position, velocity[, acceleration]) on the three axes.
void add_axes(MatrixXd& Q, const MatrixXd& block) {
  for (int axis = 0; axis < 3; ++axis) {
    for (int i = 0; i < block.rows(); ++i) {
      for (int j = 0; j < block.cols(); ++j) Q(axis + 3 * i, axis + 3 * j) += block(i, j);
    }
  }
}

class ConstantVelocity final : public MotionModel {
 public:
  explicit ConstantVelocity(double q) : q_(q) {}
  VectorXd transition(const VectorXd& x, double dt) const override { return jacobian(x, dt) * x; }
  MatrixXd jacobian(const VectorXd&, double dt) const override {
    MatrixXd F = MatrixXd::Zero(kImmStateSize, kImmStateSize);
    F.topLeftCorner<6, 6>().setIdentity();
    F.block<3, 3>(0, 3).diagonal().setConstant(dt);
    return F;
  }
  MatrixXd process_noise(const VectorXd&, double dt) const override {
    MatrixXd Q = MatrixXd::Zero(kImmStateSize, kImmStateSize);
    add_axes(Q, kinematic_noise(2, dt, q_));
    return Q;
  }

 private:
  double q_;
};

class ConstantAcceleration final : public MotionModel {
 public:
  explicit ConstantAcceleration(double q) : q_(q) {}
  VectorXd transition(const VectorXd& x, double dt) const override { return jacobian(x, dt) * x; }
  MatrixXd jacobian(const VectorXd&, double dt) const override {
    MatrixXd F = MatrixXd::Zero(kImmStateSize, kImmStateSize);
    F.topLeftCorner<9, 9>().setIdentity();
    F.block<3, 3>(0, 3).diagonal().setConstant(dt);
    F.block<3, 3>(0, 6).diagonal().setConstant(0.5 * dt * dt);
    F.block<3, 3>(3, 6).diagonal().setConstant(dt);
    return F;
  }
  MatrixXd process_noise(const VectorXd&, double dt) const override {
    MatrixXd Q = MatrixXd::Zero(kImmStateSize, kImmStateSize);
    add_axes(Q, kinematic_noise(3, dt, q_));
    return Q;
  }

 private:
  double q_;
};

// sin(wT)/w, (1 - cos(wT))/w and their derivatives in w, by Taylor series near w = 0.
struct TurnTerms {
  double s, c, ds, dc;
};
TurnTerms turn_terms(double w, double T) {
  if (std::abs(w * T) < 1e-4) {
    const double T2 = T * T;
    return {T - w * w * T2 * T / 6.0, w * T2 / 2.0 - w * w * w * T2 * T2 / 24.0, -w * T2 * T / 3.0,
            T2 / 2.0 - w * w * T2 * T2 / 8.0};
  }
  const double sn = std::sin(w * T);
  const double cs = std::cos(w * T);
  return {sn / w, (1.0 - cs) / w, (T * cs * w - sn) / (w * w), (T * sn * w - (1.0 - cs)) / (w * w)};
}

class CoordinatedTurn final : public MotionModel {
 public:
  CoordinatedTurn(double q, double q_w) : q_(q), q_w_(q_w) {}
  VectorXd transition(const VectorXd& x, double dt) const override {
    const TurnTerms t = turn_terms(x(9), dt);
    const double cs = std::cos(x(9) * dt);
    const double sn = std::sin(x(9) * dt);
    VectorXd out = VectorXd::Zero(kImmStateSize);
    out(0) = x(0) + t.s * x(3) - t.c * x(4);
    out(1) = x(1) + t.c * x(3) + t.s * x(4);
    out(2) = x(2) + dt * x(5);
    out(3) = cs * x(3) - sn * x(4);
    out(4) = sn * x(3) + cs * x(4);
    out(5) = x(5);
    out(9) = x(9);
    return out;
  }
  MatrixXd jacobian(const VectorXd& x, double dt) const override {
    const double w = x(9);
    const TurnTerms t = turn_terms(w, dt);
    const double cs = std::cos(w * dt);
    const double sn = std::sin(w * dt);
    MatrixXd F = MatrixXd::Zero(kImmStateSize, kImmStateSize);
    F(0, 0) = 1.0;
    F(0, 3) = t.s;
    F(0, 4) = -t.c;
    F(0, 9) = t.ds * x(3) - t.dc * x(4);
    F(1, 1) = 1.0;
    F(1, 3) = t.c;
    F(1, 4) = t.s;
    F(1, 9) = t.dc * x(3) + t.ds * x(4);
    F(2, 2) = 1.0;
    F(2, 5) = dt;
    F(3, 3) = cs;
    F(3, 4) = -sn;
    F(3, 9) = -dt * (sn * x(3) + cs * x(4));
    F(4, 3) = sn;
    F(4, 4) = cs;
    F(4, 9) = dt * (cs * x(3) - sn * x(4));
    F(5, 5) = 1.0;
    F(9, 9) = 1.0;
    return F;
  }
  MatrixXd process_noise(const VectorXd&, double dt) const override {
    MatrixXd Q = MatrixXd::Zero(kImmStateSize, kImmStateSize);
    add_axes(Q, kinematic_noise(2, dt, q_));
    Q(9, 9) = q_w_ * dt;
    return Q;
  }

 private:
  double q_;
  double q_w_;
};

}  // namespace

std::unique_ptr<MotionModel> make_constant_velocity_model(double q_m2ps3) {
  return std::make_unique<ConstantVelocity>(q_m2ps3);
}
std::unique_ptr<MotionModel> make_constant_acceleration_model(double q_jerk_m2ps5) {
  return std::make_unique<ConstantAcceleration>(q_jerk_m2ps5);
}
std::unique_ptr<MotionModel> make_coordinated_turn_model(double q_m2ps3, double q_turn_rad2ps3) {
  return std::make_unique<CoordinatedTurn>(q_m2ps3, q_turn_rad2ps3);
}

Gaussian embed_cv_state(const Eigen::Matrix<double, 6, 1>& x, const Eigen::Matrix<double, 6, 6>& P,
                        double acceleration_var_m2ps4, double turn_rate_var_rad2ps2) {
  Gaussian g{VectorXd::Zero(kImmStateSize), MatrixXd::Zero(kImmStateSize, kImmStateSize)};
  g.x.head<6>() = x;
  g.P.topLeftCorner<6, 6>() = P;
  g.P.block<3, 3>(6, 6).diagonal().setConstant(acceleration_var_m2ps4);
  g.P(9, 9) = turn_rate_var_rad2ps2;
  return g;
}

}  // namespace rampart::tracking
