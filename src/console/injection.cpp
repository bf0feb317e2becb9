#include "console/injection.h"

#include <cmath>
#include <fmt/format.h>

#include "core/error.h"
#include "core/units.h"
#include "scenario/diagnostics.h"
#include "scenario/loader.h"

namespace rampart::console {
namespace {

using Json = nlohmann::json;

double number(const Json& j, const char* key, double lo, double hi) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) throw InputError(fmt::format("the injection needs a number '{}'", key));
  const double x = it->get<double>();
  if (!std::isfinite(x) || x < lo || x > hi) throw InputError(fmt::format("'{}' must be from {} to {}", key, lo, hi));
  return x;
}

std::string text(const Json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) throw InputError(fmt::format("the injection needs a string '{}'", key));
  return it->get<std::string>();
}

const scenario::Asset& asset_named(const scenario::Scenario& s, const std::string& name) {
  for (const auto& a : s.assets)
    if (a.name == name) return a;
  std::vector<std::string> names;
  for (const auto& a : s.assets) names.push_back(a.name);
  const std::string close = scenario::did_you_mean(name, names);
  throw InputError(fmt::format("'{}' is not an asset of the scenario{}", name,
                               close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close)));
}

/// The scenario's raid `name` again, starting when the event takes effect.
scenario::ScriptedEvent raid_again(const scenario::Scenario& s, const std::string& name, int serial) {
  for (const auto& r : s.raids) {
    if (r.name != name) continue;
    scenario::ScriptedEvent e;
    e.action = scenario::ScriptedEvent::Action::kAddRaid;
    e.raid = r;
    e.raid.name = fmt::format("{} (injection {})", r.name, serial);
    e.raid.start_time_s = 0.0;
    return e;
  }
  std::vector<std::string> names;
  for (const auto& r : s.raids) names.push_back(r.name);
  const std::string close = scenario::did_you_mean(name, names);
  throw InputError(fmt::format("'{}' is not a raid of the scenario{}", name,
                               close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close)));
}

/// A notional radar cross-section for a raid the instructor gives no rcs_m2 (order of magnitude of
/// the class: a fighter-sized aircraft, a cruise missile, a small drone, an attack helicopter).
double typical_rcs_m2(const Json& kind) {
  const std::string k = kind.is_string() ? kind.get<std::string>() : "";
  return k == "cruise_missile" ? 0.1 : k == "drone" ? 0.05 : k == "helicopter" ? 10.0 : 5.0;
}

/// The scenario `events:` item for a new raid given by bearing and range from its target.
Json new_raid_item(const Json& injection, const scenario::Scenario& s, int serial) {
  for (const auto& [key, value] : injection.items())
    if (key != "action" && key != "kind" && key != "count" && key != "target" && key != "bearing_deg" &&
        key != "range_m" && key != "altitude_m" && key != "speed_mps" && key != "rcs_m2")
      throw InputError(fmt::format("unexpected field '{}' in a new raid", key));
  const scenario::Asset& target = asset_named(s, text(injection, "target"));
  const double bearing_rad = deg_to_rad(number(injection, "bearing_deg", 0.0, 360.0));
  const double range_m = number(injection, "range_m", 1000.0, 1'000'000.0);
  const double east_m = target.position.east_m + range_m * std::sin(bearing_rad);
  const double north_m = target.position.north_m + range_m * std::cos(bearing_rad);
  Json raid = {{"name", fmt::format("Injected raid {}", serial)},
               {"route", Json::array({{{"east_m", east_m}, {"north_m", north_m}},
                                      {{"east_m", target.position.east_m}, {"north_m", target.position.north_m}}})},
               {"target", target.name}};
  for (const char* key : {"kind", "count", "altitude_m", "speed_mps"}) {
    if (!injection.contains(key)) throw InputError(fmt::format("a new raid needs '{}'", key));
    raid[key] = injection.at(key);
  }
  raid["rcs_m2"] = injection.contains("rcs_m2") ? injection.at("rcs_m2") : Json(typical_rcs_m2(raid.at("kind")));
  return {{"action", "add_raid"}, {"at_s", 0}, {"raid", raid}};
}

}  // namespace

scenario::ScriptedEvent injected_event(const Json& injection, const scenario::Scenario& s, int serial) {
  const std::string action = text(injection, "action");
  Json item;
  if (action == "add_raid") {
    if (injection.contains("raid")) {
      if (injection.size() != 2 || !injection.at("raid").is_string())
        throw InputError("'raid' names a raid of the scenario, alone; or give kind, count, target, bearing_deg, "
                         "range_m, altitude_m and speed_mps for a new one");
      return raid_again(s, injection.at("raid").get<std::string>(), serial);
    }
    item = new_raid_item(injection, s, serial);
  } else if (action == "weapons_control") {
    text(injection, "control");
    if (injection.size() != 2) throw InputError("a weapons_control injection has 'action' and 'control' only");
    item = {{"action", action}, {"at_s", 0}, {"weapons_control", text(injection, "control")}};
  } else {
    const std::string target = text(injection, "target");
    if (injection.size() != 2) throw InputError(fmt::format("a {} injection has 'action' and 'target' only", action));
    item = {{"action", action}, {"at_s", 0}, {"name", target}};
  }
  scenario::Diagnostics d("injection");
  scenario::ScriptedEvent e = scenario::parse_event(item.dump(), s, d);
  if (!d.empty()) {
    std::string message = d.format();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw InputError(message);
  }
  return e;
}

}  // namespace rampart::console
