// Confidence intervals for Monte Carlo estimates, all at 95%.
//
//   mean of n replications:   x_bar +- t(0.975, n - 1) s / sqrt(n), s the sample standard
//                             deviation, t Student's quantile (boost::math::students_t);
//   proportion k of n:        Wilson's score interval (Wilson 1927), good near 0 and 1 where the
//                             normal approximation p +- z sqrt(p(1-p)/n) collapses to a point:
//                               centre = (p + z^2 / 2n) / (1 + z^2 / n),
//                               half   = z / (1 + z^2 / n) sqrt(p(1 - p) / n + z^2 / 4n^2),
//                             z = 1.959964;
//   ratio of sums R = sum y / sum x (interceptors per kill): the delta method,
//                             R +- t(0.975, n - 1) sqrt(var(y_i - R x_i) / n) / x_bar.
// An interval that cannot be formed (n < 2 for a mean or a ratio, no trials, x_bar = 0) has NaN
// bounds, and the JSON writer prints null.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace rampart::analysis {

struct Interval {
  double estimate = 0.0;
  double low = 0.0;
  double high = 0.0;
};

inline constexpr double kZ95 = 1.959963984540054;

/// A quantity that cannot be below `at_least` (a count, a time: 0) has its lower bound cut there:
/// t's symmetric interval would otherwise reach below zero for a rare event (a mean fratricide
/// rate of 0.01 from 2 in 200 runs gives [-0.004, 0.024]).
Interval mean_interval(const std::vector<double>& x,
                       double at_least = -std::numeric_limits<double>::infinity());
/// The sample mean (NaN for no values) and the sample standard deviation, n - 1 in the
/// denominator (0 for fewer than two values).
double mean_of(const std::vector<double>& x);
double sample_standard_deviation(const std::vector<double>& x);
Interval wilson_interval(std::size_t successes, std::size_t trials);
Interval ratio_interval(const std::vector<double>& numerator, const std::vector<double>& denominator);

}  // namespace rampart::analysis
