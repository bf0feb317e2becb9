// Interacting multiple model filter (Blom and Bar-Shalom 1988; Bar-Shalom, Li, Kirubarajan 11.6).
//
// Modes j = 1..r with motion models M_j on the common state layout (motion_models.h) and a
// continuous-time Markov chain of mode switches: switching rates lambda_ij (per second, i != j;
// lambda_ii = -sum_j lambda_ij), so that over a prediction of dt the transition probabilities are
// pi(dt) = exp(Lambda dt), pi_ij = P(mode j at t + dt | mode i at t) (Bar-Shalom, Li, Kirubarajan
// 11.6.7, sampling a continuous-time chain). The chain is a property of the target, not of the
// radar: a tracker that predicts a track to every sector batch of a rotating radar (many short
// dt per scan) mixes its modes exactly as much as one predicting once per scan.
// Predict: c_j = sum_i pi_ij(dt) mu_i; mixing weights mu_i|j = pi_ij mu_i / c_j;
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
  /// switching_rates_per_s(i, j), i != j: the rate of switches from mode i to mode j; the
  /// diagonal holds minus the rate of leaving (rows sum to zero).
  ImmFilter(std::vector<std::unique_ptr<MotionModel>> models, Eigen::MatrixXd switching_rates_per_s);

  int modes() const { return static_cast<int>(models_.size()); }
  ImmEstimate initial(const Gaussian& state, const Eigen::VectorXd& mode_probabilities) const;
  ImmEstimate predict(const ImmEstimate& estimate, double dt_s) const;
  /// pi(dt) = exp(Lambda dt): row i, the probabilities of each mode dt_s after being in mode i.
  Eigen::MatrixXd transition_probabilities(double dt_s) const;
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
  Eigen::MatrixXd rates_per_s_;
};

/// The moment-matched Gaussian of the mode mixture.
Gaussian combine(const ImmEstimate& estimate);

/// Tuning of the CV / CA / coordinated-turn IMM.
struct ImmTuning {
  double cv_q_m2ps3 = 1.0;
  double ca_q_jerk_m2ps5 = 1.0;
  double ct_q_m2ps3 = 1.0;
  double ct_q_turn_rad2ps3 = 1e-4;
  /// Mean time in one mode before it switches (1 / the rate of leaving it), the switches spread
  /// evenly over the other modes. 40 s keeps a mode with probability 0.95 over a 2 s scan and
  /// 0.87 over a 6 s one.
  double mean_sojourn_s = 40.0;
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
