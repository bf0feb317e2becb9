// The one factory of the mover family: the mover of every entity a scenario spec puts in the
// air or on the ground. Each kind of motion is one line in mover_factory.cpp.
#pragma once

#include <memory>

#include "scenario/scenario.h"
#include "world/homing_mover.h"
#include "world/mover.h"

namespace rampart::world {

/// What movers need of the scenario besides their own spec: the origin of the map (a ballistic
/// missile flies on the WGS-84 Earth) and the terrain (ground vehicles, terrain following).
struct Surroundings {
  Geodetic origin;
  std::shared_ptr<const environment::Terrain> terrain;  ///< none: sea level everywhere
};

/// How each threat of a raid moves: a ballistic missile flies from its route's first point to
/// its second, a ground vehicle drives its route on the terrain, any other kind flies it
/// (flight_mover.h), open or as a loop.
std::unique_ptr<Mover> make_mover(const scenario::Raid& raid, const Surroundings& around);
/// How an anti-radiation missile of `raid` moves: homing on `goal_map_m` (east_m, north_m,
/// altitude_m) from its launch point, the route's first waypoint, at its altitude and speed.
std::unique_ptr<HomingMover> make_homing_mover(const scenario::Raid& raid, const Eigen::Vector3d& goal_map_m);
/// How a scripted friendly moves: its route (closed for a patrol), driven or flown.
std::unique_ptr<Mover> make_mover(const scenario::Friendly& friendly, const Surroundings& around);
/// How a fighter the squadron launches moves: steered by C2 from `at`, at altitude_m (the
/// squadron's, or its patrol's) and the squadron's speed.
std::unique_ptr<SteerableMover> make_mover(const scenario::FighterSquadron& squadron, const scenario::Point2& at,
                                           double altitude_m);

}  // namespace rampart::world
