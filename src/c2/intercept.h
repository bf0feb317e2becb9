// Intercept geometry on tracks: where an interceptor flying straight at its mean speed meets a
// target moving at constant velocity (the collision triangle). C2 plans air-to-air shots with it;
// a SAM's intercept comes from its launch acceptability region (feasible_engagements.h), and the
// engagement figures check the flyout's proportional navigation against it.
//
// With d = p_target - p_launcher, v the target velocity and s the interceptor speed, the intercept
// time t is the smallest positive root of (v.v - s^2) t^2 + 2 (d.v) t + d.d = 0.
#pragma once

#include <Eigen/Core>
#include <optional>

#include "core/geodesy.h"  // altitude_m

namespace rampart::c2 {

struct Intercept {
  double time_of_flight_s = 0.0;
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();  ///< predicted intercept point
};

std::optional<Intercept> predict_intercept(const Eigen::Vector3d& p_target_enu_m,
                                           const Eigen::Vector3d& v_target_enu_mps,
                                           const Eigen::Vector3d& p_launcher_enu_m,
                                           double interceptor_speed_mps);

}  // namespace rampart::c2
