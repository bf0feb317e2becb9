#include "c2/fighters.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "c2/intercept.h"
#include "core/error.h"
#include "core/units.h"

namespace rampart::c2 {

namespace {
Eigen::Vector2d map_m(const scenario::Point2& p) { return {p.east_m, p.north_m}; }
}  // namespace

std::array<scenario::Point2, 2> turn_points(const scenario::PatrolStation& patrol) {
  const double h_rad = deg_to_rad(patrol.heading_deg);
  const Eigen::Vector2d half_leg_m = 0.5 * patrol.leg_m * Eigen::Vector2d(std::sin(h_rad), std::cos(h_rad));
  const Eigen::Vector2d c = map_m(patrol.station);
  return {scenario::Point2{(c - half_leg_m).x(), (c - half_leg_m).y()},
          scenario::Point2{(c + half_leg_m).x(), (c + half_leg_m).y()}};
}

FighterController::FighterController(const scenario::Scenario& s)
    : squadrons_(s.squadrons),
      assets_(s.assets),
      rearmed_at_s_(s.squadrons.size()),
      scrambled_(s.squadrons.size()) {
  for (std::size_t q = 0; q < squadrons_.size(); ++q) {
    const auto& sq = squadrons_[q];
    ready_.push_back(sq.aircraft);
    if (!sq.patrol) continue;
    ready_[q] -= sq.patrol->on_station;
    for (int i = 0; i < sq.patrol->on_station; ++i) {
      std::optional<std::size_t> at;
      if (sq.patrol->airborne_at_start) at = static_cast<std::size_t>(i % 2);
      scrambled_[q].push_back({0.0, 0, true, at});
    }
  }
}

scenario::Point2 FighterController::base_of(std::size_t squadron) const {
  return assets_[squadrons_[squadron].base_asset].position;
}

bool FighterController::sam_reachable(const messages::TrackState& t, const std::vector<WeaponStatus>& sams) const {
  for (const auto& w : sams) {
    if (w.ready && (t.position_enu_m() - w.p_enu_m).head<2>().norm() <= w.type.max_range_m) return true;
  }
  return false;
}

void FighterController::relieve_patrols(double t_s) {
  for (std::size_t q = 0; q < squadrons_.size(); ++q) {
    if (!squadrons_[q].patrol) continue;
    long on_duty = std::count_if(scrambled_[q].begin(), scrambled_[q].end(), [](const Alert& a) { return a.patrol; });
    for (const auto& [id, f] : airborne_) on_duty += f.squadron == q && f.patrol && !f.returning;
    for (; on_duty < squadrons_[q].patrol->on_station && ready_[q] > 0; ++on_duty) {
      --ready_[q];
      scrambled_[q].push_back({t_s + squadrons_[q].readiness_s, 0, true, std::nullopt});
    }
  }
}

std::vector<std::uint32_t> FighterController::commit(const std::vector<std::uint32_t>& open,
                                                     const std::map<std::uint32_t, messages::TrackState>& tracks,
                                                     const std::map<std::uint32_t, Eigen::Vector3d>& own_positions,
                                                     std::vector<FighterCommand>& commands) {
  std::vector<std::uint32_t> left;
  for (const std::uint32_t track_id : open) {
    const messages::TrackState& track = tracks.at(track_id);
    std::uint32_t best = 0;
    double best_s = 0.0;
    for (const auto& [id, f] : airborne_) {
      const auto pos = own_positions.find(id);
      if (pos == own_positions.end() || f.returning || f.target || f.missile_in_flight || f.missiles == 0) continue;
      const auto meet = predict_intercept(track.position_enu_m(), track.velocity_enu_mps(), pos->second,
                                          squadrons_[f.squadron].speed_mps);
      if (meet && (!best || meet->time_of_flight_s < best_s)) {
        best = id;
        best_s = meet->time_of_flight_s;
      }
    }
    if (!best) {
      left.push_back(track_id);
      continue;
    }
    Airborne& f = airborne_.at(best);
    f.target = track_id;
    f.on_station = false;
    commands.push_back({.kind = FighterCommand::Kind::kCommit,
                        .squadron = f.squadron,
                        .entity_id = best,
                        .track_id = track_id,
                        .patrol = f.patrol,
                        .reason = fmt::format("committed to track {}{}, intercept in {:.0f} s", track_id,
                                              f.patrol ? " from combat air patrol" : "", best_s)});
  }
  return left;
}

void FighterController::patrol(std::uint32_t id, Airborne& f, const Eigen::Vector3d& p_enu_m,
                               std::vector<FighterCommand>& commands) {
  const auto ends = turn_points(*squadrons_[f.squadron].patrol);
  const auto distance_m = [&](std::size_t end) { return (p_enu_m.head<2>() - map_m(ends[end])).norm(); };
  const std::size_t nearer = distance_m(0) <= distance_m(1) ? 0 : 1;
  if (!f.on_station) {
    f.leg_end = nearer;
    if (distance_m(nearer) <= kTurnPointRadius_m) {
      f.on_station = true;
      commands.push_back({.kind = FighterCommand::Kind::kOnStation, .squadron = f.squadron, .entity_id = id,
                          .goal = ends[nearer], .reason = "on combat air patrol station"});
    }
  }
  if (f.on_station && distance_m(f.leg_end) <= kTurnPointRadius_m) f.leg_end = 1 - f.leg_end;
  commands.push_back({.kind = FighterCommand::Kind::kSteer, .squadron = f.squadron, .entity_id = id,
                      .goal = ends[f.leg_end],
                      .reason = f.on_station ? "combat air patrol" : "return to combat air patrol station"});
}

std::vector<FighterCommand> FighterController::step(double t_s, const std::vector<ThreatAssessment>& threats,
                                                    const std::map<std::uint32_t, messages::TrackState>& tracks,
                                                    const std::vector<WeaponStatus>& sams,
                                                    const std::map<std::uint32_t, Eigen::Vector3d>& own_positions) {
  std::vector<FighterCommand> commands;
  relieve_patrols(t_s);
  for (std::size_t q = 0; q < squadrons_.size(); ++q) {
    auto& rearmed = rearmed_at_s_[q];
    const auto done = std::stable_partition(rearmed.begin(), rearmed.end(), [&](double at) { return at > t_s; });
    ready_[q] += static_cast<int>(std::distance(done, rearmed.end()));
    rearmed.erase(done, rearmed.end());
    auto& alerts = scrambled_[q];
    for (auto it = alerts.begin(); it != alerts.end();) {
      if (it->take_off_s > t_s) {
        ++it;
        continue;
      }
      const auto& sq = squadrons_[q];
      FighterCommand launch{.kind = FighterCommand::Kind::kLaunch, .squadron = q, .goal = base_of(q),
                            .track_id = it->target, .altitude_m = sq.altitude_m, .patrol = it->patrol,
                            .reason = fmt::format("take-off against track {}", it->target)};
      if (it->patrol) {
        launch.altitude_m = sq.patrol->altitude_m;
        launch.reason = "take-off for combat air patrol";
        if (it->at_turn_point) {
          launch.goal = turn_points(*sq.patrol)[*it->at_turn_point];
          launch.reason = "airborne on combat air patrol station at the start";
        }
      }
      commands.push_back(launch);
      it = alerts.erase(it);
    }
  }

  std::set<std::uint32_t> covered;  // tracks some fighter is on
  for (const auto& [id, f] : airborne_)
    if (f.target) covered.insert(f.target);
  for (const auto& alerts : scrambled_)
    for (const auto& a : alerts)
      if (a.target) covered.insert(a.target);
  std::vector<std::uint32_t> open;  // ranked tracks that need a fighter
  for (const auto& threat : threats) {
    const auto it = tracks.find(threat.track_id);
    if (it == tracks.end() || covered.count(threat.track_id)) continue;
    if (!sam_reachable(it->second, sams)) open.push_back(threat.track_id);
  }

  for (auto& [id, f] : airborne_) {
    if (!own_positions.count(id)) continue;
    if (!f.returning && !f.missile_in_flight &&
        (f.missiles == 0 || t_s - f.airborne_since_s > squadrons_[f.squadron].endurance_s)) {
      f.returning = true;
      f.target = 0;
    }
    if (f.target && !tracks.count(f.target)) f.target = 0;
  }
  open = commit(open, tracks, own_positions, commands);

  std::vector<std::uint32_t> landed;
  for (auto& [id, f] : airborne_) {
    const auto pos = own_positions.find(id);
    if (pos == own_positions.end()) continue;
    const auto& sq = squadrons_[f.squadron];
    const scenario::Point2 base = base_of(f.squadron);
    if (!f.returning && !f.target && !f.missile_in_flight) {
      if (f.patrol) {
        patrol(id, f, pos->second, commands);
        continue;
      }
      f.returning = true;
    }
    if (f.returning) {
      if ((pos->second.head<2>() - map_m(base)).norm() <= kLandingRadius_m) {
        commands.push_back({FighterCommand::Kind::kLand, f.squadron, id, base, 0, 0.0, Eigen::Vector3d::Zero(),
                            Eigen::Vector3d::Zero(), 0.0, false, "landed"});
        landed.push_back(id);
        rearmed_at_s_[f.squadron].push_back(t_s + sq.readiness_s);
        continue;
      }
      commands.push_back({FighterCommand::Kind::kSteer, f.squadron, id, base, 0, 0.0, Eigen::Vector3d::Zero(),
                          Eigen::Vector3d::Zero(), 0.0, false, "return to base"});
      continue;
    }
    if (!f.target) continue;
    const messages::TrackState& track = tracks.at(f.target);
    const double range_m = (track.position_enu_m() - pos->second).head<2>().norm();
    if (range_m > sq.missile_range_m) {
      const auto pip = predict_intercept(track.position_enu_m(), track.velocity_enu_mps(), pos->second, sq.speed_mps);
      const Eigen::Vector3d goal = pip ? pip->p_enu_m : track.position_enu_m();
      commands.push_back({.kind = FighterCommand::Kind::kSteer, .squadron = f.squadron, .entity_id = id,
                          .goal = {goal.x(), goal.y()}, .track_id = f.target,
                          .reason = fmt::format("intercept track {}", f.target)});
    } else {
      // Hold off: the point standoff_m from the target on the fighter's side of it.
      const Eigen::Vector2d away = pos->second.head<2>() - track.position_enu_m().head<2>();
      const Eigen::Vector2d goal = track.position_enu_m().head<2>() +
                                   (away.norm() > 1.0 ? away.normalized() : Eigen::Vector2d(0.0, 1.0)) * sq.standoff_m;
      commands.push_back({.kind = FighterCommand::Kind::kSteer, .squadron = f.squadron, .entity_id = id,
                          .goal = {goal.x(), goal.y()}, .track_id = f.target,
                          .reason = fmt::format("hold off {:.0f} m from track {}", sq.standoff_m, f.target)});
    }
    if (range_m <= sq.missile_range_m && f.missiles > 0 && !f.missile_in_flight && t_s >= f.next_shot_s) {
      const auto shot = predict_intercept(track.position_enu_m(), track.velocity_enu_mps(), pos->second, sq.missile_speed_mps);
      if (shot) {
        --f.missiles;
        f.missile_in_flight = true;
        commands.push_back({.kind = FighterCommand::Kind::kFire, .squadron = f.squadron, .entity_id = id,
                            .track_id = f.target, .time_of_flight_s = shot->time_of_flight_s, .aim_enu_m = shot->p_enu_m,
                            .cue_enu_m = track.position_enu_m(),
                            .reason = fmt::format("fire at track {} from {:.0f} m", f.target, range_m)});
      }
    }
  }
  for (const std::uint32_t id : landed) airborne_.erase(id);

  // Scramble for what is left: the nearest squadron with an aircraft on alert.
  for (const std::uint32_t track_id : open) {
    const messages::TrackState& track = tracks.at(track_id);
    std::size_t best = squadrons_.size();
    double best_m = 0.0;
    for (std::size_t q = 0; q < squadrons_.size(); ++q) {
      if (ready_[q] <= 0) continue;
      const double d_m = (track.position_enu_m().head<2>() - map_m(base_of(q))).norm();
      if (best == squadrons_.size() || d_m < best_m) {
        best = q;
        best_m = d_m;
      }
    }
    if (best == squadrons_.size()) break;
    --ready_[best];
    scrambled_[best].push_back({t_s + squadrons_[best].readiness_s, track_id, false, std::nullopt});
  }
  return commands;
}

void FighterController::on_launched(double t_s, const FighterCommand& launch, std::uint32_t entity_id) {
  Airborne f{.squadron = launch.squadron, .missiles = squadrons_[launch.squadron].missiles, .target = launch.track_id,
             .airborne_since_s = t_s, .patrol = launch.patrol};
  airborne_[entity_id] = f;
}

void FighterController::on_assessed(std::uint32_t entity_id) {
  const auto it = airborne_.find(entity_id);
  if (it != airborne_.end()) it->second.missile_in_flight = false;
}

void FighterController::on_fire_withheld(double t_s, std::uint32_t entity_id) {
  Airborne& f = airborne_.at(entity_id);
  const auto& radar = squadrons_[f.squadron].radar;
  RAMPART_DEMAND(radar.has_value(), "only a fighter with a radar of its own withholds a shot");
  ++f.missiles;
  f.missile_in_flight = false;
  f.next_shot_s = t_s + radar->scan_period_s;
}

}  // namespace rampart::c2
