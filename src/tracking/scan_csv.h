// Readers of recorded plots and truth, scan by scan.
//
// Detections, Stone Soup's CSV: header `scan,time,x,y` (columns in any order, others ignored),
//   one row per detection; time in seconds, x (east) and y (north) in metres.
// Detections, Rampart's plots.csv (`rampart run --out`): header
//   `t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,source`; only east_m and
//   north_m are used. By default rows with one t_s form one scan, numbered from 0; with a scan
//   period T > 0 (for rotating radars: a whole rotation per scan) scan k holds the rows with
//   t_s in [k T, (k + 1) T), its time is k T and each point keeps its own time.
// Truth, Stone Soup's CSV: header `scan,time,id,x,y`.
// Truth, Rampart's truth.csv (`rampart run --out`): header `t_s,truth_id,name,side,kind,state,
//   lat_deg,lon_deg,alt_m,east_m,north_m,up_m,ve_mps,vn_mps`; the rows in state `flying` (every
//   side) are the targets, id truth_id at (east_m, north_m); rows with one t_s form one sample.
//   Its samples (1 Hz) are not the radar's scans, so they are brought to each detection scan's
//   time: a target in both samples around it is interpolated linearly, a target in only one of
//   them counts where that one is the nearer; a scan outside the samples' time span has none.
// Fields follow RFC 4180 (double quotes around a field with commas, quotes or line breaks).
// A scan is the set of rows with one scan number; its rows must be contiguous, all with one
// time, and times must not decrease down the file. x and y must lie within +-1e9 m; with a scan
// period, t_s / T within +-1e15. Files are read through read_text_file (core/text_file.h: regular
// files only, size and line-length caps, gzip allowed). Any malformed input throws InputError
// with `FILE:LINE: what is wrong` and how to fix it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace rampart::tracking {

/// The points of one scan; ids only for truth. Positions are (east, north, 0) in metres.
struct PointScan {
  std::int64_t scan = 0;
  double t_s = 0.0;
  std::vector<Eigen::Vector3d> p_m;
  std::vector<std::int64_t> ids;
  std::vector<double> point_t_s;  ///< per point, only when points have their own times
};

std::vector<PointScan> read_detections_csv(const std::string& path, double scan_period_s = 0.0);
/// Truth to score `detections` against: Stone Soup truth as read (scored by scan number);
/// Rampart's truth.csv brought to the detection scans' times and numbers (its raw samples,
/// numbered 0, 1, ... in time order, when `detections` is empty).
std::vector<PointScan> read_truth_csv(const std::string& path, const std::vector<PointScan>& detections = {});

/// Writers of the Stone Soup formats (full double precision), which the readers read back.
void write_detections_csv(const std::string& path, const std::vector<PointScan>& scans);
void write_truth_csv(const std::string& path, const std::vector<PointScan>& scans);

}  // namespace rampart::tracking
