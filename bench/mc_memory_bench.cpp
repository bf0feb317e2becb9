// Memory of Monte Carlo replications (rampart mc): what one replication keeps after it ends, and
// what 10,000 replications of the scenario need.
//
// A replication's simulation is freed when it ends; what stays is its summary (sim::Summary, with
// the leakers' paths), kept for the statistics, the CSV and the report. The program runs R real
// replications on every core, then fills a vector of 10,000 summaries (the R real ones in turn,
// copied) and measures the heap it takes with glibc's mallinfo2 (bytes in use, before and after),
// and computes the statistics over them. The memory for 10,000 replications is the process's peak
// resident memory while running the replications plus the heap of the 10,000 summaries; the
// baseline in the same run is one replication's peak (getrusage's ru_maxrss after the first run,
// on one thread).
// Run: ./build/bench/mc_memory_bench [R=8] [SCENARIO=scenarios/default.yaml]
#include <malloc.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis/monte_carlo.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace {

double heap_in_use_bytes() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd);
}

double peak_resident_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rampart;
  const std::size_t real_runs = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 8;
  const std::string path = argc > 2 ? argv[2] : std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml";
  constexpr std::size_t kRuns = 10'000;
  const scenario::Scenario s = scenario::load_scenario_file(path);

  sim::Simulation(s, {analysis::replication_seed(s.random_seed, 0)}).run();
  const double one_run_peak_mib = peak_resident_mib();
  const std::vector<sim::Summary> real = analysis::run_replications(s, {real_runs, 0, nullptr});
  const double replications_peak_mib = peak_resident_mib();

  const double before_bytes = heap_in_use_bytes();
  std::vector<sim::Summary> many;
  many.reserve(kRuns);
  for (std::size_t i = 0; i < kRuns; ++i) many.push_back(real[i % real.size()]);
  const double summaries_bytes = heap_in_use_bytes() - before_bytes;
  const analysis::Statistics statistics = analysis::summarize(s, many);

  std::size_t leak_points = 0;
  for (const auto& r : real)
    for (const auto& l : r.leaks) leak_points += l.path_en_m.size();
  const double per_replication_kib = summaries_bytes / kRuns / 1024.0;
  const double total_mib = replications_peak_mib + summaries_bytes / (1024.0 * 1024.0);
  std::printf("%s: %zu real replications (%.1f leak-path points each on average), statistics over %zu\n",
              s.name.c_str(), real.size(), static_cast<double>(leak_points) / static_cast<double>(real.size()),
              statistics.runs);
  std::printf("kept per replication (its summary):        %8.2f KiB\n", per_replication_kib);
  std::printf("peak while running %zu replications:        %8.1f MiB\n", real.size(), replications_peak_mib);
  std::printf("one replication's peak (baseline):          %8.1f MiB\n", one_run_peak_mib);
  std::printf("memory for %zu replications:              %8.1f MiB (%.2fx one replication)\n", kRuns, total_mib,
              total_mib / one_run_peak_mib);
  return 0;
}
