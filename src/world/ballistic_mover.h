// The ballistic mover: a ballistic missile's boost, free flight and re-entry on the WGS-84 Earth,
// from its launch point to its aim point (the first and second points of its route).
//
// Equations of motion, integrated in ECEF (the Earth-fixed, rotating frame) with fourth-order
// Runge-Kutta steps of at most kStep_s:
//     r'' = gamma(r) - 2 Omega x r' + a_T(t) + a_D,
// gamma the WGS-84 normal gravity (GeographicLib::NormalGravity::WGS84().U: the attraction of
// the level ellipsoid, J2 and every higher zonal term of the normal field, plus the centrifugal
// acceleration of the rotating frame; Moritz, Geodetic Reference System 1980; NIMA TR8350.2),
// -2 Omega x r' the Coriolis acceleration, Omega the Earth's rate along the ECEF z axis.
//   Boost (0 <= t < burn_time_s): a thrust acceleration of constant magnitude a_T along a gravity
// turn (Wiesel, "Spaceflight Dynamics", 2nd ed., sec. 7.4; Curtis, "Orbital Mechanics for
// Engineering Students", sec. 11.3), in the vertical plane of the launch azimuth az:
//   - vertical rise, 0 <= t < kVerticalRise burn_time_s: u = up of the launch site;
//   - pitch-over kick, for the next kKick burn_time_s: u = (sin k sin az, sin k cos az, cos k)
//     in the launch site's ENU axes, tilted by the kick angle k from the vertical;
//   - gravity turn, to burnout: u = r' / |r'|, the thrust along the velocity relative to the
//     air (the Earth), so that only gravity turns it: d gamma / dt = -(g / v) cos gamma (flat
//     Earth, gamma the flight-path angle above the local horizontal).
// With the thrust along the velocity, the pitch at burnout is the flight-path angle at burnout,
// gamma_bo = asin(up . r' / |r'|) with `up` the geodetic normal at the missile: burnout_pitch_deg.
//   Drag (all the flight, against the air turning with the Earth, i.e. r' in ECEF):
// a_D = -rho(h) |r'| r' / (2 beta), beta = m / (Cd A) the ballistic coefficient, with the
// exponential atmosphere of core/atmosphere.h, rho(h) = 1.225 kg/m^3 exp(-h / 8500 m).
//   Impact: the flight ends where the altitude falls to the ground height (the terrain's, or 0 m),
// found by linear interpolation in the last step; the mover is then finished there.
//
// Aiming. Before it flies, the mover solves for the thrust a_T, the kick k and the launch
// azimuth az that make the flight-path angle at burnout burnout_pitch_deg and put the impact on
// the aim point. Starting from the flat-Earth vacuum shot, v_bo = sqrt(g R / sin(2 gamma_bo)),
// a_T = v_bo / burn_time_s + g, a kick of kInitialKick_rad and the map bearing, each aim
// iteration (at most kAimIterations) first solves k by the secant method on the burnout
// flight-path angle (flying the boost only; gamma_bo falls as k grows) to within
// kFlightPathTolerance_rad, then flies the whole trajectory; it stops when the miss is under
// kAimTolerance_m, else corrects a_T by the secant method on the down-range miss and az by the
// cross-range miss over the range.
//
// What it gives (bench/engagement_figures_bench (e)): mixed_raid's Scud-N (298 km, 60 s burn,
// gamma_bo 40 deg) burns out at 34 km and 1550 m/s, peaks at 84 km and comes down at 55 deg, as
// a real 300 km-class missile does (80 to 90 km). The linear pitch program from the vertical to
// the burnout pitch that it replaces left the velocity far steeper than the thrust at burnout:
// at 45 deg that shot climbed to 158 km and dived at 64 deg.
//
// It reports its state in map coordinates (LocalFrame::map_point) and its velocity as their
// time derivative, d/dt map_point(r(t)), by the central difference over +-kVelocityStep_s along
// r': the same differentiation every mover's velocity obeys.
#pragma once

#include <Eigen/Core>
#include <memory>

#include "core/geodesy.h"
#include "environment/terrain.h"
#include "world/mover.h"

namespace rampart::world {

class BallisticMover final : public Mover {
 public:
  static constexpr double kStep_s = 0.05;
  static constexpr double kVerticalRise = 0.03;  ///< of the burn
  static constexpr double kKick = 0.05;          ///< of the burn
  static constexpr double kInitialKick_rad = 0.1;
  static constexpr double kFlightPathTolerance_rad = 1e-5;
  static constexpr double kAimTolerance_m = 10.0;
  static constexpr int kAimIterations = 12;
  static constexpr double kVelocityStep_s = 0.01;

  /// Solves the aim (see above); `terrain` may be null (sea level everywhere).
  BallisticMover(const scenario::Point2& launch, const scenario::Point2& aim, const scenario::BallisticSpec& spec,
                 const Geodetic& origin, std::shared_ptr<const environment::Terrain> terrain);

  MoverState advance(double flight_time_s, double dt_s) override;

  /// The thrust acceleration, pitch-over kick and launch azimuth of the aim solution.
  double thrust_mps2() const { return thrust_mps2_; }
  double kick_rad() const { return kick_rad_; }
  double launch_azimuth_rad() const { return azimuth_rad_; }

  struct State {
    Eigen::Vector3d r_ecef_m;
    Eigen::Vector3d v_ecef_mps;
    double t_s = 0.0;
  };

  /// The state after one Runge-Kutta step of dt_s (a function of the aim solution).
  State stepped(const State& s, double dt_s) const;
  /// r'' at a state.
  Eigen::Vector3d acceleration(const State& s) const;
  /// The state at launch (at rest on the launch point) and at burnout (t = burn_time_s).
  State launch_state() const;
  State burnout_state() const;
  /// The flight-path angle of a state: the angle of r' above the local horizontal (geodetic).
  static double flight_path_rad(const State& s);

 private:
  /// Flies a whole trajectory from launch with the current aim; the map point of the impact.
  Eigen::Vector3d impact_map_m() const;
  /// Sets kick_rad_ to the kick that gives the burnout flight-path angle burnout_pitch_deg.
  void solve_kick();
  /// Steps the state by dt_s (in steps of at most kStep_s) until the impact; true on impact,
  /// with the state at the impact.
  bool fly(State& s, double dt_s) const;
  MoverState state_of(const State& s) const;

  scenario::BallisticSpec spec_;
  LocalFrame frame_;
  std::shared_ptr<const environment::Terrain> terrain_;
  Geodetic launch_;
  Eigen::Matrix3d ecef_from_launch_enu_;
  double thrust_mps2_ = 0.0;
  double kick_rad_ = kInitialKick_rad;
  double azimuth_rad_ = 0.0;
  State state_;
  bool finished_ = false;
};

/// The coast from a burnout state without drag about a spherical Earth (the WGS-84 GM, no J2),
/// in the inertial frame whose axes are the ECEF axes at burnout: a Kepler ellipse (Curtis,
/// "Orbital Mechanics for Engineering Students", ch. 2). With r0 and the inertial velocity
/// v = r0' + Omega x r0, energy e = v^2 / 2 - mu / r0, h = |r0 x v|, p = h^2 / mu and
/// ecc = sqrt(1 + 2 e h^2 / mu^2): the apogee radius p / (1 - ecc), and the central angle from
/// burnout to the radius impact_radius_m on the way down, theta1 - theta0 with
/// cos theta = (p / r - 1) / ecc, theta0 in (0, pi) (climbing), theta1 in (pi, 2 pi).
struct KeplerCoast {
  double apogee_radius_m = 0.0;
  double central_angle_rad = 0.0;
};
KeplerCoast kepler_coast(const BallisticMover::State& burnout, double impact_radius_m);

}  // namespace rampart::world
