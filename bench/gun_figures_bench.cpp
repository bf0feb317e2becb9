// Gun figures (docs/engagement-physics.md, "Guns"), computed by the simulation's own code for the
// C-RAM of scenarios/drone_swarm.yaml.
//
// (a) Exterior ballistics: the projectile's time of flight and remaining speed against slant
//     range (messages/gun_ballistics.h), with the drag-free time s / v_0 for reference.
// (b) Kill probability per burst against range (engagement/gun.h): the rounds' miss sigma and
//     Pk_burst against a drone, a cruise missile and an anti-radiation missile.
// (c) Kill statistics: at each range, 10,000 burst outcomes against a drone, each drawn from the
//     stream Engagements uses (seed, burst id, kKill) with Pk_burst; the observed kill fraction,
//     its 95 % Wilson interval, and whether the model's Pk_burst lies inside (it should at 19 in
//     20 rows on average).
// Run: ./build/bench/gun_figures_bench
#include <algorithm>
#include <cstdio>
#include <string>

#include "analysis/statistics.h"
#include "core/random.h"
#include "engagement/gun.h"
#include "scenario/loader.h"

namespace {

using namespace rampart;

void ballistics_figure(const messages::GunCharacteristics& g) {
  std::printf("(a) Projectile flight: v0 %.0f m/s, C_dA/m %.1e m^2/kg (k = %.3e /m)\n", g.muzzle_velocity_mps,
              g.drag_area_per_mass_m2pkg, g.drag_per_m());
  std::printf("%10s %10s %12s %10s\n", "range (m)", "tof (s)", "no drag (s)", "v (m/s)");
  for (const double range_m : {250.0, 500.0, 1000.0, 1500.0, 2000.0, 3000.0})
    std::printf("%10.0f %10.3f %12.3f %10.0f\n", range_m, g.time_of_flight_s(range_m), range_m / g.muzzle_velocity_mps,
                g.speed_at_mps(range_m));
}

void burst_figure(const messages::GunCharacteristics& g) {
  std::printf("\n(b) Pk per burst of %d rounds (%.1f s at %.0f rounds/min), %.1f mrad, %.1f m/s prediction error, "
              "kill given hit %.2f\n",
              g.burst_rounds, g.burst_s(), g.rate_of_fire_rpm, g.dispersion_mrad, g.prediction_error_mps,
              g.kill_given_hit);
  std::printf("%10s %10s %8s %15s %22s\n", "range (m)", "sigma (m)", "drone", "cruise_missile", "anti_radiation_missile");
  for (const double range_m : {250.0, 500.0, 750.0, 1000.0, 1250.0, 1500.0, 1750.0, 2000.0})
    std::printf("%10.0f %10.2f %8.3f %15.3f %22.3f\n", range_m,
                engagement::round_miss_sigma_m(g, range_m, g.time_of_flight_s(range_m)),
                engagement::burst_kill_probability(g, g.burst_rounds, range_m, "drone"),
                engagement::burst_kill_probability(g, g.burst_rounds, range_m, "cruise_missile"),
                engagement::burst_kill_probability(g, g.burst_rounds, range_m, "anti_radiation_missile"));
}

void draws_figure(const messages::GunCharacteristics& g) {
  constexpr std::size_t kBursts = 10'000;
  std::printf("\n(c) Burst outcomes against a drone, %zu draws at each range\n", kBursts);
  std::printf("%10s %9s %9s %19s %7s\n", "range (m)", "Pk_burst", "observed", "95% Wilson", "inside");
  int inside = 0, rows = 0;
  for (const double range_m : {500.0, 1000.0, 1500.0, 2000.0}) {
    const double pk = engagement::burst_kill_probability(g, g.burst_rounds, range_m, "drone");
    std::size_t kills = 0;
    for (std::size_t burst = 1; burst <= kBursts; ++burst)
      kills += RandomStream(20261203 + static_cast<std::uint64_t>(range_m), burst, Purpose::kKill).bernoulli(pk);
    const analysis::Interval w = analysis::wilson_interval(kills, kBursts);
    const bool in = pk >= w.low && pk <= w.high;
    inside += in;
    ++rows;
    std::printf("%10.0f %9.4f %9.4f   [%.4f, %.4f] %7s\n", range_m, pk, w.estimate, w.low, w.high, in ? "yes" : "NO");
  }
  std::printf("Pk_burst inside the interval in %d of %d rows\n", inside, rows);
}

}  // namespace

int main() {
  const scenario::Scenario s =
      scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/drone_swarm.yaml");
  const auto gun = std::find_if(s.weapon_types.begin(), s.weapon_types.end(), [](const auto& t) { return t.gun; });
  if (gun == s.weapon_types.end()) return 1;
  std::printf("%s: max range %.0f m, %d rounds carried\n\n", gun->name.c_str(), gun->max_range_m,
              gun->gun->ammunition_rounds);
  ballistics_figure(*gun->gun);
  burst_figure(*gun->gun);
  draws_figure(*gun->gun);
  return 0;
}
