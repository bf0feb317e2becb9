#include "core/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/random.h"

namespace rampart {
namespace {

// The costs of all partial one-to-one assignments, in increasing order.
std::vector<double> all_costs(const AssignmentProblem& p) {
  std::vector<std::vector<double>> cost(p.rows, std::vector<double>(p.cols, std::nan("")));
  for (const AssignmentEdge& e : p.edges) cost[e.row][e.col] = e.cost;
  std::vector<char> used(p.cols, 0);
  std::vector<double> out;
  std::function<void(int, double)> visit = [&](int row, double sum) {
    if (row == p.rows) {
      out.push_back(sum);
      return;
    }
    visit(row + 1, sum + p.unassigned_cost[row]);
    for (int c = 0; c < p.cols; ++c) {
      if (used[c] || std::isnan(cost[row][c])) continue;
      used[c] = 1;
      visit(row + 1, sum + cost[row][c]);
      used[c] = 0;
    }
  };
  visit(0, 0.0);
  std::sort(out.begin(), out.end());
  return out;
}

double brute_force_cost(const AssignmentProblem& p) { return all_costs(p).front(); }

// 1..max_rows rows, 1..max_cols columns, each edge present with a density drawn in
// [min_density, 1).
AssignmentProblem random_problem(RandomStream& rng, int max_rows, int max_cols, double min_density) {
  const int rows = 1 + static_cast<int>(rng.below(max_rows));
  const int cols = 1 + static_cast<int>(rng.below(max_cols));
  const double density = rng.uniform(min_density, 1.0);
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
    const AssignmentProblem p = random_problem(rng, 6, 6, 0.1);
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

TEST(Assignment, MurtyGivesTheKBestInOrder) {
  RandomStream rng(8, 1, Purpose::kTest);
  for (int trial = 0; trial < 100; ++trial) {
    const AssignmentProblem p = random_problem(rng, 4, 4, 0.3);
    const std::vector<double> expected = all_costs(p);
    const int k = 1 + static_cast<int>(rng.below(12));
    const std::vector<AssignmentSolution> best = k_best_assignments(p, k);
    ASSERT_EQ(best.size(), std::min<std::size_t>(k, expected.size())) << trial;
    for (std::size_t i = 0; i < best.size(); ++i) EXPECT_NEAR(best[i].cost, expected[i], 1e-9) << trial;
    for (std::size_t i = 1; i < best.size(); ++i) EXPECT_NE(best[i].col_for_row, best[i - 1].col_for_row);
  }
}

TEST(Assignment, KBestByClusterEqualsKBestOfTheWholeProblem) {
  RandomStream rng(9, 1, Purpose::kTest);
  for (int trial = 0; trial < 100; ++trial) {
    const AssignmentProblem p = random_problem(rng, 5, 5, 0.1);
    const int k = 1 + static_cast<int>(rng.below(15));
    const auto whole = k_best_assignments(p, k);
    const auto by_cluster = k_best_by_cluster(p, k);
    ASSERT_EQ(whole.size(), by_cluster.size()) << trial;
    for (std::size_t i = 0; i < whole.size(); ++i) EXPECT_NEAR(whole[i].cost, by_cluster[i].cost, 1e-9) << trial;
  }
}

TEST(Assignment, RowThatMustBeAssignedMakesItInfeasibleWithoutAnEdge) {
  AssignmentProblem p;
  p.rows = 2;
  p.cols = 1;
  p.unassigned_cost = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  p.edges = {{0, 0, 1.0}, {1, 0, 2.0}};
  EXPECT_FALSE(solve_assignment(p).feasible);
  p.unassigned_cost[1] = 5.0;
  const AssignmentSolution s = solve_assignment(p);
  EXPECT_TRUE(s.feasible);
  EXPECT_EQ(s.col_for_row, (std::vector<int>{0, -1}));
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
}  // namespace rampart
