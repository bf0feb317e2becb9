// Outcome statistics of a scenario over many seeds: mean, min and max of leakers, kills,
// fratricides, hostiles identified friend, false tracks and track breaks, with the 95%
// confidence half-width of each mean (Student t, analysis/statistics.h). The seeds run on every core through
// oneTBB; each replication depends only on its seed, so the table is the same on any number of
// threads (the program checks one seed again on its own thread and says so). Also the median wall
// time of the base steps that run a C2 cycle and of those that do not: their difference is what a
// C2 cycle costs (noisy on a loaded machine; the steps of all seeds are pooled).
// --assignment POLICY and --multiple-units-per-track override the scenario's c2 settings, to
// compare the assignment policies on one scenario.
// Run: ./build/bench/sim_seeds_bench [SEEDS=50] [SCENARIO=scenarios/default.yaml]
//        [--assignment matching|wta_heuristic|wta_exact] [--multiple-units-per-track]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <tbb/parallel_for.h>

#include "analysis/statistics.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace {

struct Metric {
  const char* name;
  double (*of)(const rampart::sim::Summary&);
};

const Metric kMetrics[] = {
    {"killed", [](const rampart::sim::Summary& s) { return double(s.killed); }},
    {"leakers", [](const rampart::sim::Summary& s) { return double(s.leakers); }},
    {"asset_value_lost", [](const rampart::sim::Summary& s) { return s.asset_value_lost; }},
    {"interceptors_fired", [](const rampart::sim::Summary& s) { return double(s.interceptors_fired); }},
    {"fratricides", [](const rampart::sim::Summary& s) { return double(s.fratricides); }},
    {"hostiles_identified_friend", [](const rampart::sim::Summary& s) { return double(s.hostiles_identified_friend); }},
    {"assumed_friend_tracks", [](const rampart::sim::Summary& s) { return double(s.assumed_friend_tracks); }},
    {"false_tracks", [](const rampart::sim::Summary& s) { return double(s.false_tracks); }},
    {"track_breaks", [](const rampart::sim::Summary& s) { return double(s.track_breaks); }},
    {"interceptors_in_flight_at_end", [](const rampart::sim::Summary& s) { return double(s.interceptors_in_flight_at_end); }},
};

/// Wall times of one run's base steps, split by whether the step ran a C2 cycle.
struct StepTimes {
  std::vector<double> c2_s, other_s;
};

rampart::sim::Summary run_timed(const rampart::scenario::Scenario& scenario, std::uint64_t seed, StepTimes& times) {
  rampart::sim::Simulation simulation(scenario, {seed});
  // The kernel runs C2 on every step k with k % every == 0 (simulation.cpp).
  const long every = std::max(1L, static_cast<long>(std::llround(scenario.c2.period_s / scenario.time_step_s)));
  for (long k = 0;; ++k) {
    const auto start = std::chrono::steady_clock::now();
    if (!simulation.step()) break;
    const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    (k % every == 0 ? times.c2_s : times.other_s).push_back(wall_s);
  }
  return simulation.finish();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

std::optional<rampart::scenario::AssignmentPolicyKind> policy_named(const char* name) {
  using rampart::scenario::AssignmentPolicyKind;
  for (const auto kind : {AssignmentPolicyKind::kMatching, AssignmentPolicyKind::kWtaHeuristic,
                          AssignmentPolicyKind::kWtaExact}) {
    if (std::strcmp(name, rampart::scenario::to_string(kind)) == 0) return kind;
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<const char*> positional;
  std::optional<rampart::scenario::AssignmentPolicyKind> assignment;
  bool multiple_units_per_track = false;
  bool usage = false;
  for (int a = 1; a < argc; ++a) {
    if (std::strcmp(argv[a], "--assignment") == 0 && a + 1 < argc) {
      assignment = policy_named(argv[++a]);
      usage |= !assignment;
    } else if (std::strcmp(argv[a], "--multiple-units-per-track") == 0) {
      multiple_units_per_track = true;
    } else {
      positional.push_back(argv[a]);
    }
  }
  const int seeds = !positional.empty() ? std::atoi(positional[0]) : 50;
  const std::string path =
      positional.size() > 1 ? positional[1] : std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml";
  if (seeds < 2 || positional.size() > 2 || usage) {
    std::fprintf(stderr, "usage: sim_seeds_bench [SEEDS >= 2] [SCENARIO] [--assignment matching|wta_heuristic|"
                         "wta_exact] [--multiple-units-per-track]\n");
    return 2;
  }
  auto scenario = rampart::scenario::load_scenario_file(path);
  if (assignment) scenario.c2.assignment = *assignment;
  scenario.c2.multiple_units_per_track |= multiple_units_per_track;
  std::vector<rampart::sim::Summary> runs(static_cast<std::size_t>(seeds));
  std::vector<StepTimes> times(static_cast<std::size_t>(seeds));
  tbb::parallel_for(0, seeds, [&](int i) {
    const auto k = static_cast<std::size_t>(i);
    runs[k] = run_timed(scenario, static_cast<std::uint64_t>(i + 1), times[k]);
  });
  const auto again = rampart::sim::Simulation(scenario, {std::uint64_t{1}}).run();
  auto same = [](rampart::sim::Summary a, rampart::sim::Summary b) {
    a.wall_time_s = b.wall_time_s = 0.0;
    return to_json(a) == to_json(b);
  };
  double wall_s = 0.0;
  for (const auto& r : runs) wall_s += r.wall_time_s;
  std::printf("%s: %d seeds (1..%d), %.1f s of simulation each, %.2f s wall per run on average\n",
              scenario.name.c_str(), seeds, seeds, runs[0].sim_time_s, wall_s / seeds);
  std::printf("c2: assignment %s, multiple_units_per_track %s, doctrine %s\n",
              rampart::scenario::to_string(scenario.c2.assignment),
              scenario.c2.multiple_units_per_track ? "true" : "false", runs[0].doctrine.c_str());
  std::printf("%-30s %10s %10s %8s %8s\n", "metric", "mean", "ci95", "min", "max");
  for (const auto& m : kMetrics) {
    std::vector<double> values;
    for (const auto& r : runs) values.push_back(m.of(r));
    const rampart::analysis::Interval mean = rampart::analysis::mean_interval(values);
    std::printf("%-30s %10.3f %10.3f %8.1f %8.1f\n", m.name, mean.estimate, mean.high - mean.estimate,
                *std::min_element(values.begin(), values.end()), *std::max_element(values.begin(), values.end()));
  }
  StepTimes pooled;
  for (const auto& t : times) {
    pooled.c2_s.insert(pooled.c2_s.end(), t.c2_s.begin(), t.c2_s.end());
    pooled.other_s.insert(pooled.other_s.end(), t.other_s.begin(), t.other_s.end());
  }
  const double c2_ms = 1e3 * median(pooled.c2_s), other_ms = 1e3 * median(pooled.other_s);
  std::printf("median wall time of a base step: %.3f ms with a C2 cycle (%zu steps), %.3f ms without (%zu); "
              "a C2 cycle costs about %.3f ms\n",
              c2_ms, pooled.c2_s.size(), other_ms, pooled.other_s.size(), c2_ms - other_ms);
  std::printf("seed 1 alone on this thread gives the same summary as in the pool: %s\n",
              same(again, runs[0]) ? "yes" : "NO");
  return same(again, runs[0]) ? 0 : 1;
}
