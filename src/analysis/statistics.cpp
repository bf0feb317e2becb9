#include "analysis/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/students_t.hpp>

#include "core/error.h"

namespace rampart::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double t975(std::size_t degrees_of_freedom) {
  return boost::math::quantile(boost::math::students_t(static_cast<double>(degrees_of_freedom)), 0.975);
}

/// Sample variance (n - 1 in the denominator), two-pass for accuracy.
double variance_of(const std::vector<double>& x, double mean) {
  double sum = 0.0;
  for (const double v : x) sum += (v - mean) * (v - mean);
  return sum / static_cast<double>(x.size() - 1);
}

}  // namespace

double mean_of(const std::vector<double>& x) {
  double sum = 0.0;
  for (const double v : x) sum += v;
  return sum / static_cast<double>(x.size());
}

double sample_standard_deviation(const std::vector<double>& x) {
  return x.size() > 1 ? std::sqrt(variance_of(x, mean_of(x))) : 0.0;
}

Interval mean_interval(const std::vector<double>& x, double at_least) {
  if (x.empty()) return {kNaN, kNaN, kNaN};
  const double mean = mean_of(x);
  if (x.size() < 2) return {mean, kNaN, kNaN};
  const double half = t975(x.size() - 1) * std::sqrt(variance_of(x, mean) / static_cast<double>(x.size()));
  return {mean, std::max(at_least, mean - half), mean + half};
}

Interval wilson_interval(std::size_t successes, std::size_t trials) {
  RAMPART_DEMAND(successes <= trials, "a proportion of at most its trials");
  if (trials == 0) return {kNaN, kNaN, kNaN};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
  const double half = kZ95 / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Interval ratio_interval(const std::vector<double>& numerator, const std::vector<double>& denominator) {
  RAMPART_DEMAND(numerator.size() == denominator.size(), "a ratio of paired samples");
  if (numerator.empty()) return {kNaN, kNaN, kNaN};
  const double x_bar = mean_of(denominator);
  if (x_bar == 0.0) return {kNaN, kNaN, kNaN};
  const double ratio = mean_of(numerator) / x_bar;
  if (numerator.size() < 2) return {ratio, kNaN, kNaN};
  std::vector<double> residual(numerator.size());
  for (std::size_t i = 0; i < numerator.size(); ++i) residual[i] = numerator[i] - ratio * denominator[i];
  const double half = t975(numerator.size() - 1) *
                      std::sqrt(variance_of(residual, mean_of(residual)) / static_cast<double>(numerator.size())) /
                      std::abs(x_bar);
  return {ratio, ratio - half, ratio + half};
}

}  // namespace rampart::analysis
