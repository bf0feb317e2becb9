// A gun mount (C-RAM, point-defence gun): the effector kind that fires bursts of unguided rounds
// (messages/gun_ballistics.h has the projectile's flight and the burst's timing). To C2 a gun's
// "rounds" are bursts: it reports ceil(ammunition / burst_rounds) of them ready, one
// fire-control channel per burst in the air (fire_control_channels, 1 by default: one mount, one
// target at a time), and its weapon type's kill_probability is the planning figure below. It
// fires reaction_time_s after the order (detection hand-over, slew and settle). Engagements
// (engagements.h) resolves each burst: at its first round the fire control takes the entity
// nearest C2's track estimate within seeker_basket_m (its tracking gate), predicts the middle
// round's arrival (burst_arrival), and then draws the kill from the stream (seed, burst id, kill).
//
// Kill probability of a burst (the classic dispersion model: Przemieniecki, "Mathematical Methods
// in Defense Analyses", 3rd ed., ch. 4; Ball, ch. 5 on the vulnerable area): every round misses
// the aim point by a circular Gaussian of standard deviation, per axis,
//   sigma^2 = (dispersion_mrad 1e-3 R)^2 + (prediction_error_mps t_f)^2
// (the gun's dispersion at slant range R, and the fire control's velocity error carried over
// the time of flight t_f). A round hits when it passes within the target's presented radius a:
//   p_hit = 1 - exp(-a^2 / (2 sigma^2))            (the Rayleigh distribution's CDF at a)
// It kills with kill_given_hit x vulnerability(kind) (kill_probability.h), and the rounds are
// taken as independent:
//   Pk_burst = 1 - (1 - p_hit kill_given_hit vulnerability)^n.
// (Independent rounds overstate a burst a little: the prediction error is common to all rounds
// of one burst.) Hand-worked: 100 rounds, 2 mrad, 2 m/s, 1100 m/s, C_d A / m 4e-4, kill given hit
// 0.3, a drone (a = 0.6 m) at 1000 m: t_f = 1.0301 s, sigma^2 = 4 + 4.2447 m^2, p_hit = 0.02160,
// Pk_burst = 0.4779.
//
// The presented radius a of a target kind (notional: the radius of a disc of the area the
// target shows the gun, head-on for an inbound target):
//   strike_aircraft, fighter, transport, airborne_early_warning  3.0 m
//   helicopter 2.0 m, ballistic_missile 0.5 m, drone 0.6 m, cruise_missile 0.35 m,
//   anti_radiation_missile 0.2 m; any other kind 1.0 m.
#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "engagement/effector.h"
#include "scenario/scenario.h"

namespace rampart::engagement {

double presented_radius_m(std::string_view kind);

/// The standard deviation, per axis, of a round's miss at slant range range_m after time_of_flight_s.
double round_miss_sigma_m(const messages::GunCharacteristics& gun, double range_m, double time_of_flight_s);

/// Pk_burst above, of `rounds` rounds at slant range range_m against a target of `kind`.
double burst_kill_probability(const messages::GunCharacteristics& gun, int rounds, double range_m, std::string_view kind);

/// C2's planning figure, the weapon type's kill_probability: one full burst at half of
/// max_range_m against a drone.
double planning_kill_probability(const messages::GunCharacteristics& gun, double max_range_m);

class Gun final : public Effector {
 public:
  Gun(std::size_t index, const scenario::FireUnit& spec, const scenario::WeaponType& type, const Eigen::Vector3d& p_enu_m);

  const std::string& name() const override { return spec_.name; }
  messages::WeaponStatus status() const override;
  /// Bursts left (the last one may be short).
  int rounds_left() const override;
  int update(double) override { return 0; }  // no reloading in action
  std::vector<Interceptor> launch(double t_s, const messages::FireOrder& order) override;
  void release_channel() override;

 private:
  std::size_t index_;
  scenario::FireUnit spec_;
  scenario::WeaponType type_;
  Eigen::Vector3d p_enu_m_;
  int ammunition_rounds_;
  int channels_busy_ = 0;
};

}  // namespace rampart::engagement
