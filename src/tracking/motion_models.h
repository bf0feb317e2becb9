// Motion models for the nonlinear filters and the IMM, on one common state layout so that an
// IMM can mix them: x = [p_enu_m (3), v_enu_mps (3), a_enu_mps2 (3), turn_rate_radps (1)].
//
//  - Constant velocity (white acceleration, density q): p' = p + v dt, v' = v; a and the turn
//    rate are set to zero (they are not part of this model).
//  - Constant acceleration (white jerk, density q): p' = p + v dt + a dt^2/2, v' = v + a dt,
//    a' = a; turn rate zero.
//  - Coordinated turn in the horizontal plane (Bar-Shalom, Li, Kirubarajan 11.7.2), with the
//    turn rate w in the state (positive = counter-clockwise seen from above, east towards
//    north), vertical motion constant velocity:
//      e' = e + sin(wT)/w ve - (1 - cos(wT))/w vn,   n' = n + (1 - cos(wT))/w ve + sin(wT)/w vn,
//      ve' = cos(wT) ve - sin(wT) vn,                 vn' = sin(wT) ve + cos(wT) vn,   w' = w;
//    white acceleration of density q on every axis and white turn-rate noise of density q_w.
// Each model gives the transition f(x, dt), its Jacobian df/dx (checked numerically in
// test/motion_models_test.cpp) and the process noise covariance Q(dt).
#pragma once

#include <Eigen/Core>
#include <memory>

namespace rampart::tracking {

inline constexpr int kImmStateSize = 10;

/// A Gaussian density N(x, P) of any dimension.
struct Gaussian {
  Eigen::VectorXd x;
  Eigen::MatrixXd P;
};

class MotionModel {
 public:
  virtual ~MotionModel() = default;
  virtual Eigen::VectorXd transition(const Eigen::VectorXd& x, double dt_s) const = 0;
  virtual Eigen::MatrixXd jacobian(const Eigen::VectorXd& x, double dt_s) const = 0;
  virtual Eigen::MatrixXd process_noise(const Eigen::VectorXd& x, double dt_s) const = 0;
};

std::unique_ptr<MotionModel> make_constant_velocity_model(double q_m2ps3);
std::unique_ptr<MotionModel> make_constant_acceleration_model(double q_jerk_m2ps5);
std::unique_ptr<MotionModel> make_coordinated_turn_model(double q_m2ps3, double q_turn_rad2ps3);

/// Embeds a 6-D constant-velocity state into the common layout (zero acceleration and turn
/// rate, with the given variances for them).
Gaussian embed_cv_state(const Eigen::Matrix<double, 6, 1>& x, const Eigen::Matrix<double, 6, 6>& P,
                        double acceleration_var_m2ps4, double turn_rate_var_rad2ps2);

}  // namespace rampart::tracking
