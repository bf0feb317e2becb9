// `rampart track`: runs a tracker offline over recorded detections and scores it against truth.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "core/error.h"
#include "core/geodesy.h"
#include "core/units.h"
#include "io/asterix_block.h"
#include "io/asterix_cat034.h"
#include "io/asterix_cat048.h"
#include "io/asterix_cat062.h"
#include "io/csv_writer.h"
#include "io/udp_sender.h"
#include "tracking/configure.h"
#include "tracking/offline_run.h"
#include "tracking/scan_csv.h"
#include "tracking/tracker.h"

namespace rampart::app {
namespace {

struct TrackOptions {
  std::string detections_path;
  std::string asterix_path;
  std::vector<std::string> radar_sites;  ///< --radar-site SAC/SIC=EAST_M,NORTH_M,ALT_M
  std::string truth_path;
  std::string tracker = "gnn";
  std::string filter = "cv";
  std::string confirm = "3/4";
  std::string track_logic = "m-of-n";
  int max_hypotheses = tracking::TrackerOptions{}.jpda_max_hypotheses;
  tracking::MhtParameters mht;
  std::string out_dir;
  double scan_period_s = 0.0;
  bool json = false;
  std::string cat062_path;
  std::string cat062_udp;
  double origin_lat_deg = std::numeric_limits<double>::quiet_NaN();  ///< NaN: no origin, no I062/105
  double origin_lon_deg = std::numeric_limits<double>::quiet_NaN();
  tracking::TrackerConfig config;
  tracking::OfflineRunOptions run;
};

// The interval a numeric option must lie in, each end open or closed; NaN and infinities never do.
struct Interval {
  double min;
  double max;
  bool min_open = false;
  bool max_open = false;
};

std::string describe(const Interval& r) {
  return fmt::format("{} {:g} and {} {:g}", r.min_open ? "greater than" : "at least", r.min,
                     r.max_open ? "less than" : "at most", r.max);
}

// Checks an option's text where it is read: a finite number inside `r`, or exit 2 with the range.
CLI::Validator within(const Interval& r) {
  return CLI::Validator(
      [r](std::string& text) -> std::string {
        double value = 0.0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
          return fmt::format("'{}' is not a number; give a number {}", text, describe(r));
        }
        const bool below = r.min_open ? !(value > r.min) : !(value >= r.min);
        const bool above = r.max_open ? !(value < r.max) : !(value <= r.max);
        if (!std::isfinite(value) || below || above) {
          return fmt::format("{} is out of range; give a number {}", text, describe(r));
        }
        return "";
      },
      fmt::format("{}{:g}, {:g}{}", r.min_open ? '(' : '[', r.min, r.max, r.max_open ? ')' : ']'));
}

// Parses the M/N of --confirm.
void parse_confirmation(const std::string& text, tracking::TrackerConfig& config) {
  const auto slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    std::size_t used_m = 0;
    std::size_t used_n = 0;
    const int m = std::stoi(text.substr(0, slash), &used_m);
    const int n = std::stoi(text.substr(slash + 1), &used_n);
    if (used_m != slash || used_n != text.size() - slash - 1 || m < 1 || m > n) {
      throw std::invalid_argument("range");
    }
    config.confirm_hits_m = m;
    config.confirm_window_n = n;
  } catch (const std::logic_error&) {
    throw InputError("--confirm: '" + text + "' is not M/N with 1 <= M <= N (for example 3/4)");
  }
}

/// The tracker the options name, built by the one factory `rampart run` uses too.
std::unique_ptr<tracking::Tracker> make_tracker(const TrackOptions& options) {
  if (options.filter == "imm" && options.tracker == "mht")
    throw InputError("--filter imm goes with --tracker gnn or jpda, not mht");
  tracking::TrackerOptions t;
  t.association = options.tracker == "jpda"  ? tracking::AssociationKind::kJpda
                  : options.tracker == "mht" ? tracking::AssociationKind::kMht
                                             : tracking::AssociationKind::kGnn;
  t.filter = options.filter == "imm" ? tracking::TrackFilter::kImm : tracking::TrackFilter::kConstantVelocity;
  t.config = options.config;
  t.jpda_max_hypotheses = options.max_hypotheses;
  t.mht = options.mht;
  return tracking::make_tracker(t);
}

void write_tracks_csv(const std::string& dir, const tracking::OfflineRunSummary& summary) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw InputError(dir + ": cannot create the --out folder: " + error.message());
  io::CsvWriter out((std::filesystem::path(dir) / "tracks.csv").string(), {"scan", "time", "track_id", "x", "y"});
  const auto number = [](double value) { return fmt::format("{:.10g}", value); };
  for (const tracking::ScanResult& scan : summary.per_scan) {
    for (const tracking::TrackEstimate& t : scan.confirmed) {
      out.row({std::to_string(scan.scan), number(scan.t_s), std::to_string(t.track_id), number(t.p_m.x()),
               number(t.p_m.y())});
    }
  }
  out.commit();
}

// CAT062 identity of the tracks `rampart track` writes.
constexpr std::uint8_t kCat062Sac = 0;
constexpr std::uint8_t kCat062Sic = 1;
constexpr std::uint8_t kCat062ServiceId = 1;

// The confirmed tracks of each scan as CAT062 records: I062/100 x east, y north; I062/105 when an
// origin is given; I062/185 the filter's velocity estimate. Track ids wrap
// to the 16 bits of I062/040; the scan time, in s, becomes the time of day modulo one day. A scan
// without confirmed tracks gives no record.
std::vector<std::vector<io::Cat062Track>> cat062_scans(const TrackOptions& options,
                                                       const tracking::OfflineRunSummary& summary) {
  std::optional<LocalFrame> frame;
  if (!std::isnan(options.origin_lat_deg)) frame.emplace(Geodetic{options.origin_lat_deg, options.origin_lon_deg, 0.0});
  std::vector<std::vector<io::Cat062Track>> scans;
  for (const tracking::ScanResult& scan : summary.per_scan) {
    std::vector<io::Cat062Track>& records = scans.emplace_back();
    for (const tracking::TrackEstimate& e : scan.confirmed) {
      io::Cat062Track& r = records.emplace_back();
      r.sac = kCat062Sac;
      r.sic = kCat062Sic;
      r.service_id = kCat062ServiceId;
      r.time_of_day_s = scan.t_s;
      r.track_number = static_cast<std::uint16_t>(e.track_id & 0xFFFFu);
      r.confirmed = true;
      r.monosensor = true;  // one detection stream
      r.position_xy = io::CartesianPosition{e.p_m.x(), e.p_m.y()};
      if (frame) {
        const Geodetic g = frame->surface_point(e.p_m.x(), e.p_m.y(), 0.0);
        r.position_wgs84 = io::Wgs84Position{g.lat_deg, g.lon_deg};
      }
      r.velocity = io::CartesianVelocity{e.v_mps.x(), e.v_mps.y()};
    }
  }
  return scans;
}

std::vector<std::vector<std::uint8_t>> cat062_blocks(const std::vector<std::vector<io::Cat062Track>>& scans,
                                                     std::size_t max_block_bytes) {
  std::vector<std::vector<std::uint8_t>> blocks;
  for (const auto& scan : scans) {
    for (auto& block : io::encode_cat062_blocks(scan, max_block_bytes)) blocks.push_back(std::move(block));
  }
  return blocks;
}

void write_cat062_file(const std::string& path, const std::vector<std::vector<std::uint8_t>>& blocks) {
  std::ofstream out(path, std::ios::binary);
  for (const auto& block : blocks) {
    out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size()));
  }
  out.close();
  if (!out) throw InputError(path + ": cannot write the CAT062 file; check that --cat062 names a writable path");
}

// Where a radar stands, for the plots of its SAC/SIC.
struct RadarSite {
  double east_m = 0.0;
  double north_m = 0.0;
  double alt_m = 0.0;  ///< antenna above the ellipsoid
};

std::map<std::pair<int, int>, RadarSite> parse_radar_sites(const std::vector<std::string>& texts) {
  std::map<std::pair<int, int>, RadarSite> sites;
  for (const std::string& text : texts) {
    int sac = 0;
    int sic = 0;
    RadarSite site;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%d/%d=%lf,%lf,%lf%c", &sac, &sic, &site.east_m, &site.north_m, &site.alt_m, &tail) != 5 ||
        sac < 0 || sac > 255 || sic < 0 || sic > 255 || !std::isfinite(site.east_m) || !std::isfinite(site.north_m) ||
        !std::isfinite(site.alt_m)) {
      throw InputError("--radar-site: '" + text +
                       "' is not SAC/SIC=EAST_M,NORTH_M,ALT_M (for example 0/1=-5000.3,12000.8,415)");
    }
    sites[{sac, sic}] = site;
  }
  return sites;
}

// The CAT048 plots of --asterix as scans of (east, north) points: each plot placed from its
// radar's --radar-site by its slant range and azimuth, the slant range brought to the horizontal
// with the elevation of its flight level (I048/090) when it has one (elevation_from_height_rad),
// as it is for a 3-D radar's plots.csv; a 2-D plot is taken at zero elevation, as plots.csv does.
// The radar's own frame is taken as parallel to the scenario frame (an azimuth error of the
// meridian convergence between them, well under a milliradian within 100 km). Scans: of
// --scan-period-s, or else of the longest antenna rotation period (I034/041) of the CAT034 north
// markers in the file, or else one per distinct time, as for plots.csv.
std::vector<tracking::PointScan> read_asterix_scans(const TrackOptions& options) {
  const auto sites = parse_radar_sites(options.radar_sites);
  const io::asterix::Bytes bytes = io::asterix::read_file(options.asterix_path);
  std::vector<io::Cat048Report> reports = io::decode_cat048(bytes, options.asterix_path);
  double scan_period_s = options.scan_period_s;
  if (scan_period_s <= 0.0) {
    for (const io::Cat034Message& m : io::decode_cat034(bytes, options.asterix_path)) {
      if (m.message_type == io::kCat034NorthMarker && m.antenna_rotation_period_s) {
        scan_period_s = std::max(scan_period_s, *m.antenna_rotation_period_s);
      }
    }
  }
  std::stable_sort(reports.begin(), reports.end(),
                   [](const io::Cat048Report& a, const io::Cat048Report& b) { return a.time_of_day_s < b.time_of_day_s; });
  std::vector<tracking::PointScan> scans;
  for (const io::Cat048Report& r : reports) {
    if (!r.range_nm) continue;  // no measured position
    const auto site = sites.find({r.sac, r.sic});
    if (site == sites.end()) {
      throw InputError(fmt::format("{}: CAT048 plots of SAC {} SIC {} but no --radar-site {}/{}=EAST_M,NORTH_M,ALT_M; "
                                   "give where that radar stands (`rampart run --out` lists it in layout.csv)",
                                   options.asterix_path, r.sac, r.sic, r.sac, r.sic));
    }
    const double range_m = *r.range_nm * kMetresPerNauticalMile;
    const double el_rad = r.flight_level_fl ? elevation_from_height_rad(range_m, *r.flight_level_fl * 100.0 * kMetresPerFoot,
                                                                         site->second.alt_m)
                                            : 0.0;
    const double horizontal_m = range_m * std::cos(el_rad);
    const double az_rad = deg_to_rad(*r.azimuth_deg);
    const double scan_number = scan_period_s > 0.0 ? std::floor(r.time_of_day_s / scan_period_s) : 0.0;
    const double scan_t_s = scan_period_s > 0.0 ? scan_number * scan_period_s : r.time_of_day_s;
    if (scans.empty() || scans.back().t_s != scan_t_s) {
      scans.push_back({static_cast<std::int64_t>(scans.size()), scan_t_s, {}, {}, {}});
    }
    tracking::PointScan& scan = scans.back();
    scan.p_m.emplace_back(site->second.east_m + horizontal_m * std::sin(az_rad),
                          site->second.north_m + horizontal_m * std::cos(az_rad), 0.0);
    if (scan_period_s > 0.0) scan.point_t_s.push_back(r.time_of_day_s);
  }
  if (scans.empty()) throw InputError(options.asterix_path + ": no CAT048 plot with a measured position (I048/040)");
  return scans;
}

void print(const TrackOptions& options, const tracking::OfflineRunSummary& s) {
  if (options.json) {
    nlohmann::ordered_json j;
    j["tracker"] = options.tracker;
    j["filter"] = options.filter;
    j["scans"] = s.scans;
    j["plots"] = s.plots;
    j["tracks_confirmed"] = s.tracks_confirmed;
    j["ms_per_scan_mean"] = s.ms_per_scan_mean;
    if (s.scored) {
      j["gospa_c"] = options.run.gospa_c_m;
      j["gospa_p"] = options.run.gospa_p;
      j["gospa_mean"] = s.gospa_mean;
      j["gospa_localisation"] = s.gospa_localisation_mean;
      j["gospa_missed"] = s.gospa_missed_mean;
      j["gospa_false"] = s.gospa_false_mean;
      j["track_breaks"] = s.track_breaks;
      j["track_swaps"] = s.track_swaps;
    }
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return;
  }
  std::printf("%s tracker, %s filter: %d scans, %d plots, %d tracks confirmed, %.3f ms per scan\n",
              options.tracker.c_str(), options.filter.c_str(), s.scans, s.plots, s.tracks_confirmed,
              s.ms_per_scan_mean);
  if (s.scored) {
    std::printf("GOSPA (c %g, p %g) mean per scan %.2f; parts (m^p per scan): localisation %.1f, "
                "missed %.1f, false %.1f\n",
                options.run.gospa_c_m, options.run.gospa_p, s.gospa_mean,
                s.gospa_localisation_mean, s.gospa_missed_mean, s.gospa_false_mean);
    std::printf("track breaks %d, swaps %d\n", s.track_breaks, s.track_swaps);
  }
}

int run_track(const TrackOptions& options_in) {
  TrackOptions options = options_in;
  parse_confirmation(options.confirm, options.config);
  options.config.track_logic =
      options.track_logic == "score" ? tracking::TrackLogic::kScore : tracking::TrackLogic::kMOfN;
  if (options.detections_path.empty() == options.asterix_path.empty()) {
    throw InputError("give the plots to track with either --detections FILE or --asterix FILE");
  }
  const auto detections = options.asterix_path.empty()
                              ? tracking::read_detections_csv(options.detections_path, options.scan_period_s)
                              : read_asterix_scans(options);
  const auto truth = options.truth_path.empty() ? std::vector<tracking::PointScan>{}
                                                : tracking::read_truth_csv(options.truth_path, detections);
  const auto tracker = make_tracker(options);
  const tracking::OfflineRunSummary summary =
      tracking::run_offline(*tracker, detections, truth, options.run);
  if (!options.out_dir.empty()) write_tracks_csv(options.out_dir, summary);
  if (!options.cat062_path.empty() || !options.cat062_udp.empty()) {
    const auto scans = cat062_scans(options, summary);
    if (!options.cat062_path.empty()) {
      write_cat062_file(options.cat062_path, cat062_blocks(scans, io::kMaxAsterixBlockBytes));
    }
    if (!options.cat062_udp.empty()) {
      io::UdpSender udp(options.cat062_udp, "--cat062-udp");
      for (const auto& block : cat062_blocks(scans, io::kMaxUdpPayloadBytes)) udp.send(block);
    }
  }
  print(options, summary);
  return 0;
}

}  // namespace

void add_track_command(CLI::App& app) {
  auto options = std::make_shared<TrackOptions>();
  options->config.clutter_density = 1e-6;  // per m^2: the plots read here are 2-D
  CLI::App* sub = app.add_subcommand(
      "track", "Track recorded 2-D detections offline (Stone Soup CSV or Rampart plots.csv) and "
               "score the confirmed tracks against truth with GOSPA");
  sub->add_option("--detections", options->detections_path,
                  "Detections CSV: `scan,time,x,y` (Stone Soup) or a plots.csv of `rampart run`")
      ->check(CLI::ExistingFile);
  sub->add_option("--asterix", options->asterix_path,
                  "Instead of --detections: raw ASTERIX CAT048 plots (with CAT034 north markers giving the scan "
                  "period), as `rampart run --asterix` writes; each radar's place from --radar-site")
      ->check(CLI::ExistingFile);
  sub->add_option("--radar-site", options->radar_sites,
                  "With --asterix, once per radar: SAC/SIC=EAST_M,NORTH_M,ALT_M, where the radar of that SAC/SIC "
                  "stands in the x/y frame (ALT_M: its antenna above the ellipsoid, for 3-D plots)");
  sub->add_option("--truth", options->truth_path,
                  "Truth CSV: `scan,time,id,x,y` (Stone Soup) or a truth.csv of `rampart run` (its targets in "
                  "flight, brought to each scan's time)")
      ->check(CLI::ExistingFile);
  sub->add_option("--tracker", options->tracker,
                  "gnn (global nearest neighbour), jpda (joint probabilistic) or mht (multiple hypothesis)")
      ->check(CLI::IsMember({"gnn", "jpda", "mht"}))
      ->capture_default_str();
  sub->add_option("--filter", options->filter,
                  "cv (constant-velocity Kalman filter) or imm (constant velocity, constant acceleration and "
                  "coordinated turn; with gnn or jpda)")
      ->check(CLI::IsMember({"cv", "imm"}))
      ->capture_default_str();
  sub->add_flag("--json", options->json, "Print the result as JSON");
  sub->add_option("--out", options->out_dir, "Write DIR/tracks.csv (`scan,time,track_id,x,y`)");
  sub->add_option("--cat062", options->cat062_path,
                  "Write the confirmed tracks of every scan as ASTERIX CAT062 (one data block per scan with "
                  "confirmed tracks; x east, y north in I062/100) into this raw file");
  sub->add_option("--cat062-udp", options->cat062_udp,
                  "Send each scan's CAT062 data block as one UDP datagram to HOST:PORT");
  CLI::Option* origin_lat = sub->add_option("--origin-lat-deg", options->origin_lat_deg,
                                            "Latitude of the x/y origin: adds WGS-84 positions (I062/105) to CAT062")
                                ->check(within({-90.0, 90.0}));
  CLI::Option* origin_lon = sub->add_option("--origin-lon-deg", options->origin_lon_deg,
                                            "Longitude of the x/y origin (with --origin-lat-deg)")
                                ->check(within({-180.0, 180.0}));
  origin_lat->needs(origin_lon);
  origin_lon->needs(origin_lat);
  sub->add_option("--scan-period-s", options->scan_period_s,
                  "plots.csv and --asterix: group plots into scans of this length, one radar rotation "
                  "(0: one scan per distinct time; with --asterix, the CAT034 antenna rotation period when present)")
      ->check(within({0.0, 1e6}))
      ->capture_default_str();
  sub->add_option("--sigma-m", options->run.sigma_m, "Measurement sigma per axis (m)")
      ->check(within({0.0, 1e6, true}))
      ->capture_default_str();
  sub->add_option("--confirm", options->confirm, "M/N confirmation rule")->capture_default_str();
  sub->add_option("--track-logic", options->track_logic,
                  "m-of-n (--confirm, --delete-after-misses) or score (sequential probability ratio test)")
      ->check(CLI::IsMember({"m-of-n", "score"}))
      ->capture_default_str();
  sub->add_option("--pd", options->config.detection_probability,
                  "Detection probability (track score, JPDA, MHT)")
      ->check(within({0.0, 1.0, true, true}))
      ->capture_default_str();
  sub->add_option("--clutter-density", options->config.clutter_density,
                  "False plots per m^2 (track score, JPDA, MHT)")
      ->check(within({0.0, 1.0, true}))
      ->capture_default_str();
  sub->add_option("--max-hypotheses", options->max_hypotheses, "JPDA: joint events per cluster")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  sub->add_option("--mht-hypotheses", options->mht.max_global_hypotheses, "MHT: global hypotheses kept")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  sub->add_option("--n-scan", options->mht.n_scan, "MHT: N-scan pruning depth")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  sub->add_option("--delete-after-misses", options->config.delete_after_misses,
                  "Delete a confirmed track after this many missed scans")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--process-noise", options->config.process_noise_mps2,
                  "Square root of the white-acceleration spectral density (m/s^2)")
      ->check(within({0.0, 1000.0}))
      ->capture_default_str();
  sub->add_option("--initial-speed-sigma", options->config.initial_speed_sigma_mps,
                  "Velocity sigma of a new track (m/s)")
      ->check(within({0.0, 1e5, true}))
      ->capture_default_str();
  sub->add_option("--gate-probability", options->config.gate_probability,
                  "Chi-square gate probability")
      ->check(within({0.0, 1.0, true, true}))
      ->capture_default_str();
  sub->add_option("--gospa-c", options->run.gospa_c_m, "GOSPA cut-off c (m)")
      ->check(within({0.0, 1e7, true}))
      ->capture_default_str();
  sub->add_option("--gospa-p", options->run.gospa_p, "GOSPA order p")
      ->check(within({1.0, 100.0}))
      ->capture_default_str();
  add_command(app, sub, [options] { return run_track(*options); });
}

}  // namespace rampart::app
