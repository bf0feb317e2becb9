#include "world/mover_factory.h"

#include "world/steered_mover.h"
#include "world/waypoint_mover.h"

namespace rampart::world {

std::unique_ptr<Mover> make_mover(const scenario::Raid& raid) {
  return std::make_unique<WaypointMover>(Route(raid.route, raid.speed_mps, raid.repeat_route), raid.altitude_m);
}

std::unique_ptr<HomingMover> make_homing_mover(const scenario::Raid& raid, const Eigen::Vector3d& goal_map_m) {
  return std::make_unique<HomingMover>(raid.route.front(), raid.altitude_m, raid.speed_mps, goal_map_m);
}

std::unique_ptr<Mover> make_mover(const scenario::Friendly& friendly) {
  return std::make_unique<WaypointMover>(Route(friendly.route, friendly.speed_mps, friendly.repeat_route),
                                         friendly.altitude_m);
}

std::unique_ptr<SteerableMover> make_mover(const scenario::FighterSquadron& squadron, const scenario::Point2& at) {
  return std::make_unique<SteeredMover>(at, squadron.altitude_m, squadron.speed_mps);
}

}  // namespace rampart::world
