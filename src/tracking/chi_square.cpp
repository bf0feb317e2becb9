#include "tracking/chi_square.h"

#include <cmath>
#include <numbers>

#include "core/error.h"

namespace rampart::tracking {

double chi2_cdf(double x, int dof) {
  RAMPART_DEMAND(dof >= 1 && dof <= 4, "chi2_cdf supports 1 to 4 degrees of freedom");
  if (x <= 0.0) return 0.0;
  const double half = 0.5 * x;
  switch (dof) {
    case 1:
      return std::erf(std::sqrt(half));
    case 2:
      return -std::expm1(-half);
    case 3:
      return std::erf(std::sqrt(half)) - std::sqrt(2.0 * x / std::numbers::pi) * std::exp(-half);
    default:
      return 1.0 - std::exp(-half) * (1.0 + half);
  }
}

double chi2_quantile(double probability, int dof) {
  RAMPART_DEMAND(probability > 0.0 && probability < 1.0, "gate probability must be in (0, 1)");
  double lo = 0.0;
  double hi = 1.0;
  while (chi2_cdf(hi, dof) < probability) hi *= 2.0;
  while (hi - lo > 1e-12 * hi) {
    const double mid = 0.5 * (lo + hi);
    (chi2_cdf(mid, dof) < probability ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace rampart::tracking
