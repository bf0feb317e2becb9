#include "c2/fighters.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "c2/intercept.h"

namespace rampart::c2 {

FighterController::FighterController(const scenario::Scenario& s)
    : squadrons_(s.squadrons),
      assets_(s.assets),
      rearmed_at_s_(s.squadrons.size()),
      scrambled_(s.squadrons.size()) {
  for (const auto& q : squadrons_) ready_.push_back(q.aircraft);
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

std::vector<FighterCommand> FighterController::step(double t_s, const std::vector<ThreatAssessment>& threats,
                                                    const std::map<std::uint32_t, messages::TrackState>& tracks,
                                                    const std::vector<WeaponStatus>& sams,
                                                    const std::map<std::uint32_t, Eigen::Vector3d>& own_positions) {
  std::vector<FighterCommand> commands;
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
      commands.push_back({FighterCommand::Kind::kLaunch, q, 0, base_of(q), it->target, 0.0, Eigen::Vector3d::Zero(),
                          fmt::format("take-off against track {}", it->target)});
      it = alerts.erase(it);
    }
  }

  std::set<std::uint32_t> covered;  // tracks some fighter is on
  for (const auto& [id, f] : airborne_)
    if (f.target) covered.insert(f.target);
  for (const auto& alerts : scrambled_)
    for (const auto& a : alerts) covered.insert(a.target);
  std::vector<std::uint32_t> open;  // ranked tracks that need a fighter
  for (const auto& threat : threats) {
    const auto it = tracks.find(threat.track_id);
    if (it == tracks.end() || covered.count(threat.track_id)) continue;
    if (!sam_reachable(it->second, sams)) open.push_back(threat.track_id);
  }

  std::vector<std::uint32_t> landed;
  for (auto& [id, f] : airborne_) {
    const auto pos = own_positions.find(id);
    if (pos == own_positions.end()) continue;
    const auto& sq = squadrons_[f.squadron];
    const scenario::Point2 base = base_of(f.squadron);
    if (!f.returning && !f.missile_in_flight &&
        (f.missiles == 0 || t_s - f.airborne_since_s > sq.endurance_s)) {
      f.returning = true;
      f.target = 0;
    }
    if (f.target && !tracks.count(f.target)) f.target = 0;
    if (!f.returning && !f.target && !f.missile_in_flight) {
      if (!open.empty()) {
        f.target = open.front();
        open.erase(open.begin());
      } else {
        f.returning = true;
      }
    }
    if (f.returning) {
      if ((pos->second.head<2>() - Eigen::Vector2d(base.east_m, base.north_m)).norm() <= kLandingRadius_m) {
        commands.push_back({FighterCommand::Kind::kLand, f.squadron, id, base, 0, 0.0, Eigen::Vector3d::Zero(), "landed"});
        landed.push_back(id);
        rearmed_at_s_[f.squadron].push_back(t_s + sq.readiness_s);
        continue;
      }
      commands.push_back({FighterCommand::Kind::kSteer, f.squadron, id, base, 0, 0.0, Eigen::Vector3d::Zero(), "return to base"});
      continue;
    }
    if (!f.target) continue;
    const messages::TrackState& track = tracks.at(f.target);
    const double range_m = (track.position_enu_m() - pos->second).head<2>().norm();
    if (range_m > sq.missile_range_m) {
      const auto pip = predict_intercept(track.position_enu_m(), track.velocity_enu_mps(), pos->second, sq.speed_mps);
      const Eigen::Vector3d goal = pip ? pip->p_enu_m : track.position_enu_m();
      commands.push_back({FighterCommand::Kind::kSteer, f.squadron, id, {goal.x(), goal.y()}, f.target, 0.0,
                          Eigen::Vector3d::Zero(), fmt::format("intercept track {}", f.target)});
    } else {
      // Hold off: the point standoff_m from the target on the fighter's side of it.
      const Eigen::Vector2d away = pos->second.head<2>() - track.position_enu_m().head<2>();
      const Eigen::Vector2d goal = track.position_enu_m().head<2>() +
                                   (away.norm() > 1.0 ? away.normalized() : Eigen::Vector2d(0.0, 1.0)) * sq.standoff_m;
      commands.push_back({FighterCommand::Kind::kSteer, f.squadron, id, {goal.x(), goal.y()}, f.target, 0.0,
                          Eigen::Vector3d::Zero(), fmt::format("hold off {:.0f} m from track {}", sq.standoff_m, f.target)});
    }
    if (range_m <= sq.missile_range_m && f.missiles > 0 && !f.missile_in_flight) {
      const auto shot = predict_intercept(track.position_enu_m(), track.velocity_enu_mps(), pos->second, sq.missile_speed_mps);
      if (shot) {
        --f.missiles;
        f.missile_in_flight = true;
        commands.push_back({FighterCommand::Kind::kFire, f.squadron, id, {}, f.target, shot->time_of_flight_s,
                            shot->p_enu_m, fmt::format("fire at track {} from {:.0f} m", f.target, range_m)});
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
      const scenario::Point2 b = base_of(q);
      const double d_m = (track.position_enu_m().head<2>() - Eigen::Vector2d(b.east_m, b.north_m)).norm();
      if (best == squadrons_.size() || d_m < best_m) {
        best = q;
        best_m = d_m;
      }
    }
    if (best == squadrons_.size()) break;
    --ready_[best];
    scrambled_[best].push_back({t_s + squadrons_[best].readiness_s, track_id});
  }
  return commands;
}

void FighterController::on_launched(double t_s, const FighterCommand& launch, std::uint32_t entity_id) {
  airborne_[entity_id] = {launch.squadron, squadrons_[launch.squadron].missiles, launch.track_id, false, false, t_s};
}

void FighterController::on_assessed(std::uint32_t entity_id) {
  const auto it = airborne_.find(entity_id);
  if (it != airborne_.end()) it->second.missile_in_flight = false;
}

}  // namespace rampart::c2
