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
//   Boost (0 <= t < burn_time_s): a thrust acceleration of constant magnitude a_T along a pitch
// program in the vertical plane of the launch azimuth, in the launch site's ENU axes:
// u = (cos th sin az, cos th cos az, sin th), th = 90 deg for the first kVerticalRise of the burn,
// then decreasing linearly to burnout_pitch_deg at burnout.
//   Drag (all the flight, against the air turning with the Earth, i.e. r' in ECEF):
// a_D = -rho(h) |r'| r' / (2 beta), beta = m / (Cd A) the ballistic coefficient, with the
// exponential atmosphere of core/atmosphere.h, rho(h) = 1.225 kg/m^3 exp(-h / 8500 m).
//   Impact: the flight ends where the altitude falls to the ground height (the terrain's, or 0 m),
// found by linear interpolation in the last step; the mover is then finished there.
//
// Aiming. Before it flies, the mover solves for the thrust a_T and the launch azimuth az that
// put the impact on the aim point: starting from the flat-Earth vacuum shot,
// v_bo = sqrt(g R / sin(2 gamma_bo)), a_T = v_bo / burn_time_s + g, and the map bearing, it
// flies the whole trajectory, and corrects a_T by the secant method on the down-range miss and
// az by the cross-range miss over the range, until the miss is under kAimTolerance_m (at most
// kAimIterations flights).
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
  static constexpr double kVerticalRise = 0.1;
  static constexpr double kAimTolerance_m = 10.0;
  static constexpr int kAimIterations = 12;
  static constexpr double kVelocityStep_s = 0.01;

  /// Solves the aim (see above); `terrain` may be null (sea level everywhere).
  BallisticMover(const scenario::Point2& launch, const scenario::Point2& aim, const scenario::BallisticSpec& spec,
                 const Geodetic& origin, std::shared_ptr<const environment::Terrain> terrain);

  MoverState advance(double flight_time_s, double dt_s) override;

  /// The thrust acceleration and launch azimuth of the aim solution.
  double thrust_mps2() const { return thrust_mps2_; }
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

 private:
  /// Flies a whole trajectory from launch with the current aim; the map point of the impact.
  Eigen::Vector3d impact_map_m() const;
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
  double azimuth_rad_ = 0.0;
  State state_;
  bool finished_ = false;
};

}  // namespace rampart::world
