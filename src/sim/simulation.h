// A scenario run: composes the stages of kSchedule and steps them at the base rate.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "c2/battle_manager.h"
#include "engagement/fire_unit.h"
#include "scenario/scenario.h"
#include "sensors/esm.h"
#include "sensors/iff.h"
#include "sensors/radar.h"
#include "sim/recorder.h"
#include "sim/schedule.h"
#include "sim/scorer.h"
#include "sim/summary.h"
#include "tracking/tracker.h"
#include "world/world.h"

namespace rampart::sim {

struct RunOptions {
  std::optional<std::uint64_t> seed;     ///< overrides the scenario's random_seed
  std::optional<std::string> out_dir;    ///< where to write the CSV record
  bool explain = false;                  ///< keep a line for every C2 decision (Simulation::explanations)
};

class Simulation {
 public:
  Simulation(const scenario::Scenario& s, const RunOptions& options);
  ~Simulation();

  /// Runs the whole scenario and returns its scores.
  Summary run();
  /// With RunOptions::explain: why each engagement was ordered or blocked, in time order.
  const std::vector<std::string>& explanations() const { return explanations_; }

 private:
  void run_stage(Stage stage, double t_s);
  void motion(double t_s);
  void sense(double t_s);
  void track();
  void command(double t_s);
  void engage(double t_s);
  void execute(double t_s, const c2::FighterCommand& command);
  void record(double t_s);

  scenario::Scenario scenario_;
  std::uint64_t seed_;
  double t_prev_s_ = 0.0;
  world::World world_;
  std::vector<std::unique_ptr<sensors::SurveillanceRadar>> radars_;
  std::vector<sensors::IffInterrogator> interrogators_;
  std::vector<sensors::EsmReceiver> esm_receivers_;
  std::unique_ptr<tracking::Tracker> tracker_;
  std::unique_ptr<c2::BattleManager> battle_manager_;
  std::vector<engagement::FireUnit> fire_units_;
  engagement::Engagements engagements_;
  Recorder recorder_;
  Scorer scorer_;
  std::vector<sensors::Look> looks_;  ///< produced by the sensors, consumed by the tracker
  std::vector<c2::EsmBearing> esm_bearings_;  ///< heard since the last C2 cycle
  std::uint64_t next_plot_id_ = 1;
  bool explain_ = false;
  int sorties_ = 0;
  std::vector<std::string> explanations_;
};

}  // namespace rampart::sim
