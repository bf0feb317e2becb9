#include "tracking/offline_run.h"

#include <chrono>
#include <limits>
#include <map>
#include <set>

#include "core/units.h"

namespace rampart::tracking {
PlotBatch batch_of_scan(const PointScan& scan, double sigma_m, std::uint64_t first_plot_id) {
  std::uint64_t next_plot_id = first_plot_id;
  PlotBatch batch;
  batch.t_begin_s = scan.t_s;
  batch.t_s = scan.t_s;
  batch.az_begin_rad = 0.0;
  batch.az_end_rad = kTwoPi;
  batch.max_range_m = std::numeric_limits<double>::infinity();
  batch.plots.reserve(scan.p_m.size());
  for (const Eigen::Vector3d& p_m : scan.p_m) {
    Plot plot;
    plot.id = next_plot_id++;
    plot.t_s = scan.t_s;
    plot.p_enu_m = p_m;
    plot.p_cov_m2.diagonal() << sigma_m * sigma_m, sigma_m * sigma_m, 0.0;
    batch.plots.push_back(plot);
  }
  return batch;
}

OfflineRunSummary run_offline(Tracker& tracker, const std::vector<PointScan>& detections,
                              const std::vector<PointScan>& truth, const OfflineRunOptions& options) {
  std::map<std::int64_t, const PointScan*> truth_by_scan;
  for (const PointScan& t : truth) truth_by_scan[t.scan] = &t;
  const PointScan no_targets;
  OfflineRunSummary summary;
  summary.scored = !truth.empty();
  std::set<std::uint32_t> ever_confirmed;
  std::uint64_t next_plot_id = 0;
  double total_ms = 0.0;
  for (const PointScan& scan : detections) {
    const PlotBatch batch = batch_of_scan(scan, options.sigma_m, next_plot_id);
    next_plot_id += scan.p_m.size();
    const auto start = std::chrono::steady_clock::now();
    tracker.process(batch);
    const auto stop = std::chrono::steady_clock::now();
    ScanResult result;
    result.scan = scan.scan;
    result.t_s = scan.t_s;
    result.process_ms = std::chrono::duration<double, std::milli>(stop - start).count();
    total_ms += result.process_ms;
    std::vector<Eigen::Vector3d> estimates;
    for (const TrackState& t : tracker.tracks()) {
      if (t.status != TrackStatus::kConfirmed) continue;
      ever_confirmed.insert(t.id);
      const Eigen::Vector3d p_m = t.position_enu_m() + t.velocity_enu_mps() * (scan.t_s - t.t_s);
      result.confirmed.push_back({t.id, p_m});
      estimates.push_back(p_m);
    }
    if (summary.scored) {
      const auto found = truth_by_scan.find(scan.scan);
      const PointScan& targets = found == truth_by_scan.end() ? no_targets : *found->second;
      result.gospa = gospa(targets.p_m, estimates, options.gospa_c_m, options.gospa_p);
      summary.gospa_mean += result.gospa.gospa;
      summary.gospa_localisation_mean += result.gospa.localisation;
      summary.gospa_missed_mean += result.gospa.missed;
      summary.gospa_false_mean += result.gospa.false_tracks;
    }
    summary.plots += static_cast<int>(scan.p_m.size());
    summary.per_scan.push_back(std::move(result));
  }
  summary.scans = static_cast<int>(detections.size());
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
