#include "c2/self_defence.h"

#include <algorithm>
#include <cmath>

namespace rampart::c2 {

scenario::Scenario self_defence_scenario(const scenario::Scenario& s, std::size_t unit, const scenario::Point2& at,
                                         const std::vector<scenario::Asset>& assets) {
  scenario::Scenario local = s;
  const scenario::FireUnit& f = s.fire_units.at(unit);
  const double reach_m = s.weapon_types.at(f.weapon_type).max_range_m;
  local.fire_units = {f};
  local.squadrons.clear();
  local.c2.weapons_control = kAutonomousWeaponsControl;
  local.assets.clear();
  double most_valuable = 0.0;
  for (const auto& a : assets) {
    most_valuable = std::max(most_valuable, a.value);
    if (std::hypot(a.position.east_m - at.east_m, a.position.north_m - at.north_m) > reach_m) continue;
    scenario::Asset within = a;
    within.follows.reset();  // it stays where C2 last placed it: no position reports reach the unit
    local.assets.push_back(within);
  }
  local.assets.push_back({.name = f.name,
                          .kind = "fire_unit",
                          .position = at,
                          .radius_m = kUnitSiteRadius_m,
                          .value = most_valuable > 0.0 ? most_valuable : 1.0,
                          .priority = 1});
  return local;
}

}  // namespace rampart::c2
