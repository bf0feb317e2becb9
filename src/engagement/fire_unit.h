// A surface-to-air fire unit: launchers holding ready rounds, a reserve to reload them (one
// launcher at a time takes reload_time_s), and fire-control channels: each interceptor in flight
// holds one (command guidance), so at most `fire_control_channels` of its interceptors are
// ordered or in flight at once (its fire-control radar's channels when it has one:
// make_fire_units). It launches reaction_time_s (its weapon type's) after it receives an order;
// the rounds and channels are committed at receipt. A mobile one moves and is ready or not as its
// MobileUnit (world/mobile_unit.h) says; C2 learns both from its status.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engagement/effector.h"
#include "scenario/scenario.h"

namespace rampart::engagement {


class FireUnit final : public Effector {
 public:
  /// `type` with the unit's channels; `fire_control_antenna_m` the antenna that guides its
  /// interceptors (scenario::fire_control_antenna_m; a mobile unit's follows its site).
  FireUnit(std::size_t index, const scenario::FireUnit& spec, const scenario::WeaponType& type,
           const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& fire_control_antenna_m);

  const std::string& name() const override { return spec_.name; }
  messages::WeaponStatus status() const override;
  int rounds_left() const override;
  /// Reloads empty launchers whose reload time has passed; returns the rounds loaded.
  int update(double t_s) override;
  std::vector<Interceptor> launch(double t_s, const messages::FireOrder& order) override;
  void release_channel() override;

  /// A mobile unit (world/mobile_unit.h) stands at `position` on ground site_alt_m high, at
  /// p_enu_m in the scenario frame, and can launch only when `ready`.
  void deploy(const scenario::Point2& position, double site_alt_m, const Eigen::Vector3d& p_enu_m, bool ready);
  /// A fire-control channel guides an interceptor, or an order's rounds wait for their launch.
  bool busy() const { return channels_busy_ > 0; }

 private:
  struct Launcher {
    int ready = 0;
    double reload_done_s = -1.0;  ///< >= 0 while a reload is under way
  };
  /// Its fire-control radar's antenna in map coordinates (east_m, north_m, alt_m): its own radar's
  /// when it names one (fixed), else its site's raised by antenna_height_m (moving with it).
  Eigen::Vector3d fire_control_site_m() const;

  std::size_t index_;
  scenario::FireUnit spec_;
  scenario::WeaponType type_;
  Eigen::Vector3d p_enu_m_;
  Eigen::Vector3d fire_control_antenna_m_;
  std::vector<Launcher> launchers_;
  int reserve_;
  int channels_busy_ = 0;
  bool ready_ = true;
};

}  // namespace rampart::engagement
