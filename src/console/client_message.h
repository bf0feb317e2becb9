// Messages a browser sends the console (docs/console-protocol.md), parsed and checked.
//
// A message is at most kMaxClientMessageBytes of one JSON object with a string `type`. Every
// field is checked for its type and range, and a field the type does not know is refused, so a
// malformed, oversized or unexpected message is an InputError whose text goes back to the client;
// the connection and the server carry on.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <variant>

namespace rampart::console {

inline constexpr std::size_t kMaxClientMessageBytes = 4096;
inline constexpr double kMinSpeed = 0.1;
inline constexpr double kMaxSpeed = 100.0;

struct Control {
  enum class Action { kPause, kResume, kStep, kSpeed };
  Action action = Action::kPause;
  double speed = 1.0;  ///< kSpeed: simulated seconds per wall second
};
struct Seek {
  double t_s = 0.0;
};
struct ShowTruth {
  bool show = false;
};
struct Decide {
  std::uint64_t proposal = 0;
  bool approve = false;
};
/// An injection, checked only for its shape here; the exercise checks it against its scenario.
struct Inject {
  nlohmann::json event;  ///< an object with a string `action`
};

using ClientMessage = std::variant<Control, Seek, ShowTruth, Decide, Inject>;

/// Throws InputError saying what is wrong.
ClientMessage parse_client_message(std::string_view text);

}  // namespace rampart::console
