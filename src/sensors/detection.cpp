#include "sensors/detection.h"

#include <boost/math/distributions/non_central_chi_squared.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::sensors {
namespace {

using boost::math::gamma_p;
using boost::math::gamma_q;

// Regularised incomplete gamma functions that accept a = 0 (Gamma(0, 1) is the point mass at 0).
double upper(double a, double x) { return a <= 0.0 ? 0.0 : gamma_q(a, x); }

// e^(-y/c) beta^-m P(m, beta y) with beta = 1 - 1/c: the convolution term of a gamma sum (cases 1
// and 3). For beta y < m + 1, P(m, x) = x^m e^-x / Gamma(m + 1) M(1, m + 1, x) (Kummer's series,
// quick there) turns it into e^-y y^m / m! M(1, m + 1, beta y), which neither overflows nor
// underflows as beta -> 0 (a weak target); elsewhere beta^-m is moderate and the direct form holds.
double convolution_term(double m, double y, double c) {
  const double beta = 1.0 - 1.0 / c;
  if (m <= 0.0) return std::exp(-y / c);
  const double x = beta * y;
  if (x < m + 1.0) {
    double term = 1.0, series = 1.0;
    for (int k = 1; k < 1000 && term > 1e-17 * series; ++k) {
      term *= x / (m + k);
      series += term;
    }
    return std::exp(-y + m * std::log(y) - std::lgamma(m + 1.0)) * series;
  }
  return std::exp(-y / c - m * std::log(beta)) * gamma_p(m, x);
}

// y = Gamma(N-1, 1) + Exp(c), c = 1 + N s: with the MGF (1-t)^-(N-1) (1 - c t)^-1, P(y > Y) =
// Q(N-1, Y) + e^(-Y/c) beta^-(N-1) P(N-1, beta Y).
double case1(int n, double s, double y) {
  const double c = 1.0 + n * s;
  return upper(n - 1.0, y) + convolution_term(n - 1.0, y, c);
}

// y = Gamma(N-2, 1) + Gamma(2, d), d = 1 + N s / 2. With P(Gamma(2, d) > z) = e^(-z/d) (1 + z/d)
// the convolution integral is Q(N-2, Y) + (1 + Y/d) T(N-2) - ((N-2)/d) T(N-1), T the
// convolution_term with c = d. N = 1: the MGF (1-t)(1-dt)^-2 = (1/d)(1-dt)^-1 + (1-1/d)(1-dt)^-2,
// a two-term mixture.
double case3(int n, double s, double y) {
  const double d = 1.0 + n * s / 2.0;
  if (n == 1) return std::exp(-y / d) * (1.0 / d + (1.0 - 1.0 / d) * (1.0 + y / d));
  const double m = n - 2.0;
  return upper(m, y) + (1.0 + y / d) * convolution_term(m, y, d) - (m / d) * convolution_term(m + 1.0, y, d);
}

// Independent chi-square-4 pulses: the MGF per pulse (1-t)/(1-bt)^2, b = 1 + s/2; writing
// 1 - t = (1-bt)/b + (1 - 1/b) and expanding the N-th power gives a binomial mixture of
// Gamma(2N - k, b), k = 0..N.
double case4(int n, double s, double y) {
  const double b = 1.0 + s / 2.0;
  if (b == 1.0) return upper(n, y);
  double pd = 0.0;
  const double log_b = std::log(b), log_rest = std::log1p(-1.0 / b);
  for (int k = 0; k <= n; ++k) {
    const double log_w = std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) - k * log_b +
                         (n - k) * log_rest;
    pd += std::exp(log_w) * upper(2.0 * n - k, y / b);
  }
  return pd;
}

}  // namespace

double detection_probability(int swerling_case, int pulses, Integration integration, double snr,
                             double false_alarm_probability) {
  RAMPART_DEMAND(swerling_case >= 0 && swerling_case <= 4 && pulses >= 1 && snr >= 0.0 &&
                     false_alarm_probability > 0.0 && false_alarm_probability < 1.0,
                 "a Swerling case 0-4, at least one pulse, SNR >= 0 and 0 < Pfa < 1");
  RAMPART_DEMAND(integration == Integration::kNoncoherent || swerling_case % 2 == 1 || swerling_case == 0,
                 "cases 2 and 4 decorrelate pulse to pulse: integrated non-coherently only");
  int n = pulses;
  double s = snr;
  if (integration == Integration::kCoherent) {
    s *= n;
    n = 1;
  }
  const double y = boost::math::gamma_q_inv(static_cast<double>(n), false_alarm_probability);
  if (s <= 0.0) return false_alarm_probability;
  double pd = 0.0;
  switch (swerling_case) {
    case 0: {
      const boost::math::non_central_chi_squared chi2(2.0 * n, 2.0 * n * s);
      pd = boost::math::cdf(boost::math::complement(chi2, 2.0 * y));
      break;
    }
    case 1: pd = case1(n, s, y); break;
    case 2: pd = upper(n, y / (1.0 + s)); break;
    case 3: pd = case3(n, s, y); break;
    case 4: pd = case4(n, s, y); break;
  }
  return std::clamp(pd, false_alarm_probability, 1.0);
}

double required_snr(int swerling_case, int pulses, Integration integration, double pd, double false_alarm_probability) {
  double lo_db = -40.0, hi_db = 100.0;
  for (int i = 0; i < 80; ++i) {
    const double mid_db = 0.5 * (lo_db + hi_db);
    if (detection_probability(swerling_case, pulses, integration, db_to_ratio(mid_db), false_alarm_probability) < pd)
      lo_db = mid_db;
    else
      hi_db = mid_db;
  }
  return db_to_ratio(0.5 * (lo_db + hi_db));
}

double shnidman_snr(int swerling_case, int pulses, double pd, double false_alarm_probability) {
  const double n = pulses;
  const double alpha = pulses < 40 ? 0.0 : 0.25;
  const double eta = std::sqrt(-0.8 * std::log(4.0 * false_alarm_probability * (1.0 - false_alarm_probability))) +
                     (pd >= 0.5 ? 1.0 : -1.0) * std::sqrt(-0.8 * std::log(4.0 * pd * (1.0 - pd)));
  const double x_inf = eta * (eta + 2.0 * std::sqrt(n / 2.0 + (alpha - 0.25)));
  double c = 1.0;
  if (swerling_case != 0) {
    const double k = swerling_case == 1 ? 1.0 : swerling_case == 2 ? n : swerling_case == 3 ? 2.0 : 2.0 * n;
    const double c1_db = (((17.7006 * pd - 18.4496) * pd + 14.5339) * pd - 3.525) / k;
    const double c2_db =
        (std::exp(27.31 * pd - 25.14) + (pd - 0.8) * (0.7 * std::log(1e-5 / false_alarm_probability) + (2.0 * n - 20.0) / 80.0)) / k;
    c = db_to_ratio(pd <= 0.872 ? c1_db : c1_db + c2_db);
  }
  return c * x_inf / n;
}

namespace {
constexpr double kTableLow_db = -30.0;
constexpr double kTableHigh_db = 50.0;
constexpr double kTableStep_db = 0.02;
}  // namespace

DetectionCurve::DetectionCurve(int swerling_case, int pulses, Integration integration, double false_alarm_probability)
    : swerling_case_(swerling_case), pulses_(pulses), integration_(integration),
      false_alarm_probability_(false_alarm_probability) {
  const auto size = static_cast<std::size_t>(std::llround((kTableHigh_db - kTableLow_db) / kTableStep_db)) + 1;
  table_.reserve(size);
  for (std::size_t i = 0; i < size; ++i)
    table_.push_back(detection_probability(swerling_case, pulses, integration,
                                           db_to_ratio(kTableLow_db + static_cast<double>(i) * kTableStep_db),
                                           false_alarm_probability));
}

double DetectionCurve::pd(double snr) const {
  if (snr <= 0.0) return false_alarm_probability_;
  const double x = (10.0 * std::log10(snr) - kTableLow_db) / kTableStep_db;
  if (x < 0.0 || x >= static_cast<double>(table_.size() - 1))
    return detection_probability(swerling_case_, pulses_, integration_, snr, false_alarm_probability_);
  const auto i = static_cast<std::size_t>(x);
  const double w = x - static_cast<double>(i);
  return table_[i] + w * (table_[i + 1] - table_[i]);
}

}  // namespace rampart::sensors
