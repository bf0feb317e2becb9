#include "analysis/timeline.h"

#include <map>

#include <fmt/format.h>

#include "sim/simulation.h"

namespace rampart::analysis {

Timeline timeline_of(const scenario::Scenario& s, const std::vector<LoggedEvent>& events, double end_s) {
  Timeline t;
  t.end_s = end_s;
  for (const auto& unit : s.fire_units) t.lanes.push_back(unit.name);
  std::vector<std::string> fighter_lanes;
  std::map<std::int64_t, std::size_t> in_flight;    // interceptor id -> its span
  std::map<std::string, std::size_t> airborne;      // fighter -> its open "airborne" span
  const auto track = [](const LoggedEvent& e) { return e.track_id ? *e.track_id : 0; };
  for (const LoggedEvent& e : events) {
    if (e.kind == "leak") {
      t.marks.push_back({kLeakersLane, e.t_s, "leak", fmt::format("{} reached {} at {:.0f} s", e.entity, e.asset, e.t_s)});
    } else if (e.kind == "identity") {
      t.marks.push_back({kIdentificationLane, e.t_s, e.outcome,
                         fmt::format("track {} {} at {:.0f} s, {}", track(e), e.outcome, e.t_s, e.detail)});
    } else if (e.kind == "fire_order") {
      t.marks.push_back({e.fire_unit, e.t_s, "order",
                         fmt::format("{} ordered at track {} at {:.0f} s: {}", e.fire_unit, track(e), e.t_s, e.detail)});
    } else if (e.kind == "kill_assessment") {
      t.marks.push_back({kKillAssessmentLane, e.t_s, e.outcome,
                         fmt::format("track {} judged {} at {:.0f} s, {}", track(e), e.outcome, e.t_s, e.detail)});
    } else if (e.kind == "launch" && e.interceptor_id) {
      in_flight[*e.interceptor_id] = t.spans.size();
      t.spans.push_back({e.fire_unit, e.t_s, e.t_s, "in_flight",
                         fmt::format("interceptor {} of {} at track {}, launched at {:.0f} s", *e.interceptor_id,
                                     e.fire_unit, track(e), e.t_s)});
    } else if (e.kind == "intercept" && e.interceptor_id) {
      const auto it = in_flight.find(*e.interceptor_id);
      if (it == in_flight.end()) continue;  // cancelled before its launch
      Timeline::Span& span = t.spans[it->second];
      span.to_s = e.t_s;
      span.kind = e.outcome;
      span.text += fmt::format(", {} at {:.0f} s ({})", e.outcome, e.t_s, e.detail);
      in_flight.erase(it);
    } else if (e.kind == "fighter_take_off") {
      fighter_lanes.push_back(e.fire_unit);
      airborne[e.fire_unit] = t.spans.size();
      t.spans.push_back({e.fire_unit, e.t_s, e.t_s, "airborne", fmt::format("{} took off at {:.0f} s", e.fire_unit, e.t_s)});
    } else if (e.kind == "fighter_landed") {
      const auto it = airborne.find(e.fire_unit);
      if (it == airborne.end()) continue;
      t.spans[it->second].to_s = e.t_s;
      t.spans[it->second].text += fmt::format(", landed at {:.0f} s", e.t_s);
      airborne.erase(it);
    }
  }
  for (const auto& [id, k] : in_flight) t.spans[k].to_s = end_s;
  for (const auto& [fighter, k] : airborne) t.spans[k].to_s = end_s;
  t.lanes.insert(t.lanes.end(), fighter_lanes.begin(), fighter_lanes.end());
  t.lanes.insert(t.lanes.end(), {kIdentificationLane, kKillAssessmentLane, kLeakersLane});
  return t;
}

Timeline record_timeline(const scenario::Scenario& s, std::uint64_t seed) {
  EventLog log;  // outlives the simulation that calls it
  sim::Simulation simulation(s, {seed});
  simulation.subscribe(log);
  const sim::Summary summary = simulation.run();
  return timeline_of(s, log.events(), summary.sim_time_s);
}

}  // namespace rampart::analysis
