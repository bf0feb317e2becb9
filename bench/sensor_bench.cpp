// The sensor stage's cost: target-radar checks per second on one core, 1,000 flying targets seen
// by 10 surveillance radars in the full environment: multipath and sea clutter (sea state 3), an
// MTI filter, and five of the targets carrying noise jammers. A check is one target against one
// radar's look: range and sector gates, elevation, horizon, the pattern-propagation factor,
// clutter, jamming, SINR, the detection draw and, when detected, the plot.
// - KernelSteps: the looks the simulation makes, one per 0.1 s base step (a 6-degree sector of a
//   6 s revolution), so most checks end at the sector gate;
// - FullRevolutions: one look per revolution, so every target in range is in the sector: the
//   worst case, with about half the targets detected and a plot made for each.
// The aim is 10 million checks per second; ratio_to_aim is the rate over that.
// Run: ./build/bench/sensor_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "core/random.h"
#include "core/units.h"
#include "sensors/radar.h"
#include "sensors/test/test_radar.h"

namespace {

using namespace rampart;

// The sensor tests' 3-D radar (1 MW, 35 dB, S band, 300 km), ten of them around the origin.
scenario::Radar radar_spec(int i) {
  scenario::Radar r = sensors::test_radar(true);
  r.name = fmt::format("R{}", i);
  r.position = {60'000.0 * std::cos(0.6 * i), 60'000.0 * std::sin(0.6 * i)};
  r.scan_period_s = 6.0;
  r.coherent_integration = i % 2 == 0;  // half Swerling 1 closed form, half a tabulated curve
  r.swerling_case = i % 2 == 0 ? 1 : 3;
  r.mti = environment::MtiFilter{.improvement_db = 35.0, .min_detectable_speed_mps = 3.0,
                                 .wavelength_m = kSpeedOfLight_mps / r.frequency_hz, .prf_hz = {400.0}};
  return r;
}

struct Picture {
  std::vector<sensors::SurveillanceRadar> radars;
  std::vector<world::Entity> targets;
};

Picture picture() {
  const LocalFrame frame({35.0, -30.0, 0.0});
  Picture p;
  const scenario::Environment sea{.sea_state = 3.0};
  for (int i = 0; i < 10; ++i) p.radars.emplace_back(i + 1, radar_spec(i), sea, frame, 42);
  RandomStream rng(42, 0, Purpose::kTest);
  for (std::uint32_t id = 1; id <= 1000; ++id) {
    world::Entity e{.id = id, .name = "t", .rcs_m2 = rng.uniform(0.05, 10.0)};
    e.state = world::EntityState::kFlying;
    e.geodetic = frame.surface_point(rng.uniform(-250e3, 250e3), rng.uniform(-250e3, 250e3), rng.uniform(50.0, 12e3));
    e.p_enu_m = frame.to_enu(e.geodetic);
    const double heading_rad = rng.uniform(0.0, kTwoPi), speed_mps = rng.uniform(0.0, 300.0);
    e.v_enu_mps = {speed_mps * std::sin(heading_rad), speed_mps * std::cos(heading_rad), 0.0};
    if (id % 200 == 0) e.jammer = environment::NoiseJammer{.power_w = 100.0, .antenna_gain_db = 3.0, .bandwidth_hz = 5e8};
    p.targets.push_back(e);
  }
  return p;
}

/// Every radar sweeps one revolution (6 s) per iteration, in looks of `look_s`.
void sweep(benchmark::State& state, double look_s) {
  Picture p = picture();
  std::uint64_t next_plot_id = 1;
  double t_s = 0.0;
  std::size_t plots = 0;
  const int looks = static_cast<int>(std::lround(6.0 / look_s));
  for (auto _ : state) {
    for (int k = 0; k < looks; ++k) {
      for (auto& r : p.radars) plots += r.look(t_s, t_s + look_s, p.targets, next_plot_id).batch.plots.size();
      t_s += look_s;
    }
  }
  const double checks = static_cast<double>(state.iterations()) * looks * 10.0 * 1000.0;
  state.counters["checks_per_s"] = benchmark::Counter(checks, benchmark::Counter::kIsRate);
  state.counters["ratio_to_aim"] = benchmark::Counter(checks / 1e7, benchmark::Counter::kIsRate);
  state.counters["plots_per_revolution"] = static_cast<double>(plots) / (static_cast<double>(state.iterations()) * 10.0);
}

void BM_KernelSteps(benchmark::State& state) { sweep(state, 0.1); }
void BM_FullRevolutions(benchmark::State& state) { sweep(state, 6.0); }
BENCHMARK(BM_KernelSteps)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FullRevolutions)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
