#include "tracking/chi_square.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rampart::tracking {
namespace {

TEST(ChiSquare, QuantilesMatchTables) {
  // Abramowitz and Stegun, table 26.8.
  EXPECT_NEAR(chi2_quantile(0.95, 1), 3.841459, 1e-5);
  EXPECT_NEAR(chi2_quantile(0.99, 2), 9.210340, 1e-5);
  EXPECT_NEAR(chi2_quantile(0.999, 3), 16.266236, 1e-5);
  EXPECT_NEAR(chi2_quantile(0.95, 4), 9.487729, 1e-5);
}

TEST(ChiSquare, CdfIsTheIntegralOfTheDensity) {
  for (int dof = 1; dof <= 4; ++dof) {
    const double x = 3.0;
    const double h = 1e-5;
    const double density = (chi2_cdf(x + h, dof) - chi2_cdf(x - h, dof)) / (2.0 * h);
    const double k = 0.5 * dof;
    const double expected = std::pow(x, k - 1.0) * std::exp(-0.5 * x) / (std::pow(2.0, k) * std::tgamma(k));
    EXPECT_NEAR(density, expected, 1e-7) << dof;
  }
}

}  // namespace
}  // namespace rampart::tracking
