// The ground mover: a vehicle driving its route on the terrain (a battle-tank column, a mobile
// air-defence unit), on roads or cross-country alike: the route's waypoints are the road's bends
// or the cross-country track. Horizontally it is a route follower (path_follower.h) turning at
// most at its lateral acceleration, changing speed at most at its acceleration, halting hold_s on
// a waypoint that says so (braking to a stop on it, then accelerating away).
//
// Its altitude is the ground height G under it plus its own height h_v (antenna or turret above
// the ground): z = G(p) + h_v, so its climb rate is the slope along its track times its speed,
//     z' = V dG/ds, dG/ds = (G(p + e u) - G(p - e u)) / 2e, e = kSlopeStep_m,
// u its direction of travel: the central difference over the terrain's bilinear surface.
#pragma once

#include <memory>

#include "environment/terrain.h"
#include "world/mover.h"
#include "world/path_follower.h"

namespace rampart::world {

class GroundMover final : public Mover {
 public:
  static constexpr double kSlopeStep_m = 1.0;

  /// `vehicle_height_m` above the terrain (null: sea level everywhere, a flat plain at 0 m).
  GroundMover(const std::vector<scenario::Waypoint>& route, bool repeat, double vehicle_height_m, double speed_mps,
              const scenario::Manoeuvre& manoeuvre, std::shared_ptr<const environment::Terrain> terrain);

  /// Steps by dt_s, in steps of at most PathFollower::kMaxStep_s; the flight time is not used.
  MoverState advance(double flight_time_s, double dt_s) override;

 private:

  PathFollower path_;
  double vehicle_height_m_;
  std::shared_ptr<const environment::Terrain> terrain_;
};

}  // namespace rampart::world
