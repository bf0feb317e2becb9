// The `layout` object of the console's `hello` (docs/console-protocol.md) from a run's layout
// (sim/layout.h), live or read back from a recorded layout.csv.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/layout.h"

namespace rampart::console {

nlohmann::json layout_json(const std::vector<sim::LayoutItem>& items);

/// The layout a run recorded (`rampart run --out DIR`: DIR/layout.csv); InputError when the
/// file is missing or malformed.
std::vector<sim::LayoutItem> read_layout_csv(const std::string& path);

}  // namespace rampart::console
