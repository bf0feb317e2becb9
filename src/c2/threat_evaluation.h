// Threat evaluation on tracks.
//
// For a track at p moving at v (horizontal plane) and an asset at a of radius r: the closest point
// of approach is at t_cpa = max(0, (a - p).v / v.v) with miss distance |p + v t_cpa - a|. A track
// whose miss distance is within r + margin threatens the asset; its time to reach the asset is the
// first t >= 0 with |p + v t - a| = r (0 when already inside). A track threatens the asset it
// reaches first; tracks are ranked by that time (earliest first), then by asset value.
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/scenario.h"
#include "tracking/types.h"

namespace rampart::c2 {

struct ThreatAssessment {
  std::uint32_t track_id = 0;
  std::size_t asset = 0;  ///< index of the threatened asset
  double cpa_m = 0.0;
  double time_to_asset_s = 0.0;
  double asset_value = 0.0;
};

/// Assesses the given tracks against the assets; returns the threatening ones, ranked.
std::vector<ThreatAssessment> evaluate_threats(const std::vector<tracking::TrackState>& tracks,
                                               const std::vector<scenario::Asset>& assets,
                                               double margin_m);

}  // namespace rampart::c2
