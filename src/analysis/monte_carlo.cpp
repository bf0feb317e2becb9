#include "analysis/monte_carlo.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "core/error.h"
#include "core/random.h"
#include "sim/simulation.h"

namespace rampart::analysis {
namespace {

struct Metric {
  const char* name;
  double (*of)(const sim::Summary&);
};

const Metric kMeans[] = {
    {"killed", [](const sim::Summary& s) { return double(s.killed); }},
    {"leakers", [](const sim::Summary& s) { return double(s.leakers); }},
    {"asset_value_lost", [](const sim::Summary& s) { return s.asset_value_lost; }},
    {"interceptors_fired", [](const sim::Summary& s) { return double(s.interceptors_fired); }},
    {"air_to_air_fired", [](const sim::Summary& s) { return double(s.air_to_air_fired); }},
    {"gun_bursts_fired", [](const sim::Summary& s) { return double(s.gun_bursts_fired); }},
    {"gun_burst_kills", [](const sim::Summary& s) { return double(s.gun_burst_kills); }},
    {"interceptors_guidance_lost", [](const sim::Summary& s) { return double(s.interceptors_guidance_lost); }},
    {"fratricides", [](const sim::Summary& s) { return double(s.fratricides); }},
    {"hostiles_identified_friend", [](const sim::Summary& s) { return double(s.hostiles_identified_friend); }},
    {"kill_assessments_wrong", [](const sim::Summary& s) { return double(s.kill_assessments_wrong); }},
    {"false_tracks", [](const sim::Summary& s) { return double(s.false_tracks); }},
    {"track_breaks", [](const sim::Summary& s) { return double(s.track_breaks); }},
    {"gospa_mean_m", [](const sim::Summary& s) { return s.gospa_mean_m; }},
};

const Metric kProportions[] = {
    {"p_any_leaker", [](const sim::Summary& s) { return double(s.leakers > 0); }},
    {"p_any_fratricide", [](const sim::Summary& s) { return double(s.fratricides > 0); }},
    {"p_any_hostile_identified_friend", [](const sim::Summary& s) { return double(s.hostiles_identified_friend > 0); }},
};

std::string number(double v) { return std::isnan(v) ? std::string() : fmt::format("{:.6g}", v); }

nlohmann::ordered_json interval_json(const Interval& i) {
  const auto value = [](double v) { return std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v); };
  return {{"estimate", value(i.estimate)}, {"ci95_low", value(i.low)}, {"ci95_high", value(i.high)}};
}

std::string interval_text(const Interval& i, int decimals) {
  if (std::isnan(i.estimate)) return "n/a";
  if (std::isnan(i.low)) return fmt::format("{:.{}f}", i.estimate, decimals);
  return fmt::format("{:.{}f}  [{:.{}f}, {:.{}f}]", i.estimate, decimals, i.low, decimals, i.high, decimals);
}

}  // namespace

std::uint64_t replication_seed(std::uint64_t scenario_seed, std::uint64_t index) {
  return entity_key(scenario_seed, index);
}

std::vector<sim::Summary> run_replications(const scenario::Scenario& s, const ReplicationOptions& options) {
  ReplicationCollector collector(options);
  run_indices(s, collector.to_run(), options, [&](ReplicationResult&& r) { collector.add(std::move(r)); });
  return collector.take();
}

void run_indices(const scenario::Scenario& s, const std::vector<std::size_t>& indices,
                 const ReplicationOptions& options, const std::function<void(ReplicationResult&&)>& ended) {
  std::mutex ended_mutex;
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, indices.size(), [&](std::size_t k) {
      const std::size_t i = indices[k];
      sim::Simulation simulation(s, {replication_seed(s.random_seed, i)});
      const auto observer = options.observe ? options.observe() : nullptr;
      if (observer) simulation.subscribe(*observer);
      ReplicationResult result{i, simulation.run(), std::string()};
      if (observer) result.record = observer->record();
      const std::lock_guard lock(ended_mutex);
      ended(std::move(result));
    });
  });
}

std::vector<std::size_t> replications_to_run(const ReplicationOptions& options) {
  if (options.runs == 0 || options.runs > kMaxReplications)
    throw InputError(fmt::format("the number of replications must be from 1 to {}, found {}", kMaxReplications,
                                 options.runs));
  std::vector<std::size_t> to_run;
  for (std::size_t i = 0; i < options.runs; ++i)
    if (!options.finished.contains(i)) to_run.push_back(i);
  return to_run;
}

ReplicationCollector::ReplicationCollector(const ReplicationOptions& options)
    : options_(options), to_run_(replications_to_run(options)), runs_(options.runs) {
  for (const auto& [i, summary] : options.finished)
    if (i < options.runs) runs_[i] = summary;
  done_ = options.runs - to_run_.size();
}

void ReplicationCollector::add(ReplicationResult&& result) {
  if (options_.on_finished) options_.on_finished(result.index, result.summary, result.record);
  if (options_.progress) options_.progress(++done_);
  runs_[result.index] = std::move(result.summary);
}

Statistics summarize(const scenario::Scenario& s, const std::vector<sim::Summary>& runs) {
  Statistics out;
  out.scenario = s.name;
  out.scenario_seed = s.random_seed;
  out.runs = runs.size();
  std::vector<double> values(runs.size());
  for (const Metric& m : kMeans) {
    for (std::size_t i = 0; i < runs.size(); ++i) values[i] = m.of(runs[i]);
    out.means.emplace_back(m.name, mean_interval(values, 0.0));  // every metric is a count or a sum of them
  }
  for (const Metric& m : kProportions) {
    std::size_t k = 0;
    for (const auto& r : runs) k += m.of(r) > 0.0;
    out.proportions.emplace_back(m.name, wilson_interval(k, runs.size()));
  }
  for (const auto& asset : s.assets) {
    std::size_t k = 0;
    for (const auto& r : runs) {
      const auto it = r.leakers_by_asset.find(asset.name);
      k += it != r.leakers_by_asset.end() && it->second > 0;
    }
    out.leaker_probability_by_asset.emplace_back(asset.name, wilson_interval(k, runs.size()));
  }
  // Missiles per kill by a missile: a gun's bursts are neither missiles nor their kills.
  std::vector<double> fired(runs.size()), killed(runs.size()), first_leaker_s;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    fired[i] = runs[i].interceptors_fired + runs[i].air_to_air_fired;
    killed[i] = runs[i].interceptor_kills - runs[i].gun_burst_kills;
    if (runs[i].first_leaker_time_s) first_leaker_s.push_back(*runs[i].first_leaker_time_s);
  }
  out.interceptors_per_kill = ratio_interval(fired, killed);
  out.time_to_first_leaker_s = mean_interval(first_leaker_s, 0.0);
  out.runs_with_leaker = first_leaker_s.size();
  return out;
}

nlohmann::ordered_json to_json(const Statistics& st) {
  nlohmann::ordered_json j;
  j["scenario"] = st.scenario;
  j["scenario_seed"] = st.scenario_seed;
  j["runs"] = st.runs;
  j["confidence"] = 0.95;
  for (const auto& [name, i] : st.means) j["mean"][name] = interval_json(i);
  for (const auto& [name, i] : st.proportions) j["proportion"][name] = interval_json(i);
  for (const auto& [name, i] : st.leaker_probability_by_asset) j["p_leaker_by_asset"][name] = interval_json(i);
  j["interceptors_per_kill"] = interval_json(st.interceptors_per_kill);
  j["time_to_first_leaker_s"] = interval_json(st.time_to_first_leaker_s);
  j["runs_with_leaker"] = st.runs_with_leaker;
  return j;
}

std::string to_text(const Statistics& st) {
  std::string out = fmt::format("Scenario: {} ({} replications from seed {}; 95% confidence intervals)\n",
                                st.scenario, st.runs, st.scenario_seed);
  out += "Means per replication (Student t):\n";
  for (const auto& [name, i] : st.means) out += fmt::format("  {:<34} {}\n", name, interval_text(i, 2));
  out += "Proportions of replications (Wilson):\n";
  for (const auto& [name, i] : st.proportions) out += fmt::format("  {:<34} {}\n", name, interval_text(i, 3));
  for (const auto& [name, i] : st.leaker_probability_by_asset)
    out += fmt::format("  {:<34} {}\n", "p_leaker " + name, interval_text(i, 3));
  out += fmt::format("Interceptors per kill (all missiles fired / kills they made): {}\n",
                     interval_text(st.interceptors_per_kill, 2));
  out += fmt::format("Time to the first leaker, in the {} replications with one: {} s\n", st.runs_with_leaker,
                     interval_text(st.time_to_first_leaker_s, 0));
  return out;
}

std::vector<std::pair<std::string, Interval>> paired_differences(const std::vector<sim::Summary>& a,
                                                                 const std::vector<sim::Summary>& b) {
  RAMPART_DEMAND(a.size() == b.size(), "paired replications");
  std::vector<std::pair<std::string, Interval>> out;
  std::vector<double> d(a.size());
  for (const Metric& m : kMeans) {
    for (std::size_t i = 0; i < a.size(); ++i) d[i] = m.of(b[i]) - m.of(a[i]);
    out.emplace_back(m.name, mean_interval(d));
  }
  return out;
}

nlohmann::ordered_json differences_json(const std::vector<std::pair<std::string, Interval>>& differences) {
  nlohmann::ordered_json j;
  for (const auto& [name, i] : differences) j[name] = interval_json(i);
  return j;
}

std::string differences_text(const std::vector<std::pair<std::string, Interval>>& differences) {
  std::string out = "Differences B - A per replication (common random numbers, Student t):\n";
  for (const auto& [name, i] : differences) out += fmt::format("  {:<34} {}\n", name, interval_text(i, 2));
  return out;
}

std::vector<std::pair<std::string, std::optional<double>>> per_run_metrics(const sim::Summary& run) {
  std::vector<std::pair<std::string, std::optional<double>>> metrics{{"threats", double(run.threats)}};
  for (const Metric& m : kMeans) metrics.emplace_back(m.name, m.of(run));
  metrics.emplace_back("first_leaker_time_s", run.first_leaker_time_s);
  return metrics;
}

std::vector<std::string> per_run_header() {
  std::vector<std::string> header{"point", "run", "seed"};
  for (const auto& [name, value] : per_run_metrics(sim::Summary{})) header.push_back(name);
  return header;
}

std::vector<std::string> per_run_row(const std::string& point, std::size_t index, const sim::Summary& run) {
  std::vector<std::string> row{point, std::to_string(index), std::to_string(run.seed)};
  for (const auto& [name, value] : per_run_metrics(run)) row.push_back(value ? number(*value) : std::string());
  return row;
}

std::optional<double> per_run_value(const sim::Summary& run, std::string_view name) {
  if (name == "first_leaker_time_s") return run.first_leaker_time_s;
  const auto* m = std::find_if(std::begin(kMeans), std::end(kMeans), [&](const Metric& x) { return name == x.name; });
  RAMPART_DEMAND(m != std::end(kMeans), fmt::format("no per-run metric '{}'", name));
  return m->of(run);
}

}  // namespace rampart::analysis
