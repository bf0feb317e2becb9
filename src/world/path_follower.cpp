#include "world/path_follower.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/error.h"
#include "core/units.h"
#include "world/mover.h"

namespace rampart::world {

namespace {
Eigen::Vector2d map_m(const scenario::Waypoint& w) { return {w.east_m, w.north_m}; }
bool holds_at(const scenario::Waypoint& w) { return w.hold_s > 0.0 || w.pop_up.has_value(); }
/// Largest course change a lead turn anticipates (a reversal would need an infinite lead).
constexpr double kMaxAnticipatedTurn_rad = 2.0 * kPi / 3.0;
}  // namespace

double bearing_rad(const scenario::Waypoint& a, const scenario::Waypoint& b) {
  return azimuth_rad(b.east_m - a.east_m, b.north_m - a.north_m);
}

PathFollower::PathFollower(std::vector<scenario::Waypoint> route, bool repeat, double speed_mps,
                           double max_lateral_accel_mps2, double max_accel_mps2)
    : route_(std::move(route)),
      repeat_(repeat),
      speed_mps_default_(speed_mps),
      max_lateral_accel_mps2_(max_lateral_accel_mps2),
      max_accel_mps2_(max_accel_mps2) {
  RAMPART_DEMAND(route_.size() >= 2, "a route needs two waypoints");
  RAMPART_DEMAND(speed_mps > 0.0 && max_lateral_accel_mps2 > 0.0 && max_accel_mps2 > 0.0,
                 "a route follower needs a positive speed and positive limits");
  p_map_m_ = map_m(route_[0]);
  heading_rad_ = bearing_rad(route_[0], route_[1]);
  if (holds_at(route_[0])) {
    target_ = 0;
    holding_ = true;
  } else {
    speed_mps_ = leg_speed_mps(route_[1]);
  }
}

Eigen::Vector2d PathFollower::v_map_mps() const {
  return level_velocity_enu_mps(heading_rad_, speed_mps_).head<2>();
}

std::size_t PathFollower::previous_index() const {
  if (target_ > 0) return target_ - 1;
  return repeat_ ? route_.size() - 1 : 0;
}

std::size_t PathFollower::next_index() const { return (target_ + 1) % route_.size(); }

double PathFollower::leg_fraction() const {
  const double length_m = (map_m(target()) - map_m(previous())).norm();
  if (length_m <= 0.0) return 1.0;
  return std::clamp(1.0 - (map_m(target()) - p_map_m_).norm() / length_m, 0.0, 1.0);
}

double PathFollower::lead_distance_m() const {
  if (at_end() || holds_at(target())) return 0.0;
  const double course_change_rad =
      std::abs(wrap_pi(bearing_rad(target(), route_[next_index()]) - bearing_rad(previous(), target())));
  const double turn_rate_radps = std::min(max_lateral_accel_mps2_ / std::max(speed_mps_, 1e-9), kMaxTurnRate_radps);
  const double radius_m = speed_mps_ / turn_rate_radps;
  const double leg_m = (map_m(target()) - map_m(previous())).norm();
  const double next_leg_m = (map_m(route_[next_index()]) - map_m(target())).norm();
  return std::min({radius_m * std::tan(std::min(course_change_rad, kMaxAnticipatedTurn_rad) / 2.0), leg_m / 2.0,
                   next_leg_m / 2.0});
}

void PathFollower::switch_leg() {
  if (holds_at(target())) {
    holding_ = true;
    held_s_ = 0.0;
    speed_mps_ = 0.0;
  } else if (at_end()) {
    finished_ = true;
  } else {
    target_ = next_index();
  }
}

void PathFollower::step(double dt_s, bool keep_holding) {
  if (finished_) return;
  if (holding_) {
    held_s_ += dt_s;
    if (held_s_ >= target().hold_s && !keep_holding) {
      holding_ = false;
      if (at_end()) finished_ = true;
      else target_ = next_index();
    }
    return;
  }
  const Eigen::Vector2d to_target_m = map_m(target()) - p_map_m_;
  double speed_cmd_mps = leg_speed_mps(target());
  if (holds_at(target())) speed_cmd_mps = std::min(speed_cmd_mps, std::sqrt(max_accel_mps2_ * to_target_m.norm()));
  const double new_speed_mps =
      speed_mps_ + std::clamp(speed_cmd_mps - speed_mps_, -max_accel_mps2_ * dt_s, max_accel_mps2_ * dt_s);
  const double turn_limit_radps = std::min(max_lateral_accel_mps2_ / std::max(speed_mps_, 1e-9), kMaxTurnRate_radps);
  const double heading_error_rad = wrap_pi(azimuth_rad(to_target_m.x(), to_target_m.y()) - heading_rad_);
  const double new_heading_rad =
      wrap_two_pi(heading_rad_ + std::clamp(heading_error_rad / kHeadingTau_s, -turn_limit_radps, turn_limit_radps) * dt_s);
  const Eigen::Vector2d v_before_mps = v_map_mps();
  heading_rad_ = new_heading_rad;
  speed_mps_ = new_speed_mps;
  p_map_m_ += 0.5 * dt_s * (v_before_mps + v_map_mps());

  const Eigen::Vector2d left_m = map_m(target()) - p_map_m_;
  const Eigen::Vector2d leg_m = map_m(target()) - map_m(previous());
  const bool passed = leg_m.dot(left_m) < 0.0;
  // It holds once it can stop within the step (so its speed never jumps by more than a dt_s).
  const bool stopped_on_it = left_m.norm() <= kArrive_m && speed_mps_ <= max_accel_mps2_ * dt_s;
  if (holds_at(target()) ? stopped_on_it || passed : left_m.norm() <= lead_distance_m() || passed) switch_leg();
}

}  // namespace rampart::world
