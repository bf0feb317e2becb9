#include "tracking/stonesoup_scenario.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/random.h"

namespace rampart::tracking {

double StoneSoupScenarioParams::area_side_m() const { return 1000.0 * std::sqrt(targets / 10.0); }

std::vector<PointScan> observe(const std::vector<PointScan>& truth, const Observation& o,
                               std::uint64_t seed) {
  std::vector<PointScan> detections;
  detections.reserve(truth.size());
  for (const PointScan& t : truth) {
    const auto scan = static_cast<std::uint64_t>(t.scan);
    RandomStream detection(seed, scan, Purpose::kDetection);
    RandomStream noise(seed, scan, Purpose::kMeasurementNoise);
    RandomStream clutter(seed, scan, Purpose::kFalseAlarm);
    RandomStream shuffle(seed, scan, Purpose::kGenerator);
    PointScan d{t.scan, t.t_s, {}, {}};
    for (const Eigen::Vector3d& p : t.p_m) {
      if (!detection.bernoulli(o.pd)) continue;
      d.p_m.emplace_back(p.x() + noise.normal(0.0, o.sigma_m), p.y() + noise.normal(0.0, o.sigma_m), 0.0);
    }
    const std::uint64_t count = clutter.poisson(o.clutter_mean);
    for (std::uint64_t c = 0; c < count; ++c) {
      d.p_m.emplace_back(clutter.uniform(o.area_min_m.x(), o.area_max_m.x()),
                         clutter.uniform(o.area_min_m.y(), o.area_max_m.y()), 0.0);
    }
    for (std::size_t i = d.p_m.size(); i > 1; --i) std::swap(d.p_m[i - 1], d.p_m[shuffle.below(i)]);
    detections.push_back(std::move(d));
  }
  return detections;
}

NearlyConstantVelocity::NearlyConstantVelocity(double q_m2ps3, double dt_s) {
  const double var_p = q_m2ps3 * dt_s * dt_s * dt_s / 3.0;
  const double cov_pv = q_m2ps3 * dt_s * dt_s / 2.0;
  const double var_v = q_m2ps3 * dt_s;
  dt_s_ = dt_s;
  l11_ = std::sqrt(var_p);
  l21_ = var_p > 0.0 ? cov_pv / l11_ : 0.0;
  l22_ = std::sqrt(std::max(0.0, var_v - l21_ * l21_));
}

void NearlyConstantVelocity::step(Eigen::Vector4d& x, RandomStream& rng, bool backward) const {
  // x = (east, north, v_east, v_north). Forward: x' = F x + w; backward: x = F^-1 (x' - w).
  for (int axis = 0; axis < 2; ++axis) {
    const double a = rng.normal();
    const double b = rng.normal();
    const double wp = l11_ * a;
    const double wv = l21_ * a + l22_ * b;
    if (backward) {
      x[2 + axis] -= wv;
      x[axis] -= wp + x[2 + axis] * dt_s_;
    } else {
      x[axis] += x[2 + axis] * dt_s_ + wp;
      x[2 + axis] += wv;
    }
  }
}

GeneratedScenario generate_stonesoup_scenario(const StoneSoupScenarioParams& params,
                                              std::uint64_t seed) {
  GeneratedScenario out;
  out.truth.resize(params.scans);
  for (int k = 0; k < params.scans; ++k) {
    out.truth[k].scan = k;
    out.truth[k].t_s = k * params.dt_s;
  }
  const double side_m = params.area_side_m();
  const NearlyConstantVelocity motion_model(params.q_m2ps3, params.dt_s);
  for (int n = 0; n < params.targets; ++n) {
    RandomStream motion(seed, static_cast<std::uint64_t>(n), Purpose::kScenario);
    Eigen::Vector4d x(motion.uniform(0.0, side_m), motion.uniform(0.0, side_m),
                      motion.normal(0.0, params.initial_speed_sigma_mps),
                      motion.normal(0.0, params.initial_speed_sigma_mps));
    for (int k = 0; k < params.scans; ++k) {
      if (k > 0) motion_model.step(x, motion, false);
      out.truth[k].ids.push_back(n);
      out.truth[k].p_m.emplace_back(x.x(), x.y(), 0.0);
    }
  }
  out.detections = observe(out.truth,
                           {params.pd, params.sigma_m, params.clutter_per_target * params.targets,
                            {0.0, 0.0}, {side_m, side_m}},
                           seed);
  return out;
}

}  // namespace rampart::tracking
