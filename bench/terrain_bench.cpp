// Terrain masking's cost on one core, over a 200 km x 200 km synthetic terrain of 100 m cells
// (2,001 x 2,001 heights) with 50 Gaussian hills (100-2,000 m high, 1-8 km radius) and 5 ridges:
// - Synthesize: building that terrain;
// - MaskBuild: one site's mask, 3,600 azimuth bins x 2,000 range steps of 50 m (100 km);
// - MaskVisible: SiteMask::visible checks of 4,096 targets (ranges 1-100 km, any azimuth,
//   50-5,000 m above the ground) against that site;
// - LineOfSight: Terrain::line_of_sight for the same site-target pairs (up to 4,000 samples each).
// visible_fraction is the share of the checks that found the target visible.
// Run: ./build/bench/terrain_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include "environment/terrain.h"

namespace {

using namespace rampart;
using namespace rampart::environment;

SyntheticTerrain spec() {
  std::mt19937_64 rng(42);
  auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  SyntheticTerrain s{.west_m = -100e3, .south_m = -100e3, .east_m = 100e3, .north_m = 100e3, .cell_m = 100.0,
                     .base_height_m = 10.0};
  for (int i = 0; i < 50; ++i)
    s.hills.push_back({uniform(-100e3, 100e3), uniform(-100e3, 100e3), uniform(100.0, 2000.0), uniform(1e3, 8e3)});
  for (int i = 0; i < 5; ++i)
    s.ridges.push_back({uniform(-90e3, 90e3), uniform(-90e3, 90e3), uniform(-90e3, 90e3), uniform(-90e3, 90e3),
                        uniform(300.0, 1500.0), uniform(1e3, 4e3)});
  return s;
}

const std::shared_ptr<const Terrain>& terrain() {
  static const auto t = std::make_shared<const Terrain>(Terrain::synthesize(spec()));
  return t;
}

constexpr double kSiteEast_m = 1'000.0, kSiteNorth_m = -2'000.0, kMaxRange_m = 100e3;

double site_alt_m() { return terrain()->height_m(kSiteEast_m, kSiteNorth_m) + 20.0; }

struct Target {
  double range_m, az_rad, east_m, north_m, alt_m;
};

std::vector<Target> targets() {
  std::mt19937_64 rng(7);
  auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  std::vector<Target> out;
  for (int i = 0; i < 4096; ++i) {
    Target t{.range_m = uniform(1e3, kMaxRange_m), .az_rad = uniform(0.0, kTwoPi)};
    t.east_m = kSiteEast_m + t.range_m * std::sin(t.az_rad);
    t.north_m = kSiteNorth_m + t.range_m * std::cos(t.az_rad);
    t.alt_m = terrain()->height_m(t.east_m, t.north_m) + uniform(50.0, 5000.0);
    out.push_back(t);
  }
  return out;
}

void BM_Synthesize(benchmark::State& state) {
  const SyntheticTerrain s = spec();
  for (auto _ : state) benchmark::DoNotOptimize(Terrain::synthesize(s));
}

void BM_MaskBuild(benchmark::State& state) {
  const auto& t = terrain();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const SiteMask mask(t, kSiteEast_m, kSiteNorth_m, site_alt_m(), kMaxRange_m);
    bytes = mask.memory_bytes();
    benchmark::DoNotOptimize(mask);
  }
  state.counters["mask_MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_MaskVisible(benchmark::State& state) {
  const SiteMask mask(terrain(), kSiteEast_m, kSiteNorth_m, site_alt_m(), kMaxRange_m);
  const std::vector<Target> ts = targets();
  std::size_t seen = 0, checks = 0;
  for (auto _ : state) {
    for (const Target& t : ts) seen += mask.visible(t.range_m, t.az_rad, t.alt_m);
    checks += ts.size();
  }
  state.counters["checks_per_s"] = benchmark::Counter(static_cast<double>(checks), benchmark::Counter::kIsRate);
  state.counters["visible_fraction"] = static_cast<double>(seen) / static_cast<double>(checks);
}

void BM_LineOfSight(benchmark::State& state) {
  const Terrain& terrain_ref = *terrain();
  const std::vector<Target> ts = targets();
  const double alt = site_alt_m();
  std::size_t seen = 0, checks = 0;
  for (auto _ : state) {
    for (const Target& t : ts)
      seen += terrain_ref.line_of_sight(kSiteEast_m, kSiteNorth_m, alt, t.east_m, t.north_m, t.alt_m);
    checks += ts.size();
  }
  state.counters["checks_per_s"] = benchmark::Counter(static_cast<double>(checks), benchmark::Counter::kIsRate);
  state.counters["visible_fraction"] = static_cast<double>(seen) / static_cast<double>(checks);
}

BENCHMARK(BM_Synthesize)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MaskBuild)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MaskVisible)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_LineOfSight)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
