#include "c2/battle_manager.h"

#include <algorithm>

namespace rampart::c2 {
BattleManager::BattleManager(const scenario::Scenario& s, IffChallenge iff)
    : assets_(s.assets),
      settings_(s.c2),
      origin_alt_m_(s.origin.alt_m),
      identifier_(s, std::move(iff)),
      doctrine_(s.c2),
      ranker_(s.c2.threat_hysteresis),
      fighters_(s) {}

C2Decision BattleManager::step(double t_s, const std::vector<tracking::TrackState>& tracks,
                               const std::vector<WeaponStatus>& weapons, const std::vector<EsmBearing>& esm,
                               const std::map<std::uint32_t, Eigen::Vector3d>& own_fighters) {
  C2Decision decision;
  decision.identity_changes = identifier_.update(t_s, tracks, esm);

  std::vector<tracking::TrackState> candidates;
  std::map<std::uint32_t, tracking::TrackState> by_id;
  AssignmentContext context{t_s, origin_alt_m_, &doctrine_, [this](std::uint32_t id) { return identity(id); }, {},
                            settings_.deconfliction_radius_m};
  for (const auto& t : tracks) {
    if (t.status != tracking::TrackStatus::kConfirmed) continue;
    const Identity id = identity(t.id);
    if (is_friendly(id)) {
      context.friendly_tracks.push_back(t);
    } else if (id != Identity::kNeutral && id != Identity::kPending) {
      candidates.push_back(t);
      by_id.emplace(t.id, t);
    }
  }
  std::map<std::uint32_t, double> p_reach;
  for (const auto& [track, pks] : pk_in_flight_) {
    double p = 1.0;
    for (const double pk : pks) p *= 1.0 - pk;
    p_reach[track] = p;
  }
  std::vector<ThreatAssessment> threats = evaluate_threats(candidates, assets_, kThreatMargin_m);
  ThreatValueModel model;
  model.release_range_m = settings_.weapon_release_range_m;
  model.low_altitude_m = settings_.profile.low_altitude_m;
  model.low_fast_speed_mps = settings_.profile.low_fast_speed_mps;
  model.origin_alt_m = origin_alt_m_;
  value_threats(threats, candidates, assets_, model, p_reach);
  decision.threats = ranker_.rank(std::move(threats));

  std::vector<ThreatAssessment> open;
  for (const auto& threat : decision.threats) {
    if (assessed_killed_.count(threat.track_id)) continue;
    if (!settings_.multiple_units_per_track && pk_in_flight_.count(threat.track_id)) continue;
    open.push_back(threat);
  }
  AssignmentResult assignment = assign_weapons(open, by_id, weapons, context);
  for (const auto& b : assignment.blocked) {
    if (blocked_pairs_.insert({b.track_id, b.fire_unit}).second) decision.newly_blocked.push_back(b);
  }
  for (const auto& order : assignment.orders) {
    const auto weapon = std::find_if(weapons.begin(), weapons.end(),
                                     [&](const WeaponStatus& w) { return w.fire_unit == order.fire_unit; });
    const double pk = weapon->type.kill_probability;
    pk_in_flight_[order.track_id].insert(pk_in_flight_[order.track_id].end(), static_cast<std::size_t>(order.rounds), pk);
  }
  decision.orders = std::move(assignment.orders);

  std::vector<ThreatAssessment> for_fighters;
  for (const auto& threat : decision.threats) {
    const auto& t = by_id.at(threat.track_id);
    if (Doctrine::permits(identity(t.id), doctrine_.control_at(t.position_enu_m(), t_s))) for_fighters.push_back(threat);
  }
  decision.fighter_commands = fighters_.step(t_s, for_fighters, by_id, weapons, own_fighters);
  return decision;
}

void BattleManager::report_outcome(std::uint32_t track_id, double pk, bool killed, std::uint32_t fighter_entity) {
  if (killed) assessed_killed_.insert(track_id);
  if (fighter_entity) {
    fighters_.report_outcome(fighter_entity, killed);
    return;
  }
  const auto it = pk_in_flight_.find(track_id);
  if (it != pk_in_flight_.end()) {
    const auto one = std::find(it->second.begin(), it->second.end(), pk);
    if (one != it->second.end()) it->second.erase(one);
    if (it->second.empty()) pk_in_flight_.erase(it);
  }
}

}  // namespace rampart::c2
