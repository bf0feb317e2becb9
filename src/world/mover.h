// The mover family: one interface every kind of motion implements, and one factory
// (mover_factory.h).
//
// A mover flies one entity. At each motion step World::advance asks it for the entity's state
// after `flight_time_s` in the air and turns the answer into geodetic and scenario-frame ENU
// coordinates, the same way for every kind. A mover works in the scenario's map coordinates:
// east_m and north_m along the tangent plane at the scenario origin (the coordinates of routes
// and goals) and altitude_m above the WGS-84 ellipsoid there (LocalFrame::surface_point), so it
// owns its altitude and may climb, dive or follow terrain. Its velocity is the time derivative
//     v_enu_mps = d/dt (east_m, north_m, altitude_m),
// which World records as the ENU velocity: the map axes and the ENU axes at the entity differ by
// the angle d / R_earth (0.5 degree at 55 km from the origin).
//
// Adding a kind: its files, its scenario spec, one line in mover_factory.cpp, and its entry in
// the shared test set (test/any_mover_test.cpp).
#pragma once

#include <Eigen/Core>
#include <cmath>

#include "scenario/scenario.h"

namespace rampart::world {

/// Where a mover is, and how fast it goes there.
struct MoverState {
  double east_m = 0.0;  ///< map coordinates: along the tangent plane at the scenario origin
  double north_m = 0.0;
  double altitude_m = 0.0;                              ///< above the ellipsoid
  Eigen::Vector3d v_enu_mps = Eigen::Vector3d::Zero();  ///< d/dt (east_m, north_m, altitude_m) until finished
  /// The motion is over (an open route flown to its end), and stays so: the state is then where
  /// and how the entity left the scenario, and the position moves no more.
  bool finished = false;
};

class Mover {
 public:
  virtual ~Mover() = default;

  /// The state after `flight_time_s` (>= 0) in the air, `dt_s` (>= 0) after the previous call,
  /// or after the start on the first call: flight_time_s is the sum of every dt_s so far. A call
  /// with dt_s = 0 does not move the mover. A mover may use either time (a route is a function
  /// of the flight time; an integrating mover steps by dt_s).
  virtual MoverState advance(double flight_time_s, double dt_s) = 0;
};

/// A mover C2 directs: it flies towards the last goal it was given.
class SteerableMover : public Mover {
 public:
  virtual void steer(const scenario::Point2& goal) = 0;
};

/// Height above the ellipsoid of the ground under a map point: the terrain's, or 0 m (the sea)
/// without a terrain.
inline double ground_height_m(const environment::Terrain* terrain, double east_m, double north_m) {
  return terrain ? terrain->height_m(east_m, north_m) : 0.0;
}

/// How many equal steps of at most max_step_s an integrating mover splits a step of dt_s into.
inline int substeps(double dt_s, double max_step_s) { return static_cast<int>(std::ceil(dt_s / max_step_s)); }

/// Level flight on the compass heading `heading_rad` at `speed_mps`:
/// v_enu_mps = speed_mps (sin heading, cos heading, 0).
inline Eigen::Vector3d level_velocity_enu_mps(double heading_rad, double speed_mps) {
  return Eigen::Vector3d(std::sin(heading_rad), std::cos(heading_rad), 0.0) * speed_mps;
}

}  // namespace rampart::world
