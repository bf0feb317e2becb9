#include "world/ballistic_mover.h"

#include <Eigen/Geometry>
#include <GeographicLib/NormalGravity.hpp>
#include <algorithm>
#include <cmath>
#include <utility>

#include "core/error.h"
#include "core/atmosphere.h"
#include "core/units.h"

namespace rampart::world {

namespace {
/// Longest flight an aim trial follows (a missile that has not come down by then never will).
constexpr double kMaxFlight_s = 4.0 * 3600.0;

Eigen::Vector2d map_m(const scenario::Point2& p) { return {p.east_m, p.north_m}; }
}  // namespace

BallisticMover::BallisticMover(const scenario::Point2& launch, const scenario::Point2& aim,
                               const scenario::BallisticSpec& spec, const Geodetic& origin,
                               std::shared_ptr<const environment::Terrain> terrain)
    : spec_(spec), frame_(origin), terrain_(std::move(terrain)) {
  launch_ = frame_.surface_point(launch.east_m, launch.north_m,
                                 ground_height_m(terrain_.get(), launch.east_m, launch.north_m));
  ecef_from_launch_enu_ = ecef_from_enu_rotation(launch_);
  const Eigen::Vector2d to_aim_m = map_m(aim) - map_m(launch);
  const double range_m = to_aim_m.norm();
  RAMPART_DEMAND(range_m > 0.0, "a ballistic missile needs an aim point away from its launch point");
  const Eigen::Vector2d along = to_aim_m / range_m;
  const Eigen::Vector2d right(along.y(), -along.x());
  const double pitch_rad = deg_to_rad(spec_.burnout_pitch_deg);
  azimuth_rad_ = azimuth_rad(to_aim_m.x(), to_aim_m.y());
  thrust_mps2_ = std::sqrt(kStandardGravity_mps2 * range_m / std::sin(2.0 * pitch_rad)) / spec_.burn_time_s +
                 kStandardGravity_mps2;
  // Secant on the down-range miss for the thrust; the azimuth turned by the cross-range miss.
  double previous_thrust_mps2 = 0.0, previous_miss_m = 0.0;
  for (int i = 0; i < kAimIterations; ++i) {
    solve_kick();
    const Eigen::Vector2d miss_m = impact_map_m().head<2>() - map_m(aim);
    if (miss_m.norm() < kAimTolerance_m) break;
    const double down_m = miss_m.dot(along), cross_m = miss_m.dot(right);
    double next_thrust_mps2 = thrust_mps2_ * (1.0 - 0.5 * down_m / range_m);  // range ~ v^2 ~ a_T^2
    if (i > 0 && down_m != previous_miss_m)
      next_thrust_mps2 = thrust_mps2_ - down_m * (thrust_mps2_ - previous_thrust_mps2) / (down_m - previous_miss_m);
    previous_thrust_mps2 = thrust_mps2_;
    previous_miss_m = down_m;
    thrust_mps2_ = next_thrust_mps2;
    azimuth_rad_ -= cross_m / range_m;
  }
  state_ = launch_state();
}

void BallisticMover::solve_kick() {
  // Secant on gamma_bo(k) - gamma_target from the last kick and one kInitialKick_rad / 2 beside it,
  // the kick kept inside (0, 90 deg).
  const double target_rad = deg_to_rad(spec_.burnout_pitch_deg);
  constexpr double kMaxKick_rad = kPi / 2.0 - 1e-3;
  double k0 = kick_rad_, f0 = flight_path_rad(burnout_state()) - target_rad;
  if (std::abs(f0) < kFlightPathTolerance_rad) return;
  kick_rad_ = std::clamp(k0 + (f0 > 0.0 ? 0.5 : -0.5) * kInitialKick_rad, 1e-3, kMaxKick_rad);
  for (int i = 0; i < kAimIterations; ++i) {
    const double k1 = kick_rad_, f1 = flight_path_rad(burnout_state()) - target_rad;
    if (std::abs(f1) < kFlightPathTolerance_rad || f1 == f0) return;
    kick_rad_ = std::clamp(k1 - f1 * (k1 - k0) / (f1 - f0), 1e-3, kMaxKick_rad);
    k0 = k1;
    f0 = f1;
  }
}

BallisticMover::State BallisticMover::launch_state() const {
  return {geodetic_to_ecef(launch_), Eigen::Vector3d::Zero(), 0.0};
}

BallisticMover::State BallisticMover::burnout_state() const {
  State s = launch_state();
  fly(s, spec_.burn_time_s);
  return s;
}

double BallisticMover::flight_path_rad(const State& s) {
  const Eigen::Vector3d up = ecef_from_enu_rotation(ecef_to_geodetic(s.r_ecef_m)).col(2);
  return std::asin(std::clamp(up.dot(s.v_ecef_mps) / s.v_ecef_mps.norm(), -1.0, 1.0));
}

Eigen::Vector3d BallisticMover::acceleration(const State& s) const {
  const GeographicLib::NormalGravity& earth = GeographicLib::NormalGravity::WGS84();
  Eigen::Vector3d gravity;
  earth.U(s.r_ecef_m.x(), s.r_ecef_m.y(), s.r_ecef_m.z(), gravity.x(), gravity.y(), gravity.z());
  const Eigen::Vector3d omega(0.0, 0.0, earth.AngularVelocity());
  Eigen::Vector3d a = gravity - 2.0 * omega.cross(s.v_ecef_mps);
  if (s.t_s < spec_.burn_time_s) {
    const double rise_s = kVerticalRise * spec_.burn_time_s, kick_end_s = rise_s + kKick * spec_.burn_time_s;
    Eigen::Vector3d u_ecef;
    if (s.t_s < kick_end_s) {
      const double tilt_rad = s.t_s < rise_s ? 0.0 : kick_rad_;
      u_ecef = ecef_from_launch_enu_ * Eigen::Vector3d(std::sin(tilt_rad) * std::sin(azimuth_rad_),
                                                       std::sin(tilt_rad) * std::cos(azimuth_rad_), std::cos(tilt_rad));
    } else {
      u_ecef = s.v_ecef_mps.normalized();
    }
    a += thrust_mps2_ * u_ecef;
  }
  const double altitude_m = ecef_to_geodetic(s.r_ecef_m).alt_m;
  const double density_kgpm3 = air_density_kgpm3(altitude_m);
  a -= density_kgpm3 * s.v_ecef_mps.norm() * s.v_ecef_mps / (2.0 * spec_.ballistic_coefficient_kgpm2);
  return a;
}

BallisticMover::State BallisticMover::stepped(const State& s, double dt_s) const {
  const auto derivative = [&](const State& x) { return std::pair{x.v_ecef_mps, acceleration(x)}; };
  const auto along = [](const State& x, const std::pair<Eigen::Vector3d, Eigen::Vector3d>& d, double h) {
    return State{x.r_ecef_m + h * d.first, x.v_ecef_mps + h * d.second, x.t_s + h};
  };
  const auto k1 = derivative(s);
  const auto k2 = derivative(along(s, k1, dt_s / 2.0));
  const auto k3 = derivative(along(s, k2, dt_s / 2.0));
  const auto k4 = derivative(along(s, k3, dt_s));
  return {s.r_ecef_m + dt_s / 6.0 * (k1.first + 2.0 * k2.first + 2.0 * k3.first + k4.first),
          s.v_ecef_mps + dt_s / 6.0 * (k1.second + 2.0 * k2.second + 2.0 * k3.second + k4.second), s.t_s + dt_s};
}

bool BallisticMover::fly(State& s, double dt_s) const {
  const int steps = substeps(dt_s, kStep_s);
  for (int i = 0; i < steps; ++i) {
    const State next = stepped(s, dt_s / steps);
    const Geodetic g = ecef_to_geodetic(next.r_ecef_m);
    const Eigen::Vector3d p_map_m = frame_.map_point(g);
    const double below_m = ground_height_m(terrain_.get(), p_map_m.x(), p_map_m.y()) - g.alt_m;
    if (below_m >= 0.0) {
      const Geodetic g0 = ecef_to_geodetic(s.r_ecef_m);
      const Eigen::Vector3d p0_map_m = frame_.map_point(g0);
      const double above_m = g0.alt_m - ground_height_m(terrain_.get(), p0_map_m.x(), p0_map_m.y());
      const double f = above_m / (above_m + below_m);
      s = {s.r_ecef_m + f * (next.r_ecef_m - s.r_ecef_m), s.v_ecef_mps + f * (next.v_ecef_mps - s.v_ecef_mps),
           s.t_s + f * (next.t_s - s.t_s)};
      return true;
    }
    s = next;
  }
  return false;
}

Eigen::Vector3d BallisticMover::impact_map_m() const {
  State s = launch_state();
  while (!fly(s, 60.0) && s.t_s < kMaxFlight_s) {
  }
  return frame_.map_point(ecef_to_geodetic(s.r_ecef_m));
}

MoverState BallisticMover::state_of(const State& s) const {
  const Eigen::Vector3d p_map_m = frame_.map_point(ecef_to_geodetic(s.r_ecef_m));
  const Eigen::Vector3d ahead_m = frame_.map_point(ecef_to_geodetic(s.r_ecef_m + kVelocityStep_s * s.v_ecef_mps));
  const Eigen::Vector3d behind_m = frame_.map_point(ecef_to_geodetic(s.r_ecef_m - kVelocityStep_s * s.v_ecef_mps));
  return {.east_m = p_map_m.x(),
          .north_m = p_map_m.y(),
          .altitude_m = p_map_m.z(),
          .v_enu_mps = (ahead_m - behind_m) / (2.0 * kVelocityStep_s),
          .finished = finished_};
}

MoverState BallisticMover::advance(double /*flight_time_s*/, double dt_s) {
  if (!finished_ && dt_s > 0.0) finished_ = fly(state_, dt_s);
  return state_of(state_);
}

KeplerCoast kepler_coast(const BallisticMover::State& burnout, double impact_radius_m) {
  const GeographicLib::NormalGravity& earth = GeographicLib::NormalGravity::WGS84();
  const double mu = earth.MassConstant();
  const Eigen::Vector3d v = burnout.v_ecef_mps + Eigen::Vector3d(0.0, 0.0, earth.AngularVelocity()).cross(burnout.r_ecef_m);
  const double r0 = burnout.r_ecef_m.norm();
  const double energy = v.squaredNorm() / 2.0 - mu / r0, h = burnout.r_ecef_m.cross(v).norm();
  const double p = h * h / mu, ecc = std::sqrt(std::max(0.0, 1.0 + 2.0 * energy * h * h / (mu * mu)));
  const auto anomaly_rad = [&](double r) { return std::acos(std::clamp((p / r - 1.0) / ecc, -1.0, 1.0)); };
  return {p / (1.0 - ecc), 2.0 * kPi - anomaly_rad(impact_radius_m) - anomaly_rad(r0)};
}

}  // namespace rampart::world
