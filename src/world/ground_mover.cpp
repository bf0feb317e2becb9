#include "world/ground_mover.h"

#include <cmath>
#include <utility>

namespace rampart::world {

GroundMover::GroundMover(const std::vector<scenario::Waypoint>& route, bool repeat, double vehicle_height_m,
                         double speed_mps, const scenario::Manoeuvre& manoeuvre,
                         std::shared_ptr<const environment::Terrain> terrain)
    : path_(route, repeat, speed_mps, manoeuvre.max_lateral_accel_mps2, manoeuvre.max_accel_mps2),
      vehicle_height_m_(vehicle_height_m),
      terrain_(std::move(terrain)) {}

MoverState GroundMover::advance(double /*flight_time_s*/, double dt_s) {
  const int steps = substeps(dt_s, PathFollower::kMaxStep_s);
  for (int i = 0; i < steps && !path_.finished(); ++i) path_.step(dt_s / steps, false);
  const Eigen::Vector2d p = path_.p_map_m();
  const Eigen::Vector2d v = path_.v_map_mps();
  double climb_mps = 0.0;
  if (path_.speed_mps() > 0.0) {
    const Eigen::Vector2d e = kSlopeStep_m * v / path_.speed_mps();
    climb_mps = path_.speed_mps() * (ground_height_m(terrain_.get(), p.x() + e.x(), p.y() + e.y()) -
                                          ground_height_m(terrain_.get(), p.x() - e.x(), p.y() - e.y())) / (2.0 * kSlopeStep_m);
  }
  return {.east_m = p.x(),
          .north_m = p.y(),
          .altitude_m = ground_height_m(terrain_.get(), p.x(), p.y()) + vehicle_height_m_,
          .v_enu_mps = Eigen::Vector3d(v.x(), v.y(), climb_mps),
          .finished = path_.finished()};
}

}  // namespace rampart::world
