#include "c2/threat_evaluation.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace rampart::c2 {
namespace {

std::optional<ThreatAssessment> assess(const tracking::TrackState& track, const scenario::Asset& asset,
                                       std::size_t asset_index, double margin_m) {
  const Eigen::Vector2d p = track.position_enu_m().head<2>();
  const Eigen::Vector2d v = track.velocity_enu_mps().head<2>();
  const Eigen::Vector2d a(asset.position.east_m, asset.position.north_m);
  const Eigen::Vector2d d = p - a;
  const double vv = v.squaredNorm();
  const double t_cpa = vv > 1e-9 ? std::max(0.0, -d.dot(v) / vv) : 0.0;
  const double cpa_m = (d + v * t_cpa).norm();
  if (cpa_m > asset.radius_m + margin_m) return std::nullopt;
  double time_s = 0.0;
  if (d.norm() > asset.radius_m) {
    if (cpa_m <= asset.radius_m) {
      // First root of |d + v t|^2 = r^2.
      const double b = d.dot(v), c = d.squaredNorm() - asset.radius_m * asset.radius_m;
      time_s = (-b - std::sqrt(std::max(0.0, b * b - vv * c))) / vv;
    } else {
      time_s = t_cpa;  // passes within the margin: the time of closest approach
    }
  }
  return ThreatAssessment{track.id, asset_index, cpa_m, time_s, asset.value};
}

}  // namespace

std::vector<ThreatAssessment> evaluate_threats(const std::vector<tracking::TrackState>& tracks,
                                               const std::vector<scenario::Asset>& assets,
                                               double margin_m) {
  std::vector<ThreatAssessment> out;
  for (const auto& track : tracks) {
    std::optional<ThreatAssessment> best;
    for (std::size_t i = 0; i < assets.size(); ++i) {
      const auto a = assess(track, assets[i], i, margin_m);
      if (a && (!best || a->time_to_asset_s < best->time_to_asset_s)) best = a;
    }
    if (best) out.push_back(*best);
  }
  std::sort(out.begin(), out.end(), [](const ThreatAssessment& x, const ThreatAssessment& y) {
    if (x.time_to_asset_s != y.time_to_asset_s) return x.time_to_asset_s < y.time_to_asset_s;
    if (x.asset_value != y.asset_value) return x.asset_value > y.asset_value;
    return x.track_id < y.track_id;
  });
  return out;
}

}  // namespace rampart::c2
