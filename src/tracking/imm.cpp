#include "tracking/imm.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "tracking/nonlinear_filters.h"

namespace rampart::tracking {

using Eigen::MatrixXd;
using Eigen::VectorXd;

ImmFilter::ImmFilter(std::vector<std::unique_ptr<MotionModel>> models, MatrixXd transition_probabilities)
    : models_(std::move(models)), pi_(std::move(transition_probabilities)) {
  const auto r = static_cast<Eigen::Index>(models_.size());
  RAMPART_DEMAND(r > 0 && pi_.rows() == r && pi_.cols() == r, "one Markov row per mode");
  for (Eigen::Index i = 0; i < r; ++i) {
    RAMPART_DEMAND(std::abs(pi_.row(i).sum() - 1.0) < 1e-9, "Markov rows must sum to one");
  }
}

ImmEstimate ImmFilter::initial(const Gaussian& state, const VectorXd& mode_probabilities) const {
  RAMPART_DEMAND(mode_probabilities.size() == modes(), "one probability per mode");
  return {std::vector<Gaussian>(models_.size(), state), mode_probabilities};
}

ImmEstimate ImmFilter::predict(const ImmEstimate& e, double dt_s) const {
  const VectorXd c = pi_.transpose() * e.mode_probabilities;
  ImmEstimate out;
  out.mode_probabilities = c;
  for (int j = 0; j < modes(); ++j) {
    Gaussian mixed{VectorXd::Zero(e.modes[0].x.size()), MatrixXd::Zero(e.modes[0].P.rows(), e.modes[0].P.cols())};
    for (int i = 0; i < modes(); ++i) mixed.x += pi_(i, j) * e.mode_probabilities(i) / c(j) * e.modes[i].x;
    for (int i = 0; i < modes(); ++i) {
      const VectorXd d = e.modes[i].x - mixed.x;
      mixed.P += pi_(i, j) * e.mode_probabilities(i) / c(j) * (e.modes[i].P + d * d.transpose());
    }
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
  // Keep every mode alive: a probability that underflows would never recover.
  e.mode_probabilities = (w / w.sum()).cwiseMax(1e-12);
  e.mode_probabilities /= e.mode_probabilities.sum();
  return top + std::log(w.sum());
}

Gaussian combine(const ImmEstimate& e) {
  Gaussian g{VectorXd::Zero(e.modes[0].x.size()), MatrixXd::Zero(e.modes[0].P.rows(), e.modes[0].P.cols())};
  for (std::size_t j = 0; j < e.modes.size(); ++j) g.x += e.mode_probabilities(static_cast<Eigen::Index>(j)) * e.modes[j].x;
  for (std::size_t j = 0; j < e.modes.size(); ++j) {
    const VectorXd d = e.modes[j].x - g.x;
    g.P += e.mode_probabilities(static_cast<Eigen::Index>(j)) * (e.modes[j].P + d * d.transpose());
  }
  return g;
}

ImmFilter make_cv_ca_ct_imm(const ImmTuning& t) {
  std::vector<std::unique_ptr<MotionModel>> models;
  models.push_back(make_constant_velocity_model(t.cv_q_m2ps3));
  models.push_back(make_constant_acceleration_model(t.ca_q_jerk_m2ps5));
  models.push_back(make_coordinated_turn_model(t.ct_q_m2ps3, t.ct_q_turn_rad2ps3));
  const double off = (1.0 - t.stay_probability) / 2.0;
  MatrixXd pi = MatrixXd::Constant(3, 3, off);
  pi.diagonal().setConstant(t.stay_probability);
  return ImmFilter(std::move(models), pi);
}

}  // namespace rampart::tracking
