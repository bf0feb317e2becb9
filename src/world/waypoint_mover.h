// The waypoint mover: a route (route.h) flown level at constant speed and altitude.
//
// At flight time t the mover stands where the route puts it after flying t at the route's
// speed v: position route(v t), altitude constant, and velocity v (sin h, cos h, 0) along the
// heading h of the current leg. It finishes at the end of an open route; a closed one loops.
#pragma once

#include "world/mover.h"
#include "world/route.h"

namespace rampart::world {

class WaypointMover final : public Mover {
 public:
  WaypointMover(Route route, double altitude_m);

  /// A function of the flight time alone: dt_s is not used.
  MoverState advance(double flight_time_s, double dt_s) override;

 private:
  Route route_;
  double altitude_m_;
};

}  // namespace rampart::world
