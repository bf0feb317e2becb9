// `rampart track`: runs a tracker offline over recorded detections and scores it against truth.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "core/error.h"
#include "tracking/offline_run.h"
#include "tracking/scan_csv.h"
#include "tracking/tracker.h"

namespace rampart::app {
namespace {

struct TrackOptions {
  std::string detections_path;
  std::string truth_path;
  std::string tracker = "gnn";
  std::string confirm = "3/4";
  std::string track_logic = "m-of-n";
  int max_hypotheses = 100;
  tracking::MhtParameters mht;
  std::string out_dir;
  double scan_period_s = 0.0;
  bool json = false;
  tracking::TrackerConfig config;
  tracking::OfflineRunOptions run;
};

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

std::unique_ptr<tracking::Tracker> make_tracker(const TrackOptions& options) {
  if (options.tracker == "jpda") return tracking::make_jpda_tracker(options.config, options.max_hypotheses);
  if (options.tracker == "mht") return tracking::make_mht_tracker(options.config, options.mht);
  return tracking::make_gnn_tracker(options.config);
}

void write_tracks_csv(const std::string& dir, const tracking::OfflineRunSummary& summary) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  const std::string path = (std::filesystem::path(dir) / "tracks.csv").string();
  std::ofstream out(path);
  if (error || !out) throw InputError(path + ": cannot write; check that --out names a writable directory");
  out.precision(10);
  out << "scan,time,track_id,x,y\n";
  for (const tracking::ScanResult& scan : summary.per_scan) {
    for (const tracking::TrackEstimate& t : scan.confirmed) {
      out << scan.scan << ',' << scan.t_s << ',' << t.track_id << ',' << t.p_m.x() << ','
          << t.p_m.y() << '\n';
    }
  }
}

void print(const TrackOptions& options, const tracking::OfflineRunSummary& s) {
  if (options.json) {
    nlohmann::ordered_json j;
    j["tracker"] = options.tracker;
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
    std::printf("%s\n", j.dump(2).c_str());
    return;
  }
  std::printf("%s tracker: %d scans, %d plots, %d tracks confirmed, %.3f ms per scan\n",
              options.tracker.c_str(), s.scans, s.plots, s.tracks_confirmed, s.ms_per_scan_mean);
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
  const auto detections = tracking::read_detections_csv(options.detections_path, options.scan_period_s);
  const auto truth = options.truth_path.empty() ? std::vector<tracking::PointScan>{}
                                                : tracking::read_truth_csv(options.truth_path);
  const auto tracker = make_tracker(options);
  const tracking::OfflineRunSummary summary =
      tracking::run_offline(*tracker, detections, truth, options.run);
  if (!options.out_dir.empty()) write_tracks_csv(options.out_dir, summary);
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
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--truth", options->truth_path, "Truth CSV `scan,time,id,x,y`")
      ->check(CLI::ExistingFile);
  sub->add_option("--tracker", options->tracker,
                  "gnn (global nearest neighbour), jpda (joint probabilistic) or mht (multiple hypothesis)")
      ->check(CLI::IsMember({"gnn", "jpda", "mht"}))
      ->capture_default_str();
  sub->add_flag("--json", options->json, "Print the result as JSON");
  sub->add_option("--out", options->out_dir, "Write DIR/tracks.csv (`scan,time,track_id,x,y`)");
  sub->add_option("--scan-period-s", options->scan_period_s,
                  "plots.csv only: group rows into scans of this length, one radar rotation "
                  "(0: one scan per distinct time)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--sigma-m", options->run.sigma_m, "Measurement sigma per axis (m)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--confirm", options->confirm, "M/N confirmation rule")->capture_default_str();
  sub->add_option("--track-logic", options->track_logic,
                  "m-of-n (--confirm, --delete-after-misses) or score (sequential probability ratio test)")
      ->check(CLI::IsMember({"m-of-n", "score"}))
      ->capture_default_str();
  sub->add_option("--pd", options->config.detection_probability,
                  "Detection probability (track score, JPDA, MHT)")
      ->check(CLI::Range(1e-6, 1.0 - 1e-9))
      ->capture_default_str();
  sub->add_option("--clutter-density", options->config.clutter_density,
                  "False plots per m^2 (track score, JPDA, MHT)")
      ->check(CLI::PositiveNumber)
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
                  "Square root of the white-acceleration spectral density")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--initial-speed-sigma", options->config.initial_speed_sigma_mps,
                  "Velocity sigma of a new track (m/s)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--gate-probability", options->config.gate_probability,
                  "Chi-square gate probability")
      ->check(CLI::Range(1e-6, 1.0 - 1e-12))
      ->capture_default_str();
  sub->add_option("--gospa-c", options->run.gospa_c_m, "GOSPA cut-off c (m)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--gospa-p", options->run.gospa_p, "GOSPA order p")
      ->check(CLI::Range(1.0, 100.0))
      ->capture_default_str();
  add_command(app, sub, [options] { return run_track(*options); });
}

}  // namespace rampart::app
