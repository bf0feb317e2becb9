// Waypoint motion: straight legs on the tangent plane at constant speed and altitude.
#pragma once

#include <vector>

#include "scenario/scenario.h"

namespace rampart::world {

/// Where a mover is along its route after flying for some time.
struct RoutePoint {
  double east_m = 0.0;
  double north_m = 0.0;
  double heading_rad = 0.0;  ///< compass heading of the current leg
  bool finished = false;     ///< past the last waypoint of an open route
};

/// A polyline flown at constant speed. A closed route (repeat) flies back to its first waypoint
/// and starts again.
class Route {
 public:
  Route(std::vector<scenario::Point2> waypoints, double speed_mps, bool repeat);

  /// Position after flying for `flight_time_s` from the first waypoint.
  RoutePoint at(double flight_time_s) const;
  double length_m() const { return cumulative_m_.back(); }
  double speed_mps() const { return speed_mps_; }

 private:
  std::vector<scenario::Point2> points_;
  std::vector<double> cumulative_m_;  ///< distance from the start to each point
  double speed_mps_;
  bool repeat_;
};

}  // namespace rampart::world
