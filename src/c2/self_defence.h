// The picture a fire unit cut off from C2 fights on: self-defence under weapons tight.
//
// A unit whose data link to C2 is down and that has a radar of its own (sim/autonomy.h) runs a C2
// loop of its own: a BattleManager on the scenario self_defence_scenario() returns, fed by its own
// tracker on its own radars' plots. That scenario differs from the whole one in what the unit
// knows and may do alone:
//   - fire units: only the unit itself (index 0 in its loop);
//   - defended assets: those whose centre lies within its weapon's max_range_m of the unit (the
//     horizontal distance), where C2 last placed them, plus the unit's own site (kUnitSiteRadius_m,
//     priority 1, valued as the most valuable of the scenario's assets, 1 with none): a track
//     threatens it only when it heads for one of these (threat_evaluation.h), so the unit engages
//     what threatens itself or an asset within its reach, and nothing else;
//   - no fighters (it commands none);
//   - weapons tight everywhere (kAutonomousWeaponsControl; the caller orders it on the loop's
//     doctrine, which overrides the zones): only tracks identified hostile are engaged.
// Identification is the usual one (identification.h) with what the unit has: the IFF of its own
// radars, no ESM and no data-link position reports; the corridors and the profile rules are
// doctrine it knows.
#pragma once

#include <cstddef>
#include <vector>

#include "scenario/scenario.h"

namespace rampart::c2 {

/// A threat inside this horizontal radius of a cut-off unit's site has reached it.
inline constexpr double kUnitSiteRadius_m = 1000.0;
inline constexpr scenario::WeaponsControl kAutonomousWeaponsControl = scenario::WeaponsControl::kTight;

/// The scenario fire unit `unit` of `s`, standing at `at`, fights on alone; `assets` are the
/// defended assets where C2 last placed them (BattleManager::assets()).
scenario::Scenario self_defence_scenario(const scenario::Scenario& s, std::size_t unit, const scenario::Point2& at,
                                         const std::vector<scenario::Asset>& assets);

}  // namespace rampart::c2
