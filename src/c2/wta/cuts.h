// Internal to the exact solver (exact.cpp), exposed for tests: the column layout of the branch-and-cut
// model and the valid inequalities z_j >= (lower bound on V_j prod_i q_ij^{x_ij}) it separates.
#pragma once

#include <optional>
#include <vector>

#include "c2/wta/instance.h"

namespace rampart::wta {

// Column layout: w_ijk at ((i * n) + j) * mu + k, then z_j at m * n * mu + j.
struct Layout {
  int m, n, mu;
  int w(int i, int j, int k) const { return ((i * n) + j) * mu + k; }
  int z(int j) const { return m * n * mu + j; }
  int columns() const { return m * n * mu + n; }
};

/// One inequality  sum_k coef[k] * x[index[k]] >= rhs  (its z_j coefficient is 1).
struct Cut {
  std::vector<int> index;
  std::vector<double> coef;
  double rhs = 0.0;

  /// lhs - rhs at the column values x; negative when x violates the cut.
  double slack(const double* x) const;
};

/// The two Nemhauser-Wolsey inequalities tight at the counts t of target j. With
/// S = V_j prod_i q_ij^{t_i} and the k-th weapon (1-based) of type i, w ordered:
///   kRemovalExact: a weapon k <= t_i taken away raises S by at least S p / q (its marginal at t
///     minus itself); a weapon k > t_i added lowers it by at most V_j p q^{k-1} (its marginal with
///     only the weapons of type i before it);
///   kAdditionExact: a weapon taken away raises S by at least 0; a weapon k > t_i added lowers it
///     by at most S p q^{k-1-t_i} (its marginal at t plus the weapons of type i before it).
enum class CutKind { kRemovalExact, kAdditionExact };
Cut submodular_cut(const Instance& instance, const Layout& layout, int j, const std::vector<int>& t,
                   CutKind kind);

/// The tangent of the convex V_j exp(y_j), y_j = sum_ik ln(q_ij) w_ijk, at the point y0 of a possibly
/// fractional solution x: z_j >= V_j e^{y0} (1 + y_j - y0). Valid for every w, so it cuts fractional
/// points; empty when some q_ij = 0 (no logarithm; the submodular cuts cover that target).
std::optional<Cut> tangent_cut(const Instance& instance, const Layout& layout, int j, const double* x);

}  // namespace rampart::wta
