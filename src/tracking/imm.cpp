#include "tracking/imm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unsupported/Eigen/MatrixFunctions>

#include "core/error.h"
#include "tracking/nonlinear_filters.h"

namespace rampart::tracking {

using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// The moment-matched Gaussian of a mixture; the weights (> 0 in total) need not sum to one.
Gaussian moment_match(const std::vector<std::pair<const Gaussian*, double>>& parts) {
  double total = 0.0;
  for (const auto& [g, w] : parts) total += w;
  const Gaussian& first = *parts.front().first;
  Gaussian out{VectorXd::Zero(first.x.size()), MatrixXd::Zero(first.P.rows(), first.P.cols())};
  for (const auto& [g, w] : parts) out.x += w / total * g->x;
  for (const auto& [g, w] : parts) {
    const VectorXd d = g->x - out.x;
    out.P += w / total * (g->P + d * d.transpose());
  }
  return out;
}

// Mode probabilities proportional to `w`, none below 1e-12: a probability that underflows would
// never recover.
void set_mode_probabilities(ImmEstimate& e, const VectorXd& w) {
  e.mode_probabilities = (w / w.sum()).cwiseMax(1e-12);
  e.mode_probabilities /= e.mode_probabilities.sum();
}

}  // namespace

ImmFilter::ImmFilter(std::vector<std::unique_ptr<MotionModel>> models, MatrixXd switching_rates_per_s)
    : models_(std::move(models)), rates_per_s_(std::move(switching_rates_per_s)) {
  const auto r = static_cast<Eigen::Index>(models_.size());
  RAMPART_DEMAND(r > 0 && rates_per_s_.rows() == r && rates_per_s_.cols() == r, "one rate row per mode");
  for (Eigen::Index i = 0; i < r; ++i) {
    RAMPART_DEMAND(std::abs(rates_per_s_.row(i).sum()) < 1e-9, "switching-rate rows must sum to zero");
    for (Eigen::Index j = 0; j < r; ++j) {
      RAMPART_DEMAND(i == j || rates_per_s_(i, j) >= 0.0, "switching rates must not be negative");
    }
  }
}

MatrixXd ImmFilter::transition_probabilities(double dt_s) const {
  // Eigen's matrix exponential (Pade approximant with scaling and squaring).
  return (rates_per_s_ * dt_s).exp();
}

ImmEstimate ImmFilter::initial(const Gaussian& state, const VectorXd& mode_probabilities) const {
  RAMPART_DEMAND(mode_probabilities.size() == modes(), "one probability per mode");
  return {std::vector<Gaussian>(models_.size(), state), mode_probabilities};
}

ImmEstimate ImmFilter::predict(const ImmEstimate& e, double dt_s) const {
  const MatrixXd pi = transition_probabilities(dt_s);
  const VectorXd c = pi.transpose() * e.mode_probabilities;
  ImmEstimate out;
  out.mode_probabilities = c;
  for (int j = 0; j < modes(); ++j) {
    std::vector<std::pair<const Gaussian*, double>> parts;
    for (int i = 0; i < modes(); ++i) parts.emplace_back(&e.modes[i], pi(i, j) * e.mode_probabilities(i));
    const Gaussian mixed = moment_match(parts);
    out.modes.push_back(ekf_predict(mixed, *models_[j], dt_s));
  }
  return out;
}

double ImmFilter::update(ImmEstimate& e, const MeasurementModel& model, const VectorXd& z) const {
  VectorXd log_weight(modes());
  for (int j = 0; j < modes(); ++j) {
    const FilterUpdate u = ekf_update(e.modes[j], model, z);
    e.modes[j] = u.posterior;
    log_weight(j) = u.log_likelihood + std::log(std::max(e.mode_probabilities(j), 1e-300));
  }
  const double top = log_weight.maxCoeff();
  const VectorXd w = (log_weight.array() - top).exp().matrix();
  set_mode_probabilities(e, w);
  return top + std::log(w.sum());
}

void ImmFilter::update_weighted(ImmEstimate& e, const std::vector<WeightedMeasurement>& measurements,
                                double miss_weight) const {
  const auto r = static_cast<Eigen::Index>(modes());
  const VectorXd c = e.mode_probabilities;
  // Mode j's mixture: its prediction and its update with each measurement, weights unnormalised.
  std::vector<std::vector<Gaussian>> updated(measurements.size());
  std::vector<VectorXd> weight(measurements.size());  // beta_k P(j | k)
  for (std::size_t k = 0; k < measurements.size(); ++k) {
    const WeightedMeasurement& m = measurements[k];
    VectorXd log_joint(r);  // log c_j L_jk
    for (int j = 0; j < modes(); ++j) {
      const FilterUpdate u = ekf_update(e.modes[j], *m.model, m.z);
      updated[k].push_back(u.posterior);
      log_joint(j) = u.log_likelihood + std::log(std::max(c(j), 1e-300));
    }
    const VectorXd joint = (log_joint.array() - log_joint.maxCoeff()).exp().matrix();
    weight[k] = m.weight * joint / joint.sum();
  }
  VectorXd mu = miss_weight * c;
  for (const VectorXd& w : weight) mu += w;
  for (int j = 0; j < modes(); ++j) {
    if (mu(j) <= 0.0) continue;  // no component supports the mode: it keeps its prediction
    std::vector<std::pair<const Gaussian*, double>> parts;
    if (miss_weight * c(j) > 0.0) parts.emplace_back(&e.modes[j], miss_weight * c(j));
    for (std::size_t k = 0; k < measurements.size(); ++k) {
      if (weight[k](j) > 0.0) parts.emplace_back(&updated[k][j], weight[k](j));
    }
    e.modes[j] = moment_match(parts);
  }
  set_mode_probabilities(e, mu);
}

Gaussian combine(const ImmEstimate& e) {
  std::vector<std::pair<const Gaussian*, double>> parts;
  for (std::size_t j = 0; j < e.modes.size(); ++j) {
    parts.emplace_back(&e.modes[j], e.mode_probabilities(static_cast<Eigen::Index>(j)));
  }
  return moment_match(parts);
}

ImmTuning imm_tuning_with_process_noise(double process_noise_mps2) {
  ImmTuning tuning;
  tuning.cv_q_m2ps3 = tuning.ct_q_m2ps3 = process_noise_mps2 * process_noise_mps2;
  return tuning;
}

ImmFilter make_cv_ca_ct_imm(const ImmTuning& t) {
  std::vector<std::unique_ptr<MotionModel>> models;
  models.push_back(make_constant_velocity_model(t.cv_q_m2ps3));
  models.push_back(make_constant_acceleration_model(t.ca_q_jerk_m2ps5));
  models.push_back(make_coordinated_turn_model(t.ct_q_m2ps3, t.ct_q_turn_rad2ps3));
  const double leave_per_s = 1.0 / t.mean_sojourn_s;
  MatrixXd rates_per_s = MatrixXd::Constant(3, 3, leave_per_s / 2.0);
  rates_per_s.diagonal().setConstant(-leave_per_s);
  return ImmFilter(std::move(models), rates_per_s);
}

}  // namespace rampart::tracking
