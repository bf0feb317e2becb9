// One C2 cycle (identification, threat evaluation, weapon-target assignment, fighters) on a
// large air picture: 500 confirmed tracks (10% friends answering IFF) against 4 assets, with
// 50 fire units of 4 channels each. The budget is 50 ms a cycle; the counter
// ratio_to_budget is the measured time over 50 ms (below 1 meets it).
// Run: ./build/bench/c2_cycle_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>

#include "c2/battle_manager.h"
#include "core/random.h"
#include "core/units.h"

namespace {

using namespace rampart;

struct Picture {
  scenario::Scenario scenario;
  std::vector<messages::TrackState> tracks;
  std::vector<c2::WeaponStatus> weapons;
};

Picture make_picture(int n_tracks, int n_units) {
  Picture p;
  p.scenario.assets = {{"city", "city", {0, 0}, 8000, 100, 1},
                       {"base", "airbase", {-30'000, 20'000}, 3000, 60, 2},
                       {"port", "port", {25'000, -10'000}, 3000, 50, 2},
                       {"plant", "point", {10'000, 30'000}, 2000, 40, 3}};
  p.scenario.squadrons.push_back({"Falcon", 1, 8, 120, 300, 8000, 5, 4, 30'000, 0.7, 3600});
  RandomStream rng(7, 1, Purpose::kTest);
  for (int i = 0; i < n_tracks; ++i) {
    messages::TrackState t;
    t.id = static_cast<std::uint32_t>(i + 1);
    t.status = messages::TrackStatus::kConfirmed;
    t.has_height = true;
    const double bearing = rng.uniform(0.0, kTwoPi), range = rng.uniform(20'000, 250'000);
    const auto& aim = p.scenario.assets[rng.below(4)].position;
    const Eigen::Vector2d pos(range * std::sin(bearing), range * std::cos(bearing));
    const Eigen::Vector2d vel = (Eigen::Vector2d(aim.east_m, aim.north_m) - pos).normalized() * rng.uniform(50, 300);
    t.x << pos.x(), pos.y(), rng.uniform(50, 10'000) - pos.squaredNorm() / (2 * kEarthRadius_m), vel.x(), vel.y(), 0;
    p.tracks.push_back(t);
  }
  const scenario::WeaponType sam{"sam", 2000, 60'000, 20, 20'000, 1000, 0.8, 1000, 300, 4};
  for (int u = 0; u < n_units; ++u) {
    const double a = kTwoPi * u / n_units, r = 5000 + 35'000.0 * (u % 5) / 4.0;
    p.weapons.push_back({static_cast<std::size_t>(u), Eigen::Vector3d(r * std::sin(a), r * std::cos(a), 0), sam, 4, 8});
  }
  return p;
}

void BM_C2Cycle(benchmark::State& state) {
  const Picture p = make_picture(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  // IFF: every tenth track is a friend that answers; everything is in coverage.
  const c2::IffChallenge iff = [&](const c2::IffQuery& q) {
    for (std::size_t i = 0; i < p.tracks.size(); i += 10)
      if ((p.tracks[i].position_enu_m() - q.p_enu_m).norm() < 1.0) return c2::IffReply{true, true};
    return c2::IffReply{true, false};
  };
  c2::BattleManager warmed(p.scenario, iff);
  for (int k = 0; k < 3; ++k) warmed.step(k, p.tracks, {});  // identities settle: no weapons yet
  std::size_t orders = 0;
  double cycle_s = 0.0;
  for (auto _ : state) {
    state.PauseTiming();
    c2::BattleManager bm = warmed;
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    const c2::C2Decision d = bm.step(3.0, p.tracks, p.weapons);
    cycle_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    orders = d.orders.size();
    benchmark::DoNotOptimize(d.threats.data());
  }
  state.counters["fire_orders"] = static_cast<double>(orders);
  state.counters["ratio_to_budget"] = benchmark::Counter(cycle_s / 0.050, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_C2Cycle)->Args({500, 50})->Args({100, 10})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
