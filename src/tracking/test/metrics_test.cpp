#include "tracking/metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/random.h"

namespace rampart::tracking {
namespace {

using Points = std::vector<Eigen::Vector3d>;

// min over partial assignments of sum min(d,c)^p + c^p/2 (unassigned truths + estimates).
double brute_force_gospa_p(const Points& x, const Points& y, double c, double p) {
  std::vector<char> used(y.size(), 0);
  std::function<double(std::size_t)> best = [&](std::size_t i) -> double {
    if (i == x.size()) {
      const auto free_y = std::count(used.begin(), used.end(), 0);
      return 0.5 * std::pow(c, p) * static_cast<double>(free_y);
    }
    double b = 0.5 * std::pow(c, p) + best(i + 1);
    for (std::size_t j = 0; j < y.size(); ++j) {
      if (used[j]) continue;
      used[j] = 1;
      b = std::min(b, std::pow(std::min((x[i] - y[j]).norm(), c), p) + best(i + 1));
      used[j] = 0;
    }
    return b;
  };
  return best(0);
}

Points random_points(RandomStream& rng, std::size_t n) {
  Points out;
  for (std::size_t i = 0; i < n; ++i) out.emplace_back(rng.uniform(0, 100), rng.uniform(0, 100), 0.0);
  return out;
}

TEST(Gospa, MatchesTheDefinitionByExhaustiveSearch) {
  RandomStream rng(11, 1, Purpose::kTest);
  for (int trial = 0; trial < 200; ++trial) {
    const Points x = random_points(rng, rng.below(6));
    const Points y = random_points(rng, rng.below(6));
    const double c = 30.0;
    for (const double p : {1.0, 2.0}) {
      const GospaResult g = gospa(x, y, c, p);
      EXPECT_NEAR(std::pow(g.gospa, p), brute_force_gospa_p(x, y, c, p), 1e-6) << trial;
      EXPECT_NEAR(g.localisation + g.missed + g.false_tracks, std::pow(g.gospa, p), 1e-6);
      EXPECT_EQ(g.assigned + g.missed_count, static_cast<int>(x.size()));
      EXPECT_EQ(g.assigned + g.false_count, static_cast<int>(y.size()));
    }
  }
}

TEST(Gospa, HandComputedExample) {
  // One truth matched at 3 m, one missed, one false: 9 + 2 * 50^2 / 2.
  const Points x = {{0, 0, 0}, {500, 0, 0}};
  const Points y = {{3, 0, 0}, {0, 900, 0}};
  const GospaResult g = gospa(x, y, 50.0, 2.0);
  EXPECT_DOUBLE_EQ(g.localisation, 9.0);
  EXPECT_DOUBLE_EQ(g.missed, 1250.0);
  EXPECT_DOUBLE_EQ(g.false_tracks, 1250.0);
  EXPECT_DOUBLE_EQ(g.gospa, std::sqrt(2509.0));
  EXPECT_EQ(g.estimate_for_truth, (std::vector<int>{0, -1}));
  EXPECT_DOUBLE_EQ(rmse_m(x, y, g.estimate_for_truth), 3.0);
}

TEST(Ospa, HandComputedExample) {
  const Points x = {{0, 0, 0}, {500, 0, 0}};
  const Points y = {{4, 0, 0}};
  // (16 + 50^2) / 2, square-rooted.
  EXPECT_DOUBLE_EQ(ospa(x, y, 50.0, 2.0), std::sqrt((16.0 + 2500.0) / 2.0));
  EXPECT_DOUBLE_EQ(ospa({}, {}, 50.0, 2.0), 0.0);
  EXPECT_DOUBLE_EQ(ospa(x, {}, 50.0, 2.0), 50.0);
}

TEST(TrackContinuity, CountsBreaksAndSwaps) {
  TrackContinuity c;
  c.add({10, 20}, {1, 2}, {0, 1});   // 10 -> 1, 20 -> 2
  c.add({10, 20}, {1, 2}, {1, 0});   // both swap
  c.add({10, 20}, {2}, {0, -1});     // 10 keeps 2; 20 breaks
  c.add({10, 20}, {2, 5}, {0, 1});   // 20 was unassigned: a new track is neither
  c.add({20}, {5}, {0});             // 10 gone: nothing
  EXPECT_EQ(c.swaps(), 2);
  EXPECT_EQ(c.breaks(), 1);
}

TEST(Nees, IsTheMahalanobisSquareOfTheError) {
  Eigen::VectorXd est(2), truth(2);
  est << 3.0, 4.0;
  truth << 0.0, 0.0;
  Eigen::MatrixXd P = Eigen::MatrixXd::Identity(2, 2) * 4.0;
  EXPECT_DOUBLE_EQ(nees(est, P, truth), 25.0 / 4.0);
}

}  // namespace
}  // namespace rampart::tracking
