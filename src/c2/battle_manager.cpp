#include "c2/battle_manager.h"

#include <algorithm>
#include <cmath>

#include "c2/intercept.h"

namespace rampart::c2 {
BattleManager::BattleManager(const scenario::Scenario& s, IffChallenge iff)
    : assets_(s.assets),
      settings_(s.c2),
      origin_alt_m_(s.origin.alt_m),
      terrain_(s.environment.terrain),
      identifier_(s, std::move(iff)),
      doctrine_(s.c2),
      assignment_(make_assignment_policy(s.c2.assignment)),
      ranker_(s.c2.threat_hysteresis),
      fighters_(s),
      assessor_(s.c2.kill_assessment_delay_s),
      own_forces_(s.c2.datalink_period_s, s.c2.datalink_latency_s) {
  for (const auto& f : s.fire_units) {
    fire_control_sectors_.push_back(f.fire_control_radar ? std::optional(s.radars[*f.fire_control_radar].fire_control->sector)
                                                         : std::nullopt);
  }
}

C2Decision BattleManager::step(double t_s, const std::vector<messages::TrackState>& tracks,
                               const std::vector<WeaponStatus>& weapons, const std::vector<EsmBearing>& esm) {
  C2Decision decision;
  decision.kill_assessments = assessor_.update(t_s, tracks);
  for (const auto& a : decision.kill_assessments) {
    if (a.judgement == Judgement::kReopened) continue;
    for (const std::uint32_t fighter : a.fighter_entities) fighters_.on_assessed(fighter);
  }
  const std::vector<PositionReport> own_reports = own_forces_.reports_at(t_s);
  follow_columns(own_reports);
  decision.identity_changes = identifier_.update(t_s, tracks, esm, own_reports);

  std::vector<messages::TrackState> candidates;
  std::map<std::uint32_t, messages::TrackState> by_id;
  AssignmentContext context{t_s, origin_alt_m_, &doctrine_, [this](std::uint32_t id) { return identity(id); }, {},
                            settings_.deconfliction_radius_m, settings_.c2_to_fire_unit_latency_s, {}};
  if (terrain_ || std::any_of(fire_control_sectors_.begin(), fire_control_sectors_.end(),
                              [](const auto& sector) { return sector.has_value(); })) {
    context.in_sight = [this, &weapons](std::size_t unit, const Eigen::Vector3d& p_enu_m) {
      const auto w = std::find_if(weapons.begin(), weapons.end(),
                                  [&](const WeaponStatus& status) { return status.fire_unit == unit; });
      const Eigen::Vector3d& antenna_m = w->fire_control_site_m;
      const double target_alt_m = altitude_m(p_enu_m, origin_alt_m_);
      if (const auto& sector = fire_control_sectors_.at(unit)) {
        // The point's straight-line elevation from the antenna over the Earth's curvature:
        // atan((h_t - h_a - d^2 / (2 Re)) / d), as the radar measures it in its own frame.
        const double east_m = p_enu_m.x() - antenna_m.x(), north_m = p_enu_m.y() - antenna_m.y();
        const double ground_m = std::max(std::hypot(east_m, north_m), 1.0);
        const double el_rad = std::atan2(target_alt_m - antenna_m.z() - ground_m * ground_m / (2.0 * kEarthRadius_m), ground_m);
        if (!scenario::in_sector(*sector, azimuth_rad(east_m, north_m), el_rad)) return false;
      }
      return !terrain_ || terrain_->line_of_sight(antenna_m.x(), antenna_m.y(), antenna_m.z(), p_enu_m.x(), p_enu_m.y(),
                                                  target_alt_m);
    };
  }
  std::set<std::uint32_t> live;
  for (const auto& t : tracks) {
    live.insert(t.id);
    if (t.status != messages::TrackStatus::kConfirmed) continue;
    const Identity id = identity(t.id);
    if (is_friendly(id)) {
      context.friendly_tracks.push_back(t);
    } else if (id != Identity::kNeutral && id != Identity::kPending) {
      candidates.push_back(t);
      by_id.emplace(t.id, t);
    }
  }
  std::erase_if(arrived_, [&](std::uint32_t id) { return !live.count(id); });
  std::map<std::uint32_t, double> p_reach = assessor_.p_reach();
  for (const auto& [track, pks] : ordered_pk_) {
    double& p = p_reach.emplace(track, 1.0).first->second;
    for (const double pk : pks) p *= 1.0 - pk;
  }
  std::vector<ThreatAssessment> threats = evaluate_threats(candidates, assets_, kThreatMargin_m, origin_alt_m_);
  value_threats(threats, candidates, assets_, value_model(), p_reach);
  decision.threats = ranker_.rank(std::move(threats));

  for (const auto& threat : decision.threats)
    if (threat.time_to_asset_s <= 0.0) arrived_.insert(threat.track_id);
  const auto engageable = [&](std::uint32_t track_id) {
    return !assessor_.judged_killed(track_id) && !arrived_.count(track_id);
  };
  std::vector<ThreatAssessment> open;
  for (const auto& threat : decision.threats) {
    if (!engageable(threat.track_id)) continue;
    const bool engaged = assessor_.under_engagement(threat.track_id) || ordered_pk_.count(threat.track_id);
    if (engaged && !settings_.multiple_units_per_track) continue;
    open.push_back(threat);
  }
  AssignmentResult assignment = assignment_->assign(open, by_id, weapons, context);
  for (const auto& b : assignment.blocked) {
    if (blocked_pairs_.insert({b.track_id, b.fire_unit}).second) decision.newly_blocked.push_back(b);
  }
  for (const auto& order : assignment.orders) {
    const auto weapon = std::find_if(weapons.begin(), weapons.end(),
                                     [&](const WeaponStatus& w) { return w.fire_unit == order.fire_unit; });
    const double pk = weapon->type.kill_probability;
    ordered_pk_[order.track_id].insert(ordered_pk_[order.track_id].end(), static_cast<std::size_t>(order.rounds), pk);
  }
  decision.orders = std::move(assignment.orders);

  std::map<std::uint32_t, messages::TrackState> fighter_tracks;
  for (const auto& [id, t] : by_id)
    if (engageable(id)) fighter_tracks.emplace(id, t);
  std::vector<ThreatAssessment> for_fighters;
  for (const auto& threat : decision.threats) {
    const auto& t = by_id.at(threat.track_id);
    if (!engageable(t.id) || threat.ballistic) continue;  // no fighter engages a ballistic missile
    if (Doctrine::permits(identity(t.id), doctrine_.control_at(t.position_enu_m(), t_s))) for_fighters.push_back(threat);
  }
  decision.fighter_commands =
      fighters_.step(t_s, for_fighters, fighter_tracks, weapons, own_forces_.positions_at(t_s));
  return decision;
}

void BattleManager::follow(std::size_t asset, std::uint32_t column_entity) {
  column_of_asset_[asset] = column_entity;
}

void BattleManager::follow_columns(const std::vector<PositionReport>& reports) {
  for (const auto& [asset, column] : column_of_asset_) {
    const auto report = std::find_if(reports.begin(), reports.end(),
                                     [&](const PositionReport& r) { return r.entity_id == column; });
    if (report != reports.end()) assets_[asset].position = {report->p_enu_m.x(), report->p_enu_m.y()};
  }
}

void BattleManager::on_launch(const LaunchReport& launch) {
  assessor_.on_launch(launch);
  const auto it = ordered_pk_.find(launch.track_id);
  if (it == ordered_pk_.end()) return;
  const auto one = std::find(it->second.begin(), it->second.end(), launch.kill_probability);
  if (one != it->second.end()) it->second.erase(one);
  if (it->second.empty()) ordered_pk_.erase(it);
}

ThreatValueModel BattleManager::value_model() const {
  ThreatValueModel model;
  model.release_range_m = settings_.weapon_release_range_m;
  model.low_altitude_m = settings_.profile.low_altitude_m;
  model.low_fast_speed_mps = settings_.profile.low_fast_speed_mps;
  model.origin_alt_m = origin_alt_m_;
  return model;
}

void BattleManager::on_order_dropped(const FireOrder& order) {
  const auto it = ordered_pk_.find(order.track_id);
  if (it == ordered_pk_.end()) return;
  const auto rounds = std::min<std::size_t>(it->second.size(), static_cast<std::size_t>(order.rounds));
  it->second.erase(it->second.begin(), it->second.begin() + static_cast<std::ptrdiff_t>(rounds));
  if (it->second.empty()) ordered_pk_.erase(it);
}

}  // namespace rampart::c2
