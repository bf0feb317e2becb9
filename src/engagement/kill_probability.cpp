#include "engagement/kill_probability.h"

#include <cmath>

namespace rampart::engagement {

double vulnerability(std::string_view kind) {
  if (kind == "cruise_missile") return 0.85;
  return kind == "ballistic_missile" ? 0.6 : 1.0;
}

double kill_probability(double pk_at_zero_miss, double miss_distance_m, double lethal_radius_m, std::string_view kind) {
  const double x = miss_distance_m / lethal_radius_m;
  return pk_at_zero_miss * vulnerability(kind) * std::exp(-0.5 * x * x);
}

}  // namespace rampart::engagement
