// Real air traffic as truth: reading ADS-B trajectories (the format of xoolive/traffic's
// sample collections, as shipped in shared/data/adsb: a gzipped JSON array of objects with
// timestamp (ms since 1970 UTC), icao24, latitude and longitude (deg), altitude (ft)),
// choosing the busiest hour, and sampling each aircraft's position in a local ENU frame at the
// scan times by linear interpolation between its reports (never across a gap of more than
// max_gap_s, never beyond its first or last report).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "core/units.h"
#include "tracking/imm.h"
#include "tracking/scan_csv.h"
#include "tracking/tracker.h"
#include "tracking/types.h"

namespace rampart::tracking {

struct AdsbReport {
  double t_s = 0.0;  ///< seconds since 1970-01-01 UTC
  std::int64_t aircraft = 0;  ///< icao24 as a number
  Geodetic position;          ///< altitude in metres
};

/// Reports sorted by aircraft, then time; reports without a position or altitude are skipped.
/// Throws InputError on a file that cannot be read or parsed.
std::vector<AdsbReport> read_adsb_json_gz(const std::string& path);

/// Start of the one-hour window (on whole minutes) with the most distinct aircraft reporting.
double busiest_hour_start_s(const std::vector<AdsbReport>& reports);

/// Truth scans every dt_s over [t0_s, t1_s): ids are the aircraft, positions ENU (m) in `frame`.
std::vector<PointScan> sample_truth(const std::vector<AdsbReport>& reports, const LocalFrame& frame,
                                    double t0_s, double t1_s, double dt_s, double max_gap_s);

/// A 3-D surveillance radar seeing the whole sky at each truth scan (one batch per scan): each
/// target inside max_range_m is detected with probability pd, its range, azimuth and elevation
/// measured with Gaussian noise and converted by unbiased_conversion (measurement_models.h);
/// Poisson(clutter_per_scan) false plots uniform in the cylinder of radius max_range_m and
/// height clutter_height_m around the radar. Streams (seed, scan, purpose).
struct SimulatedRadar {
  Eigen::Vector3d position_enu_m = Eigen::Vector3d::Zero();
  double range_sigma_m = 50.0;
  double az_sigma_rad = deg_to_rad(0.1);
  double el_sigma_rad = deg_to_rad(0.1);
  double pd = 0.9;
  double clutter_per_scan = 20.0;
  double max_range_m = 150'000.0;
  double clutter_height_m = 13'000.0;

  /// False plots per m^3.
  double clutter_density() const;
};

/// The truth the radar can see: the targets inside max_range_m (the others are not scored).
std::vector<PointScan> in_coverage(const std::vector<PointScan>& truth, const SimulatedRadar& radar);

std::vector<PlotBatch> simulate_radar(const std::vector<PointScan>& truth, const SimulatedRadar& radar,
                                      std::uint64_t seed);

/// A radar run over real traffic, ready for run_batches (offline_run.h).
struct TrafficRun {
  std::vector<PointScan> truth;  ///< in coverage only
  std::vector<PlotBatch> batches;
  std::vector<std::int64_t> scan_numbers;
};

/// Truth every 4 s over [t0_s, t0_s + duration_s) in a frame at ground level under the mean
/// position of the reports of that interval (gaps up to 30 s bridged), seen by `radar` at the
/// frame's origin.
TrafficRun prepare_traffic(const std::vector<AdsbReport>& reports, double t0_s, double duration_s,
                           const SimulatedRadar& radar, std::uint64_t seed);

/// The tuning used on real traffic: the radar's Pd and clutter density, gate 0.999, M-of-N 3/4,
/// deletion after 3 misses, new-track velocity sigma 300 m/s; the IMM with CV q 1 m^2/s^3,
/// CA jerk q 25 m^2/s^5, CT q 25 m^2/s^3 and turn-rate q 1e-4 rad^2/s^3, staying in a mode 37 s
/// on average (probability 0.90 over a 4 s scan).
TrackerConfig traffic_tracker_config(const SimulatedRadar& radar);
ImmTuning traffic_imm_tuning();

}  // namespace rampart::tracking
