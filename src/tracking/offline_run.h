// Runs a tracker over recorded 2-D scans (as read from CSV or generated) and scores it.
//
// Each scan becomes one PlotBatch covering the whole circle over the scan's time, its points 2-D
// plots (no elevation) with covariance diag(sigma_m^2, sigma_m^2). After each scan the
// confirmed tracks are predicted (constant velocity) to the scan time; those are the scan's
// estimates, written to tracks.csv and scored with GOSPA against the truth of the same scan
// number (a scan absent from the truth has no targets). process_ms and ms_per_scan_mean are the
// process CPU time of Tracker::process only (not reading, scoring or writing).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "tracking/metrics.h"
#include "tracking/scan_csv.h"
#include "tracking/tracker.h"

namespace rampart::tracking {

struct OfflineRunOptions {
  double sigma_m = 10.0;
  double gospa_c_m = 50.0;
  double gospa_p = 2.0;
};

struct TrackEstimate {
  std::uint32_t track_id = 0;
  Eigen::Vector3d p_m = Eigen::Vector3d::Zero();    ///< predicted to the scan time
  Eigen::Vector3d v_mps = Eigen::Vector3d::Zero();  ///< the filter's velocity estimate
};

struct ScanResult {
  std::int64_t scan = 0;
  double t_s = 0.0;
  std::vector<TrackEstimate> confirmed;  ///< in increasing track id
  double process_ms = 0.0;
  GospaResult gospa;  ///< only when scored
};

struct OfflineRunSummary {
  int scans = 0;
  int plots = 0;
  int tracks_confirmed = 0;  ///< distinct tracks confirmed at some point
  double ms_per_scan_mean = 0.0;
  bool scored = false;
  double gospa_mean = 0.0;
  double gospa_localisation_mean = 0.0;  ///< mean per scan, m^p (see metrics.h)
  double gospa_missed_mean = 0.0;
  double gospa_false_mean = 0.0;
  int track_breaks = 0;  ///< see TrackContinuity (metrics.h)
  int track_swaps = 0;
  std::vector<ScanResult> per_scan;
};

/// The PlotBatch of one scan: the whole circle from scan.t_s to its latest point time, 2-D plots
/// numbered from first_plot_id.
PlotBatch batch_of_scan(const PointScan& scan, double sigma_m, std::uint64_t first_plot_id);

/// `truth` may be empty (no scoring).
OfflineRunSummary run_offline(Tracker& tracker, const std::vector<PointScan>& detections,
                              const std::vector<PointScan>& truth, const OfflineRunOptions& options);

/// The same over ready batches (any plots, 2-D or 3-D); batch k is scored against the truth
/// scan numbered scan_numbers[k] (options.sigma_m is not used).
OfflineRunSummary run_batches(Tracker& tracker, const std::vector<PlotBatch>& batches,
                              const std::vector<std::int64_t>& scan_numbers,
                              const std::vector<PointScan>& truth, const OfflineRunOptions& options);

}  // namespace rampart::tracking
