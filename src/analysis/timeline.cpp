#include "analysis/timeline.h"

#include <fmt/format.h>

#include "c2/identity.h"
#include "sim/simulation.h"

namespace rampart::analysis {

TimelineRecorder::TimelineRecorder(const scenario::Scenario& s) {
  for (const auto& unit : s.fire_units) t_.lanes.push_back(unit.name);
}

void TimelineRecorder::on(const sim::TruthMoved& e) {
  for (const auto& a : e.arrivals) {
    const auto& threat = e.world.entity(a.entity_id);
    t_.marks.push_back({kLeakersLane, e.t_s, "leak",
                        fmt::format("{} ({}) reached {} at {:.0f} s", threat.name, threat.kind,
                                    e.world.assets()[a.asset].name, e.t_s)});
  }
}

void TimelineRecorder::on(const sim::IdentityChanged& e) {
  const auto& c = e.change;
  t_.marks.push_back({kIdentificationLane, c.t_s, c2::to_string(c.to),
                      fmt::format("track {} {} -> {} at {:.0f} s: {}", c.track_id, c2::to_string(c.from),
                                  c2::to_string(c.to), c.t_s, c.reason)});
}

void TimelineRecorder::on(const sim::FireOrdered& e) {
  t_.marks.push_back({e.fire_unit, e.t_s, "order",
                      fmt::format("{} ordered at track {} ({} rounds) at {:.0f} s", e.fire_unit, e.order.track_id,
                                  e.order.rounds, e.t_s)});
}

void TimelineRecorder::on(const sim::KillAssessed& e) {
  const auto& a = e.assessment;
  t_.marks.push_back({kKillAssessmentLane, a.t_s, c2::to_string(a.judgement),
                      fmt::format("track {} judged {} at {:.0f} s: {}", a.track_id, c2::to_string(a.judgement), a.t_s,
                                  a.evidence)});
}

void TimelineRecorder::on(const sim::InterceptorLaunched& e) {
  const auto& m = e.interceptor;
  in_flight_[m.id] = t_.spans.size();
  t_.spans.push_back({m.shooter, m.launch_time_s, m.launch_time_s, "in_flight",
                      fmt::format("interceptor {} of {} at track {}, launched at {:.0f} s", m.id, m.shooter,
                                  m.track_id, m.launch_time_s)});
}

void TimelineRecorder::on(const sim::InterceptorResolved& e) {
  const auto it = in_flight_.find(e.resolution.interceptor.id);
  if (it == in_flight_.end()) return;  // cancelled before its launch
  Timeline::Span& span = t_.spans[it->second];
  span.to_s = e.t_s;
  span.kind = e.resolution.fratricide ? "fratricide" : engagement::to_string(e.resolution.outcome);
  span.text += fmt::format(", {} at {:.0f} s", span.kind, e.t_s);
  in_flight_.erase(it);
}

void TimelineRecorder::on(const sim::FighterActed& e) {
  if (e.action == "take_off") {
    fighter_lanes_.push_back(e.fighter);
    airborne_[e.fighter] = t_.spans.size();
    t_.spans.push_back({e.fighter, e.t_s, e.t_s, "airborne", fmt::format("{} took off at {:.0f} s", e.fighter, e.t_s)});
  } else if (e.action == "landed") {
    const auto it = airborne_.find(e.fighter);
    if (it == airborne_.end()) return;
    t_.spans[it->second].to_s = e.t_s;
    t_.spans[it->second].text += fmt::format(", landed at {:.0f} s", e.t_s);
    airborne_.erase(it);
  }
}

void TimelineRecorder::on(const sim::RunEnded& e) { t_.end_s = e.t_s; }

Timeline TimelineRecorder::timeline() const {
  Timeline out = t_;
  out.lanes.insert(out.lanes.end(), fighter_lanes_.begin(), fighter_lanes_.end());
  out.lanes.insert(out.lanes.end(), {kIdentificationLane, kKillAssessmentLane, kLeakersLane});
  for (const auto& [id, k] : in_flight_) out.spans[k].to_s = out.end_s;
  for (const auto& [fighter, k] : airborne_) out.spans[k].to_s = out.end_s;
  return out;
}

Timeline record_timeline(const scenario::Scenario& s, std::uint64_t seed) {
  TimelineRecorder recorder(s);  // outlives the simulation that calls it
  sim::Simulation simulation(s, {seed});
  simulation.subscribe(recorder);
  simulation.run();
  return recorder.timeline();
}

}  // namespace rampart::analysis
