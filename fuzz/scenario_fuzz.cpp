// libFuzzer target: the scenario loader (YAML text -> Scenario with diagnostics). Bad input must
// only ever become diagnostics; any exception, crash or sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rampart::scenario::Diagnostics diagnostics("fuzz.yaml");
  rampart::scenario::parse_scenario(std::string(reinterpret_cast<const char*>(data), size), diagnostics);
  diagnostics.format();
  return 0;
}
