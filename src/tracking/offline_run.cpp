#include "tracking/offline_run.h"

#include <algorithm>
#include <ctime>
#include <limits>
#include <map>
#include <set>

#include "core/units.h"

namespace rampart::tracking {
namespace {
double process_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}
}  // namespace

PlotBatch batch_of_scan(const PointScan& scan, double sigma_m, std::uint64_t first_plot_id) {
  std::uint64_t next_plot_id = first_plot_id;
  PlotBatch batch;
  batch.t_begin_s = scan.t_s;
  batch.t_s = scan.t_s;
  batch.az_begin_rad = 0.0;
  batch.az_end_rad = kTwoPi;
  batch.max_range_m = std::numeric_limits<double>::infinity();
  batch.plots.reserve(scan.p_m.size());
  for (std::size_t i = 0; i < scan.p_m.size(); ++i) {
    Plot plot;
    plot.id = next_plot_id++;
    plot.t_s = scan.point_t_s.empty() ? scan.t_s : scan.point_t_s[i];
    batch.t_s = std::max(batch.t_s, plot.t_s);
    plot.p_enu_m = scan.p_m[i];
    plot.p_cov_m2.diagonal() << sigma_m * sigma_m, sigma_m * sigma_m, 0.0;
    batch.plots.push_back(plot);
  }
  return batch;
}

OfflineRunSummary run_offline(Tracker& tracker, const std::vector<PointScan>& detections,
                              const std::vector<PointScan>& truth, const OfflineRunOptions& options) {
  std::vector<PlotBatch> batches;
  std::vector<std::int64_t> scan_numbers;
  std::uint64_t next_plot_id = 0;
  for (const PointScan& scan : detections) {
    batches.push_back(batch_of_scan(scan, options.sigma_m, next_plot_id));
    scan_numbers.push_back(scan.scan);
    next_plot_id += scan.p_m.size();
  }
  return run_batches(tracker, batches, scan_numbers, truth, options);
}

OfflineRunSummary run_batches(Tracker& tracker, const std::vector<PlotBatch>& batches,
                              const std::vector<std::int64_t>& scan_numbers,
                              const std::vector<PointScan>& truth, const OfflineRunOptions& options) {
  std::map<std::int64_t, const PointScan*> truth_by_scan;
  for (const PointScan& t : truth) truth_by_scan[t.scan] = &t;
  const PointScan no_targets;
  OfflineRunSummary summary;
  summary.scored = !truth.empty();
  std::set<std::uint32_t> ever_confirmed;
  TrackContinuity continuity;
  double total_ms = 0.0;
  for (std::size_t k = 0; k < batches.size(); ++k) {
    const PlotBatch& batch = batches[k];
    const double start_ms = process_cpu_ms();
    tracker.process(batch);
    const double stop_ms = process_cpu_ms();
    ScanResult result;
    result.scan = scan_numbers[k];
    result.t_s = batch.t_s;
    result.process_ms = stop_ms - start_ms;
    total_ms += result.process_ms;
    std::vector<Eigen::Vector3d> estimates;
    std::vector<std::uint32_t> ids;
    for (const TrackState& t : tracker.tracks()) {
      if (t.status != TrackStatus::kConfirmed) continue;
      ever_confirmed.insert(t.id);
      const Eigen::Vector3d p_m = t.position_at(batch.t_s);
      result.confirmed.push_back({t.id, p_m, t.velocity_enu_mps()});
      estimates.push_back(p_m);
      ids.push_back(t.id);
    }
    if (summary.scored) {
      const auto found = truth_by_scan.find(result.scan);
      const PointScan& targets = found == truth_by_scan.end() ? no_targets : *found->second;
      result.gospa = gospa(targets.p_m, estimates, options.gospa_c_m, options.gospa_p);
      continuity.add(targets.ids, ids, result.gospa.estimate_for_truth);
      summary.gospa_mean += result.gospa.gospa;
      summary.gospa_localisation_mean += result.gospa.localisation;
      summary.gospa_missed_mean += result.gospa.missed;
      summary.gospa_false_mean += result.gospa.false_tracks;
    }
    summary.plots += static_cast<int>(batch.plots.size());
    summary.per_scan.push_back(std::move(result));
  }
  summary.scans = static_cast<int>(batches.size());
  summary.track_breaks = continuity.breaks();
  summary.track_swaps = continuity.swaps();
  summary.tracks_confirmed = static_cast<int>(ever_confirmed.size());
  if (summary.scans > 0) {
    const double n = summary.scans;
    summary.ms_per_scan_mean = total_ms / n;
    summary.gospa_mean /= n;
    summary.gospa_localisation_mean /= n;
    summary.gospa_missed_mean /= n;
    summary.gospa_false_mean /= n;
  }
  return summary;
}

}  // namespace rampart::tracking
