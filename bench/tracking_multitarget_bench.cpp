// GNN, JPDA and MHT on the Vo-Vo linear benchmark and the Williams 2015 coalescence scenario
// (definitions in src/tracking/standard_scenarios.h), 100 Monte Carlo runs each (seeds 0..99),
// with both track logics (M-of-N and score/SPRT).
//
// Tuning, shared by the three trackers of a scenario:
//  Vo-Vo:        sigma 10 m, Pd 0.98, lambda 30 / (2000 m)^2, process noise 1 m/s^1.5 (the truth
//                is noiseless), new-track velocity sigma 20 m/s, M-of-N 5/6 and deletion after
//                3 misses, GOSPA c = 50, p = 2.
//  Coalescence:  sigma 1 m, Pd 0.9, lambda 10 / (300 m)^2, process noise sqrt(0.02) m/s^1.5,
//                new-track velocity sigma 2 m/s, M-of-N 3/4 and deletion after 3 misses,
//                GOSPA c = 10, p = 2.
//  Score logic:  alpha 1e-3, beta 0.05, deletion at a score drop of 6 (three misses in a row,
//                log(1 - Pd) each, as the M-of-N rule's three misses).
//  Existence (JPDA's and MHT's weights only): survival 0.99 per s, a new MHT branch's 0.5.
//  JPDA: at most 100 joint events per cluster; MHT: 10 global hypotheses, N-scan 3.
// One benchmark per (scenario, track logic) runs the three trackers on the same 100 runs; its
// counters are each tracker's mean over runs of the mean GOSPA per scan and of its parts per
// scan (localisation, missed, false; m^2, metrics.h), JPDA's and MHT's ratio to GNN's (below 1:
// better than GNN), and each tracker's median over runs of the process CPU time of
// Tracker::process per scan (ms). The benchmark time is the CPU time of all three.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "tracking/offline_run.h"
#include "tracking/standard_scenarios.h"

namespace rampart::tracking {
namespace {

constexpr int kRuns = 100;

enum Scenario { kVoVo = 0, kCoalescence = 1 };

TrackerConfig config_for(Scenario scenario, bool score_logic) {
  TrackerConfig c;
  if (scenario == kVoVo) {
    c.process_noise_mps2 = 1.0;
    c.initial_speed_sigma_mps = 20.0;
    c.confirm_hits_m = 5;
    c.confirm_window_n = 6;
    c.detection_probability = 0.98;
    c.clutter_density = 30.0 / (2000.0 * 2000.0);
  } else {
    c.process_noise_mps2 = std::sqrt(0.02);
    c.initial_speed_sigma_mps = 2.0;
    c.confirm_hits_m = 3;
    c.confirm_window_n = 4;
    c.detection_probability = 0.9;
    c.clutter_density = 10.0 / (300.0 * 300.0);
  }
  c.delete_after_misses = 3;
  c.track_logic = score_logic ? TrackLogic::kScore : TrackLogic::kMOfN;
  c.false_track_probability = 1e-3;
  c.true_track_loss_probability = 0.05;
  c.delete_score_drop = 6.0;
  c.survival_probability_per_s = 0.99;
  c.initial_existence_probability = 0.5;
  return c;
}

std::unique_ptr<Tracker> make(const std::string& kind, const TrackerConfig& c) {
  if (kind == "jpda") return make_jpda_tracker(c, 100);
  if (kind == "mht") return make_mht_tracker(c, MhtParameters{10, 3});
  return make_gnn_tracker(c);
}

void BM_MonteCarlo(benchmark::State& state) {
  const auto scenario = static_cast<Scenario>(state.range(0));
  const bool score_logic = state.range(1) != 0;
  OfflineRunOptions options;
  options.sigma_m = scenario == kVoVo ? 10.0 : 1.0;
  options.gospa_c_m = scenario == kVoVo ? 50.0 : 10.0;
  std::vector<GeneratedScenario> runs;
  for (int run = 0; run < kRuns; ++run) {
    const auto seed = static_cast<std::uint64_t>(run);
    runs.push_back(scenario == kVoVo ? generate_vo_vo_linear(seed) : generate_coalescence(seed));
  }
  for (auto _ : state) {
    double cpu_ms = 0.0;
    double gnn_gospa = 0.0;
    for (const std::string kind : {"gnn", "jpda", "mht"}) {
      double gospa_sum = 0.0;
      double localisation_sum = 0.0;
      double missed_sum = 0.0;
      double false_sum = 0.0;
      std::vector<double> ms_per_scan;
      for (const GeneratedScenario& g : runs) {
        const auto tracker = make(kind, config_for(scenario, score_logic));
        const OfflineRunSummary s = run_offline(*tracker, g.detections, g.truth, options);
        gospa_sum += s.gospa_mean;
        localisation_sum += s.gospa_localisation_mean;
        missed_sum += s.gospa_missed_mean;
        false_sum += s.gospa_false_mean;
        ms_per_scan.push_back(s.ms_per_scan_mean);
        cpu_ms += s.ms_per_scan_mean * s.scans;
      }
      const double gospa_mean = gospa_sum / kRuns;
      if (kind == "gnn") gnn_gospa = gospa_mean;
      std::nth_element(ms_per_scan.begin(), ms_per_scan.begin() + kRuns / 2, ms_per_scan.end());
      state.counters[kind + "_gospa"] = gospa_mean;
      state.counters[kind + "_loc"] = localisation_sum / kRuns;
      state.counters[kind + "_miss"] = missed_sum / kRuns;
      state.counters[kind + "_false"] = false_sum / kRuns;
      state.counters[kind + "_ms"] = ms_per_scan[kRuns / 2];
      if (kind != "gnn") state.counters[kind + "_vs_gnn"] = gospa_mean / gnn_gospa;
    }
    state.SetIterationTime(cpu_ms * 1e-3);
  }
  state.SetLabel(std::string(scenario == kVoVo ? "vo-vo" : "coalescence") +
                 (score_logic ? " score" : " m-of-n"));
}

BENCHMARK(BM_MonteCarlo)
    ->ArgsProduct({{kVoVo, kCoalescence}, {0, 1}})
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rampart::tracking

BENCHMARK_MAIN();
