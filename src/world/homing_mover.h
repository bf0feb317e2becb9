// The homing mover: a missile flying at constant speed at a goal point in three dimensions (an
// anti-radiation missile at the radar it hears).
//
// It cruises level at its cruise altitude towards the goal g until the goal lies dive_angle or
// more below its horizon, tan(dive) <= (h - h_g) / d (d the horizontal distance), and from then on
// flies straight at the goal (the terminal dive), so it bursts on it rather than passing over:
//   cruise:  v = v_m (g_h - p_h) / |g_h - p_h|, level;   dive:  v = v_m (g - p) / |g - p|.
// Each advance moves it min(v_m dt, |g - p|) along v; on the goal it is finished (the burst, at
// its speed along its last line of flight) and stays there. Its goal may move between steps (the seeker's estimate of where the emitter is).
#pragma once

#include <Eigen/Core>

#include "world/mover.h"

namespace rampart::world {

class HomingMover final : public Mover {
 public:
  /// Starts at (east, north) `start`, level at `cruise_altitude_m`, flying at `speed_mps` (> 0)
  /// towards `goal_map_m` (east_m, north_m, altitude_m).
  HomingMover(const scenario::Point2& start, double cruise_altitude_m, double speed_mps,
              const Eigen::Vector3d& goal_map_m, double dive_angle_deg = 30.0);

  /// Where it flies from now on.
  void aim(const Eigen::Vector3d& goal_map_m) { goal_map_m_ = goal_map_m; }
  const Eigen::Vector3d& goal_map_m() const { return goal_map_m_; }
  /// Steps by dt_s: the flight time is not used.
  MoverState advance(double flight_time_s, double dt_s) override;

 private:
  Eigen::Vector3d p_map_m_;  ///< east, north, altitude
  Eigen::Vector3d goal_map_m_;
  Eigen::Vector3d v_map_mps_ = Eigen::Vector3d::Zero();
  double speed_mps_;
  double tan_dive_;
  bool diving_ = false;
  bool finished_ = false;
};

}  // namespace rampart::world
