#include "engagement/gun.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "engagement/kill_probability.h"

namespace rampart::engagement {

double presented_radius_m(std::string_view kind) {
  if (kind == "strike_aircraft" || kind == "fighter" || kind == "transport" || kind == "airborne_early_warning")
    return 3.0;
  if (kind == "helicopter") return 2.0;
  if (kind == "ballistic_missile") return 0.5;
  if (kind == "drone") return 0.6;
  if (kind == "cruise_missile") return 0.35;
  if (kind == "anti_radiation_missile") return 0.2;
  return 1.0;
}

double round_miss_sigma_m(const messages::GunCharacteristics& gun, double range_m, double time_of_flight_s) {
  return std::hypot(gun.dispersion_mrad * 1e-3 * range_m, gun.prediction_error_mps * time_of_flight_s);
}

double burst_kill_probability(const messages::GunCharacteristics& gun, int rounds, double range_m,
                              std::string_view kind) {
  const double sigma_m = round_miss_sigma_m(gun, range_m, gun.time_of_flight_s(range_m));
  const double a_m = presented_radius_m(kind);
  const double p_hit = sigma_m > 0.0 ? -std::expm1(-a_m * a_m / (2.0 * sigma_m * sigma_m)) : 1.0;
  const double p_round = p_hit * gun.kill_given_hit * vulnerability(kind);
  return 1.0 - std::pow(1.0 - p_round, rounds);
}

double planning_kill_probability(const messages::GunCharacteristics& gun, double max_range_m) {
  return burst_kill_probability(gun, gun.burst_rounds, max_range_m / 2.0, "drone");
}

Gun::Gun(std::size_t index, const scenario::FireUnit& spec, const scenario::WeaponType& type,
         const Eigen::Vector3d& p_enu_m)
    : index_(index), spec_(spec), type_(type), p_enu_m_(p_enu_m), ammunition_rounds_(type.gun->ammunition_rounds) {}

int Gun::rounds_left() const {
  const int burst = type_.gun->burst_rounds;
  return (ammunition_rounds_ + burst - 1) / burst;
}

messages::WeaponStatus Gun::status() const {
  return {index_, p_enu_m_, type_, type_.fire_control_channels - channels_busy_, rounds_left(), true,
          fire_control_site_m(spec_)};
}

std::vector<Interceptor> Gun::launch(double t_s, const messages::FireOrder& order) {
  RAMPART_DEMAND(channels_busy_ + order.rounds <= type_.fire_control_channels, "burst without a free channel");
  RAMPART_DEMAND(order.rounds <= rounds_left(), "more bursts ordered than the ammunition holds");
  channels_busy_ += order.rounds;
  std::vector<Interceptor> out = interceptors_for(order, spec_.name, type_, t_s + type_.reaction_time_s, p_enu_m_);
  for (auto& m : out) {
    const int rounds = std::min(type_.gun->burst_rounds, ammunition_rounds_);
    ammunition_rounds_ -= rounds;
    m.burst = GunBurst{*type_.gun, rounds, type_.max_range_m};
    m.fire_control_site_m = fire_control_site_m(spec_);
  }
  return out;
}

void Gun::release_channel() {
  RAMPART_DEMAND(channels_busy_ > 0, "release of a channel that is not busy");
  --channels_busy_;
}

}  // namespace rampart::engagement
