// A fire unit cut off from C2 (its data link down: a `link_lost` event naming it) that has a
// radar of its own fights on alone; one without holds fire (it gets no orders).
//
// Its own radars (scenario::own_radars: its fire-control radar, and the surveillance radar it
// names as `own_radar:`) feed its own tracker directly (no link between them), built as the
// central one is (tracking/configure.h, the scenario's tracker section), and a BattleManager of
// its own runs the usual C2 cycle on those tracks only, restricted by c2/self_defence.h: only
// this unit, only the assets within its reach and its own site, weapons tight, no ESM, no
// position reports, IFF through its own radars' interrogators only. Its orders go to the unit at
// once and are marked autonomous; its launches are reported to it at once.
//
// Its tracks are numbered apart from the central tracker's, so that command guidance can tell
// them apart: local id n becomes kLocalTrackBase + unit * kLocalTracksPerUnit + n. When the link
// comes back the loop is dropped with its tracks (Simulation: the unit reports to C2 again) and
// the unit hands its recent engagements over to C2, so that C2 neither fires again at what the
// unit has just engaged nor leaves the unit's missiles unguided: each launch whose aim time is
// not older than C2's kill-assessment delay goes to the central track nearest its aim point at
// its aim time (extrapolated at the track's velocity), when one is within kHandoverGate_m; C2
// takes it as a launch at that track (its kill assessment then judges it) and command guidance
// uplinks that track to the missile if it still flies. A launch no central track matches is not
// handed over (its missile flies on, on its last estimate).
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "c2/battle_manager.h"
#include "scenario/scenario.h"
#include "tracking/configure.h"

namespace rampart::sim {

inline constexpr std::uint32_t kLocalTrackBase = 0x8000'0000u;
inline constexpr std::uint32_t kLocalTracksPerUnit = 1u << 20;
/// How far from a handed-over launch's aim point, at its aim time, the central track it is handed
/// to may be: the aim point is C2's prediction a time of flight ahead (seconds for these units),
/// so the target passes within a few hundred metres of it unless it manoeuvred hard; 1 km takes
/// that and keeps a neighbour 1 km away in a stream of cruise missiles from being taken for it.
inline constexpr double kHandoverGate_m = 1000.0;

class AutonomousUnit {
 public:
  /// Fire unit `unit` of `s`, standing at `at`, fights alone from now on; `assets` are where the
  /// central C2 last placed them; `iff` challenges through the unit's own interrogators only.
  AutonomousUnit(const scenario::Scenario& s, std::size_t unit, const scenario::Point2& at,
                 const std::vector<scenario::Asset>& assets, const tracking::TrackerOptions& tracker,
                 c2::IffChallenge iff);

  std::size_t unit() const { return unit_; }
  /// A batch of plots of one of its own radars, for the next track().
  void receive(messages::PlotBatch batch) { plots_.push_back(std::move(batch)); }
  /// Its tracker processes the batches received since the last call, in the order they came.
  void track();
  /// Its tracks, numbered apart from the central tracker's.
  std::vector<messages::TrackState> tracks() const;
  /// One C2 cycle of its own; `weapon` is the unit's status when it can engage (in action, its
  /// fire-control radar up), else nothing. The orders name the unit by its index in the whole
  /// scenario and are marked autonomous.
  c2::C2Decision step(double t_s, const std::optional<c2::WeaponStatus>& weapon);
  /// Its missile launched at `launch`'s track, aimed at `aim_enu_m`.
  void on_launch(const c2::LaunchReport& launch, const Eigen::Vector3d& aim_enu_m);
  void on_order_dropped(const c2::FireOrder& order) { battle_manager_.on_order_dropped(order); }
  c2::Identity identity(std::uint32_t track_id) const { return battle_manager_.identity(track_id); }
  /// The assets it defends: those within its reach and its own site (the last).
  const std::vector<scenario::Asset>& assets() const { return battle_manager_.assets(); }
  /// What it hands over to C2 at `t_s` when its link comes back (see above): its launches, each
  /// given the id of the track of `central` it is handed to; those matched to none are left out.
  std::vector<c2::LaunchReport> handover(double t_s, double kill_assessment_delay_s,
                                         const std::vector<messages::TrackState>& central) const;

 private:
  std::size_t unit_;
  std::unique_ptr<tracking::Tracker> tracker_;
  std::vector<messages::PlotBatch> plots_;  ///< received, not yet tracked
  struct Launch {
    c2::LaunchReport report;
    Eigen::Vector3d aim_enu_m;
  };
  std::vector<Launch> launches_;
  c2::BattleManager battle_manager_;
};

}  // namespace rampart::sim
