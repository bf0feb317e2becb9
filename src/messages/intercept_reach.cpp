#include "messages/intercept_reach.h"

#include <algorithm>

namespace rampart::messages {
namespace {

/// The lower grid index of x on `axis` and the weight of the upper one; none outside the axis.
std::optional<std::pair<std::size_t, double>> bracket(const std::vector<double>& axis, double x) {
  if (axis.size() < 2 || x < axis.front() || x > axis.back()) return std::nullopt;
  const auto upper = std::min(static_cast<std::size_t>(std::upper_bound(axis.begin(), axis.end(), x) - axis.begin()),
                              axis.size() - 1);
  const std::size_t lower = upper - 1;
  return std::pair{lower, (x - axis[lower]) / (axis[upper] - axis[lower])};
}

}  // namespace

std::optional<double> InterceptReach::time_of_flight_s_to(double ground_at_m, double height_at_m) const {
  const auto g = bracket(ground_m, ground_at_m);
  const auto h = bracket(height_m, height_at_m);
  if (!g || !h) return std::nullopt;
  double time_s = 0.0;
  for (std::size_t k = 0; k < 4; ++k) {
    const std::size_t dg = k & 1U, dh = (k >> 1) & 1U;
    const double tof_s = time_of_flight_s[point(g->first + dg, h->first + dh)];
    if (tof_s < 0.0) return std::nullopt;
    time_s += (dg ? g->second : 1.0 - g->second) * (dh ? h->second : 1.0 - h->second) * tof_s;
  }
  return time_s;
}

}  // namespace rampart::messages
