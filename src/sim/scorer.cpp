#include "sim/scorer.h"

#include <algorithm>
#include <limits>

#include "tracking/metrics.h"

namespace rampart::sim {

Scorer::Scorer(const scenario::Scenario& s) {
  for (const auto& a : s.assets) {
    summary_.asset_value_total += a.value;
    summary_.asset_value_lost_by_asset[a.name] = 0.0;
    summary_.leakers_by_asset[a.name] = 0;
  }
  summary_.friendlies = static_cast<int>(s.friendlies.size());
}

void Scorer::on(const ThreatsAdded& e) {
  for (const auto id : e.entity_ids) {
    ++summary_.threats;
    ++summary_.by_kind[e.world.entity(id).kind].count;
  }
}

void Scorer::on(const TruthMoved& e) {
  world_ = &e.world;
  for (const auto& a : e.arrivals) {
    if (leaked_.insert(a.entity_id).second) {
      ++summary_.leakers;
      ++summary_.by_kind[e.world.entity(a.entity_id).kind].leakers;
    }
    if (leaked_on_.insert({a.entity_id, a.asset}).second) {
      const world::Entity& threat = e.world.entity(a.entity_id);
      ++summary_.leakers_by_asset[e.world.assets()[a.asset].name];
      const auto& recent = recent_en_m_[a.entity_id];
      LeakPath path{e.world.assets()[a.asset].name, threat.kind, e.t_s, {recent.begin(), recent.end()}};
      path.path_en_m.push_back({threat.p_enu_m.x(), threat.p_enu_m.y()});
      summary_.leaks.push_back(std::move(path));
    }
    if (!summary_.first_leaker_time_s) summary_.first_leaker_time_s = e.t_s;
    summary_.asset_value_lost += a.value_lost;
    summary_.asset_value_lost_by_asset[e.world.assets()[a.asset].name] += a.value_lost;
  }
}

void Scorer::on(const WeaponsReleased& e) {
  summary_.stand_off_weapons_released += static_cast<int>(e.release.weapon_ids.size());
}

void Scorer::on(const RadarStruck& e) {
  if (!e.strike.destroyed) return;
  summary_.radars_destroyed.push_back(e.radar);
  if (leaked_.insert(e.strike.entity_id).second) {
    ++summary_.leakers;
    ++summary_.by_kind[e.world.entity(e.strike.entity_id).kind].leakers;
  }
  if (!summary_.first_leaker_time_s) summary_.first_leaker_time_s = e.t_s;
}

void Scorer::on(const PlotsMade& e) {
  track_truth_.on_plots(e);
  for (const auto& o : e.look.origins) {
    ++summary_.plots;
    if (o.truth_id == 0) ++summary_.false_alarm_plots;
  }
}

void Scorer::on(const TrackerStepped& e) {
  track_truth_.on_tracker(e);
  confirmed_.insert(e.result.confirmed.begin(), e.result.confirmed.end());
}

void Scorer::on(const PictureSampled& e) {
  score_picture_quality(e);
  if (e.t_s >= last_path_sample_s_ + kLeakPathStep_s - 1e-6) {
    last_path_sample_s_ = e.t_s;
    constexpr auto kKept = static_cast<std::size_t>(kLeakPathSpan_s / kLeakPathStep_s);
    for (const auto& x : e.world.entities()) {
      if (!x.flying() || x.side != world::Side::kHostile) continue;
      auto& recent = recent_en_m_[x.id];
      recent.push_back({x.p_enu_m.x(), x.p_enu_m.y()});
      if (recent.size() > kKept) recent.pop_front();
    }
  }
  std::map<std::uint32_t, std::vector<std::pair<double, std::uint32_t>>> candidates;  // truth -> (distance, track)
  for (const auto& t : e.tracks) {
    if (t.status != messages::TrackStatus::kConfirmed) continue;
    // The track as C2 would extrapolate it to the sample time.
    const Eigen::Vector3d p = t.position_at(e.t_s);
    const Eigen::Vector2d v = t.velocity_enu_mps().head<2>();
    std::uint32_t nearest = 0;
    double nearest_m = std::numeric_limits<double>::infinity();
    for (const auto& x : e.world.entities()) {
      if (!x.flying()) continue;
      const double distance_m = (x.p_enu_m - p).head<2>().norm();
      if (distance_m > kMatchDistance_m || (x.v_enu_mps.head<2>() - v).norm() > kMatchSpeed_mps) continue;
      if (distance_m < nearest_m) {
        nearest_m = distance_m;
        nearest = x.id;
      }
    }
    TrackSamples& samples = track_samples_[t.id];
    ++samples.samples;
    if (nearest == 0) continue;
    ++samples.matched;
    candidates[nearest].emplace_back(nearest_m, t.id);
  }
  for (auto& [truth, tracks] : candidates) {
    auto& holders = holders_[truth];
    const bool kept = !holders.empty() && std::any_of(tracks.begin(), tracks.end(), [&](const auto& c) {
      return c.second == holders.back();
    });
    if (kept) continue;
    holders.push_back(std::min_element(tracks.begin(), tracks.end())->second);
  }
}

void Scorer::score_picture_quality(const PictureSampled& e) {
  std::vector<Eigen::Vector3d> truths_m, tracks_m;
  for (const auto& x : e.world.entities())
    if (x.flying()) truths_m.emplace_back(x.p_enu_m.x(), x.p_enu_m.y(), 0.0);
  for (const auto& t : e.tracks) {
    if (t.status != messages::TrackStatus::kConfirmed) continue;
    const Eigen::Vector3d p = t.position_at(e.t_s);
    tracks_m.emplace_back(p.x(), p.y(), 0.0);
  }
  const tracking::GospaResult g = tracking::gospa(truths_m, tracks_m, kGospaCutoff_m, 1.0);
  ++gospa_samples_;
  gospa_sum_m_ += g.gospa;
  gospa_localisation_sum_m_ += g.localisation;
  gospa_missed_sum_m_ += g.missed;
  gospa_false_sum_m_ += g.false_tracks;
}

void Scorer::on(const IdentityChanged& e) {
  const c2::Identity to = e.change.to;
  summary_.friendly_tracks_identified += to == c2::Identity::kFriend ? 1 : 0;
  summary_.hostile_tracks_identified += to == c2::Identity::kHostile ? 1 : 0;
  if (to == c2::Identity::kAssumedFriend) assumed_friend_tracks_.insert(e.change.track_id);
  if (!c2::is_friendly(to)) return;
  const auto truth = track_truth_.of(e.change.track_id);
  if (truth && *truth != 0 && world_ && world_->entity(*truth).side == world::Side::kHostile)
    hostiles_called_friend_.insert(*truth);
}

void Scorer::on(const EngagementBlocked&) { ++summary_.blocked_engagements; }

void Scorer::on(const KillAssessed& e) {
  const auto& a = e.assessment;
  if (a.judgement == c2::Judgement::kReopened) return;
  ++summary_.kill_assessments;
  bool killed = false;
  for (const auto id : a.interceptor_ids) {
    const auto it = aimed_at_.find(id);
    if (it != aimed_at_.end() && it->second != 0 && world_ &&
        world_->entity(it->second).state == world::EntityState::kKilled)
      killed = true;
  }
  if (killed != (a.judgement == c2::Judgement::kKilled)) ++summary_.kill_assessments_wrong;
}

void Scorer::on(const OrderDropped&) { ++summary_.orders_dropped; }

void Scorer::on(const InterceptorLaunched& e) {
  aimed_at_[e.interceptor.id] = track_truth_.of(e.interceptor.track_id).value_or(0);
  if (e.interceptor.autonomous) ++summary_.autonomous_launches;
  if (e.interceptor.burst) ++summary_.gun_bursts_fired;
  else if (e.interceptor.surface_to_air()) ++summary_.interceptors_fired;
  else ++summary_.air_to_air_fired;
}

void Scorer::on(const InterceptorResolved& e) {
  const auto& r = e.resolution;
  switch (r.outcome) {
    case engagement::Outcome::kKill: ++summary_.interceptor_kills; break;
    case engagement::Outcome::kMiss: ++summary_.interceptor_misses; break;
    case engagement::Outcome::kNoTarget: ++summary_.interceptor_no_target; break;
    case engagement::Outcome::kAborted: ++summary_.interceptors_aborted; break;
    case engagement::Outcome::kGuidanceLost: ++summary_.interceptors_guidance_lost; break;
  }
  if (r.outcome != engagement::Outcome::kKill) return;
  if (r.interceptor.burst) ++summary_.gun_burst_kills;
  if (r.interceptor.autonomous && !r.fratricide) ++summary_.autonomous_kills;
  const auto& x = e.world.entity(r.truth_id);
  if (r.fratricide) {
    ++summary_.fratricides;
  } else {
    ++summary_.killed;
    ++summary_.by_kind[x.kind].killed;
    if (leaked_.count(r.truth_id) > 0) ++summary_.killed_after_leaking;
  }
}

void Scorer::on(const FighterActed& e) {
  if (e.action == "take_off") ++summary_.fighter_sorties;
  if (e.action == "cap_commit") ++summary_.cap_commits;
  if (e.action == "hold_fire") ++summary_.air_to_air_withheld;
}

void Scorer::on(const AnglesMade& e) {
  for (const auto& a : e.reports) summary_.jamming_strobes += a.emitter == sensors::kJammerStrobe;
}

void Scorer::on(const JammersTracked& e) {
  summary_.jammer_tracks_confirmed += static_cast<int>(e.step.result.confirmed.size());
}

void Scorer::on(const EmissionChanged& e) {
  if (!e.emitting) {
    silent_since_s_.emplace(e.radar, e.t_s);
  } else if (const auto it = silent_since_s_.find(e.radar); it != silent_since_s_.end()) {
    summary_.radar_silent_s += e.t_s - it->second;
    silent_since_s_.erase(it);
  }
}

void Scorer::on(const ReadinessChanged& e) {
  summary_.emplacements += e.to == world::Readiness::kReady;
  summary_.shoot_and_scoot_displacements +=
      e.to == world::Readiness::kMarchOrder && e.reason == world::MobileUnit::kScootReason;
  if (!e.fire_unit) return;
  if (e.to == world::Readiness::kReady) {
    ready_since_s_.emplace(e.unit, e.t_s);
  } else if (const auto it = ready_since_s_.find(e.unit); it != ready_since_s_.end()) {
    summary_.mobile_fire_unit_ready_s += e.t_s - it->second;
    ready_since_s_.erase(it);
  }
}

void Scorer::on(const RunEnded& e) {
  summary_.sim_time_s = e.t_s;
  for (const auto& [unit, since_s] : ready_since_s_) summary_.mobile_fire_unit_ready_s += e.t_s - since_s;
  ready_since_s_.clear();
  for (const auto& [radar, since_s] : silent_since_s_) summary_.radar_silent_s += e.t_s - since_s;
  silent_since_s_.clear();
  summary_.interceptors_in_flight_at_end = static_cast<int>(e.interceptors_in_flight);
}

Summary Scorer::summary() const {
  Summary s = summary_;
  s.tracks_confirmed = static_cast<int>(confirmed_.size());
  s.false_tracks = 0;
  for (const auto& [id, samples] : track_samples_)
    if (2 * samples.matched < samples.samples) ++s.false_tracks;
  s.track_breaks = 0;
  for (const auto& [truth, holders] : holders_) s.track_breaks += static_cast<int>(holders.size()) - 1;
  if (gospa_samples_ > 0) {
    s.gospa_mean_m = gospa_sum_m_ / gospa_samples_;
    s.gospa_localisation_mean_m = gospa_localisation_sum_m_ / gospa_samples_;
    s.gospa_missed_mean_m = gospa_missed_sum_m_ / gospa_samples_;
    s.gospa_false_mean_m = gospa_false_sum_m_ / gospa_samples_;
  }
  s.assumed_friend_tracks = static_cast<int>(assumed_friend_tracks_.size());
  s.hostiles_identified_friend = static_cast<int>(hostiles_called_friend_.size());
  return s;
}

}  // namespace rampart::sim
