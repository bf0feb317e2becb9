// The steered mover: an aircraft under C2 control (a fighter launched by its squadron), flying
// level at constant speed and altitude straight at its goal, and stopping on it.
//
// Each advance moves the position p a step min(v dt, |g - p|) along (g - p) / |g - p| towards
// the goal g. The velocity is v (g - p) / |g - p| while the goal is still ahead, and zero once
// the mover stands on it (within 1e-9 m). Steering sets a new goal; the mover never finishes
// (World::land takes it out of the air).
#pragma once

#include <Eigen/Core>

#include "world/mover.h"

namespace rampart::world {

class SteeredMover final : public SteerableMover {
 public:
  /// Stands at `start` (its goal until steered) at `altitude_m`; flies at `speed_mps` (> 0).
  SteeredMover(const scenario::Point2& start, double altitude_m, double speed_mps);

  void steer(const scenario::Point2& goal) override;
  /// Steps by dt_s: the flight time is not used.
  MoverState advance(double flight_time_s, double dt_s) override;

 private:
  Eigen::Vector2d p_map_m_;     ///< east, north
  Eigen::Vector2d goal_map_m_;  ///< east, north
  double altitude_m_;
  double speed_mps_;
};

}  // namespace rampart::world
