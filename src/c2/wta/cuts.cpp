#include "c2/wta/cuts.h"

#include <cmath>

namespace rampart::wta {

double Cut::slack(const double* x) const {
  double lhs = 0.0;
  for (std::size_t k = 0; k < index.size(); ++k) lhs += coef[k] * x[index[k]];
  return lhs - rhs;
}

Cut submodular_cut(const Instance& instance, const Layout& layout, int j, const std::vector<int>& t,
                   CutKind kind) {
  // S kept as the product of its non-zero factors and a count of zero ones, so p = 1 stays exact.
  double product = instance.value[j];
  int zeros = 0;
  for (int i = 0; i < layout.m; ++i) {
    const double q = 1.0 - instance.p(i, j);
    if (t[i] == 0) continue;
    if (q == 0.0) {
      zeros += t[i];
    } else {
      product *= std::pow(q, t[i]);
    }
  }
  const double survival = zeros > 0 ? 0.0 : product;
  Cut cut;
  cut.index.push_back(layout.z(j));
  cut.coef.push_back(1.0);
  cut.rhs = survival;
  for (int i = 0; i < layout.m; ++i) {
    const double p = instance.p(i, j);
    const double q = 1.0 - p;
    if (kind == CutKind::kRemovalExact && t[i] > 0) {
      const double without = q == 0.0 ? (zeros == 1 ? product : 0.0) : (zeros > 0 ? 0.0 : product / q);
      const double raise = without * p;
      for (int k = 0; k < t[i] && raise > 0.0; ++k) {
        cut.index.push_back(layout.w(i, j, k));
        cut.coef.push_back(raise);
        cut.rhs += raise;
      }
    }
    double lower = (kind == CutKind::kAdditionExact ? survival : instance.value[j] * std::pow(q, t[i])) * p;
    for (int k = t[i]; k < layout.mu && lower > 0.0; ++k) {
      cut.index.push_back(layout.w(i, j, k));
      cut.coef.push_back(lower);
      lower *= q;
    }
  }
  return cut;
}

std::optional<Cut> tangent_cut(const Instance& instance, const Layout& layout, int j, const double* x) {
  double y0 = 0.0;
  for (int i = 0; i < layout.m; ++i) {
    const double q = 1.0 - instance.p(i, j);
    if (q == 0.0) return std::nullopt;
    for (int k = 0; k < layout.mu; ++k) y0 += std::log(q) * x[layout.w(i, j, k)];
  }
  const double slope = instance.value[j] * std::exp(y0);
  Cut cut;
  cut.index.push_back(layout.z(j));
  cut.coef.push_back(1.0);
  cut.rhs = slope * (1.0 - y0);
  for (int i = 0; i < layout.m; ++i) {
    const double coef = -slope * std::log(1.0 - instance.p(i, j));
    for (int k = 0; k < layout.mu && coef > 0.0; ++k) {
      cut.index.push_back(layout.w(i, j, k));
      cut.coef.push_back(coef);
    }
  }
  return cut;
}

}  // namespace rampart::wta
