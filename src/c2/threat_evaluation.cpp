#include "c2/threat_evaluation.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "c2/ballistic.h"

namespace rampart::c2 {
namespace {

/// First t >= 0 with |d + v t| = radius (0 when already inside); nullopt when never.
std::optional<double> time_to_circle(const Eigen::Vector2d& d, const Eigen::Vector2d& v, double radius_m) {
  const double c = d.squaredNorm() - radius_m * radius_m;
  if (c <= 0.0) return 0.0;
  const double vv = v.squaredNorm(), b = d.dot(v);
  const double disc = b * b - vv * c;
  if (vv < 1e-12 || disc < 0.0 || b >= 0.0) return std::nullopt;
  return (-b - std::sqrt(disc)) / vv;
}

std::optional<ThreatAssessment> assess_ballistic(const messages::TrackState& track, const Impact& impact,
                                                 const scenario::Asset& asset, std::size_t asset_index, double margin_m) {
  const double cpa_m = (impact.p_enu_m.head<2>() - Eigen::Vector2d(asset.position.east_m, asset.position.north_m)).norm();
  if (cpa_m > asset.radius_m + margin_m) return std::nullopt;
  ThreatAssessment a;
  a.track_id = track.id;
  a.asset = asset_index;
  a.ballistic = true;
  a.cpa_m = cpa_m;
  a.time_to_asset_s = impact.time_s;
  return a;
}

std::optional<ThreatAssessment> assess(const messages::TrackState& track, const scenario::Asset& asset,
                                       std::size_t asset_index, double margin_m) {
  const Eigen::Vector2d v = track.velocity_enu_mps().head<2>();
  const Eigen::Vector2d d = track.position_enu_m().head<2>() - Eigen::Vector2d(asset.position.east_m, asset.position.north_m);
  const double vv = v.squaredNorm();
  const double t_cpa = vv > 1e-9 ? std::max(0.0, -d.dot(v) / vv) : 0.0;
  const double cpa_m = (d + v * t_cpa).norm();
  if (cpa_m > asset.radius_m + margin_m) return std::nullopt;
  ThreatAssessment a;
  a.track_id = track.id;
  a.asset = asset_index;
  a.cpa_m = cpa_m;
  a.time_to_asset_s = time_to_circle(d, v, asset.radius_m).value_or(t_cpa);
  return a;
}

double priority_weight(int priority) { return priority <= 1 ? 2.0 : priority == 2 ? 1.0 : 0.5; }

}  // namespace

std::string ThreatAssessment::explain(const std::vector<scenario::Asset>& assets) const {
  const auto& a = assets[asset];
  return fmt::format("rank {}: track {}{} threatens {} (value {:.0f}, priority {}) in {:.0f} s, CPA {:.0f} m; "
                     "weapon release in {:.0f} s; p_reach {:.2f}; threat value {:.1f}; score {:.3f}",
                     rank, track_id, ballistic ? " (ballistic, at its predicted impact)" : "", a.name, a.value, a.priority, time_to_asset_s, cpa_m, time_to_release_s,
                     p_reach, threat_value, score);
}

std::vector<ThreatAssessment> evaluate_threats(const std::vector<messages::TrackState>& tracks,
                                               const std::vector<scenario::Asset>& assets,
                                               double margin_m, double origin_alt_m) {
  std::vector<ThreatAssessment> out;
  for (const auto& track : tracks) {
    std::optional<ThreatAssessment> best;
    const bool ballistic = is_ballistic(track);
    // Only a ballistic track is judged at its predicted impact point.
    const std::optional<Impact> impact =
        ballistic ? std::optional(predict_impact(track.position_enu_m(), track.velocity_enu_mps(), origin_alt_m))
                  : std::nullopt;
    for (std::size_t i = 0; i < assets.size(); ++i) {
      const auto a = impact ? assess_ballistic(track, *impact, assets[i], i, margin_m) : assess(track, assets[i], i, margin_m);
      const bool nearer = a && best && (ballistic ? a->cpa_m < best->cpa_m : a->time_to_asset_s < best->time_to_asset_s);
      if (a && (!best || nearer)) best = a;
    }
    if (best) out.push_back(*best);
  }
  std::sort(out.begin(), out.end(), [](const ThreatAssessment& x, const ThreatAssessment& y) {
    return x.time_to_asset_s != y.time_to_asset_s ? x.time_to_asset_s < y.time_to_asset_s : x.track_id < y.track_id;
  });
  return out;
}

const char* to_string(KinematicClass c) {
  switch (c) {
    case KinematicClass::kAircraft: return "aircraft";
    case KinematicClass::kMissile: return "missile";
    case KinematicClass::kDrone: return "drone";
    case KinematicClass::kBallistic: return "ballistic";
  }
  return "?";
}

KinematicClass kinematic_class(const messages::TrackState& t, const ThreatValueModel& model) {
  if (is_ballistic(t)) return KinematicClass::kBallistic;
  const double speed_mps = t.velocity_enu_mps().head<2>().norm();
  if (t.has_height && altitude_m(t.position_enu_m(), model.origin_alt_m) < model.low_altitude_m &&
      speed_mps > model.low_fast_speed_mps)
    return KinematicClass::kMissile;
  return speed_mps < model.slow_speed_mps ? KinematicClass::kDrone : KinematicClass::kAircraft;
}

void value_threats(std::vector<ThreatAssessment>& threats, const std::vector<messages::TrackState>& tracks,
                   const std::vector<scenario::Asset>& assets, const ThreatValueModel& model,
                   const std::map<std::uint32_t, double>& p_reach) {
  std::map<std::uint32_t, const messages::TrackState*> by_id;
  for (const auto& t : tracks) by_id[t.id] = &t;
  for (auto& threat : threats) {
    const messages::TrackState& t = *by_id.at(threat.track_id);
    const auto& asset = assets[threat.asset];
    const bool is_weapon = kinematic_class(t, model) != KinematicClass::kAircraft;
    const double release_m = is_weapon ? asset.radius_m : std::max(model.release_range_m, asset.radius_m);
    const Eigen::Vector2d d = t.position_enu_m().head<2>() - Eigen::Vector2d(asset.position.east_m, asset.position.north_m);
    threat.time_to_release_s =
        threat.ballistic ? threat.time_to_asset_s
                         : std::min(threat.time_to_asset_s, time_to_circle(d, t.velocity_enu_mps().head<2>(), release_m)
                                                                .value_or(threat.time_to_asset_s));
    const auto it = p_reach.find(threat.track_id);
    threat.p_reach = it == p_reach.end() ? 1.0 : it->second;
    threat.threat_value = asset.value * priority_weight(asset.priority) * threat.p_reach;
    threat.score = threat.threat_value / std::max(threat.time_to_release_s, 10.0);
  }
}

std::vector<ThreatAssessment> ThreatRanker::rank(std::vector<ThreatAssessment> threats) {
  // Start from the previous order (new threats after, by score), then let a threat move up past
  // its neighbour only when clearly more threatening: an insertion sort with a margin.
  std::unordered_map<std::uint32_t, std::size_t> position;
  for (std::size_t i = 0; i < previous_order_.size(); ++i) position[previous_order_[i]] = i;
  const auto previous_position = [&](std::uint32_t id) {
    const auto it = position.find(id);
    return it == position.end() ? previous_order_.size() : it->second;
  };
  std::stable_sort(threats.begin(), threats.end(), [&](const ThreatAssessment& a, const ThreatAssessment& b) {
    const std::size_t pa = previous_position(a.track_id), pb = previous_position(b.track_id);
    if (pa != pb) return pa < pb;
    return a.score != b.score ? a.score > b.score : a.track_id < b.track_id;
  });
  for (std::size_t i = 1; i < threats.size(); ++i) {
    for (std::size_t j = i; j > 0 && threats[j].score > threats[j - 1].score * (1.0 + hysteresis_); --j) {
      std::swap(threats[j], threats[j - 1]);
    }
  }
  previous_order_.clear();
  for (std::size_t i = 0; i < threats.size(); ++i) {
    threats[i].rank = static_cast<int>(i + 1);
    previous_order_.push_back(threats[i].track_id);
  }
  return threats;
}

}  // namespace rampart::c2
