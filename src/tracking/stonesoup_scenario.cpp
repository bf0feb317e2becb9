#include "tracking/stonesoup_scenario.h"

#include <cmath>
#include <utility>

#include "core/random.h"

namespace rampart::tracking {

double StoneSoupScenarioParams::area_side_m() const { return 1000.0 * std::sqrt(targets / 10.0); }

GeneratedScenario generate_stonesoup_scenario(const StoneSoupScenarioParams& params,
                                              std::uint64_t seed) {
  GeneratedScenario out;
  out.truth.resize(params.scans);
  out.detections.resize(params.scans);
  for (int k = 0; k < params.scans; ++k) {
    out.truth[k].scan = out.detections[k].scan = k;
    out.truth[k].t_s = out.detections[k].t_s = k * params.dt_s;
  }
  const double side_m = params.area_side_m();
  // Exact discretisation of the white-acceleration model per axis: the position and velocity
  // increments are jointly Gaussian with covariance q [dt^3/3 dt^2/2; dt^2/2 dt].
  const double dt = params.dt_s;
  const double var_p = params.q_m2ps3 * dt * dt * dt / 3.0;
  const double cov_pv = params.q_m2ps3 * dt * dt / 2.0;
  const double var_v = params.q_m2ps3 * dt;
  const double l11 = std::sqrt(var_p);
  const double l21 = cov_pv / l11;
  const double l22 = std::sqrt(var_v - l21 * l21);
  for (int n = 0; n < params.targets; ++n) {
    const auto target = static_cast<std::uint64_t>(n);
    RandomStream motion(seed, target, Purpose::kScenario);
    RandomStream detection(seed, target, Purpose::kDetection);
    RandomStream noise(seed, target, Purpose::kMeasurementNoise);
    Eigen::Vector2d p(motion.uniform(0.0, side_m), motion.uniform(0.0, side_m));
    Eigen::Vector2d v(motion.normal(0.0, params.initial_speed_sigma_mps),
                      motion.normal(0.0, params.initial_speed_sigma_mps));
    for (int k = 0; k < params.scans; ++k) {
      if (k > 0) {
        for (int axis = 0; axis < 2; ++axis) {
          const double a = motion.normal();
          const double b = motion.normal();
          p[axis] += v[axis] * dt + l11 * a;
          v[axis] += l21 * a + l22 * b;
        }
      }
      out.truth[k].ids.push_back(n);
      out.truth[k].p_m.emplace_back(p.x(), p.y(), 0.0);
      if (detection.bernoulli(params.pd)) {
        out.detections[k].p_m.emplace_back(p.x() + noise.normal(0.0, params.sigma_m),
                                           p.y() + noise.normal(0.0, params.sigma_m), 0.0);
      }
    }
  }
  for (int k = 0; k < params.scans; ++k) {
    const auto scan = static_cast<std::uint64_t>(k);
    RandomStream clutter(seed, scan, Purpose::kFalseAlarm);
    const std::uint64_t count = clutter.poisson(params.clutter_per_target * params.targets);
    std::vector<Eigen::Vector3d>& points = out.detections[k].p_m;
    for (std::uint64_t c = 0; c < count; ++c) {
      points.emplace_back(clutter.uniform(0.0, side_m), clutter.uniform(0.0, side_m), 0.0);
    }
    RandomStream shuffle(seed, scan, Purpose::kGenerator);
    for (std::size_t i = points.size(); i > 1; --i) {
      std::swap(points[i - 1], points[shuffle.below(i)]);
    }
  }
  return out;
}

}  // namespace rampart::tracking
