#include "c2/battle_manager.h"

namespace rampart::c2 {
namespace {
constexpr double kThreatMargin_m = 5000.0;
}

BattleManager::BattleManager(const scenario::Scenario& s, IffChallenge iff)
    : assets_(s.assets),
      settings_(s.c2),
      origin_alt_m_(s.origin.alt_m),
      identifier_(std::move(iff), s.c2.iff_challenges_before_hostile) {}

const char* BattleManager::doctrine_name() const {
  return settings_.doctrine == scenario::FireDoctrine::kSalvo ? "salvo" : "shoot_look_shoot";
}

C2Decision BattleManager::step(double t_s, const std::vector<tracking::TrackState>& tracks,
                               const std::vector<WeaponStatus>& weapons) {
  C2Decision decision;
  decision.identity_changes = identifier_.update(t_s, tracks);

  std::vector<tracking::TrackState> hostile;
  std::map<std::uint32_t, tracking::TrackState> by_id;
  for (const auto& t : tracks) {
    if (t.status != tracking::TrackStatus::kConfirmed || identity(t.id) != Identity::kHostile) continue;
    hostile.push_back(t);
    by_id.emplace(t.id, t);
  }
  decision.threats = evaluate_threats(hostile, assets_, kThreatMargin_m);

  std::vector<ThreatAssessment> open;
  for (const auto& threat : decision.threats) {
    if (assessed_killed_.count(threat.track_id) || rounds_in_flight_.count(threat.track_id)) continue;
    open.push_back(threat);
  }
  const int rounds = settings_.doctrine == scenario::FireDoctrine::kSalvo ? settings_.salvo_size : 1;
  decision.orders = assign_greedy(open, by_id, weapons, rounds, origin_alt_m_);
  for (const auto& order : decision.orders) rounds_in_flight_[order.track_id] += order.rounds;
  return decision;
}

void BattleManager::report_outcome(std::uint32_t track_id, bool killed) {
  const auto it = rounds_in_flight_.find(track_id);
  if (it != rounds_in_flight_.end() && --it->second <= 0) rounds_in_flight_.erase(it);
  if (killed) assessed_killed_.insert(track_id);
}

}  // namespace rampart::c2
