// Loading and validating a scenario file.
#pragma once

#include <string>

#include "scenario/diagnostics.h"
#include "scenario/scenario.h"

namespace rampart::scenario {

/// Parses and checks YAML text; every problem (syntax, unknown keys with a did-you-mean, missing
/// fields, wrong types, out-of-range values, dangling references) goes into `diagnostics`, whose
/// file name labels the messages. The returned scenario is meaningful only when no problem was found.
Scenario parse_scenario(const std::string& yaml_text, Diagnostics& diagnostics);

/// The antenna of a radar that names none: a cosecant-squared fan whose elevation beamwidth
/// follows from its gain and azimuth beamwidth (environment/antenna.h), peaking at half that
/// beamwidth and shaped up to max_elevation_deg.
environment::AntennaSpec default_antenna(const Radar& r);

/// Parses and checks one item of the `events:` list of scenario `s` (its names, its frame), as
/// code injects it into a running simulation; problems go into `diagnostics` as in parse_scenario.
ScriptedEvent parse_event(const std::string& yaml_text, const Scenario& s, Diagnostics& diagnostics);

/// Reads and checks a file; throws InputError listing every problem as FILE:LINE:COL: message.
Scenario load_scenario_file(const std::string& path);

/// Reads and checks a file, adding its problems to `diagnostics` (a file that cannot be opened
/// gives one problem at 1:1).
Scenario read_scenario_file(const std::string& path, Diagnostics& diagnostics);

}  // namespace rampart::scenario
