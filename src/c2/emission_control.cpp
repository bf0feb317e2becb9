#include "c2/emission_control.h"

#include <cmath>

#include <fmt/format.h>

namespace rampart::c2 {

EmissionControl::EmissionControl(const std::vector<scenario::Radar>& radars) {
  for (const auto& r : radars)
    radars_.push_back({r.emission, r.position.east_m, r.position.north_m, r.emission_reach_m, r.emission_hold_s,
                       r.emission == scenario::Emission::kOn});
}

std::vector<EmissionControl::Change> EmissionControl::set_mode(double, std::size_t radar, scenario::Emission mode) {
  RadarState& r = radars_.at(radar);
  r.mode = mode;
  const bool emitting = mode == scenario::Emission::kOn || (mode == scenario::Emission::kWeaponsReach && r.emitting);
  if (emitting == r.emitting) return {};
  r.emitting = emitting;
  return {{radar, emitting, fmt::format("emission {} ordered", scenario::to_string(mode))}};
}

std::vector<EmissionControl::Change> EmissionControl::update(
    double t_s, const std::vector<messages::TrackState>& tracks,
    const std::function<Identity(std::uint32_t)>& identity_of) {
  std::vector<Change> changes;
  for (std::size_t i = 0; i < radars_.size(); ++i) {
    RadarState& r = radars_[i];
    if (r.mode != scenario::Emission::kWeaponsReach) continue;
    const messages::TrackState* nearest = nullptr;
    double nearest_m = r.reach_m;
    for (const auto& t : tracks) {
      if (t.status != messages::TrackStatus::kConfirmed) continue;
      const Identity id = identity_of(t.id);
      if (is_friendly(id) || id == Identity::kNeutral) continue;
      const double range_m = std::hypot(t.x(0) - r.east_m, t.x(1) - r.north_m);
      if (range_m <= nearest_m) {
        nearest_m = range_m;
        nearest = &t;
      }
    }
    if (nearest) r.last_in_reach_t_s = t_s;
    if (nearest && !r.emitting) {
      r.emitting = true;
      changes.push_back({i, true, fmt::format("track {} at {:.1f} km, inside the {:.1f} km reach", nearest->id,
                                              nearest_m / 1000.0, r.reach_m / 1000.0)});
    } else if (!nearest && r.emitting && t_s - r.last_in_reach_t_s >= r.hold_s) {
      r.emitting = false;
      changes.push_back({i, false, fmt::format("no track inside the {:.1f} km reach for {:.0f} s", r.reach_m / 1000.0,
                                               r.hold_s)});
    }
  }
  return changes;
}

}  // namespace rampart::c2
