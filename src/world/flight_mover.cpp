#include "world/flight_mover.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/units.h"

namespace rampart::world {

FlightMover::FlightMover(const std::vector<scenario::Waypoint>& route, bool repeat, double altitude_m,
                         double speed_mps, const scenario::Manoeuvre& manoeuvre,
                         std::shared_ptr<const environment::Terrain> terrain)
    : path_(route, repeat, speed_mps, manoeuvre.max_lateral_accel_mps2, manoeuvre.max_accel_mps2),
      altitude_default_m_(altitude_m),
      manoeuvre_(manoeuvre),
      max_vertical_accel_mps2_(kStandardGravity_mps2 *
                               (std::hypot(1.0, manoeuvre.max_lateral_accel_mps2 / kStandardGravity_mps2) - 1.0)),
      terrain_(std::move(terrain)) {
  altitude_m_ = std::max(route.front().altitude_m.value_or(altitude_m), terrain_following_altitude_m());
}

double FlightMover::profile_altitude_m() const {
  const double to_m = path_.target().altitude_m.value_or(altitude_default_m_);
  if (path_.holding()) return to_m;
  const double from_m = path_.previous().altitude_m.value_or(altitude_default_m_);
  return from_m + path_.leg_fraction() * (to_m - from_m);
}

double FlightMover::terrain_following_altitude_m() const {
  if (!manoeuvre_.clearance_m) return -std::numeric_limits<double>::infinity();
  const double clearance_m = *manoeuvre_.clearance_m;
  const double speed_mps = path_.speed_mps();
  const Eigen::Vector2d p = path_.p_map_m();
  double highest_m = ground_height_m(terrain_.get(), p.x(), p.y()) + clearance_m;
  if (speed_mps < 1.0) return highest_m;
  const Eigen::Vector2d u = path_.v_map_mps() / speed_mps;
  const double reach_m = speed_mps * kLookAhead_s;
  for (double s = kLookAheadStep_m; s <= reach_m; s += kLookAheadStep_m)
    highest_m = std::max(highest_m, ground_height_m(terrain_.get(), p.x() + s * u.x(), p.y() + s * u.y()) + clearance_m - s * manoeuvre_.max_climb_mps / speed_mps);
  return highest_m;
}

double FlightMover::commanded_altitude_m() const {
  switch (pop_up_) {
    case PopUpPhase::kClimbing:
    case PopUpPhase::kExposed: return masked_altitude_m_ + path_.target().pop_up->height_m;
    case PopUpPhase::kDescending: return masked_altitude_m_;
    case PopUpPhase::kNone:
    case PopUpPhase::kRemasked: break;
  }
  return std::max(profile_altitude_m(), terrain_following_altitude_m());
}

bool FlightMover::pop_up_under_way(double dt_s) {
  if (!path_.holding() || !path_.target().pop_up) {
    pop_up_ = PopUpPhase::kNone;
    return false;
  }
  if (path_.held_s() < path_.target().hold_s) return true;  // masked, waiting to pop up
  const double off_m = std::abs(commanded_altitude_m() - altitude_m_);
  switch (pop_up_) {
    case PopUpPhase::kNone:
      masked_altitude_m_ = altitude_m_;
      exposed_s_ = 0.0;
      pop_up_ = PopUpPhase::kClimbing;
      return true;
    case PopUpPhase::kClimbing:
      if (off_m <= kOnAltitude_m) pop_up_ = PopUpPhase::kExposed;
      return true;
    case PopUpPhase::kExposed:
      exposed_s_ += dt_s;
      if (exposed_s_ >= path_.target().pop_up->exposure_s) pop_up_ = PopUpPhase::kDescending;
      return true;
    case PopUpPhase::kDescending:
      if (off_m > kOnAltitude_m) return true;
      pop_up_ = PopUpPhase::kRemasked;
      return false;
    case PopUpPhase::kRemasked: return false;
  }
  return false;
}

void FlightMover::step(double dt_s) {
  path_.step(dt_s, pop_up_under_way(dt_s));
  const double commanded_m = commanded_altitude_m();
  const double off_m = commanded_m - altitude_m_;
  const double command_rate_mps = std::isfinite(last_commanded_m_) ? (commanded_m - last_commanded_m_) / dt_s : 0.0;
  last_commanded_m_ = commanded_m;
  const double climb_cmd_mps =
      std::clamp(command_rate_mps + std::copysign(std::sqrt(max_vertical_accel_mps2_ * std::abs(off_m)), off_m),
                 -manoeuvre_.max_climb_mps, manoeuvre_.max_climb_mps);
  const double dv_mps = max_vertical_accel_mps2_ * dt_s;
  const double climb_mps = climb_mps_ + std::clamp(climb_cmd_mps - climb_mps_, -dv_mps, dv_mps);
  altitude_m_ += 0.5 * dt_s * (climb_mps_ + climb_mps);
  climb_mps_ = climb_mps;
}

MoverState FlightMover::advance(double /*flight_time_s*/, double dt_s) {
  const int steps = substeps(dt_s, PathFollower::kMaxStep_s);
  for (int i = 0; i < steps && !path_.finished(); ++i) step(dt_s / steps);
  const Eigen::Vector2d p = path_.p_map_m();
  const Eigen::Vector2d v = path_.v_map_mps();
  return {.east_m = p.x(),
          .north_m = p.y(),
          .altitude_m = altitude_m_,
          .v_enu_mps = Eigen::Vector3d(v.x(), v.y(), climb_mps_),
          .finished = path_.finished()};
}

}  // namespace rampart::world
