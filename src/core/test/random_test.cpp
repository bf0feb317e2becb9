#include "core/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace rampart {
namespace {

TEST(RandomStream, SameKeyGivesSameSequence) {
  RandomStream a(42, 7, Purpose::kDetection), b(42, 7, Purpose::kDetection);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.uniform(), b.uniform());
}

TEST(RandomStream, StreamsAreIndependentOfEachOthersDraws) {
  RandomStream alone(1, 3, Purpose::kKill);
  const double first = alone.uniform();
  RandomStream other(1, 4, Purpose::kKill);
  for (int i = 0; i < 1000; ++i) other.uniform();
  RandomStream again(1, 3, Purpose::kKill);
  EXPECT_EQ(again.uniform(), first);
}

TEST(RandomStream, DifferentKeysDiffer) {
  const double base = RandomStream(1, 1, Purpose::kDetection).uniform();
  EXPECT_NE(RandomStream(2, 1, Purpose::kDetection).uniform(), base);
  EXPECT_NE(RandomStream(1, 2, Purpose::kDetection).uniform(), base);
  EXPECT_NE(RandomStream(1, 1, Purpose::kMeasurementNoise).uniform(), base);
  EXPECT_NE(entity_key(1, 2), entity_key(2, 1));
}

TEST(RandomStream, KnownValueIsStableAcrossBuilds) {
  // std::mt19937_64 and std::seed_seq are fully specified by the standard, so this value must not
  // change with the compiler or standard library.
  RandomStream s(12345, 678, Purpose::kTest);
  EXPECT_EQ(s.below(1'000'000'007ULL), 888277899ULL);
}

TEST(RandomStream, MomentsOfDistributions) {
  RandomStream s(9, 9, Purpose::kTest);
  const int n = 200000;
  double sum = 0, sum2 = 0, psum = 0, psum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = s.normal(3.0, 2.0);
    sum += x;
    sum2 += x * x;
    const double k = static_cast<double>(s.poisson(37.5));
    psum += k;
    psum2 += k * k;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 3.0, 0.02);
  EXPECT_NEAR(var, 4.0, 0.05);
  const double pmean = psum / n, pvar = psum2 / n - pmean * pmean;
  EXPECT_NEAR(pmean, 37.5, 0.1);
  EXPECT_NEAR(pvar, 37.5, 0.5);
}

TEST(RandomStream, BelowIsUniform) {
  RandomStream s(5, 5, Purpose::kTest);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) ++counts[s.below(7)];
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);
}

}  // namespace
}  // namespace rampart
