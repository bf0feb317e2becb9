// Setting one value of a scenario by its YAML path, for sweeps and comparisons (rampart mc
// --sweep KEY=V1,V2): "c2.salvo_size", "raids.0.count", "sensors.1.peak_power_w". A path walks
// map keys and sequence indexes (from 0) from the top of the file; a map the file leaves out is
// made. The last step names the value to set, which must be a scalar there or a key the map does
// not have yet. The loader then checks the result as it checks any file (an unknown key gets its
// did-you-mean). The result is YAML text for parse_scenario.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenario/scenario.h"

namespace rampart::scenario {

/// A KEY=VALUE override as given on the command line.
struct Override {
  std::string path;
  std::string value;
};

/// Splits "KEY=V1,V2,..." into the path and its values; throws InputError when malformed.
std::pair<std::string, std::vector<std::string>> parse_sweep(const std::string& text);

/// `yaml_text` with every override applied in order; throws InputError naming the path and what
/// is there when one cannot be applied (no such key or index, a step into a scalar).
std::string apply_overrides(const std::string& yaml_text, const std::vector<Override>& overrides);

/// Loads the scenario file with the overrides applied; throws InputError listing every problem
/// (the file and the overrides are named, the lines are those of the file rewritten).
Scenario load_scenario_with(const std::string& path, const std::vector<Override>& overrides);

/// "KEY=V, KEY=V" for messages and labels.
std::string describe(const std::vector<Override>& overrides);

}  // namespace rampart::scenario
