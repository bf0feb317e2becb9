#include "world/homing_mover.h"

#include <cmath>

#include "core/units.h"

namespace rampart::world {

HomingMover::HomingMover(const scenario::Point2& start, double cruise_altitude_m, double speed_mps,
                         const Eigen::Vector3d& goal_map_m, double dive_angle_deg)
    : p_map_m_(start.east_m, start.north_m, cruise_altitude_m),
      goal_map_m_(goal_map_m),
      speed_mps_(speed_mps),
      tan_dive_(std::tan(deg_to_rad(dive_angle_deg))) {}

MoverState HomingMover::advance(double, double dt_s) {
  if (!finished_ && dt_s > 0.0) {
    const Eigen::Vector3d to_goal = goal_map_m_ - p_map_m_;
    const double horizontal_m = to_goal.head<2>().norm();
    const double step_m = speed_mps_ * dt_s;
    // Over the goal (or nearly), it flies straight at it even when the goal stands above it.
    diving_ = diving_ || -to_goal.z() >= tan_dive_ * horizontal_m || horizontal_m <= step_m;
    if (to_goal.norm() <= step_m) {
      // It bursts on the goal at its speed, on its last line of flight.
      if (to_goal.norm() > 0.0) v_map_mps_ = speed_mps_ * to_goal.normalized();
      p_map_m_ = goal_map_m_;
      finished_ = true;
    } else {
      const Eigen::Vector3d direction =
          diving_ ? Eigen::Vector3d(to_goal.normalized())
                  : Eigen::Vector3d(to_goal.x() / horizontal_m, to_goal.y() / horizontal_m, 0.0);
      v_map_mps_ = speed_mps_ * direction;
      p_map_m_ += step_m * direction;
    }
  }
  return {p_map_m_.x(), p_map_m_.y(), p_map_m_.z(), v_map_mps_, finished_};
}

}  // namespace rampart::world
