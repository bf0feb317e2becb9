// Figure of the real-time WTA heuristic (issue 4): the 18 instances of ../shared/data/wta with a
// time limit each (default 1 s), % above the best-known values, against the baseline of the same
// run: maximum-marginal-return construction plus move/swap descent only (no re-matching, no kicks).
//
//   wta_heuristic_bench [LIMIT_S] [REPEATS]
//
// With REPEATS > 1 every instance runs with seeds 1..REPEATS and the median % is reported, since a
// time-limited search depends on the machine's speed at the moment.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "c2/wta/instance.h"
#include "c2/wta/solve.h"

namespace {

struct Known {
  const char* name;
  double best;  // best-known value, ../shared/data/wta/README.md (Andersen et al. 2022)
};
constexpr Known kKnown[] = {
    {"50x100x1", 1734.302278},  {"50x100x2", 123.838458},  {"50x100x3", 20.590016},
    {"100x200x1", 2862.302805}, {"100x200x2", 116.057435}, {"100x200x3", 14.579133},
    {"150x300x1", 3740.417477}, {"150x300x2", 103.151031}, {"150x300x3", 11.429016},
    {"200x400x1", 4970.363583}, {"200x400x2", 115.447473}, {"200x400x3", 10.577367},
    {"250x500x1", 6689.831917}, {"250x500x2", 114.350685}, {"250x500x3", 10.959830},
    {"300x600x1", 8136.879137}, {"300x600x2", 118.543307}, {"300x600x3", 13.100070},
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t k = v.size() / 2;
  return v.size() % 2 == 1 ? v[k] : 0.5 * (v[k - 1] + v[k]);
}

}  // namespace

int main(int argc, char** argv) {
  const double limit_s = argc > 1 ? std::atof(argv[1]) : 1.0;
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  const std::filesystem::path dir = std::filesystem::path(RAMPART_SHARED_DIR) / "data/wta";
  std::printf("heuristic, %.3g s per instance, median of %d seed(s); %% above best-known\n", limit_s,
              repeats);
  std::printf("%-10s %13s %13s %10s %10s %8s\n", "instance", "best-known", "ours", "ours_%", "baseline_%",
              "kicks");
  double sum = 0.0, worst = 0.0, baseline_sum = 0.0, baseline_worst = 0.0;
  for (const Known& known : kKnown) {
    const std::filesystem::path file = dir / ("wta_" + std::string(known.name) + ".txt.gz");
    if (!std::filesystem::exists(file)) {
      std::fprintf(stderr, "wta_heuristic_bench: %s is absent (the shared data lives in ../shared)\n",
                   file.c_str());
      return 2;
    }
    const rampart::wta::Instance instance = rampart::wta::read_instance(file);
    std::vector<double> percent, objective;
    long long kicks = 0;
    for (int seed = 1; seed <= repeats; ++seed) {
      rampart::wta::HeuristicOptions options;
      options.time_limit_s = limit_s;
      options.seed = static_cast<std::uint64_t>(seed);
      const rampart::wta::Result r = rampart::wta::solve_heuristic(instance, options);
      percent.push_back(100.0 * (r.objective / known.best - 1.0));
      objective.push_back(r.objective);
      kicks += r.iterations;
    }
    rampart::wta::HeuristicOptions baseline_options;
    baseline_options.max_kicks = 0;
    baseline_options.patience = 0;
    baseline_options.lagrangian_iterations = 0;
    const rampart::wta::Result baseline = rampart::wta::solve_heuristic(instance, baseline_options);
    const double baseline_percent = 100.0 * (baseline.objective / known.best - 1.0);
    const double ours = median(percent);
    std::printf("%-10s %13.6f %13.6f %9.3f%% %9.3f%% %8lld\n", known.name, known.best, median(objective),
                ours, baseline_percent, kicks / repeats);
    std::fflush(stdout);
    sum += ours;
    worst = std::max(worst, ours);
    baseline_sum += baseline_percent;
    baseline_worst = std::max(baseline_worst, baseline_percent);
  }
  const double n = static_cast<double>(std::size(kKnown));
  std::printf("ours:     mean %.3f%%, worst %.3f%% above best-known (target <= 0.5%% mean, <= 2%% worst)\n",
              sum / n, worst);
  std::printf("baseline: mean %.3f%%, worst %.3f%% (maximum marginal return + move/swap descent)\n",
              baseline_sum / n, baseline_worst);
  std::printf("ratio of mean excess, baseline / ours: %.1fx\n", baseline_sum / std::max(sum, 1e-9));
  return 0;
}
