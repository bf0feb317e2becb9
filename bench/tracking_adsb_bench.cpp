// Real traffic: the busiest hour of ../shared/data/adsb/switzerland.json.gz (xoolive/traffic,
// MIT licence, from OpenSky Network data) as truth, seen by a simulated 3-D radar (range sigma
// 50 m, azimuth and elevation sigma 0.1 deg, a 4 s scan, Pd 0.9, 20 clutter plots per scan,
// 150 km range) placed at ground level under the centre of that hour's traffic; GNN tracking with
// a constant-velocity Kalman filter (process noise sqrt(q) of 5, 10, 20, 30 and 50 m/s^1.5: cvN)
// and with the CV/CA/coordinated-turn IMM; then JPDA with the best of those CV filters
// (best_cv_jpda) and with the IMM (imm_jpda, IMM-JPDA); tuning in
// src/tracking/adsb.h (traffic_*). Counters per tracker: mean GOSPA per scan (c = 1000 m, p = 2),
// track breaks and swaps, CPU ms per scan; imm_vs_best_cv is the IMM's GOSPA over the best CV
// filter's, imm_jpda_vs_imm and imm_jpda_vs_best_cv_jpda IMM-JPDA's over IMM-GNN's and CV-JPDA's
// (below 1: better).
// Skipped, with a message, when the shared data are absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <string>

#include "tracking/adsb.h"
#include "tracking/offline_run.h"

namespace rampart::tracking {
namespace {

constexpr const char* kData = RAMPART_SHARED_DIR "/data/adsb/switzerland.json.gz";
constexpr int kJpdaHypotheses = 1000;  // joint events per cluster, as the simulation's JPDA

void BM_AdsbBusiestHour(benchmark::State& state) {
  if (!std::filesystem::exists(kData)) {
    state.SkipWithError("shared ADS-B data not found (expected ../shared/data/adsb/switzerland.json.gz)");
    return;
  }
  const std::vector<AdsbReport> reports = read_adsb_json_gz(kData);
  const SimulatedRadar radar;
  const TrafficRun traffic = prepare_traffic(reports, busiest_hour_start_s(reports), 3600.0, radar, 7);
  const TrackerConfig config = traffic_tracker_config(radar);
  OfflineRunOptions options;
  options.gospa_c_m = 1000.0;
  double aircraft = 0.0;
  for (const PointScan& t : traffic.truth) aircraft += static_cast<double>(t.p_m.size());

  for (auto _ : state) {
    double cpu_ms = 0.0;
    double best_cv = std::numeric_limits<double>::infinity();
    const auto record = [&](const std::string& name, Tracker& tracker) {
      const OfflineRunSummary s =
          run_batches(tracker, traffic.batches, traffic.scan_numbers, traffic.truth, options);
      state.counters[name + "_gospa"] = s.gospa_mean;
      state.counters[name + "_breaks"] = s.track_breaks;
      state.counters[name + "_swaps"] = s.track_swaps;
      state.counters[name + "_ms"] = s.ms_per_scan_mean;
      cpu_ms += s.ms_per_scan_mean * s.scans;
      return s.gospa_mean;
    };
    TrackerConfig best_cv_config = config;
    for (const double noise : {5.0, 10.0, 20.0, 30.0, 50.0}) {
      TrackerConfig cv = config;
      cv.process_noise_mps2 = noise;
      const double gospa = record("cv" + std::to_string(static_cast<int>(noise)), *make_gnn_tracker(cv));
      if (gospa < best_cv) {
        best_cv = gospa;
        best_cv_config = cv;
      }
    }
    const double imm_gospa = record("imm", *make_gnn_tracker(config, traffic_imm_tuning()));
    state.counters["imm_vs_best_cv"] = imm_gospa / best_cv;
    const double best_cv_jpda = record("best_cv_jpda", *make_jpda_tracker(best_cv_config, kJpdaHypotheses));
    const double imm_jpda_gospa =
        record("imm_jpda", *make_jpda_tracker(config, kJpdaHypotheses, traffic_imm_tuning()));
    state.counters["imm_jpda_vs_imm"] = imm_jpda_gospa / imm_gospa;
    state.counters["imm_jpda_vs_best_cv_jpda"] = imm_jpda_gospa / best_cv_jpda;
    state.SetIterationTime(cpu_ms * 1e-3);
  }
  state.counters["scans"] = static_cast<double>(traffic.truth.size());
  state.counters["aircraft_per_scan"] = aircraft / static_cast<double>(traffic.truth.size());
}

BENCHMARK(BM_AdsbBusiestHour)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rampart::tracking

BENCHMARK_MAIN();
