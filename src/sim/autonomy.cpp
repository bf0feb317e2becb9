#include "sim/autonomy.h"

#include "c2/self_defence.h"
#include "core/error.h"

namespace rampart::sim {

AutonomousUnit::AutonomousUnit(const scenario::Scenario& s, std::size_t unit, const scenario::Point2& at,
                               const std::vector<scenario::Asset>& assets, const tracking::TrackerOptions& tracker,
                               c2::IffChallenge iff)
    : unit_(unit),
      tracker_(tracking::make_tracker(tracker)),
      battle_manager_(c2::self_defence_scenario(s, unit, at, assets), std::move(iff)) {
  battle_manager_.doctrine().order(c2::kAutonomousWeaponsControl);
}

void AutonomousUnit::track() {
  for (const auto& batch : plots_) tracker_->process(batch);
  plots_.clear();
}

std::vector<messages::TrackState> AutonomousUnit::tracks() const {
  std::vector<messages::TrackState> tracks = tracker_->tracks();
  for (auto& t : tracks) {
    RAMPART_DEMAND(t.id < kLocalTracksPerUnit, "a cut-off unit's tracker numbers fewer than 2^20 tracks");
    t.id += kLocalTrackBase + static_cast<std::uint32_t>(unit_) * kLocalTracksPerUnit;
  }
  return tracks;
}

void AutonomousUnit::on_launch(const c2::LaunchReport& launch, const Eigen::Vector3d& aim_enu_m) {
  battle_manager_.on_launch(launch);
  launches_.push_back({launch, aim_enu_m});
}

std::vector<c2::LaunchReport> AutonomousUnit::handover(double t_s, double kill_assessment_delay_s,
                                                       const std::vector<messages::TrackState>& central) const {
  std::vector<c2::LaunchReport> out;
  for (const auto& launch : launches_) {
    if (launch.report.intercept_t_s < t_s - kill_assessment_delay_s) continue;  // judged already
    const messages::TrackState* nearest = nullptr;
    double nearest_m = kHandoverGate_m;
    for (const auto& track : central) {
      if (track.status != messages::TrackStatus::kConfirmed) continue;
      const double d_m = (track.position_at(launch.report.intercept_t_s) - launch.aim_enu_m).norm();
      if (d_m <= nearest_m) {
        nearest_m = d_m;
        nearest = &track;
      }
    }
    if (!nearest) continue;
    out.push_back(launch.report);
    out.back().track_id = nearest->id;
  }
  return out;
}

c2::C2Decision AutonomousUnit::step(double t_s, const std::optional<c2::WeaponStatus>& weapon) {
  std::vector<c2::WeaponStatus> weapons;
  if (weapon) {
    weapons.push_back(*weapon);
    weapons.back().fire_unit = 0;  // the only unit of its loop
  }
  c2::C2Decision decision = battle_manager_.step(t_s, tracks(), weapons);
  for (auto& order : decision.orders) {
    order.fire_unit = unit_;
    order.autonomous = true;
  }
  return decision;
}

}  // namespace rampart::sim
