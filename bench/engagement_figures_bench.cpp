// Engagement-physics figures (docs/engagement-physics.md), each computed by the simulation's own
// code and printed with a ratio to a reference computed in the same run.
//
// (a) Intercept geometry against the closed form. A constant-speed interceptor (boost to 1000 m/s
//     in 0.1 s, no drag, flying level at 5000 m so that gravity is all lateral and compensated)
//     launched by engagement::fly at a constant-velocity target 30 km away; the closed form is
//     c2::predict_intercept's collision triangle at 1000 m/s. Printed: the flyout's time of
//     flight and intercept point, the closed form's, their ratio and distance, and the miss.
// (b) The launch acceptability region of each weapon type of scenarios/default.yaml, as C2
//     uses it (engagement::launch_region_of): maximum launch range in km against height above
//     the launcher (rows) and crossing speed (columns), for an inbound speed of 300 m/s and 0,
//     and the time the table took to build. The reference column is the weapon's max_range_m.
// (c) Kill statistics: at each miss distance, 10,000 warhead draws of LR-SAM against a strike
//     aircraft, each from the stream Engagements uses (seed, interceptor id, kKill) with
//     Pk(miss) of engagement/kill_probability.h; the observed kill fraction, its 95 % Wilson
//     interval, and whether Pk(miss) lies inside (it should at 19 in 20 rows on average).
// (d) Flyout cost: LR-SAM flyouts against a 250 m/s target at 5 km height, 40 km out, per second
//     of one core, with the integration steps per second.
// (e) Terminal ballistic-missile defence in scenarios/mixed_raid.yaml: the first Scud-N flown by
//     world::BallisticMover (gravity turn, WGS-84 gravity, drag), its apogee and re-entry against
//     the hand-worked vacuum shot from the ground (burnout speed sqrt(g R / sin 2 gamma) over the
//     range R), its burnout state and the closed-form vacuum coast from it over a flat and a
//     spherical Earth (apogee and range); then, for launches by FU-3
//     Upper (UT-SAM) every 2 s of the descent, C2's intercept on the predicted trajectory
//     (c2::ballistic_intercept from the true state at launch: a perfect track) against the
//     flyout guided by proportional navigation on the true missile (a perfect seeker): predicted
//     and flown time of flight and intercept altitude, ground range, miss and Pk(miss) against a
//     ballistic missile. The engagement envelope is the span of launches C2 offers.
// Run: ./build/bench/engagement_figures_bench
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "analysis/statistics.h"
#include "c2/ballistic.h"
#include "c2/intercept.h"
#include "core/random.h"
#include "engagement/flyout.h"
#include "engagement/kill_probability.h"
#include "engagement/launch_region.h"
#include "scenario/loader.h"
#include "world/ballistic_mover.h"

namespace {

using namespace rampart;

void geometry_figure() {
  std::printf("(a) Intercept geometry: constant-speed PN flyout vs collision triangle (1000 m/s, 30 km, level at 5000 m)\n");
  std::printf("%-28s %9s %9s %7s %11s %9s\n", "target velocity (m/s)", "tof fly", "tof form", "ratio", "point diff", "miss");
  const messages::InterceptorDynamics d{.boost_s = 0.1,
                                        .boost_accel_mps2 = (1000.0 - engagement::kLaunchSpeed_mps) / 0.1,
                                        .drag_area_per_mass_m2pkg = 0.0,
                                        .max_g = 40.0,
                                        .min_speed_mps = 100.0,
                                        .max_flight_time_s = 200.0};
  const Eigen::Vector3d launcher(0.0, 0.0, 5000.0), target(0.0, 30'000.0, 5000.0);
  const struct {
    const char* name;
    Eigen::Vector3d v_mps;
  } cases[] = {{"inbound 300", {0.0, -300.0, 0.0}},   {"crossing 200", {200.0, 0.0, 0.0}},
               {"crossing 400", {400.0, 0.0, 0.0}},   {"oblique (300, -300)", {300.0, -300.0, 0.0}},
               {"receding 300", {0.0, 300.0, 0.0}},   {"oblique (500, 200)", {500.0, 200.0, 0.0}}};
  for (const auto& c : cases) {
    const auto form = c2::predict_intercept(target, c.v_mps, launcher, 1000.0);
    const auto f = engagement::fly(d, launcher, Eigen::Vector3d::Zero(), false, form->p_enu_m, target, c.v_mps, 0.0);
    std::printf("%-28s %8.3fs %8.3fs %7.4f %9.1f m %7.2f m\n", c.name, f.time_of_flight_s, form->time_of_flight_s,
                f.time_of_flight_s / form->time_of_flight_s, (f.p_end_enu_m - form->p_enu_m).norm(), f.miss_distance_m);
  }
}

void region_figure(const scenario::Scenario& s) {
  std::printf("\n(b) Launch acceptability regions of %s (max launch range, km)\n", s.name.c_str());
  for (const auto& type : s.weapon_types) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto lar = engagement::launch_region_of(type);
    const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s: max_range_m %.0f km, interceptor_speed_mps %.0f; table of %zu cells built in %.2f s\n",
                type.name.c_str(), type.max_range_m / 1000.0, type.interceptor_speed_mps, lar->max_range_m.size(), build_s);
    for (const double inbound_mps : {300.0, 0.0}) {
      std::printf("  inbound %3.0f m/s   crossing:", inbound_mps);
      for (const double c : lar->crossing_mps) std::printf(" %7.0f", c);
      std::printf("   ratio to max_range_m (crossing 0)\n");
      for (const double h : lar->height_m) {
        std::printf("  height %7.0f m            ", h);
        for (const double c : lar->crossing_mps) std::printf(" %7.1f", lar->max_launch_range_m({h, inbound_mps, c}) / 1000.0);
        std::printf("   %.2f\n", lar->max_launch_range_m({h, inbound_mps, 0.0}) / type.max_range_m);
      }
    }
  }
}

void kill_figure(const scenario::WeaponType& type) {
  constexpr std::size_t kDraws = 10'000;
  std::printf("\n(c) Kill statistics of %s (Pk0 %.2f, lethal radius %.0f m) against a strike aircraft, %zu draws each\n",
              type.name.c_str(), type.kill_probability, type.dynamics.lethal_radius_m, kDraws);
  std::printf("%10s %9s %9s %19s %8s %7s\n", "miss (m)", "Pk(miss)", "observed", "95% Wilson", "ratio", "inside");
  int inside = 0, rows = 0;
  for (const double miss_m : {0.0, 5.0, 10.0, 20.0, 30.0, 40.0, 60.0}) {
    const double pk = engagement::kill_probability(type.kill_probability, miss_m, type.dynamics.lethal_radius_m,
                                                   "strike_aircraft");
    std::size_t kills = 0;
    for (std::size_t id = 1; id <= kDraws; ++id)
      kills += RandomStream(20261129 + static_cast<std::uint64_t>(miss_m), id, Purpose::kKill).bernoulli(pk) ? 1 : 0;
    const analysis::Interval w = analysis::wilson_interval(kills, kDraws);
    const bool in = pk >= w.low && pk <= w.high;
    inside += in ? 1 : 0;
    ++rows;
    std::printf("%10.0f %9.4f %9.4f   [%.4f, %.4f] %8.4f %7s\n", miss_m, pk, w.estimate, w.low, w.high,
                pk > 0.0 ? w.estimate / pk : 0.0, in ? "yes" : "NO");
  }
  std::printf("Pk(miss) inside the interval in %d of %d rows\n", inside, rows);
}

void cost_figure(const scenario::WeaponType& type) {
  constexpr int kFlyouts = 2000;
  const Eigen::Vector3d target(0.0, 40'000.0, 5000.0), v(0.0, -250.0, 0.0);
  long steps = 0;
  double miss_m = 0.0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int k = 0; k < kFlyouts; ++k) {
    const Eigen::Vector3d p = target + Eigen::Vector3d(k % 10 * 100.0, 0.0, 0.0);
    const auto f = engagement::fly(type.dynamics, Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero(), true, p, p, v, 0.0);
    steps += f.steps;
    miss_m += f.miss_distance_m;
  }
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("\n(d) Flyout cost (%s, 40 km, 250 m/s inbound at 5 km): %d flyouts in %.3f s: %.0f flyouts/s, "
              "%.2e steps/s (%.0f steps each, mean miss %.2f m)\n",
              type.name.c_str(), kFlyouts, wall_s, kFlyouts / wall_s, static_cast<double>(steps) / wall_s,
              static_cast<double>(steps) / kFlyouts, miss_m / kFlyouts);
}

struct Sample {
  Eigen::Vector3d p_enu_m;
  Eigen::Vector3d v_enu_mps;
};

void ballistic_figure() {
  const scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/mixed_raid.yaml");
  const auto unit = std::find_if(s.fire_units.begin(), s.fire_units.end(),
                                 [&](const scenario::FireUnit& f) { return s.weapon_types[f.weapon_type].engages_ballistic; });
  const auto raid = std::find_if(s.raids.begin(), s.raids.end(),
                                 [](const scenario::Raid& r) { return r.kind == scenario::ThreatKind::kBallisticMissile; });
  scenario::WeaponType type = s.weapon_types[unit->weapon_type];
  const auto t0 = std::chrono::steady_clock::now();
  type.ballistic_reach = engagement::intercept_reach_of(type);
  const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const LocalFrame frame(s.origin);
  const Eigen::Vector3d launcher_enu_m = frame.surface_point_enu(unit->position.east_m, unit->position.north_m, unit->site_alt_m);

  // The missile's truth, every mover step from launch to impact.
  world::BallisticMover mover({raid->route[0].east_m, raid->route[0].north_m}, {raid->route[1].east_m, raid->route[1].north_m},
                              raid->ballistic, s.origin, nullptr);
  constexpr double kDt_s = world::BallisticMover::kStep_s;
  std::vector<Sample> truth;
  double apogee_m = 0.0;
  world::MoverState m = mover.advance(0.0, 0.0);
  for (; !m.finished; m = mover.advance(0.0, kDt_s)) {
    truth.push_back({frame.surface_point_enu(m.east_m, m.north_m, m.altitude_m), m.v_enu_mps});
    apogee_m = std::max(apogee_m, m.altitude_m);
  }
  const Eigen::Vector2d impact_m(m.east_m, m.north_m);
  const double flight_s = static_cast<double>(truth.size()) * kDt_s;
  const auto truth_at = [&](double t_s) {
    const double k = std::clamp(t_s / kDt_s, 0.0, static_cast<double>(truth.size() - 1));
    const auto i = std::min(static_cast<std::size_t>(k), truth.size() - 2);
    const double f = k - static_cast<double>(i);
    return Sample{(1.0 - f) * truth[i].p_enu_m + f * truth[i + 1].p_enu_m,
                  (1.0 - f) * truth[i].v_enu_mps + f * truth[i + 1].v_enu_mps};
  };
  const auto altitude = [&](const Eigen::Vector3d& p_enu_m) { return altitude_m(p_enu_m, s.origin.alt_m); };
  const double range_m =
      std::hypot(raid->route[1].east_m - raid->route[0].east_m, raid->route[1].north_m - raid->route[0].north_m);
  const double gamma_rad = raid->ballistic.burnout_pitch_deg * kPi / 180.0;
  std::printf("\n(e) Terminal ballistic-missile defence (%s): %s against %s from %s\n", s.name.c_str(), unit->name.c_str(),
              raid->name.c_str(), "its launch point");
  std::printf("Missile: range %.0f km, burnout flight-path angle %.0f deg; flight %.1f s, apogee %.1f km, impact %.1f m "
              "from the aim, dive %.1f deg at the impact. Hand-worked vacuum shot from the ground: burnout speed "
              "sqrt(g R / sin 2 gamma) = %.0f m/s, apogee v^2 sin^2 gamma / 2 g = %.1f km, re-entry at %.0f deg\n",
              range_m / 1000.0, raid->ballistic.burnout_pitch_deg, flight_s, apogee_m / 1000.0,
              std::hypot(impact_m.x() - raid->route[1].east_m, impact_m.y() - raid->route[1].north_m),
              -std::asin(m.v_enu_mps.z() / m.v_enu_mps.norm()) * 180.0 / kPi,
              std::sqrt(kStandardGravity_mps2 * range_m / std::sin(2.0 * gamma_rad)),
              range_m * std::pow(std::sin(gamma_rad), 2) / (2.0 * std::sin(2.0 * gamma_rad)) / 1000.0,
              raid->ballistic.burnout_pitch_deg);
  // The gravity turn's burnout state, and the closed-form coast from it (no drag): flat Earth,
  // apogee h0 + w^2 / 2 g and range d0 + u (w + sqrt(w^2 + 2 g h0)) / g with u, w the horizontal
  // and vertical speeds; spherical Earth (world::kepler_coast, inertial frame): apogee
  // h0 + r_apogee - r0, central angle to the impact's radius.
  const world::BallisticMover::State burnout = mover.burnout_state();
  const Geodetic burnout_g = ecef_to_geodetic(burnout.r_ecef_m);
  const Eigen::Vector3d burnout_map_m = frame.map_point(burnout_g);
  const double h0_m = burnout_g.alt_m, v0_mps = burnout.v_ecef_mps.norm();
  const double gamma0_rad = world::BallisticMover::flight_path_rad(burnout);
  const double u_mps = v0_mps * std::cos(gamma0_rad), w_mps = v0_mps * std::sin(gamma0_rad), g = kStandardGravity_mps2;
  const double d0_m = std::hypot(burnout_map_m.x() - raid->route[0].east_m, burnout_map_m.y() - raid->route[0].north_m);
  const world::KeplerCoast kepler = world::kepler_coast(burnout, geodetic_to_ecef(frame.surface_point(
                                                                    raid->route[1].east_m, raid->route[1].north_m, 0.0))
                                                                    .norm());
  std::printf("Gravity turn: thrust %.2f m/s^2, kick %.2f deg; burnout at %.0f s: altitude %.1f km, speed %.0f m/s, "
              "flight-path angle %.2f deg, %.1f km down range. From that state without drag: flat Earth apogee %.1f km, "
              "range %.1f km; spherical Earth (Kepler) apogee %.1f km, central angle %.3f deg (%.1f km on a %.0f km "
              "sphere, the Earth turning under it aside)\n",
              mover.thrust_mps2(), mover.kick_rad() * 180.0 / kPi, burnout.t_s, h0_m / 1000.0, v0_mps,
              gamma0_rad * 180.0 / kPi, d0_m / 1000.0, (h0_m + w_mps * w_mps / (2.0 * g)) / 1000.0,
              (d0_m + u_mps * (w_mps + std::sqrt(w_mps * w_mps + 2.0 * g * h0_m)) / g) / 1000.0,
              (h0_m + kepler.apogee_radius_m - burnout.r_ecef_m.norm()) / 1000.0, kepler.central_angle_rad * 180.0 / kPi,
              kepler.central_angle_rad * kEarthRadius_m / 1000.0, kEarthRadius_m / 1000.0);
  std::printf("%12s %10s %10s %14s\n", "altitude km", "speed m/s", "dive deg", "classified");
  const std::size_t apogee = static_cast<std::size_t>(
      std::max_element(truth.begin(), truth.end(),
                       [&](const Sample& a, const Sample& b) { return altitude(a.p_enu_m) < altitude(b.p_enu_m); }) -
      truth.begin());
  std::size_t k = apogee;
  for (const double alt_km : {80.0, 60.0, 40.0, 30.0, 20.0, 12.0, 5.0}) {
    while (k + 1 < truth.size() && altitude(truth[k].p_enu_m) > alt_km * 1000.0) ++k;
    const Sample& x = truth[k];
    messages::TrackState track;
    track.x << x.p_enu_m, x.v_enu_mps;
    track.has_height = true;
    std::printf("%12.0f %10.0f %10.1f %14s\n", alt_km, x.v_enu_mps.norm(),
                -std::asin(x.v_enu_mps.z() / x.v_enu_mps.norm()) * 180.0 / kPi, c2::is_ballistic(track) ? "ballistic" : "no");
  }
  std::printf("%s: reach table of %zu points built in %.2f s; debris floor %.0f m, ceiling %.0f m, guidance limit %.0f km, "
              "Pk0 %.2f, lethal radius %.0f m, vulnerability %.2f\n",
              type.name.c_str(), type.ballistic_reach->time_of_flight_s.size(), build_s,
              type.min_ballistic_intercept_altitude_m, type.max_altitude_m, type.max_range_m / 1000.0, type.kill_probability,
              type.dynamics.lethal_radius_m, engagement::vulnerability("ballistic_missile"));
  std::printf("%8s %8s | %9s %9s | %9s %9s %9s %8s %7s  %s\n", "launch s", "tgt km", "C2 tof s", "C2 alt km", "tof s",
              "alt km", "ground km", "miss m", "Pk", "end");
  double first_s = -1.0, last_s = -1.0, low_km = 1e9, high_km = 0.0, near_km = 1e9, far_km = 0.0, pk_sum = 0.0;
  int offered = 0;
  const double descent_s = static_cast<double>(apogee) * kDt_s;
  for (double launch_s = std::ceil(descent_s); launch_s < flight_s; launch_s += 2.0) {
    const Sample at_launch = truth_at(launch_s);
    const auto plan = c2::ballistic_intercept(*type.ballistic_reach, launcher_enu_m, at_launch.p_enu_m, at_launch.v_enu_mps,
                                              {type.min_ballistic_intercept_altitude_m, type.max_altitude_m, type.max_range_m},
                                              s.origin.alt_m);
    if (!plan) continue;
    engagement::FlyoutState flight = engagement::launch_state(launcher_enu_m, Eigen::Vector3d::Zero(), plan->p_enu_m, true);
    engagement::FlyoutStep step;
    Sample target = at_launch;
    while (step.end == engagement::FlyoutEnd::kFlying) {
      target = truth_at(launch_s + flight.flight_time_s);
      step = engagement::flyout_step(flight, type.dynamics, s.origin.alt_m, target.p_enu_m, target.v_enu_mps,
                                     engagement::kFlyoutStep_s);
    }
    const double alt_km = altitude(step.p_end_enu_m) / 1000.0;
    const double ground_km = (step.p_end_enu_m - launcher_enu_m).head<2>().norm() / 1000.0;
    const bool in_band = alt_km * 1000.0 >= type.min_altitude_m && alt_km * 1000.0 <= type.max_altitude_m;
    const double pk = step.end == engagement::FlyoutEnd::kClosestApproach && in_band
                          ? engagement::kill_probability(type.kill_probability, step.miss_distance_m,
                                                         type.dynamics.lethal_radius_m, "ballistic_missile")
                          : 0.0;
    std::printf("%8.0f %8.1f | %9.2f %9.2f | %9.2f %9.2f %9.2f %8.2f %7.3f  %s\n", launch_s,
                altitude(at_launch.p_enu_m) / 1000.0, plan->time_of_flight_s, altitude(plan->p_enu_m) / 1000.0,
                flight.flight_time_s - engagement::kFlyoutStep_s + step.time_into_step_s, alt_km, ground_km,
                step.miss_distance_m, pk, engagement::to_string(step.end));
    if (first_s < 0.0) first_s = launch_s;
    last_s = launch_s;
    low_km = std::min(low_km, alt_km);
    high_km = std::max(high_km, alt_km);
    near_km = std::min(near_km, ground_km);
    far_km = std::max(far_km, ground_km);
    pk_sum += pk;
    ++offered;
  }
  std::printf("Envelope: C2 offers launches from %.0f s to %.0f s after the missile's launch (%d of them); intercepts at "
              "%.1f to %.1f km altitude, %.1f to %.1f km from the launcher; mean Pk %.3f\n",
              first_s, last_s, offered, low_km, high_km, near_km, far_km, offered > 0 ? pk_sum / offered : 0.0);
}

}  // namespace

int main() {
  const scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
  geometry_figure();
  region_figure(s);
  kill_figure(s.weapon_types.front());
  cost_figure(s.weapon_types.front());
  ballistic_figure();
  return 0;
}
