// rampart mc [SCENARIO] [--runs N] [--threads T] [--json] [--csv FILE] [--sweep KEY=V1,V2,...]...
//            [--compare A.yaml B.yaml]
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
#include "core/error.h"
#include "commands.h"
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
};

/// A scenario variant to run: a sweep point, A or B of a comparison, or the one scenario.
struct Point {
  std::string label;
  scenario::Scenario scenario;
};

/// Runs every point's replications, in this process or split over the ranks of `job`, and prints
/// the statistics; only rank 0 of a job prints, writes the CSV and shows progress.
int run_points(const Options& options, const std::vector<Point>& points, const analysis::MpiJob* job) {
  const bool rank_zero = job == nullptr || job->rank() == 0;
  // The CSV is opened first, so a path that cannot be written fails before the runs, not after.
  std::unique_ptr<io::CsvWriter> csv;
  if (options.csv && rank_zero) csv = std::make_unique<io::CsvWriter>(*options.csv, analysis::per_run_header());
  std::vector<std::vector<sim::Summary>> runs;
  for (const Point& p : points) {
    const std::string label = points.size() > 1 ? p.label + " " : std::string();
    const analysis::ReplicationOptions replication{options.runs, options.threads,
                                                   rank_zero ? progress_bar(options.runs, label, job != nullptr) : nullptr};
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
  add_command(app, sub, [options] {
    std::vector<Point> points;
    if (!options->compare.empty()) {
      if (!options->sweeps.empty()) throw InputError("--compare and --sweep do not go together; give one of them");
      points.push_back({"A", scenario::load_scenario_with(options->compare[0], {})});
      points.push_back({"B", scenario::load_scenario_with(options->compare[1], {})});
      // Common random numbers: B runs with A's seeds.
      points[1].scenario.random_seed = points[0].scenario.random_seed;
    } else {
      for (const auto& overrides : grid(options->sweeps))
        points.push_back({overrides.empty() ? std::string("base") : scenario::describe(overrides),
                          scenario::load_scenario_with(options->scenario, overrides)});
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
