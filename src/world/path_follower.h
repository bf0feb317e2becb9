// The horizontal motion of a route-flying platform (aircraft, helicopter, ground vehicle): a
// point mass on the map plane with a heading psi and a ground speed V, steered each step towards
// the waypoint it flies to, turning and changing speed within its limits. The vertical motion is
// the mover's own (flight_mover.h, ground_mover.h).
//
// One step of dt (at most kMaxStep_s; movers split longer ones):
//   speed    V' = V + clamp(V_cmd - V, -a dt, a dt), a = max_accel_mps2;
//   heading  psi' = psi + clamp(wrap(psi_cmd - psi) / tau, -w_max, w_max) dt, tau = kHeadingTau_s,
//            with psi_cmd the bearing to the waypoint and the turn rate limited by the lateral
//            acceleration, w_max = min(a_lat / V, kMaxTurnRate_radps): for an aircraft
//            a_lat = g tan(bank), so its turn radius is V^2 / (g tan bank) and a 180 deg turn takes
//            pi V / (g tan bank) (e.g. Anderson, Introduction to Flight, sec. 6.17);
//   position p' = p + dt (v(psi, V) + v(psi', V')) / 2, the trapezoid rule, so the velocity
//            reported, v(psi', V'), is the time derivative of the path the steps join.
// The commanded speed is the leg's (the waypoint's speed_mps, else the route's); towards a
// waypoint where the platform holds, it is also at most sqrt(a d) at distance d, the speed from
// which it stops there braking at a / 2 (the other half of its deceleration lets it catch up with
// that curve from above, as it starts braking in the middle of a step), and the platform holds (stands) once within kArrive_m of it and
// slow enough to stop in the step (V' <= a dt), or past it.
//
// Leg switching with turn anticipation (a lead turn): the platform flies to the next waypoint
// once it is within d_lead = R tan(min(dpsi, 120 deg) / 2) of the current one, R = V / w_max its
// turn radius and dpsi the change of course there, so that a turn of radius R joins the next leg
// without overshooting it (the tangent length of the turn; capped for a reversal, where it would
// be infinite, and at half the length of either leg, which a turn too wide for its legs then
// overshoots); or once it has passed the waypoint (beyond the line through it normal to the leg).
// A closed route (repeat) flies from its last waypoint to its first and on, turning smoothly at
// every corner; an open one is finished on passing its last waypoint.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <vector>

#include "scenario/scenario.h"

namespace rampart::world {

class PathFollower {
 public:
  /// Longest step; longer ones are split by the movers.
  static constexpr double kMaxStep_s = 0.1;
  /// Highest turn rate at any speed (a helicopter's pedal turn, a tracked vehicle's pivot).
  static constexpr double kMaxTurnRate_radps = 0.5;  // ~30 deg/s
  static constexpr double kHeadingTau_s = 1.0;
  static constexpr double kArrive_m = 1.0;

  /// Starts on the first waypoint heading for the second at the second's speed, or standing
  /// there when it holds at the first. Route of >= 2 waypoints, positive speeds and limits.
  PathFollower(std::vector<scenario::Waypoint> route, bool repeat, double speed_mps, double max_lateral_accel_mps2,
               double max_accel_mps2);

  /// Moves by dt_s (<= kMaxStep_s). While holding, `keep_holding` holds it past its hold_s (a
  /// pop-up still under way).
  void step(double dt_s, bool keep_holding);

  Eigen::Vector2d p_map_m() const { return p_map_m_; }
  /// d/dt of p_map_m.
  Eigen::Vector2d v_map_mps() const;
  double heading_rad() const { return heading_rad_; }
  double speed_mps() const { return speed_mps_; }
  bool finished() const { return finished_; }
  /// Holding on waypoint target() (hovering, halted).
  bool holding() const { return holding_; }
  double held_s() const { return held_s_; }
  const scenario::Waypoint& target() const { return route_[target_]; }
  /// The waypoint before target() on the route.
  const scenario::Waypoint& previous() const { return route_[previous_index()]; }
  /// How far along the leg from previous() to target() it is: 0 at the start, 1 on target().
  double leg_fraction() const;
  double leg_speed_mps(const scenario::Waypoint& w) const { return w.speed_mps.value_or(speed_mps_default_); }

 private:
  std::size_t previous_index() const;
  /// The waypoint after target(), none at the end of an open route.
  std::size_t next_index() const;
  bool at_end() const { return !repeat_ && target_ + 1 == route_.size(); }
  /// Distance before target() at which to turn for the next leg.
  double lead_distance_m() const;
  void switch_leg();

  std::vector<scenario::Waypoint> route_;
  bool repeat_;
  double speed_mps_default_;
  double max_lateral_accel_mps2_;
  double max_accel_mps2_;
  Eigen::Vector2d p_map_m_;
  double heading_rad_ = 0.0;
  double speed_mps_ = 0.0;
  std::size_t target_ = 1;
  bool holding_ = false;
  double held_s_ = 0.0;
  bool finished_ = false;
};

/// Bearing (compass, radians) from waypoint a to waypoint b.
double bearing_rad(const scenario::Waypoint& a, const scenario::Waypoint& b);

}  // namespace rampart::world
