#include "analysis/event_log.h"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "c2/identity.h"
#include "core/error.h"

namespace rampart::analysis {
namespace {

constexpr std::size_t kRecordFields = 10;

nlohmann::json id_json(const std::optional<std::int64_t>& id) { return id ? nlohmann::json(*id) : nlohmann::json(); }

std::optional<std::int64_t> id_from(const nlohmann::json& j) {
  return j.is_null() ? std::nullopt : std::optional<std::int64_t>(j.get<std::int64_t>());
}

}  // namespace

void EventLog::on(const sim::TruthMoved& e) {
  for (const auto& a : e.arrivals) {
    if (!leaked_on_.insert({a.entity_id, a.asset}).second) continue;
    events_.push_back({.t_s = e.t_s, .kind = "leak", .entity_id = a.entity_id,
                       .entity = e.world.entity(a.entity_id).name, .asset = e.world.assets()[a.asset].name,
                       .detail = fmt::format("value lost {:.3f}", a.value_lost)});
  }
}

void EventLog::on(const sim::IdentityChanged& e) {
  const auto& c = e.change;
  events_.push_back({.t_s = c.t_s, .kind = "identity", .track_id = c.track_id, .outcome = c2::to_string(c.to),
                     .detail = fmt::format("from {}: {}", c2::to_string(c.from), c.reason)});
}

void EventLog::on(const sim::FireOrdered& e) {
  events_.push_back({.t_s = e.t_s, .kind = "fire_order", .track_id = e.order.track_id, .fire_unit = e.fire_unit,
                     .asset = e.assets.at(e.threat.asset).name,
                     .detail = fmt::format("{} rounds, intercept in {:.0f} s; {}", e.order.rounds,
                                           e.order.time_of_flight_s, e.threat.explain(e.assets))});
}

void EventLog::on(const sim::EngagementBlocked& e) {
  events_.push_back({.t_s = e.t_s, .kind = "blocked", .track_id = e.blocked.track_id, .fire_unit = e.fire_unit,
                     .detail = fmt::format("friendly track {} {:.0f} m from the intercept point",
                                           e.blocked.friendly_track_id, e.blocked.friend_distance_m)});
}

void EventLog::on(const sim::KillAssessed& e) {
  const auto& a = e.assessment;
  events_.push_back({.t_s = a.t_s, .kind = "kill_assessment", .track_id = a.track_id,
                     .outcome = c2::to_string(a.judgement),
                     .detail = fmt::format("interceptors {}: {}", fmt::join(a.interceptor_ids, " "), a.evidence)});
}

void EventLog::on(const sim::OrderDropped& e) {
  events_.push_back({.t_s = e.t_s, .kind = "order_dropped", .track_id = e.order.track_id, .fire_unit = e.fire_unit,
                     .detail = e.reason});
}

void EventLog::on(const sim::InterceptorLaunched& e) {
  const auto& m = e.interceptor;
  events_.push_back({.t_s = m.launch_time_s, .kind = "launch", .track_id = m.track_id, .fire_unit = m.shooter,
                     .interceptor_id = static_cast<std::int64_t>(m.id),
                     .outcome = m.autonomous ? "autonomous" : "",
                     .detail = fmt::format("intercept planned at {:.2f} s", m.intercept_time_s)});
}

void EventLog::on(const sim::InterceptorResolved& e) {
  const auto& r = e.resolution;
  std::string detail = std::isfinite(r.miss_distance_m) ? fmt::format("miss distance {:.1f} m", r.miss_distance_m)
                                                        : std::string("nothing flying");
  if (!r.reason.empty()) detail += "; " + r.reason;
  events_.push_back({.t_s = e.t_s, .kind = "intercept", .track_id = r.interceptor.track_id,
                     .entity_id = r.truth_id ? std::optional<std::int64_t>(r.truth_id) : std::nullopt,
                     .entity = r.truth_id ? e.world.entity(r.truth_id).name : std::string(),
                     .fire_unit = r.interceptor.shooter,
                     .interceptor_id = static_cast<std::int64_t>(r.interceptor.id),
                     .outcome = r.fratricide ? "fratricide" : engagement::to_string(r.outcome), .detail = detail});
}

void EventLog::on(const sim::FighterActed& e) {
  events_.push_back({.t_s = e.t_s, .kind = "fighter_" + e.action,
                     .track_id = e.track_id ? std::optional<std::int64_t>(e.track_id) : std::nullopt,
                     .fire_unit = e.fighter, .detail = e.detail});
}

void EventLog::on(const sim::LauncherReloaded& e) {
  events_.push_back({.t_s = e.t_s, .kind = "reload", .fire_unit = e.fire_unit,
                     .detail = fmt::format("{} rounds loaded, {} left", e.rounds, e.rounds_left)});
}

void EventLog::on(const sim::EmissionChanged& e) {
  events_.push_back({.t_s = e.t_s, .kind = "emission", .fire_unit = e.radar, .outcome = e.emitting ? "on" : "off",
                     .detail = e.reason});
}

void EventLog::on(const sim::DatalinkChanged& e) {
  events_.push_back({.t_s = e.t_s, .kind = "datalink", .fire_unit = e.fire_unit, .outcome = e.up ? "up" : "down",
                     .detail = e.detail});
}

void EventLog::on(const sim::ReadinessChanged& e) {
  events_.push_back({.t_s = e.t_s, .kind = "readiness", .fire_unit = e.unit, .outcome = world::to_string(e.to),
                     .detail = fmt::format("from {}: {}", world::to_string(e.from), e.reason)});
}

void EventLog::on(const sim::WeaponsReleased& e) {
  events_.push_back({.t_s = e.t_s, .kind = "weapons_released", .entity_id = e.release.carrier_id,
                     .entity = e.world.entity(e.release.carrier_id).name,
                     .detail = fmt::format("{} x {}", e.release.weapon_ids.size(), e.release.weapon)});
}

void EventLog::on(const sim::RadarStruck& e) {
  events_.push_back({.t_s = e.t_s, .kind = "radar_struck", .entity_id = e.strike.entity_id,
                     .entity = e.world.entity(e.strike.entity_id).name, .fire_unit = e.radar,
                     .outcome = e.strike.destroyed ? "destroyed" : "missed",
                     .detail = fmt::format("burst {:.0f} m from the antenna", e.strike.miss_m)});
}

void EventLog::on(const sim::ScriptApplied& e) {
  events_.push_back({.t_s = e.t_s, .kind = "scripted", .detail = e.description});
}

std::string EventLog::record() {
  nlohmann::json j = nlohmann::json::array();
  for (const LoggedEvent& x : events_) {
    j.push_back({x.t_s, x.kind, id_json(x.track_id), id_json(x.entity_id), x.entity, x.fire_unit, x.asset,
                 id_json(x.interceptor_id), x.outcome, x.detail});
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<LoggedEvent> events_from_record(const std::string& record) {
  const auto not_a_log = [](const std::string& why) {
    return InputError("a replication's event record is not an event log: " + why);
  };
  std::vector<LoggedEvent> events;
  try {
    const nlohmann::json j = nlohmann::json::parse(record);
    if (!j.is_array()) throw not_a_log("not an array");
    for (const auto& x : j) {
      if (!x.is_array() || x.size() != kRecordFields) throw not_a_log("an entry is not an array of 10 fields");
      events.push_back({.t_s = x[0].get<double>(), .kind = x[1].get<std::string>(), .track_id = id_from(x[2]),
                        .entity_id = id_from(x[3]), .entity = x[4].get<std::string>(),
                        .fire_unit = x[5].get<std::string>(), .asset = x[6].get<std::string>(),
                        .interceptor_id = id_from(x[7]), .outcome = x[8].get<std::string>(),
                        .detail = x[9].get<std::string>()});
    }
  } catch (const nlohmann::json::exception& e) {
    throw not_a_log(e.what());
  }
  return events;
}

}  // namespace rampart::analysis
