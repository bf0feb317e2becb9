// An instructor's injection (docs/console-protocol.md) as a scripted event of the running scenario.
//
// Every injection goes through the scenario loader's own checks for an item of `events:`
// (scenario::parse_event), so an injected raid or outage is held to the same rules as a scripted
// one. Two forms are the console's own: a raid named by a scenario raid's name flies that raid
// again from now, and a new raid given by kind, count, target asset, bearing and range flies
// straight from that point at the asset.
#pragma once

#include <nlohmann/json.hpp>

#include "scenario/scenario.h"

namespace rampart::console {

/// The scripted event for `injection`; `serial` (from 1) names injected raids uniquely. Throws
/// InputError saying what is wrong.
scenario::ScriptedEvent injected_event(const nlohmann::json& injection, const scenario::Scenario& s, int serial);

}  // namespace rampart::console
