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
