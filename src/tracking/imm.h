// Interacting multiple model filter (Blom and Bar-Shalom 1988; Bar-Shalom, Li, Kirubarajan 11.6).
//
// Modes j = 1..r with motion models M_j on the common state layout (motion_models.h) and a
// Markov chain of mode switches pi_ij = P(mode j next | mode i now), applied once per predict.
// Predict: c_j = sum_i pi_ij mu_i; mixing weights mu_i|j = pi_ij mu_i / c_j;
//   x0_j = sum_i mu_i|j x_i, P0_j = sum_i mu_i|j (P_i + (x_i - x0_j)(x_i - x0_j)');
//   each mode is predicted from its mixed state by the EKF; mode probabilities become c_j.
// Update: each mode by the EKF, likelihood L_j = N(nu_j; 0, S_j); mu_j = L_j c_j / sum_k L_k c_k.
// The output estimate is the moment-matched mixture sum_j mu_j N(x_j, P_j).
#pragma once

#include <memory>
#include <vector>

#include "tracking/measurement_models.h"
#include "tracking/motion_models.h"

namespace rampart::tracking {

struct ImmEstimate {
  std::vector<Gaussian> modes;
  Eigen::VectorXd mode_probabilities;
};

class ImmFilter {
 public:
  /// transition_probabilities(i, j) = P(j next | i now); rows sum to one.
  ImmFilter(std::vector<std::unique_ptr<MotionModel>> models, Eigen::MatrixXd transition_probabilities);

  int modes() const { return static_cast<int>(models_.size()); }
  ImmEstimate initial(const Gaussian& state, const Eigen::VectorXd& mode_probabilities) const;
  ImmEstimate predict(const ImmEstimate& estimate, double dt_s) const;
  /// Updates in place; returns log sum_j c_j L_j, the log-likelihood of the measurement.
  double update(ImmEstimate& estimate, const MeasurementModel& model, const Eigen::VectorXd& z) const;

  /// One of the measurements a probabilistic data association weighs.
  struct WeightedMeasurement {
    const MeasurementModel* model = nullptr;
    Eigen::VectorXd z;
    double weight = 0.0;  ///< beta_k, the probability that z_k is this track's
  };
  /// IMM-PDA update (Bar-Shalom, Li, Kirubarajan 11.7; as IMM-JPDA with JPDA's marginals): given
  /// association probabilities beta_k and beta_0 = miss_weight (summing to one), the mode
  /// posterior marginalises over the association, mu_j = beta_0 c_j + sum_k beta_k P(j | k) with
  /// P(j | k) = c_j L_jk / sum_i c_i L_ik, and mode j's state is the moment-matched mixture of its
  /// prediction (weight beta_0 c_j / mu_j) and its EKF updates with each z_k (weight
  /// beta_k P(j | k) / mu_j). One measurement of weight 1 is exactly update().
  void update_weighted(ImmEstimate& estimate, const std::vector<WeightedMeasurement>& measurements,
                       double miss_weight) const;

 private:
  std::vector<std::unique_ptr<MotionModel>> models_;
  Eigen::MatrixXd pi_;
};

/// The moment-matched Gaussian of the mode mixture.
Gaussian combine(const ImmEstimate& estimate);

/// Tuning of the CV / CA / coordinated-turn IMM.
struct ImmTuning {
  double cv_q_m2ps3 = 1.0;
  double ca_q_jerk_m2ps5 = 1.0;
  double ct_q_m2ps3 = 1.0;
  double ct_q_turn_rad2ps3 = 1e-4;
  double stay_probability = 0.95;                ///< pi_ii; the rest spread evenly over the other modes
  double initial_acceleration_sigma_mps2 = 5.0;  ///< of a new track, per axis
  double initial_turn_rate_sigma_radps = 0.05;   ///< of a new track
  double initial_cv_probability = 0.8;           ///< of a new track; the rest split evenly
};

/// The tuning whose constant-velocity and coordinated-turn modes take a constant-velocity
/// filter's process noise (the square root of the white-acceleration spectral density, as
/// TrackerConfig::process_noise_mps2); the rest are ImmTuning's defaults.
ImmTuning imm_tuning_with_process_noise(double process_noise_mps2);

/// Modes in order: constant velocity, constant acceleration, coordinated turn.
ImmFilter make_cv_ca_ct_imm(const ImmTuning& tuning);

}  // namespace rampart::tracking
