// How long an interceptor takes to reach a point, as C2 uses it against ballistic missiles: a
// table built from the interceptor's flyout (engagement/launch_region.h intercept_reach_of; docs/
// engagement-physics.md) over the point's ground range from the launcher and its height above
// the launcher. A point the flyout does not reach (out of energy, time or turn, or farther than
// the fire control's guidance limit) has no time of flight.
//
// Between grid points a query is interpolated bilinearly in (ground range, height); it has no
// answer outside the grid or when any of the four grid points around it is unreachable (the
// edge of the reach is not extrapolated).
#pragma once

#include <optional>
#include <vector>

namespace rampart::messages {

struct InterceptReach {
  std::vector<double> ground_m;  ///< ascending grid axis: horizontal distance from the launcher
  std::vector<double> height_m;  ///< ascending grid axis: height above the launcher
  /// time_of_flight_s[g * height_m.size() + h] to the point (ground_m[g], height_m[h]); < 0: not reached.
  std::vector<double> time_of_flight_s;

  std::size_t point(std::size_t g, std::size_t h) const { return g * height_m.size() + h; }
  /// The interpolated time of flight to a point ground_m from the launcher, height_m above it.
  std::optional<double> time_of_flight_s_to(double ground_m, double height_m) const;
};

}  // namespace rampart::messages
