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
// Run: ./build/bench/engagement_figures_bench
#include <chrono>
#include <cstdio>
#include <string>

#include "analysis/statistics.h"
#include "c2/intercept.h"
#include "core/random.h"
#include "engagement/flyout.h"
#include "engagement/kill_probability.h"
#include "engagement/launch_region.h"
#include "scenario/loader.h"

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

}  // namespace

int main() {
  const scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
  geometry_figure();
  region_figure(s);
  kill_figure(s.weapon_types.front());
  cost_figure(s.weapon_types.front());
  return 0;
}
