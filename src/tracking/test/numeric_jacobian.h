// Central-difference Jacobian for checking analytic ones in tests.
#pragma once

#include <Eigen/Core>
#include <functional>

namespace rampart::tracking::testing {

inline Eigen::MatrixXd numeric_jacobian(const std::function<Eigen::VectorXd(const Eigen::VectorXd&)>& f,
                                        const Eigen::VectorXd& x, double step = 1e-6) {
  const Eigen::VectorXd f0 = f(x);
  Eigen::MatrixXd J(f0.size(), x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double h = step * std::max(1.0, std::abs(x(i)));
    Eigen::VectorXd plus = x, minus = x;
    plus(i) += h;
    minus(i) -= h;
    J.col(i) = (f(plus) - f(minus)) / (2.0 * h);
  }
  return J;
}

}  // namespace rampart::tracking::testing
