#include "engagement/fire_unit.h"

#include <algorithm>

#include "core/error.h"

namespace rampart::engagement {

FireUnit::FireUnit(std::size_t index, const scenario::FireUnit& spec, const scenario::WeaponType& type,
                   const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& fire_control_antenna_m)
    : index_(index),
      spec_(spec),
      type_(type),
      p_enu_m_(p_enu_m),
      fire_control_antenna_m_(fire_control_antenna_m),
      launchers_(static_cast<std::size_t>(spec.launchers), Launcher{spec.rounds_per_launcher, -1.0}),
      reserve_(spec.reload_rounds) {}

int FireUnit::update(double t_s) {
  int loaded = 0;
  bool reloading = false;
  for (auto& l : launchers_) {
    if (l.reload_done_s >= 0.0 && t_s >= l.reload_done_s) {
      const int taken = std::min(spec_.rounds_per_launcher - l.ready, reserve_);
      l.ready += taken;
      reserve_ -= taken;
      loaded += taken;
      l.reload_done_s = -1.0;
    }
    reloading = reloading || l.reload_done_s >= 0.0;
  }
  // The crew reloads one launcher at a time.
  if (reloading || reserve_ <= 0) return loaded;
  for (auto& l : launchers_) {
    if (l.ready == 0) {
      l.reload_done_s = t_s + type_.reload_time_s;
      return loaded;
    }
  }
  return loaded;
}

messages::WeaponStatus FireUnit::status() const {
  int ready = 0;
  for (const auto& l : launchers_) ready += l.ready;
  return {index_, p_enu_m_, type_, type_.fire_control_channels - channels_busy_, ready, ready_, fire_control_site_m()};
}

Eigen::Vector3d FireUnit::fire_control_site_m() const {
  if (spec_.fire_control_radar) return fire_control_antenna_m_;  // a fixed radar of its own (loader)
  return engagement::fire_control_site_m(spec_);
}

void FireUnit::deploy(const scenario::Point2& position, double site_alt_m, const Eigen::Vector3d& p_enu_m,
                      bool ready) {
  spec_.position = position;
  spec_.site_alt_m = site_alt_m;
  p_enu_m_ = p_enu_m;
  ready_ = ready;
}

std::vector<Interceptor> FireUnit::launch(double t_s, const messages::FireOrder& order) {
  int rounds = order.rounds;
  RAMPART_DEMAND(ready_, "launch by a fire unit that is not emplaced");
  RAMPART_DEMAND(channels_busy_ + rounds <= type_.fire_control_channels, "launch without free channels");
  channels_busy_ += rounds;
  for (auto& l : launchers_) {
    while (rounds > 0 && l.ready > 0) {
      --l.ready;
      --rounds;
    }
  }
  RAMPART_DEMAND(rounds == 0, "launch of more rounds than are ready");
  std::vector<Interceptor> out = interceptors_for(order, spec_.name, type_, t_s + type_.reaction_time_s, p_enu_m_);
  for (auto& m : out) m.fire_control_site_m = fire_control_site_m();
  return out;
}

void FireUnit::release_channel() {
  RAMPART_DEMAND(channels_busy_ > 0, "release of a channel that is not busy");
  --channels_busy_;
}

int FireUnit::rounds_left() const { return status().ready_rounds + reserve_; }

}  // namespace rampart::engagement
