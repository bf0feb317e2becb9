// libFuzzer target: a browser's message to `rampart serve` (console/client_message.h), and an
// injection it carries checked against the default scenario (console/injection.h). Bad input
// must be an InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "console/client_message.h"
#include "console/injection.h"
#include "core/error.h"
#include "scenario/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rampart::scenario::Scenario scenario =
      rampart::scenario::load_scenario_file(RAMPART_SOURCE_DIR "/scenarios/default.yaml");
  try {
    const auto message =
        rampart::console::parse_client_message(std::string_view(reinterpret_cast<const char*>(data), size));
    if (const auto* inject = std::get_if<rampart::console::Inject>(&message))
      rampart::console::injected_event(inject->event, scenario, 1);
  } catch (const rampart::InputError&) {
  }
  return 0;
}
