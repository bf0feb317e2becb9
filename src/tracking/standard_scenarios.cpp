#include "tracking/standard_scenarios.h"

#include <array>

namespace rampart::tracking {
namespace {

std::vector<PointScan> empty_scans(int scans) {
  std::vector<PointScan> truth(scans);
  for (int k = 0; k < scans; ++k) {
    truth[k].scan = k + 1;
    truth[k].t_s = k;
  }
  return truth;
}

}  // namespace

GeneratedScenario generate_vo_vo_linear(std::uint64_t seed) {
  struct Target {
    Eigen::Vector4d x;
    int birth;
    int death;
  };
  const std::array<Target, 12> targets = {{
      {{0, 0, 0, -10}, 1, 70},          {{400, -600, -10, 5}, 1, 100},
      {{-800, -200, 20, -5}, 1, 70},    {{400, -600, -7, -4}, 20, 100},
      {{400, -600, -2.5, 10}, 20, 100}, {{0, 0, 7.5, -5}, 20, 100},
      {{-800, -200, 12, 7}, 40, 100},   {{-200, 800, 15, -10}, 40, 100},
      {{-800, -200, 3, 15}, 60, 100},   {{-200, 800, -3, -15}, 60, 100},
      {{0, 0, -20, -15}, 80, 100},      {{-200, 800, 15, -5}, 80, 100},
  }};
  GeneratedScenario out;
  out.truth = empty_scans(100);
  for (std::size_t n = 0; n < targets.size(); ++n) {
    Eigen::Vector4d x = targets[n].x;
    for (int k = targets[n].birth; k <= targets[n].death; ++k) {
      out.truth[k - 1].ids.push_back(static_cast<std::int64_t>(n));
      out.truth[k - 1].p_m.emplace_back(x.x(), x.y(), 0.0);
      x.head<2>() += x.tail<2>();
    }
  }
  out.detections = observe(out.truth, {0.98, 10.0, 30.0, {-1000.0, -1000.0}, {1000.0, 1000.0}}, seed);
  return out;
}

GeneratedScenario generate_coalescence(std::uint64_t seed) {
  constexpr int kScans = 81;
  constexpr int kMid = 41;  // 1-based scan where the targets meet
  GeneratedScenario out;
  out.truth = empty_scans(kScans);
  const NearlyConstantVelocity model(0.02, 1.0);
  for (int n = 0; n < 4; ++n) {
    RandomStream rng(seed, static_cast<std::uint64_t>(n), Purpose::kScenario);
    Eigen::Vector4d mid(rng.normal(), rng.normal(), rng.normal(), rng.normal());
    std::array<Eigen::Vector4d, kScans> x;
    x[kMid - 1] = mid;
    for (int k = kMid; k < kScans; ++k) model.step(x[k] = x[k - 1], rng, false);
    for (int k = kMid - 2; k >= 0; --k) model.step(x[k] = x[k + 1], rng, true);
    const int last = n == 0 ? kMid : kScans;
    for (int k = 1; k <= last; ++k) {
      out.truth[k - 1].ids.push_back(n);
      out.truth[k - 1].p_m.emplace_back(x[k - 1].x(), x[k - 1].y(), 0.0);
    }
  }
  out.detections = observe(out.truth, {0.9, 1.0, 10.0, {-150.0, -150.0}, {150.0, 150.0}}, seed);
  return out;
}

}  // namespace rampart::tracking
