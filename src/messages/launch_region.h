// The launch acceptability region (LAR) of a weapon type, as C2 uses it: a table built from the
// interceptor's flyout (engagement/launch_region.h builds it, docs/engagement-physics.md explains
// it) of the farthest launch range at which the flyout still reaches a target, and of the time
// of flight at fractions of that range. The table's axes describe the target at the moment of
// launch, seen from the launcher: its height above the launcher, its inbound speed (horizontal
// speed toward the launcher; negative going away) and its crossing speed (horizontal speed across
// the line of sight, either side).
//
// Between grid points a query is interpolated multilinearly (height x inbound x crossing, then
// linearly in the range fraction for the time of flight); outside the grid it takes the nearest
// edge. Corners the weapon cannot reach at all (maximum range 0) give no time of flight: the
// time is the weighted mean of the corners that can.
#pragma once

#include <vector>

namespace rampart::messages {

struct LaunchRegion {
  /// The target at launch, seen from the launcher.
  struct Target {
    double height_m = 0.0;
    double inbound_mps = 0.0;
    double crossing_mps = 0.0;
  };

  std::vector<double> height_m;        ///< ascending grid axis
  std::vector<double> inbound_mps;     ///< ascending grid axis
  std::vector<double> crossing_mps;    ///< ascending grid axis, >= 0
  std::vector<double> range_fraction;  ///< ascending, from 0 to 1: where the times of flight are sampled
  /// max_range_m[cell(h, i, c)]: the farthest launch range reached (0: never reached).
  std::vector<double> max_range_m;
  /// time_of_flight_s[cell(h, i, c) * range_fraction.size() + k]: the time of flight to a target
  /// launched at range_fraction[k] x max_range_m of the cell.
  std::vector<double> time_of_flight_s;

  std::size_t cell(std::size_t h, std::size_t i, std::size_t c) const {
    return (h * inbound_mps.size() + i) * crossing_mps.size() + c;
  }
  /// The farthest launch range at which the flyout reaches `target`, interpolated.
  double max_launch_range_m(const Target& target) const;
  /// The time of flight to `target` launched at range_m (at most max_launch_range_m(target)),
  /// interpolated; 0 when no corner of the grid around it is reachable.
  double time_of_flight_s_at(const Target& target, double range_m) const;
};

}  // namespace rampart::messages
