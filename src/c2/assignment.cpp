#include "c2/assignment.h"

#include <algorithm>
#include <optional>

#include "c2/intercept.h"

namespace rampart::c2 {

std::vector<FireOrder> assign_greedy(const std::vector<ThreatAssessment>& ranked,
                                     const std::map<std::uint32_t, tracking::TrackState>& tracks,
                                     std::vector<WeaponStatus> weapons, int rounds_per_engagement,
                                     double origin_alt_m) {
  std::vector<FireOrder> orders;
  for (const auto& threat : ranked) {
    const tracking::TrackState& track = tracks.at(threat.track_id);
    std::optional<FireOrder> best;
    WeaponStatus* best_weapon = nullptr;
    for (auto& w : weapons) {
      if (w.free_channels <= 0 || w.ready_rounds <= 0) continue;
      const auto intercept = predict_intercept(track.position_enu_m(), track.velocity_enu_mps(), w.p_enu_m,
                                               w.type.interceptor_speed_mps);
      if (!intercept) continue;
      const double range_m = (intercept->p_enu_m - w.p_enu_m).norm();
      if (range_m < w.type.min_range_m || range_m > w.type.max_range_m) continue;
      if (track.has_height) {
        const double alt_m = altitude_m(intercept->p_enu_m, origin_alt_m);
        if (alt_m < w.type.min_altitude_m || alt_m > w.type.max_altitude_m) continue;
      }
      if (threat.time_to_asset_s > 0.0 && intercept->time_of_flight_s > threat.time_to_asset_s) continue;
      if (!best || intercept->time_of_flight_s < best->time_of_flight_s) {
        const int rounds = std::min({rounds_per_engagement, w.ready_rounds, w.free_channels});
        best = FireOrder{w.fire_unit, track.id, rounds,
                         intercept->time_of_flight_s, intercept->p_enu_m};
        best_weapon = &w;
      }
    }
    if (best) {
      best_weapon->free_channels -= best->rounds;
      best_weapon->ready_rounds -= best->rounds;
      orders.push_back(*best);
    }
  }
  return orders;
}

}  // namespace rampart::c2
