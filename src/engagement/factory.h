// The one factory of the effector family (effector.h): one line per kind.
#pragma once

#include <cstdint>

#include "core/geodesy.h"
#include "engagement/effector.h"
#include "scenario/scenario.h"
#include "world/world.h"

namespace rampart::engagement {

/// The scenario's fire units, in its order (index i is fire unit i).
Arsenal make_fire_units(const scenario::Scenario& s, const LocalFrame& frame);
/// Arms a fighter of `squadron` that took off as `fighter_entity`: its missiles join the arsenal
/// at the next index.
void arm_fighter(Arsenal& arsenal, const scenario::FighterSquadron& squadron, const world::World& world,
                 std::uint32_t fighter_entity);

}  // namespace rampart::engagement
