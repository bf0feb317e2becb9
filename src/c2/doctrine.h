// Rules of engagement: which tracks may be engaged where and when.
//
// Weapons control states (NATO usage): free, fire at any target not identified as friend,
// assumed friend or neutral; tight, fire only at targets identified hostile; hold, do not fire.
// The state at a point is that of the smallest active zone containing it, else the default. A
// state ordered while the run goes on (a scripted weapons_control event) applies everywhere,
// zones included, until the next order.
//
// Fire doctrine. Against aircraft, cruise missiles and the like the scenario's doctrine holds:
// shoot-look-shoot (one round, then a second engagement only after the kill assessment's look)
// or a salvo of salvo_size. Against a track C2 classifies ballistic (ballistic.h) it is always a
// salvo of ballistic_salvo rounds (default 2), launched ballistic_salvo_interval_s apart
// (default 3 s). Why: a ballistic missile that leaks costs its asset at once and cannot be
// re-engaged below the debris floor, and there is seldom time to look; in mixed_raid the missile
// enters the upper tier's window some 40 s before it falls through the 12 km floor, the round
// flies about 23 s and the kill assessment looks 15 s after the intercept, so a second
// shoot-look-shoot round would launch after the window has closed. N independent rounds of
// single-shot kill probability p kill with 1 - (1 - p)^N (0.79 for two of mixed_raid's 0.54,
// 0.90 for three); the rounds leave a few seconds apart so that the second is not flying into
// the first one's debris and meets the missile a few kilometres lower, still above the floor.
#pragma once

#include <Eigen/Core>
#include <optional>

#include "c2/identity.h"
#include "scenario/scenario.h"

namespace rampart::c2 {

class Doctrine {
 public:
  explicit Doctrine(const scenario::C2Settings& settings) : settings_(settings) {}

  scenario::WeaponsControl control_at(const Eigen::Vector3d& p_enu_m, double t_s) const;
  /// Orders a weapons control state for the whole defended area.
  void order(scenario::WeaponsControl control) { ordered_ = control; }
  /// Whether a track of this identity may be engaged under this weapons control state.
  static bool permits(Identity identity, scenario::WeaponsControl control);
  /// Interceptors per engagement: against a ballistic track ballistic_salvo, else the salvo
  /// size, or one under shoot-look-shoot.
  int rounds_per_engagement(bool ballistic) const;
  /// The time between the launches of one engagement's rounds: ballistic_salvo_interval_s
  /// against a ballistic track, else 0 (a salvo leaves together).
  double round_interval_s(bool ballistic) const;
  /// Whether a track may be engaged by more than one engagement at a time (the scenario's
  /// multiple_units_per_track): a second fire unit, or in one cycle a second of a unit's slots.
  bool multiple_engagements_per_track() const { return settings_.multiple_units_per_track; }
  const char* name() const;

 private:
  scenario::C2Settings settings_;
  std::optional<scenario::WeaponsControl> ordered_;
};

}  // namespace rampart::c2
