// rampart mc [SCENARIO] [--runs N] [--threads T] [--json] [--csv FILE] [--sweep KEY=V1,V2,...]...
//            [--compare A.yaml B.yaml] [--report FILE.html] [--db FILE.sqlite [--resume]]
// Under mpirun the replications are split over the ranks and gathered on rank 0, which alone prints
// and writes (analysis/distributed.h); the output is the same as one process's.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "analysis/distributed.h"
#include "analysis/monte_carlo.h"
#include "analysis/report.h"
#include "analysis/results_db.h"
#include "core/error.h"
#include "commands.h"
#include "io/atomic_file.h"
#include "io/csv_writer.h"
#include "scenario/overrides.h"

namespace rampart::app {
namespace {

/// Every combination of the sweeps' values, the first sweep varying slowest; one empty point
/// without sweeps.
std::vector<std::vector<scenario::Override>> grid(const std::vector<std::string>& sweeps) {
  std::vector<std::vector<scenario::Override>> points(1);
  for (const auto& text : sweeps) {
    const auto [path, values] = scenario::parse_sweep(text);
    std::vector<std::vector<scenario::Override>> next;
    for (const auto& point : points) {
      for (const auto& v : values) {
        next.push_back(point);
        next.back().push_back({path, v});
      }
    }
    points = std::move(next);
  }
  return points;
}

/// Prints a bar with the rate and the time left on stderr, at most once a second and at the end:
/// when stderr is a terminal, and always on rank 0 under mpirun, whose stderr is then a pipe that
/// mpirun passes on to its own (a terminal, or a log the once a second keeps small).
std::function<void(std::size_t)> progress_bar(std::size_t total, const std::string& label, bool under_mpirun) {
  if (!under_mpirun && !isatty(STDERR_FILENO)) return nullptr;
  const auto start = std::chrono::steady_clock::now();
  auto shown = start - std::chrono::seconds(1);
  return [start, shown, total, label](std::size_t done) mutable {
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - shown < std::chrono::seconds(1)) return;
    shown = now;
    const double elapsed_s = std::chrono::duration<double>(now - start).count();
    const double rate = elapsed_s > 0.0 ? static_cast<double>(done) / elapsed_s : 0.0;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = kWidth * done / total;
    std::fprintf(stderr, "\r%s[%s%s] %zu/%zu replications, %.2f/s, %.0f s left ", label.c_str(),
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, ' ').c_str(), done, total, rate,
                 rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0);
    if (done == total) std::fprintf(stderr, "\n");
  };
}

struct Options {
  std::string scenario = RAMPART_DEFAULT_SCENARIO;
  std::size_t runs = 100;
  int threads = 0;
  bool json = false;
  std::optional<std::string> csv;
  std::vector<std::string> sweeps;
  std::vector<std::string> compare;
  std::optional<std::string> report;
  std::optional<std::string> db;
  bool resume = false;
};

/// A scenario variant to run: a sweep point, A or B of a comparison, or the one scenario.
struct Point {
  std::string label;
  scenario::Scenario scenario;
  std::vector<scenario::Override> overrides;
  analysis::ResultsPoint identity;  ///< what the results database checks on --resume
};

/// The command that makes the same replications (--threads and the outputs left out), for the
/// results database.
std::string replications_command(const Options& options) {
  std::string text = options.compare.empty() ? "rampart mc " + options.scenario : std::string("rampart mc");
  text += " --runs " + std::to_string(options.runs);
  for (const auto& sweep : options.sweeps) text += " --sweep " + sweep;
  if (!options.compare.empty()) text += " --compare " + options.compare[0] + " " + options.compare[1];
  return text;
}

/// Opens the results database of --db, on rank 0: created, or resumed with --resume.
std::unique_ptr<analysis::ResultsDb> open_results_db(const Options& options, const std::vector<Point>& points) {
  analysis::ResultsCommand command{replications_command(options), options.runs, points[0].scenario.random_seed, {}};
  for (const Point& p : points) command.points.push_back(p.identity);
  auto db = std::make_unique<analysis::ResultsDb>(
      *options.db, command, options.resume ? analysis::ResultsDb::Open::kResume : analysis::ResultsDb::Open::kCreate);
  const std::size_t total = options.runs * points.size();
  if (options.resume)
    std::fprintf(stderr, "rampart mc: %s: %zu of %zu replications recorded before; running the other %zu\n",
                 options.db->c_str(), db->recorded(), total, total - db->recorded());
  return db;
}

/// Runs every point's replications, in this process or split over the ranks of `job`, and prints
/// the statistics; only rank 0 of a job prints, writes the CSV, the report and the database, and
/// shows progress (the other ranks run the database's event log observer for it).
int run_points(const Options& options, const std::vector<Point>& points, const analysis::MpiJob* job) {
  const bool rank_zero = job == nullptr || job->rank() == 0;
  // The output files are opened first, so a path that cannot be written fails before the runs.
  std::unique_ptr<io::CsvWriter> csv;
  std::unique_ptr<io::AtomicFile> report;
  std::unique_ptr<analysis::ResultsDb> db;
  if (rank_zero) {
    if (options.csv) csv = std::make_unique<io::CsvWriter>(*options.csv, analysis::per_run_header());
    if (options.report) report = std::make_unique<io::AtomicFile>(*options.report);
    if (options.db) db = open_results_db(options, points);
  }
  std::vector<std::vector<sim::Summary>> runs;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const Point& p = points[k];
    const std::string label = points.size() > 1 ? p.label + " " : std::string();
    analysis::ReplicationOptions replication{options.runs, options.threads,
                                             rank_zero ? progress_bar(options.runs, label, job != nullptr) : nullptr};
    if (db) db->attach(k, replication);
    if (options.db && !rank_zero) replication.observe = analysis::ResultsDb::observer;
    runs.push_back(job ? job->run_replications(p.scenario, replication)
                       : analysis::run_replications(p.scenario, replication));
    if (csv)
      for (std::size_t i = 0; i < runs.back().size(); ++i) csv->row(analysis::per_run_row(p.label, i, runs.back()[i]));
  }
  if (csv) csv->commit();
  if (!rank_zero) return 0;

  nlohmann::ordered_json j;
  std::string text;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const analysis::Statistics st = analysis::summarize(points[k].scenario, runs[k]);
    if (points.size() == 1) {
      j = analysis::to_json(st);
      text = analysis::to_text(st);
      break;
    }
    const std::string name = !options.compare.empty() ? options.compare[k] : points[k].label;
    j["points"].push_back({{"point", points[k].label}, {"name", name}, {"statistics", analysis::to_json(st)}});
    text += fmt::format("== {}: {}\n{}\n", points[k].label, name, analysis::to_text(st));
  }
  if (!options.compare.empty()) {
    const auto d = analysis::paired_differences(runs[0], runs[1]);
    j["difference_b_minus_a"] = analysis::differences_json(d);
    text += analysis::differences_text(d);
  }
  if (options.json) {
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    std::printf("%s", text.c_str());
  }
  if (report) {
    std::vector<analysis::ReportPoint> report_points;
    for (std::size_t k = 0; k < points.size(); ++k)
      report_points.push_back({points[k].label, !options.compare.empty() ? options.compare[k] : points[k].label,
                               points[k].overrides, points[k].scenario, runs[k]});
    report->write(analysis::report_html(report_points, !options.compare.empty()));
    report->commit();
  }
  return 0;
}

}  // namespace

void add_mc_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "mc", "Run Monte Carlo replications of a scenario and print statistics with 95% confidence intervals");
  sub->add_option("scenario", options->scenario, "Scenario file (default: the shipped default scenario)");
  sub->add_option("--runs", options->runs, "Number of replications (seeds derived from the scenario's random_seed)")
      ->check(CLI::Range(std::size_t{1}, analysis::kMaxReplications));
  sub->add_option("--threads", options->threads, "Threads (default: every core); the statistics do not depend on it")
      ->check(CLI::Range(1, 1024));
  sub->add_flag("--json", options->json, "Print the statistics as one JSON object");
  sub->add_option("--csv", options->csv, "Also write one line per replication to this CSV file");
  sub->add_option("--sweep", options->sweeps,
                  "KEY=V1,V2,...: run each value of a scenario key given by its YAML path (c2.salvo_size, "
                  "raids.0.count); repeated, a grid")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--compare", options->compare,
                  "A.yaml B.yaml: run both with the same seeds and report B - A with its interval")
      ->expected(2);
  sub->add_option("--report", options->report,
                  "Also write a self-contained HTML report (distributions, timeline of a representative run, map of "
                  "the leakers) to this file");
  sub->add_option("--db", options->db,
                  "Also record every replication (summary, metrics, events) in this SQLite file, each committed as "
                  "it ends");
  sub->add_flag("--resume", options->resume,
                "Continue the --db file of an interrupted run of the same command: only the missing replications run");
  add_command(app, sub, [options] {
    if (options->resume && !options->db) throw InputError("--resume needs --db FILE: the database of the run to continue");
    std::vector<Point> points;
    if (!options->compare.empty()) {
      if (!options->sweeps.empty()) throw InputError("--compare and --sweep do not go together; give one of them");
      for (std::size_t k = 0; k < 2; ++k) {
        const std::string label = k == 0 ? "A" : "B";
        points.push_back({label, scenario::load_scenario_with(options->compare[k], {}), {},
                          analysis::results_point(label, {}, options->compare[k])});
      }
      // Common random numbers: B runs with A's seeds.
      points[1].scenario.random_seed = points[0].scenario.random_seed;
    } else {
      for (const auto& overrides : grid(options->sweeps)) {
        const std::string label = overrides.empty() ? std::string("base") : scenario::describe(overrides);
        points.push_back({label, scenario::load_scenario_with(options->scenario, overrides), overrides,
                          analysis::results_point(label, overrides, options->scenario)});
      }
    }
    // Under mpirun (analysis/distributed.h) every rank has read and checked the inputs above, and
    // MPI starts only now; from here an error on one rank must end them all.
    std::optional<analysis::MpiJob> job;
    if (analysis::started_by_mpi_launcher()) job.emplace();
    try {
      return run_points(*options, points, job ? &*job : nullptr);
    } catch (...) {
      if (!job) throw;
      job->abort(report_current_exception());
    }
  });
}

}  // namespace rampart::app
