#include "tracking/adsb.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.h"
#include "core/random.h"
#include "core/text_file.h"
#include "core/units.h"
#include "tracking/measurement_models.h"

namespace rampart::tracking {
namespace {

std::string read_gzip(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) throw InputError(path + ": cannot open the file; check the path");
  return *std::move(text);
}

}  // namespace

std::vector<AdsbReport> read_adsb_json_gz(const std::string& path) {
  nlohmann::json array;
  try {
    array = nlohmann::json::parse(read_gzip(path));
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(path + ": not valid JSON (" + e.what() + ")");
  }
  if (!array.is_array()) throw InputError(path + ": expected a JSON array of reports");
  std::vector<AdsbReport> reports;
  for (const nlohmann::json& r : array) {
    const auto number = [&](const char* key) { return r.contains(key) && r[key].is_number(); };
    if (!number("timestamp") || !number("latitude") || !number("longitude") || !number("altitude") ||
        !r.contains("icao24") || !r["icao24"].is_string()) {
      continue;
    }
    AdsbReport a;
    a.t_s = r["timestamp"].get<double>() * 1e-3;
    a.aircraft = std::stoll(r["icao24"].get<std::string>(), nullptr, 16);
    a.position = {r["latitude"].get<double>(), r["longitude"].get<double>(),
                  r["altitude"].get<double>() * kMetresPerFoot};
    reports.push_back(a);
  }
  std::sort(reports.begin(), reports.end(), [](const AdsbReport& a, const AdsbReport& b) {
    return a.aircraft != b.aircraft ? a.aircraft < b.aircraft : a.t_s < b.t_s;
  });
  return reports;
}

double busiest_hour_start_s(const std::vector<AdsbReport>& reports) {
  RAMPART_DEMAND(!reports.empty(), "no reports");
  std::map<std::int64_t, std::set<std::int64_t>> aircraft_by_minute;
  for (const AdsbReport& r : reports) {
    aircraft_by_minute[static_cast<std::int64_t>(std::floor(r.t_s / 60.0))].insert(r.aircraft);
  }
  std::int64_t best_minute = aircraft_by_minute.begin()->first;
  std::size_t best = 0;
  for (const auto& [minute, unused] : aircraft_by_minute) {
    std::set<std::int64_t> seen;
    for (auto it = aircraft_by_minute.find(minute); it != aircraft_by_minute.end() && it->first < minute + 60; ++it) {
      seen.insert(it->second.begin(), it->second.end());
    }
    if (seen.size() > best) {
      best = seen.size();
      best_minute = minute;
    }
  }
  return static_cast<double>(best_minute) * 60.0;
}

std::vector<PointScan> sample_truth(const std::vector<AdsbReport>& reports, const LocalFrame& frame,
                                    double t0_s, double t1_s, double dt_s, double max_gap_s) {
  std::vector<PointScan> scans;
  for (int k = 0; t0_s + k * dt_s < t1_s; ++k) scans.push_back({k, t0_s + k * dt_s, {}, {}});
  for (std::size_t i = 0; i + 1 < reports.size(); ++i) {
    const AdsbReport& a = reports[i];
    const AdsbReport& b = reports[i + 1];
    if (a.aircraft != b.aircraft || b.t_s - a.t_s > max_gap_s || b.t_s <= a.t_s) continue;
    const Eigen::Vector3d pa = frame.to_enu(a.position);
    const Eigen::Vector3d pb = frame.to_enu(b.position);
    // Scan times in [a.t_s, b.t_s), so a time shared by two segments is sampled once.
    const auto first = static_cast<std::int64_t>(std::ceil((std::max(a.t_s, t0_s) - t0_s) / dt_s));
    for (std::int64_t k = std::max<std::int64_t>(first, 0); k < static_cast<std::int64_t>(scans.size()); ++k) {
      const double t = scans[k].t_s;
      if (t >= b.t_s) break;
      const double f = (t - a.t_s) / (b.t_s - a.t_s);
      scans[k].ids.push_back(a.aircraft);
      scans[k].p_m.push_back(pa + f * (pb - pa));
    }
  }
  return scans;
}

double SimulatedRadar::clutter_density() const {
  return clutter_per_scan / (kPi * max_range_m * max_range_m * clutter_height_m);
}

TrafficRun prepare_traffic(const std::vector<AdsbReport>& reports, double t0_s, double duration_s,
                           const SimulatedRadar& radar, std::uint64_t seed) {
  Geodetic centre{0.0, 0.0, 0.0};
  int count = 0;
  for (const AdsbReport& r : reports) {
    if (r.t_s < t0_s || r.t_s >= t0_s + duration_s) continue;
    centre.lat_deg += r.position.lat_deg;
    centre.lon_deg += r.position.lon_deg;
    ++count;
  }
  if (count == 0) throw InputError("no ADS-B reports in the chosen interval");
  centre.lat_deg /= count;
  centre.lon_deg /= count;
  const LocalFrame frame(centre);
  TrafficRun run;
  run.truth = in_coverage(sample_truth(reports, frame, t0_s, t0_s + duration_s, 4.0, 30.0), radar);
  run.batches = simulate_radar(run.truth, radar, seed);
  for (const PointScan& t : run.truth) run.scan_numbers.push_back(t.scan);
  return run;
}

TrackerConfig traffic_tracker_config(const SimulatedRadar& radar) {
  TrackerConfig config;
  config.detection_probability = radar.pd;
  config.clutter_density = radar.clutter_density();
  return config;
}

ImmTuning traffic_imm_tuning() {
  ImmTuning imm;
  imm.cv_q_m2ps3 = 1.0;
  imm.ca_q_jerk_m2ps5 = 25.0;
  imm.ct_q_m2ps3 = 25.0;
  imm.ct_q_turn_rad2ps3 = 1e-4;
  imm.mean_sojourn_s = 37.0;  // stays in a mode with probability 0.90 over a 4 s scan
  return imm;
}

std::vector<PointScan> in_coverage(const std::vector<PointScan>& truth, const SimulatedRadar& radar) {
  std::vector<PointScan> out;
  for (const PointScan& scan : truth) {
    PointScan kept{scan.scan, scan.t_s, {}, {}};
    for (std::size_t i = 0; i < scan.p_m.size(); ++i) {
      if ((scan.p_m[i] - radar.position_enu_m).norm() >= radar.max_range_m) continue;
      kept.p_m.push_back(scan.p_m[i]);
      kept.ids.push_back(scan.ids[i]);
    }
    out.push_back(std::move(kept));
  }
  return out;
}

std::vector<PlotBatch> simulate_radar(const std::vector<PointScan>& truth, const SimulatedRadar& radar,
                                      std::uint64_t seed) {
  PolarSensor sensor;
  sensor.sensor_enu_m = radar.position_enu_m;
  sensor.range_sigma_m = radar.range_sigma_m;
  sensor.az_sigma_rad = radar.az_sigma_rad;
  sensor.el_sigma_rad = radar.el_sigma_rad;
  std::vector<PlotBatch> batches;
  std::uint64_t next_id = 1;
  for (const PointScan& scan : truth) {
    const auto key = static_cast<std::uint64_t>(scan.scan);
    RandomStream detection(seed, key, Purpose::kDetection);
    RandomStream noise(seed, key, Purpose::kMeasurementNoise);
    RandomStream clutter(seed, key, Purpose::kFalseAlarm);
    PlotBatch batch;
    batch.t_begin_s = batch.t_s = scan.t_s;
    batch.az_begin_rad = 0.0;
    batch.az_end_rad = kTwoPi;
    batch.max_range_m = radar.max_range_m;
    batch.sensor_enu_m = radar.position_enu_m;
    const auto add = [&](const Eigen::Vector3d& p_m, bool noisy) {
      const Eigen::VectorXd z = polar_of(sensor, p_m, Eigen::Vector3d::Zero());
      const double range_m = z(0) + (noisy ? noise.normal(0.0, sensor.range_sigma_m) : 0.0);
      const double az_rad = z(1) + (noisy ? noise.normal(0.0, sensor.az_sigma_rad) : 0.0);
      const double el_rad = z(2) + (noisy ? noise.normal(0.0, sensor.el_sigma_rad) : 0.0);
      const ConvertedMeasurement c = unbiased_conversion(sensor, range_m, az_rad, el_rad);
      Plot plot;
      plot.id = next_id++;
      plot.t_s = scan.t_s;
      plot.range_m = range_m;
      plot.az_rad = wrap_two_pi(az_rad);
      plot.el_rad = el_rad;
      plot.has_elevation = true;
      plot.range_sigma_m = sensor.range_sigma_m;
      plot.az_sigma_rad = sensor.az_sigma_rad;
      plot.el_sigma_rad = sensor.el_sigma_rad;
      plot.p_enu_m = c.p_enu_m;
      plot.p_cov_m2 = c.R_m2;
      batch.plots.push_back(plot);
    };
    for (const Eigen::Vector3d& p_m : scan.p_m) {
      if ((p_m - radar.position_enu_m).norm() < radar.max_range_m && detection.bernoulli(radar.pd)) add(p_m, true);
    }
    const std::uint64_t count = clutter.poisson(radar.clutter_per_scan);
    for (std::uint64_t c = 0; c < count; ++c) {
      const double r_m = radar.max_range_m * std::sqrt(clutter.uniform());
      const double az_rad = clutter.uniform(0.0, kTwoPi);
      add(radar.position_enu_m + Eigen::Vector3d(r_m * std::sin(az_rad), r_m * std::cos(az_rad),
                                                 clutter.uniform(0.0, radar.clutter_height_m)),
          false);
    }
    batches.push_back(std::move(batch));
  }
  return batches;
}

}  // namespace rampart::tracking
