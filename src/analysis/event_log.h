// The event log of one replication: what a results database (results_db.h) keeps of its event
// stream, one entry per event in the order they happened. The kinds, and the fields that apply:
//
//   fire_order       C2 ordered a fire unit to engage: track_id, fire_unit, asset (the one the
//                    threat was ranked against), detail (rounds, time of flight, C2's reason);
//   launch           an interceptor left, surface-to-air or air-to-air: track_id, fire_unit (the
//                    fire unit or fighter), interceptor_id, outcome (autonomous: on the orders of
//                    the unit's own C2, cut off from the central one), detail (planned intercept time);
//   intercept        an interceptor reached its aim time: track_id, entity (what the seeker found,
//                    truth), fire_unit, interceptor_id, outcome (kill, miss, no_target, aborted,
//                    fratricide), detail (miss distance, the reason for a no_target);
//   leak             a threat's first arrival at an asset, as the scorer counts leakers_by_asset:
//                    entity, asset, detail (value lost);
//   kill_assessment  C2's judgement of a track: track_id, outcome (killed, survived, reopened),
//                    detail (interceptors judged, evidence);
//   identity         an identity change: track_id, outcome (the new identity), detail (the old one
//                    and the rule that decided);
//   order_dropped    a fire unit could not carry out an order: track_id, fire_unit, detail (why);
//   blocked          an engagement withheld for a friend near the intercept: track_id, fire_unit,
//                    detail (the friendly track and its distance);
//   fighter_take_off, fighter_fire, fighter_landed: fire_unit (the fighter), track_id, detail;
//   reload           a launcher reloaded: fire_unit, detail (rounds loaded and left);
//   emission         a radar started or stopped radiating: fire_unit (the radar), outcome (on, off),
//                    detail (why);
//   weapons_released an aircraft released stand-off weapons: entity (the aircraft), detail (how
//                    many of which);
//   radar_struck     an anti-radiation missile burst at its radar: entity (the missile), fire_unit
//                    (the radar), outcome (destroyed, missed), detail (miss distance);
//   datalink         a fire unit's link to C2 went down or came back: fire_unit, outcome (down, up),
//                    detail (what the unit does now: sim/autonomy.h);
//   scripted         a scripted or injected event took effect: detail.
// Per-step truth, plots, angle reports, tracker steps and picture samples are left out: they are
// the bulk of a run and `rampart run --out` records them.
//
// The record (ReplicationObserver::record) is the log as compact JSON, one array per entry:
// [t_s, kind, track_id, entity_id, entity, fire_unit, asset, interceptor_id, outcome, detail],
// null or "" where a field does not apply; events_from_record reads it back, in another process
// if need be.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/monte_carlo.h"

namespace rampart::analysis {

struct LoggedEvent {
  double t_s = 0.0;
  std::string kind;
  std::optional<std::int64_t> track_id;
  std::optional<std::int64_t> entity_id;  ///< truth id (analysis only)
  std::string entity;                     ///< its name
  std::string fire_unit;                  ///< a fire unit or a fighter
  std::string asset;
  std::optional<std::int64_t> interceptor_id;
  std::string outcome;
  std::string detail;
};

class EventLog : public ReplicationObserver {
 public:
  void on(const sim::TruthMoved& e) override;
  void on(const sim::IdentityChanged& e) override;
  void on(const sim::FireOrdered& e) override;
  void on(const sim::EngagementBlocked& e) override;
  void on(const sim::KillAssessed& e) override;
  void on(const sim::OrderDropped& e) override;
  void on(const sim::InterceptorLaunched& e) override;
  void on(const sim::InterceptorResolved& e) override;
  void on(const sim::FighterActed& e) override;
  void on(const sim::LauncherReloaded& e) override;
  void on(const sim::EmissionChanged& e) override;
  void on(const sim::ReadinessChanged& e) override;
  void on(const sim::DatalinkChanged& e) override;
  void on(const sim::WeaponsReleased& e) override;
  void on(const sim::RadarStruck& e) override;
  void on(const sim::ScriptApplied& e) override;

  const std::vector<LoggedEvent>& events() const { return events_; }
  std::string record() override;

 private:
  std::vector<LoggedEvent> events_;
  std::set<std::pair<std::uint32_t, std::size_t>> leaked_on_;  ///< (threat, asset) arrivals seen
};

/// The entries of a record EventLog::record wrote; throws InputError when it is not one.
std::vector<LoggedEvent> events_from_record(const std::string& record);

}  // namespace rampart::analysis
