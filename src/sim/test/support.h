// What the simulation tests share: loading a scenario of the repository, and a summary's scores
// without its wall time (the one field that differs between identical runs).
#pragma once

#include <string>

#include "scenario/loader.h"
#include "sim/summary.h"

namespace rampart::sim {

inline scenario::Scenario load(const std::string& relative) {
  return scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/" + relative);
}

inline std::string scores(Summary s) {
  s.wall_time_s = 0.0;
  return to_json(s).dump();
}

}  // namespace rampart::sim
