#include "tracking/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/random.h"

namespace rampart::tracking {
namespace {

// Exhaustive minimum over all partial one-to-one assignments.
double brute_force_cost(const AssignmentProblem& p) {
  std::vector<std::vector<double>> cost(p.rows, std::vector<double>(p.cols, std::nan("")));
  for (const AssignmentEdge& e : p.edges) cost[e.row][e.col] = e.cost;
  std::vector<char> used(p.cols, 0);
  std::function<double(int)> best = [&](int row) -> double {
    if (row == p.rows) return 0.0;
    double b = p.unassigned_cost[row] + best(row + 1);
    for (int c = 0; c < p.cols; ++c) {
      if (used[c] || std::isnan(cost[row][c])) continue;
      used[c] = 1;
      b = std::min(b, cost[row][c] + best(row + 1));
      used[c] = 0;
    }
    return b;
  };
  return best(0);
}

AssignmentProblem random_problem(RandomStream& rng, int rows, int cols, double density) {
  AssignmentProblem p;
  p.rows = rows;
  p.cols = cols;
  for (int r = 0; r < rows; ++r) p.unassigned_cost.push_back(rng.uniform(-2.0, 5.0));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (rng.bernoulli(density)) p.edges.push_back({r, c, rng.uniform(-5.0, 10.0)});
    }
  }
  return p;
}

TEST(Assignment, MatchesBruteForceOnRandomSparseProblems) {
  RandomStream rng(7, 1, Purpose::kTest);
  for (int trial = 0; trial < 300; ++trial) {
    const int rows = 1 + static_cast<int>(rng.below(6));
    const int cols = 1 + static_cast<int>(rng.below(6));
    const AssignmentProblem p = random_problem(rng, rows, cols, rng.uniform(0.1, 1.0));
    const AssignmentSolution s = solve_assignment(p);
    EXPECT_NEAR(s.cost, brute_force_cost(p), 1e-9) << "trial " << trial;
    std::vector<int> taken;
    for (int c : s.col_for_row) {
      if (c >= 0) taken.push_back(c);
    }
    std::sort(taken.begin(), taken.end());
    EXPECT_EQ(std::adjacent_find(taken.begin(), taken.end()), taken.end()) << "column reused";
  }
}

TEST(Assignment, SplitsIntoClusters) {
  AssignmentProblem p;
  p.rows = 4;
  p.cols = 5;
  p.unassigned_cost.assign(4, 0.0);
  p.edges = {{0, 0, -1.0}, {1, 0, -2.0}, {1, 1, -1.0}, {2, 3, -1.0}, {3, 4, 1.0}};
  const std::vector<Cluster> clusters = clusters_of(p);
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters[0].rows, (std::vector<int>{0, 1}));
  EXPECT_EQ(clusters[0].cols, (std::vector<int>{0, 1}));
  EXPECT_EQ(clusters[1].rows, (std::vector<int>{2}));
  EXPECT_EQ(clusters[2].cols, (std::vector<int>{4}));
  const AssignmentSolution s = solve_assignment(p);
  EXPECT_EQ(s.clusters, 3);
  EXPECT_EQ(s.col_for_row, (std::vector<int>{0, 1, 3, -1}));
  EXPECT_DOUBLE_EQ(s.cost, -3.0);
}

}  // namespace
}  // namespace rampart::tracking
