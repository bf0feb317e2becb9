// Rules of engagement: which tracks may be engaged where and when.
//
// Weapons control states (NATO usage): free, fire at any target not identified as friend,
// assumed friend or neutral; tight, fire only at targets identified hostile; hold, do not fire.
// The state at a point is that of the smallest active zone containing it, else the default. A
// state ordered while the run goes on (a scripted weapons_control event) applies everywhere,
// zones included, until the next order.
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
  /// Interceptors per engagement: the salvo size, or one under shoot-look-shoot.
  int rounds_per_engagement() const;
  /// Whether a track may be engaged by more than one engagement at a time (the scenario's
  /// multiple_units_per_track): a second fire unit, or in one cycle a second of a unit's slots.
  bool multiple_engagements_per_track() const { return settings_.multiple_units_per_track; }
  const char* name() const;

 private:
  scenario::C2Settings settings_;
  std::optional<scenario::WeaponsControl> ordered_;
};

}  // namespace rampart::c2
