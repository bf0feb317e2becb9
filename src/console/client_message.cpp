#include "console/client_message.h"

#include <cmath>
#include <fmt/format.h>
#include <initializer_list>
#include <string>

#include "core/error.h"

namespace rampart::console {
namespace {

using Json = nlohmann::json;

void only_keys(const Json& m, std::initializer_list<const char*> keys) {
  for (const auto& [key, value] : m.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) throw InputError(fmt::format("unexpected field '{}' in a '{}' message", key, m.at("type").get<std::string>()));
  }
}

const Json& field(const Json& m, const char* key) {
  const auto it = m.find(key);
  if (it == m.end()) throw InputError(fmt::format("a '{}' message needs '{}'", m.at("type").get<std::string>(), key));
  return *it;
}

double number(const Json& m, const char* key, double lo, double hi) {
  const Json& v = field(m, key);
  if (!v.is_number()) throw InputError(fmt::format("'{}' must be a number", key));
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < lo || x > hi) throw InputError(fmt::format("'{}' must be from {} to {}", key, lo, hi));
  return x;
}

bool boolean(const Json& m, const char* key) {
  const Json& v = field(m, key);
  if (!v.is_boolean()) throw InputError(fmt::format("'{}' must be true or false", key));
  return v.get<bool>();
}

}  // namespace

ClientMessage parse_client_message(std::string_view text) {
  if (text.size() > kMaxClientMessageBytes)
    throw InputError(fmt::format("message of {} bytes; the most is {}", text.size(), kMaxClientMessageBytes));
  const Json m = Json::parse(text, nullptr, false);
  if (m.is_discarded()) throw InputError("not JSON");
  if (!m.is_object()) throw InputError("a message must be a JSON object");
  const auto type_it = m.find("type");
  if (type_it == m.end() || !type_it->is_string()) throw InputError("a message needs a string 'type'");
  const std::string type = type_it->get<std::string>();
  if (type == "control") {
    only_keys(m, {"type", "action", "value"});
    const Json& a = field(m, "action");
    const std::string action = a.is_string() ? a.get<std::string>() : "";
    if (action == "pause") return Control{Control::Action::kPause};
    if (action == "resume") return Control{Control::Action::kResume};
    if (action == "step") return Control{Control::Action::kStep};
    if (action == "speed") return Control{Control::Action::kSpeed, number(m, "value", kMinSpeed, kMaxSpeed)};
    throw InputError("'action' must be pause, resume, step or speed");
  }
  if (type == "seek") {
    only_keys(m, {"type", "t_s"});
    return Seek{number(m, "t_s", 0.0, 1e7)};
  }
  if (type == "truth") {
    only_keys(m, {"type", "show"});
    return ShowTruth{boolean(m, "show")};
  }
  if (type == "decide") {
    only_keys(m, {"type", "proposal", "approve"});
    const Json& p = field(m, "proposal");
    if (!p.is_number_unsigned() || p.get<std::uint64_t>() == 0) throw InputError("'proposal' must be a proposal's id");
    return Decide{p.get<std::uint64_t>(), boolean(m, "approve")};
  }
  if (type == "inject") {
    only_keys(m, {"type", "event"});
    const Json& e = field(m, "event");
    if (!e.is_object() || !e.contains("action") || !e.at("action").is_string())
      throw InputError("'event' must be an object with a string 'action'");
    return Inject{e};
  }
  throw InputError(fmt::format("unknown message type '{}'", type));
}

}  // namespace rampart::console
