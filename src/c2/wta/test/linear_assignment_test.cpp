#include "c2/wta/linear_assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "core/random.h"

namespace rampart::wta {
namespace {

double total(const std::vector<double>& gain, int columns, const std::vector<int>& column_of) {
  double sum = 0.0;
  for (std::size_t r = 0; r < column_of.size(); ++r) sum += gain[r * columns + column_of[r]];
  return sum;
}

// Random small problems where each row sees a random subset of the columns (always its starting
// one), checked against the brute-force maximum over assignments that use candidates only.
TEST(WtaLinearAssignment, ReachesTheBruteForceMaximumOverTheCandidatesFromAnyStart) {
  RandomStream random(1, 2, Purpose::kTest);
  for (int trial = 0; trial < 400; ++trial) {
    const int rows = 1 + static_cast<int>(random.below(5));
    const int columns = rows + static_cast<int>(random.below(3));
    const bool dense = trial % 2 == 0;
    std::vector<double> gain(static_cast<std::size_t>(rows) * columns);
    for (double& g : gain) g = static_cast<double>(random.below(1000)) / 10.0;  // ties included
    std::vector<int> perm(columns);
    std::iota(perm.begin(), perm.end(), 0);
    for (int k = columns - 1; k > 0; --k)
      std::swap(perm[k], perm[random.below(static_cast<std::uint64_t>(k) + 1)]);
    std::vector<int> column_of(perm.begin(), perm.begin() + rows);
    std::vector<char> allowed(gain.size(), 0);
    CandidateGains gains;
    gains.columns = columns;
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < columns; ++c) {
        const std::size_t at = static_cast<std::size_t>(r) * columns + c;
        allowed[at] = dense || c == column_of[r] || random.bernoulli(0.5);
        if (allowed[at]) gains.add(c, gain[at]);
      }
      gains.end_row();
    }
    const double start = total(gain, columns, column_of);
    const bool improved = maximise_assignment(gains, column_of, 1e-9);

    std::vector<int> sorted = column_of;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_TRUE(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) << "a column used twice";
    for (int r = 0; r < rows; ++r) {
      EXPECT_TRUE(allowed[static_cast<std::size_t>(r) * columns + column_of[r]]) << "not a candidate";
    }
    std::sort(perm.begin(), perm.end());
    double best = 0.0;
    do {
      bool feasible = true;
      for (int r = 0; r < rows; ++r)
        feasible = feasible && allowed[static_cast<std::size_t>(r) * columns + perm[r]];
      if (feasible)
        best = std::max(best, total(gain, columns, std::vector<int>(perm.begin(), perm.begin() + rows)));
    } while (std::next_permutation(perm.begin(), perm.end()));
    EXPECT_NEAR(total(gain, columns, column_of), best, 1e-9) << "trial " << trial;
    EXPECT_EQ(improved, best > start + 1e-9) << "trial " << trial;
  }
}

TEST(WtaLinearAssignment, RejectsAStartOutsideTheCandidates) {
  CandidateGains gains;
  gains.columns = 2;
  gains.add(1, 1.0);
  gains.end_row();
  std::vector<int> column_of{0};
  EXPECT_DEATH(maximise_assignment(gains, column_of, 1e-9), "starting column is one of its candidates");
}

}  // namespace
}  // namespace rampart::wta
