// rampart mc [SCENARIO] --runs N [--threads T] [--json] [--csv FILE]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "analysis/monte_carlo.h"
#include "commands.h"
#include "io/csv_writer.h"
#include "scenario/loader.h"

namespace rampart::app {

void add_mc_command(CLI::App& app) {
  struct Options {
    std::string scenario = RAMPART_DEFAULT_SCENARIO;
    std::size_t runs = 100;
    int threads = 0;
    bool json = false;
    std::optional<std::string> csv;
  };
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
  add_command(app, sub, [options] {
    const scenario::Scenario s = scenario::load_scenario_file(options->scenario);
    // The CSV is opened first, so a path that cannot be written fails before the runs, not after.
    std::unique_ptr<io::CsvWriter> csv;
    if (options->csv) csv = std::make_unique<io::CsvWriter>(*options->csv, analysis::per_run_header());
    analysis::ReplicationOptions replication{options->runs, options->threads, nullptr};
    if (isatty(STDERR_FILENO)) {
      const auto start = std::chrono::steady_clock::now();
      const std::size_t total = options->runs;
      replication.progress = [start, total](std::size_t done) {
        const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double rate = elapsed_s > 0.0 ? static_cast<double>(done) / elapsed_s : 0.0;
        const int width = 30;
        const int filled = static_cast<int>(width * done / total);
        std::fprintf(stderr, "\r[%s%s] %zu/%zu replications, %.2f/s, %.0f s left ", std::string(filled, '#').c_str(),
                     std::string(width - filled, ' ').c_str(), done, total, rate,
                     rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0);
        if (done == total) std::fprintf(stderr, "\n");
      };
    }
    const std::vector<sim::Summary> runs = analysis::run_replications(s, replication);
    if (csv) {
      for (std::size_t i = 0; i < runs.size(); ++i) csv->row(analysis::per_run_row(i, runs[i]));
      csv->commit();
    }
    const analysis::Statistics statistics = analysis::summarize(s, runs);
    if (options->json) {
      std::printf("%s\n",
                  analysis::to_json(statistics).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::printf("%s", analysis::to_text(statistics).c_str());
    }
    return 0;
  });
}

}  // namespace rampart::app
