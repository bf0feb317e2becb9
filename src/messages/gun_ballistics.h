// A gun's exterior ballistics and burst timing as C2 and the gun mount both predict them
// (engagement/gun.h resolves the bursts; c2/feasible_engagements.h offers them).
//
// The projectile flies straight from the muzzle with quadratic drag at sea-level density and no
// gravity along its path (the fire control lays the gun to allow for the drop; at a C-RAM's
// ranges of a few kilometres and times of flight of a few seconds the density and the path's
// curvature change little):
//   dv/dt = -k v^2,  k = rho_0 C_d A / (2 m),  rho_0 = 1.225 kg/m^3
// so along the path dv/ds = -k v, v(s) = v_0 exp(-k s), and the time to cover the slant range s
//   t(s) = (exp(k s) - 1) / (k v_0)        (t -> s / v_0 as k -> 0).
// (McCoy, "Modern Exterior Ballistics", ch. 2: the flat-fire point-mass trajectory.) With
// v_0 = 1100 m/s and C_d A / m = 4e-4 m^2/kg: k = 2.45e-4 /m, t(1000 m) = 1.030 s, and the round
// arrives at 860 m/s.
//
// A burst of n rounds at a rate of fire of r rounds per minute lasts (n - 1) 60 / r seconds. The
// fire control aims the whole burst at the target's predicted position when its middle round
// arrives: fired burst_s / 2 after the first round, that round takes t(R) to the slant range R
// where the target then is. From the target's position p (relative to the gun) and velocity v at
// the first round, the arrival time T from the first round solves
//   T = burst_s / 2 + t(|p + v T|)
// by fixed-point iteration (a contraction while the target is much slower than the round).
#pragma once

#include <Eigen/Core>
#include <optional>

namespace rampart::messages {

/// Sea-level air density in the projectile's drag.
constexpr double kGunAirDensity_kgpm3 = 1.225;

struct GunCharacteristics {
  double rate_of_fire_rpm = 3000.0;       ///< rounds per minute while firing
  int burst_rounds = 100;                 ///< rounds per burst
  int ammunition_rounds = 1500;           ///< rounds a mount carries (no reload in action)
  double muzzle_velocity_mps = 1000.0;
  double drag_area_per_mass_m2pkg = 4e-4; ///< C_d A / m of the projectile
  double dispersion_mrad = 2.0;           ///< standard deviation of a round's direction, each axis
  /// The fire control's error in the target's velocity, each axis: its prediction misses by
  /// prediction_error_mps x time of flight.
  double prediction_error_mps = 2.0;
  double kill_given_hit = 0.3;            ///< a round that hits kills with this probability (vulnerability 1)

  /// k = rho_0 C_d A / (2 m), per metre.
  double drag_per_m() const { return 0.5 * kGunAirDensity_kgpm3 * drag_area_per_mass_m2pkg; }
  /// t(s) above: the time of flight to the slant range range_m.
  double time_of_flight_s(double range_m) const;
  /// The projectile's speed at range_m: v_0 exp(-k s).
  double speed_at_mps(double range_m) const;
  /// (n - 1) 60 / r: from the first round to the last.
  double burst_s() const;
};

/// When and where the middle round of a burst meets the target.
struct BurstArrival {
  double time_s = 0.0;          ///< from the first round: burst_s / 2 + time of flight
  double time_of_flight_s = 0.0;
  double range_m = 0.0;         ///< slant range from the gun then
};

/// The arrival against a target at p_rel_m from the gun moving at v_mps (straight, constant
/// speed), solved as above; none when the iteration does not settle (a target about as fast as
/// the round, going away).
std::optional<BurstArrival> burst_arrival(const GunCharacteristics& gun, const Eigen::Vector3d& p_rel_m,
                                          const Eigen::Vector3d& v_mps);

}  // namespace rampart::messages
