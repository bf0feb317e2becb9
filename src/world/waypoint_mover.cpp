#include "world/waypoint_mover.h"

#include <utility>

namespace rampart::world {

WaypointMover::WaypointMover(Route route, double altitude_m) : route_(std::move(route)), altitude_m_(altitude_m) {}

MoverState WaypointMover::advance(double flight_time_s, double /*dt_s*/) {
  const RoutePoint p = route_.at(flight_time_s);
  return {.east_m = p.east_m,
          .north_m = p.north_m,
          .altitude_m = altitude_m_,
          .v_enu_mps = level_velocity_enu_mps(p.heading_rad, route_.speed_mps()),
          .finished = p.finished};
}

}  // namespace rampart::world
