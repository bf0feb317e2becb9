// Outcome statistics of a scenario over many seeds: mean, min and max of leakers, kills,
// fratricides, hostiles identified friend, false tracks and track breaks, with the 95%
// confidence half-width of each mean (1.96 s / sqrt(n)). The seeds run on every core through
// oneTBB; each replication depends only on its seed, so the table is the same on any number of
// threads (the program checks one seed again on its own thread and says so).
// Run: ./build/bench/sim_seeds_bench [SEEDS=50] [SCENARIO=scenarios/default.yaml]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <tbb/parallel_for.h>

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

}  // namespace

int main(int argc, char** argv) {
  const int seeds = argc > 1 ? std::atoi(argv[1]) : 50;
  const std::string path = argc > 2 ? argv[2] : std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml";
  if (seeds < 2) {
    std::fprintf(stderr, "usage: sim_seeds_bench [SEEDS >= 2] [SCENARIO]\n");
    return 2;
  }
  const auto scenario = rampart::scenario::load_scenario_file(path);
  std::vector<rampart::sim::Summary> runs(static_cast<std::size_t>(seeds));
  tbb::parallel_for(0, seeds, [&](int i) {
    runs[static_cast<std::size_t>(i)] = rampart::sim::Simulation(scenario, {static_cast<std::uint64_t>(i + 1)}).run();
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
  std::printf("%-30s %10s %10s %8s %8s\n", "metric", "mean", "ci95", "min", "max");
  for (const auto& m : kMetrics) {
    double sum = 0.0, sum2 = 0.0, lo = 1e300, hi = -1e300;
    for (const auto& r : runs) {
      const double v = m.of(r);
      sum += v;
      sum2 += v * v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    const double mean = sum / seeds;
    const double sd = std::sqrt(std::max(0.0, (sum2 - seeds * mean * mean) / (seeds - 1)));
    std::printf("%-30s %10.3f %10.3f %8.1f %8.1f\n", m.name, mean, 1.96 * sd / std::sqrt(double(seeds)), lo, hi);
  }
  std::printf("seed 1 alone on this thread gives the same summary as in the pool: %s\n",
              same(again, runs[0]) ? "yes" : "NO");
  return same(again, runs[0]) ? 0 : 1;
}
