#include "engagement/factory.h"

#include "engagement/air_to_air.h"
#include "engagement/fire_unit.h"
#include "engagement/gun.h"
#include "engagement/launch_region.h"

namespace rampart::engagement {

Arsenal make_fire_units(const scenario::Scenario& s, const LocalFrame& frame) {
  Arsenal arsenal;
  std::vector<scenario::WeaponType> types = s.weapon_types;
  for (auto& type : types) {
    if (type.gun) type.kill_probability = planning_kill_probability(*type.gun, type.max_range_m);
    else if (type.engages_air_breathing) type.launch_region = launch_region_of(type);
    if (type.engages_ballistic) type.ballistic_reach = intercept_reach_of(type);
  }
  for (const auto& f : s.fire_units) {
    const Eigen::Vector3d p_enu_m = frame.surface_point_enu(f.position.east_m, f.position.north_m, f.site_alt_m);
    scenario::WeaponType type = types[f.weapon_type];
    // A unit with its own fire-control radar guides as many interceptors as the radar has channels.
    if (f.fire_control_radar) type.fire_control_channels = s.radars.at(*f.fire_control_radar).fire_control->channels;
    if (type.gun) arsenal.push_back(std::make_unique<Gun>(arsenal.size(), f, type, p_enu_m));
    else arsenal.push_back(std::make_unique<FireUnit>(arsenal.size(), f, type, p_enu_m, scenario::fire_control_antenna_m(s, f)));
  }
  return arsenal;
}

void arm_fighter(Arsenal& arsenal, const scenario::FighterSquadron& squadron, const world::World& world,
                 std::uint32_t fighter_entity) {
  arsenal.push_back(std::make_unique<AirToAirMissiles>(arsenal.size(), squadron, world, fighter_entity));
}

}  // namespace rampart::engagement
