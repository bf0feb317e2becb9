// Scoring: the only part of the run, besides sensors and engagement physics, that reads truth.
//
// Leakers are threats that reached their target asset; each arrival destroys the threat's damage
// fraction of what is left of the asset's value. A confirmed track is false when most of the plots
// that updated it were false alarms.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "engagement/fire_unit.h"
#include "sensors/radar.h"
#include "sim/summary.h"
#include "tracking/types.h"
#include "world/world.h"

namespace rampart::sim {

class Scorer {
 public:
  explicit Scorer(const world::World& world);

  void on_arrivals(const std::vector<world::Arrival>& arrivals, const world::World& world);
  void on_plots(const std::vector<sensors::PlotOrigin>& origins);
  void on_tracker(const tracking::TrackerStepResult& result);
  void on_launches(std::size_t count) { summary_.interceptors_fired += static_cast<int>(count); }
  void on_air_to_air_launch() { ++summary_.air_to_air_fired; }
  void on_resolution(const engagement::Resolution& r, const world::World& world);
  void on_identity(bool became_friend, bool became_hostile);
  void on_blocked() { ++summary_.blocked_engagements; }
  void on_sortie() { ++summary_.fighter_sorties; }
  /// Clears the plot origins of the step (after the tracker has used them).
  void end_step() { step_origins_.clear(); }

  /// The final scores (counts of false tracks are computed here).
  Summary finish(Summary base) const;

 private:
  struct TrackEvidence {
    int target_plots = 0;
    int false_plots = 0;
  };
  Summary summary_;
  std::vector<double> asset_value_left_;
  std::vector<std::string> asset_names_;
  std::unordered_map<std::uint64_t, std::uint32_t> step_origins_;
  std::map<std::uint32_t, TrackEvidence> evidence_;
  std::map<std::uint32_t, bool> confirmed_;
  std::set<std::uint32_t> leaked_;  ///< entities that reached an asset
};

}  // namespace rampart::sim
