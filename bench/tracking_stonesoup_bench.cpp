// GNN tracker on Stone Soup's benchmark scenario family (references.md; the generator and its
// choices are documented in src/tracking/stonesoup_scenario.h), next to Stone Soup's figures.
//
// BM_StoneSoup/N: 100 scans of N targets, N = 10, 100, 500. The tracker is configured as Stone
// Soup's run was (confirmation after 3 updates in 3 looks, deletion after 3 misses), with
// process noise 0.3 m/s^1.5 (the truth uses sqrt(0.05) = 0.22) and new-track velocity sigma
// 10 m/s (the truth's initial velocity sigma is 5 m/s).
// BM_Scale/N: 20 scans of N targets, N = 100, 1000, 10000, 50000 (the first scans, before the
// tracks are confirmed, are counted too).
// The time of an iteration is the process CPU time of Tracker::process over all scans only
// (run_offline's timing: plot conversion and GOSPA scoring are left out); counters give CPU ms
// per scan. The table
// at the end gives the median over repetitions, the mean GOSPA per scan (c = 50, p = 2, the same
// for every repetition: the input and the tracker are deterministic) and the ratios to Stone Soup.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "tracking/offline_run.h"
#include "tracking/stonesoup_scenario.h"

namespace rampart::tracking {
namespace {

constexpr std::uint64_t kSeed = 2024;

struct Figures {
  double plots_per_scan = 0.0;
  double gospa_mean = 0.0;
  std::vector<double> cpu_ms_per_scan;  ///< one per repetition
};

std::map<int, Figures>& figures(int scans) {
  static std::map<int, std::map<int, Figures>> by_scans;
  return by_scans[scans];
}

TrackerConfig stonesoup_config() {
  TrackerConfig config;
  config.process_noise_mps2 = 0.3;
  config.initial_speed_sigma_mps = 10.0;
  config.confirm_hits_m = 3;
  config.confirm_window_n = 3;
  config.delete_after_misses = 3;
  return config;
}

void track_scenario(benchmark::State& state, int scans) {
  const int targets = static_cast<int>(state.range(0));
  StoneSoupScenarioParams params;
  params.targets = targets;
  params.scans = scans;
  const GeneratedScenario scenario = generate_stonesoup_scenario(params, kSeed);
  Figures& f = figures(scans)[targets];
  for (auto _ : state) {
    const auto tracker = make_gnn_tracker(stonesoup_config());
    const OfflineRunSummary s = run_offline(*tracker, scenario.detections, scenario.truth, {});
    state.SetIterationTime(s.ms_per_scan_mean * scans * 1e-3);
    f.cpu_ms_per_scan.push_back(s.ms_per_scan_mean);
    f.gospa_mean = s.gospa_mean;
    f.plots_per_scan = static_cast<double>(s.plots) / scans;
  }
  state.counters["cpu_ms_per_scan"] = f.cpu_ms_per_scan.back();
  state.counters["gospa_mean"] = f.gospa_mean;
  state.counters["plots_per_scan"] = f.plots_per_scan;
}

void BM_StoneSoup(benchmark::State& state) { track_scenario(state, 100); }
void BM_Scale(benchmark::State& state) { track_scenario(state, 20); }

BENCHMARK(BM_StoneSoup)->Arg(10)->Arg(100)->Arg(500)->UseManualTime()->Iterations(1)
    ->Repetitions(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Scale)->Arg(100)->Arg(1000)->Arg(10000)->Arg(50000)->UseManualTime()->Iterations(1)
    ->Repetitions(3)->Unit(benchmark::kMillisecond);

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void print_tables() {
  struct StoneSoupFigure {
    double gospa;
    double ms_per_scan;
  };
  const std::map<int, StoneSoupFigure> stonesoup = {{10, {31, 10}}, {100, {115, 132}}, {500, {283, 797}}};
  std::printf("\nStone Soup scenario family, 100 scans, GNN, median CPU time over repetitions\n");
  std::printf("%8s %10s %12s %10s %12s %14s %12s %14s\n", "targets", "plots/scan", "GOSPA mean",
              "SS GOSPA", "GOSPA ratio", "CPU ms/scan", "SS ms/scan", "speed-up (x)");
  for (const auto& [targets, f] : figures(100)) {
    if (f.cpu_ms_per_scan.empty()) continue;
    const double ms = median(f.cpu_ms_per_scan);
    const auto found = stonesoup.find(targets);
    if (found == stonesoup.end()) continue;
    const StoneSoupFigure& ss = found->second;
    std::printf("%8d %10.1f %12.2f %10.0f %12.3f %14.4f %12.0f %14.0f\n", targets, f.plots_per_scan,
                f.gospa_mean, ss.gospa, f.gospa_mean / ss.gospa, ms, ss.ms_per_scan, ss.ms_per_scan / ms);
  }
  std::printf("\nScale curve, 20 scans, GNN, median CPU time over repetitions\n");
  std::printf("%8s %10s %12s %14s %20s\n", "targets", "plots/scan", "GOSPA mean", "CPU ms/scan",
              "us per plot");
  for (const auto& [targets, f] : figures(20)) {
    if (f.cpu_ms_per_scan.empty()) continue;
    const double ms = median(f.cpu_ms_per_scan);
    std::printf("%8d %10.1f %12.2f %14.3f %20.3f\n", targets, f.plots_per_scan, f.gospa_mean, ms,
                1e3 * ms / f.plots_per_scan);
  }
}

}  // namespace
}  // namespace rampart::tracking

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  rampart::tracking::print_tables();
  return 0;
}
