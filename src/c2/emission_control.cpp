#include "c2/emission_control.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace rampart::c2 {
namespace {

/// A confirmed track C2 has not identified friendly or neutral: one that may be a threat.
bool may_threaten(const messages::TrackState& t, const std::function<Identity(std::uint32_t)>& identity_of) {
  if (t.status != messages::TrackStatus::kConfirmed) return false;
  const Identity id = identity_of(t.id);
  return !is_friendly(id) && id != Identity::kNeutral;
}

}  // namespace

EmissionControl::EmissionControl(const std::vector<scenario::Radar>& radars) {
  for (const auto& r : radars) {
    const bool on = r.emission == scenario::Emission::kOn;
    radars_.push_back({.mode = r.emission,
                       .east_m = r.position.east_m,
                       .north_m = r.position.north_m,
                       .reach_m = r.emission_reach_m,
                       .hold_s = r.emission_hold_s,
                       .wanted = on,
                       .emitting = on,
                       .arm_warning = r.arm_warning});
  }
}

std::vector<EmissionControl::Change> EmissionControl::set_mode(double, std::size_t radar, scenario::Emission mode) {
  RadarState& r = radars_.at(radar);
  r.mode = mode;
  r.wanted = mode == scenario::Emission::kOn || (mode == scenario::Emission::kWeaponsReach && r.wanted);
  const bool emitting = r.wanted && !r.warned;
  if (emitting == r.emitting) return {};
  r.emitting = emitting;
  return {{radar, emitting, fmt::format("emission {} ordered", scenario::to_string(mode))}};
}

std::optional<std::string> EmissionControl::weapons_reach(RadarState& r, double t_s,
                                                          const std::vector<messages::TrackState>& tracks,
                                                          const std::function<Identity(std::uint32_t)>& identity_of) {
  if (r.mode != scenario::Emission::kWeaponsReach) return std::nullopt;
  const messages::TrackState* nearest = nullptr;
  double nearest_m = r.reach_m;
  for (const auto& t : tracks) {
    if (!may_threaten(t, identity_of)) continue;
    const double range_m = std::hypot(t.x(0) - r.east_m, t.x(1) - r.north_m);
    if (range_m <= nearest_m) {
      nearest_m = range_m;
      nearest = &t;
    }
  }
  if (nearest) r.last_in_reach_t_s = t_s;
  if (nearest && !r.wanted) {
    r.wanted = true;
    return fmt::format("track {} at {:.1f} km, inside the {:.1f} km reach", nearest->id, nearest_m / 1000.0,
                       r.reach_m / 1000.0);
  }
  if (!nearest && r.wanted && t_s - r.last_in_reach_t_s >= r.hold_s) {
    r.wanted = false;
    return fmt::format("no track inside the {:.1f} km reach for {:.0f} s", r.reach_m / 1000.0, r.hold_s);
  }
  return std::nullopt;
}

std::optional<std::string> EmissionControl::arm_aimed_at(const RadarState& r, double t_s,
                                                         const std::vector<messages::TrackState>& tracks,
                                                         const std::function<Identity(std::uint32_t)>& identity_of) {
  const scenario::ArmWarning& w = *r.arm_warning;
  for (const auto& t : tracks) {
    if (!may_threaten(t, identity_of)) continue;
    const Eigen::Vector2d v_mps(t.x(3), t.x(4));
    const Eigen::Vector2d p_now_m = t.x.head<2>() + v_mps * std::max(0.0, t_s - t.t_s);
    const Eigen::Vector2d to_radar_m = Eigen::Vector2d(r.east_m, r.north_m) - p_now_m;
    const double range_m = to_radar_m.norm(), speed_mps = v_mps.norm();
    if (range_m > w.range_m || speed_mps < w.min_speed_mps || range_m <= 0.0) continue;
    const double off_deg =
        std::acos(std::clamp(v_mps.dot(to_radar_m) / (speed_mps * range_m), -1.0, 1.0)) * 180.0 / std::numbers::pi;
    if (off_deg > w.cone_deg) continue;
    return fmt::format("ARM warning: track {} at {:.1f} km, {:.0f} m/s, {:.1f} deg off the radar; silent for {:.0f} s",
                       t.id, range_m / 1000.0, speed_mps, off_deg, w.shutdown_s);
  }
  return std::nullopt;
}

std::optional<std::string> EmissionControl::arm_warning(RadarState& r, double t_s,
                                                        const std::vector<messages::TrackState>& tracks,
                                                        const std::function<Identity(std::uint32_t)>& identity_of) {
  if (!r.arm_warning) return std::nullopt;
  if (auto why = arm_aimed_at(r, t_s, tracks, identity_of)) {
    r.silent_until_t_s = t_s + r.arm_warning->shutdown_s;
    if (r.warned) return std::nullopt;
    r.warned = true;
    return why;
  }
  if (!r.warned || t_s < r.silent_until_t_s) return std::nullopt;
  r.warned = false;
  return fmt::format("ARM warning over: no ARM track for {:.0f} s", r.arm_warning->shutdown_s);
}

std::vector<EmissionControl::Change> EmissionControl::update(
    double t_s, const std::vector<messages::TrackState>& tracks,
    const std::function<Identity(std::uint32_t)>& identity_of) {
  std::vector<Change> changes;
  for (std::size_t i = 0; i < radars_.size(); ++i) {
    RadarState& r = radars_[i];
    const auto mode_reason = weapons_reach(r, t_s, tracks, identity_of);
    const auto arm_reason = arm_warning(r, t_s, tracks, identity_of);
    const bool emitting = r.wanted && !r.warned;
    if (emitting == r.emitting) continue;
    r.emitting = emitting;
    changes.push_back({i, emitting, arm_reason ? *arm_reason : mode_reason.value_or("")});
  }
  return changes;
}

}  // namespace rampart::c2
