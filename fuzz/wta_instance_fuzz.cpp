// libFuzzer target: the WTA instance reader (c2/wta/instance.h, parse_instance). Bad input must be
// an InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "c2/wta/instance.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    rampart::wta::parse_instance(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  } catch (const rampart::InputError&) {
  }
  return 0;
}
