#include "c2/intercept.h"

#include <cmath>


namespace rampart::c2 {

std::optional<Intercept> predict_intercept(const Eigen::Vector3d& p_target_enu_m,
                                           const Eigen::Vector3d& v_target_enu_mps,
                                           const Eigen::Vector3d& p_launcher_enu_m,
                                           double interceptor_speed_mps) {
  const Eigen::Vector3d d = p_target_enu_m - p_launcher_enu_m;
  const double a = v_target_enu_mps.squaredNorm() - interceptor_speed_mps * interceptor_speed_mps;
  const double b = 2.0 * d.dot(v_target_enu_mps);
  const double c = d.squaredNorm();
  double t = -1.0;
  if (std::abs(a) < 1e-9) {
    if (b < 0.0) t = -c / b;
  } else {
    const double disc = b * b - 4.0 * a * c;
    if (disc < 0.0) return std::nullopt;
    const double sq = std::sqrt(disc);
    const double t1 = (-b - sq) / (2.0 * a), t2 = (-b + sq) / (2.0 * a);
    const double lo = std::min(t1, t2), hi = std::max(t1, t2);
    t = lo > 0.0 ? lo : hi;
  }
  if (!(t > 0.0)) return std::nullopt;
  return Intercept{t, p_target_enu_m + v_target_enu_mps * t};
}

}  // namespace rampart::c2
