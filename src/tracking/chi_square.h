// Chi-square distribution for gating: the gate of a d-dimensional innovation with covariance S
// is { nu : nu' S^-1 nu <= gamma }, gamma = chi2_quantile(P_gate, d); a true measurement falls
// in it with probability P_gate.
#pragma once

namespace rampart::tracking {

/// P(X <= x) for X ~ chi-square with `dof` degrees of freedom, dof in 1..4 (closed forms).
double chi2_cdf(double x, int dof);

/// The x with chi2_cdf(x, dof) = probability, for probability in (0, 1) and dof in 1..4;
/// found by bisection on the closed-form CDF to 1e-12 relative accuracy.
double chi2_quantile(double probability, int dof);

}  // namespace rampart::tracking
