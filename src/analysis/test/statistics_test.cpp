#include "analysis/statistics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rampart::analysis {
namespace {

// 1..5: mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776445, half-width 2.776445 sqrt(2.5 / 5) = 1.963243.
TEST(Statistics, MeanIntervalUsesStudentsT) {
  const Interval i = mean_interval({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(i.estimate, 3.0);
  EXPECT_NEAR(i.low, 3.0 - 1.963243, 1e-6);
  EXPECT_NEAR(i.high, 3.0 + 1.963243, 1e-6);
  // Large n tends to the normal: 1000 values alternating 0 and 2 (s = 1.0005): half-width about
  // 1.962 x 1.0005 / sqrt(1000).
  std::vector<double> many(1000);
  for (std::size_t k = 0; k < many.size(); ++k) many[k] = 2.0 * double(k % 2);
  const Interval wide = mean_interval(many);
  EXPECT_NEAR(wide.high - wide.estimate, 1.962341 * 1.0005003 / std::sqrt(1000.0), 1e-5);
}

// 2 fratricides in 200 runs: mean 0.01, s = sqrt((2 x 0.99^2 + 198 x 0.01^2) / 199) = 0.099748,
// half-width t(0.975, 199) = 1.971957 x 0.099748 / sqrt(200) = 0.013909: t reaches -0.0039.
TEST(Statistics, AMeanThatCannotBeNegativeIsCutAtZero) {
  std::vector<double> fratricides(200, 0.0);
  fratricides[17] = fratricides[120] = 1.0;
  const Interval t = mean_interval(fratricides);
  EXPECT_NEAR(t.low, 0.01 - 0.013909, 1e-6);
  const Interval cut = mean_interval(fratricides, 0.0);
  EXPECT_DOUBLE_EQ(cut.estimate, 0.01);
  EXPECT_DOUBLE_EQ(cut.low, 0.0);
  EXPECT_NEAR(cut.high, 0.01 + 0.013909, 1e-6);
}

TEST(Statistics, AMeanOfOneOrNoneHasNoInterval) {
  const Interval one = mean_interval({4.0});
  EXPECT_DOUBLE_EQ(one.estimate, 4.0);
  EXPECT_TRUE(std::isnan(one.low) && std::isnan(one.high));
  EXPECT_TRUE(std::isnan(mean_interval({}).estimate));
  const Interval constant = mean_interval({2, 2, 2});
  EXPECT_DOUBLE_EQ(constant.low, 2.0);
  EXPECT_DOUBLE_EQ(constant.high, 2.0);
}

// Published values (Newcombe 1998, table I): 0/10 -> [0, 0.2775]; 5/10 -> [0.2366, 0.7634];
// 81/263 -> [0.2553, 0.3662].
TEST(Statistics, WilsonIntervalMatchesPublishedValues) {
  Interval i = wilson_interval(0, 10);
  EXPECT_DOUBLE_EQ(i.estimate, 0.0);
  EXPECT_DOUBLE_EQ(i.low, 0.0);
  EXPECT_NEAR(i.high, 0.2775, 5e-5);
  i = wilson_interval(5, 10);
  EXPECT_NEAR(i.low, 0.2366, 5e-5);
  EXPECT_NEAR(i.high, 0.7634, 5e-5);
  i = wilson_interval(81, 263);
  EXPECT_NEAR(i.low, 0.2553, 5e-5);
  EXPECT_NEAR(i.high, 0.3662, 5e-5);
  i = wilson_interval(10, 10);
  EXPECT_NEAR(i.low, 0.7225, 5e-5);
  EXPECT_DOUBLE_EQ(i.high, 1.0);
  EXPECT_TRUE(std::isnan(wilson_interval(0, 0).estimate));
}

// y = 2x exactly: the ratio is 2 with no spread. y = (3, 4, 8), x = (1, 2, 3): R = 15 / 6 = 2.5,
// residuals y - R x = (0.5, -1, 0.5), variance 0.75, half-width t(0.975, 2) sqrt(0.75 / 3) / 2
// = 4.302653 x 0.5 / 2 = 1.075663.
TEST(Statistics, RatioOfSumsByTheDeltaMethod) {
  const Interval exact = ratio_interval({2, 4, 6}, {1, 2, 3});
  EXPECT_DOUBLE_EQ(exact.estimate, 2.0);
  EXPECT_NEAR(exact.low, 2.0, 1e-12);
  EXPECT_NEAR(exact.high, 2.0, 1e-12);
  const Interval spread = ratio_interval({3, 4, 8}, {1, 2, 3});
  EXPECT_DOUBLE_EQ(spread.estimate, 2.5);
  EXPECT_NEAR(spread.high - spread.estimate, 1.075663, 1e-6);
  EXPECT_TRUE(std::isnan(ratio_interval({1, 2}, {0, 0}).estimate));  // nothing killed: no ratio
}

}  // namespace
}  // namespace rampart::analysis
