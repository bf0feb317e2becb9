#include "world/steered_mover.h"

#include <algorithm>

#include "core/error.h"
#include "core/units.h"

namespace rampart::world {

namespace {
/// Closer to the goal than this, the mover stands on it.
constexpr double kOnGoal_m = 1e-9;
}  // namespace

SteeredMover::SteeredMover(const scenario::Point2& start, double altitude_m, double speed_mps)
    : p_map_m_(start.east_m, start.north_m), goal_map_m_(p_map_m_), altitude_m_(altitude_m), speed_mps_(speed_mps) {
  RAMPART_DEMAND(speed_mps_ > 0.0, "a steered mover needs a positive speed");
}

void SteeredMover::steer(const scenario::Point2& goal) { goal_map_m_ = {goal.east_m, goal.north_m}; }

MoverState SteeredMover::advance(double /*flight_time_s*/, double dt_s) {
  const Eigen::Vector2d to_goal_m = goal_map_m_ - p_map_m_;
  MoverState out{.altitude_m = altitude_m_};
  if (to_goal_m.norm() > kOnGoal_m) {
    p_map_m_ += to_goal_m.normalized() * std::min(speed_mps_ * dt_s, to_goal_m.norm());
    if ((goal_map_m_ - p_map_m_).norm() > kOnGoal_m)
      out.v_enu_mps = level_velocity_enu_mps(azimuth_rad(to_goal_m.x(), to_goal_m.y()), speed_mps_);
  }
  out.east_m = p_map_m_.x();
  out.north_m = p_map_m_.y();
  return out;
}

}  // namespace rampart::world
