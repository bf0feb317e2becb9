#include "sim/scorer.h"

namespace rampart::sim {

Scorer::Scorer(const world::World& world) {
  for (const auto& a : world.assets()) {
    asset_value_left_.push_back(a.value);
    asset_names_.push_back(a.name);
    summary_.asset_value_total += a.value;
    summary_.asset_value_lost_by_asset[a.name] = 0.0;
  }
  for (const auto& e : world.entities()) {
    if (e.side == world::Side::kHostile) {
      ++summary_.threats;
      ++summary_.by_kind[e.kind].count;
    } else {
      ++summary_.friendlies;
    }
  }
}

void Scorer::on_arrivals(const std::vector<world::Arrival>& arrivals, const world::World& world) {
  for (const auto& a : arrivals) {
    const auto& e = world.entity(a.entity_id);
    if (leaked_.insert(a.entity_id).second) {
      ++summary_.leakers;
      ++summary_.by_kind[e.kind].leakers;
    }
    const double lost = asset_value_left_[a.asset] * e.damage_fraction;
    asset_value_left_[a.asset] -= lost;
    summary_.asset_value_lost += lost;
    summary_.asset_value_lost_by_asset[asset_names_[a.asset]] += lost;
  }
}

void Scorer::on_plots(const std::vector<sensors::PlotOrigin>& origins) {
  for (const auto& o : origins) {
    step_origins_[o.plot_id] = o.truth_id;
    ++summary_.plots;
    if (o.truth_id == 0) ++summary_.false_alarm_plots;
  }
}

void Scorer::on_tracker(const tracking::TrackerStepResult& result) {
  for (const auto& a : result.associations) {
    const auto it = step_origins_.find(a.plot_id);
    if (it == step_origins_.end()) continue;
    TrackEvidence& ev = evidence_[a.track_id];
    (it->second == 0 ? ev.false_plots : ev.target_plots) += 1;
  }
  for (const auto id : result.confirmed) confirmed_[id] = true;
}

void Scorer::on_resolution(const engagement::Resolution& r, const world::World& world) {
  switch (r.outcome) {
    case engagement::Outcome::kKill: ++summary_.interceptor_kills; break;
    case engagement::Outcome::kMiss: ++summary_.interceptor_misses; break;
    case engagement::Outcome::kNoTarget: ++summary_.interceptor_no_target; break;
  }
  if (r.outcome != engagement::Outcome::kKill) return;
  const auto& e = world.entity(r.truth_id);
  if (r.fratricide) {
    ++summary_.fratricides;
  } else {
    ++summary_.killed;
    ++summary_.by_kind[e.kind].killed;
    if (leaked_.count(r.truth_id) > 0) ++summary_.killed_after_leaking;
  }
}

void Scorer::on_identity(bool became_friend, bool became_hostile) {
  summary_.friendly_tracks_identified += became_friend ? 1 : 0;
  summary_.hostile_tracks_identified += became_hostile ? 1 : 0;
}

Summary Scorer::finish(Summary base) const {
  Summary s = summary_;
  s.scenario = base.scenario;
  s.seed = base.seed;
  s.doctrine = base.doctrine;
  s.weapons_control = base.weapons_control;
  s.sim_time_s = base.sim_time_s;
  s.wall_time_s = base.wall_time_s;
  s.tracks_confirmed = static_cast<int>(confirmed_.size());
  for (const auto& [id, yes] : confirmed_) {
    const auto it = evidence_.find(id);
    if (it != evidence_.end() && it->second.false_plots > it->second.target_plots) ++s.false_tracks;
  }
  return s;
}

}  // namespace rampart::sim
