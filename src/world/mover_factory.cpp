#include "world/mover_factory.h"

#include "world/ballistic_mover.h"
#include "world/flight_mover.h"
#include "world/ground_mover.h"
#include "world/steered_mover.h"

namespace rampart::world {

namespace {
/// A route flown or driven: the same spec for raids and friendlies.
std::unique_ptr<Mover> route_mover(bool on_ground, const std::vector<scenario::Waypoint>& route, bool repeat,
                                   double altitude_m, double speed_mps, const scenario::Manoeuvre& manoeuvre,
                                   const Surroundings& around) {
  if (on_ground) return std::make_unique<GroundMover>(route, repeat, altitude_m, speed_mps, manoeuvre, around.terrain);
  return std::make_unique<FlightMover>(route, repeat, altitude_m, speed_mps, manoeuvre, around.terrain);
}
}  // namespace

std::unique_ptr<Mover> make_mover(const scenario::Raid& raid, const Surroundings& around) {
  if (raid.kind == scenario::ThreatKind::kBallisticMissile)
    return std::make_unique<BallisticMover>(scenario::Point2{raid.route[0].east_m, raid.route[0].north_m},
                                            scenario::Point2{raid.route[1].east_m, raid.route[1].north_m},
                                            raid.ballistic, around.origin, around.terrain);
  return route_mover(raid.kind == scenario::ThreatKind::kGroundVehicle, raid.route, raid.repeat_route,
                     raid.altitude_m, raid.speed_mps, raid.manoeuvre, around);
}

std::unique_ptr<HomingMover> make_homing_mover(const scenario::Raid& raid, const Eigen::Vector3d& goal_map_m) {
  const scenario::Waypoint& launch = raid.route.front();
  return std::make_unique<HomingMover>(scenario::Point2{launch.east_m, launch.north_m}, raid.altitude_m,
                                       raid.speed_mps, goal_map_m);
}

std::unique_ptr<Mover> make_mover(const scenario::Friendly& friendly, const Surroundings& around) {
  return route_mover(friendly.kind == scenario::FriendlyKind::kGroundVehicle, friendly.route, friendly.repeat_route,
                     friendly.altitude_m, friendly.speed_mps, friendly.manoeuvre, around);
}

std::unique_ptr<SteerableMover> make_mover(const scenario::FighterSquadron& squadron, const scenario::Point2& at,
                                           double altitude_m) {
  return std::make_unique<SteeredMover>(at, altitude_m, squadron.speed_mps);
}

}  // namespace rampart::world
