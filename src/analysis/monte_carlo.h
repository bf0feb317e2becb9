// Monte Carlo replications of a scenario and their statistics (rampart mc).
//
// Replication i (from 0) runs the scenario with seed replication_seed(s, i), s the scenario's
// random_seed: a function of (s, i) alone, so the replications and their statistics are the same
// for any number of threads (each result goes to its own slot, the statistics are computed in
// replication order afterwards) and `rampart run --seed` replays any one of them.
//
// The statistics (statistics.h for the intervals):
//   means with Student-t intervals: threats killed, leakers, defended value lost, interceptors
//     and air-to-air missiles fired, fratricides, hostiles identified friend, wrong kill
//     assessments, false tracks, track breaks, air-picture quality (GOSPA, sim/scorer.h);
//   proportions of replications with Wilson intervals: at least one leaker (over all assets and
//     per asset), at least one fratricide, at least one hostile identified friend;
//   interceptors per kill: surface-to-air plus air-to-air missiles fired over threats killed,
//     a ratio of sums with a delta-method interval;
//   time to the first leaker: its mean over the replications that had one, with their count.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/statistics.h"
#include "scenario/scenario.h"
#include "sim/events.h"
#include "sim/summary.h"

namespace rampart::analysis {

/// The largest number of replications one command runs (a day of the default scenario on 64 cores).
inline constexpr std::size_t kMaxReplications = 10'000'000;

std::uint64_t replication_seed(std::uint64_t scenario_seed, std::uint64_t index);

/// Watches one replication's event stream (a results database's event log, say): made for each
/// replication run here, subscribed to its simulation, asked for its record when the run ends.
class ReplicationObserver : public sim::EventSink {
 public:
  /// What the observer kept of the run, as text (it may travel between processes).
  virtual std::string record() = 0;
};

struct ReplicationOptions {
  std::size_t runs = 100;
  int threads = 0;  ///< 0: every core
  /// Called after each replication ends with the number ended so far (finished ones included),
  /// from the thread that ran it (serialised: never twice at once).
  std::function<void(std::size_t done)> progress;
  /// Replications finished before (resumed from a results database), by index: not run again,
  /// their summaries are taken as they are.
  std::map<std::size_t, sim::Summary> finished;
  /// Makes the observer of one replication; none when empty.
  std::function<std::unique_ptr<ReplicationObserver>()> observe;
  /// Called for each replication run here as it ends, serialised, in the order they end, with its
  /// index, summary and observer's record (empty without an observer).
  std::function<void(std::size_t index, const sim::Summary& summary, const std::string& record)> on_finished;
};

/// Runs the replications; result i is replication i's summary.
std::vector<sim::Summary> run_replications(const scenario::Scenario& s, const ReplicationOptions& options);

/// One replication that ended: its index, summary and observer's record (empty without one).
struct ReplicationResult {
  std::size_t index = 0;
  sim::Summary summary;
  std::string record;
};

/// Runs the replications `indices` of s on options.threads threads, each with an observer from
/// options.observe, and hands each to `ended` as it ends (serialised, in the order they end).
/// Neither options.progress nor options.on_finished is called: that is the collector's part.
void run_indices(const scenario::Scenario& s, const std::vector<std::size_t>& indices,
                 const ReplicationOptions& options, const std::function<void(ReplicationResult&&)>& ended);

/// The indices of the replications still to run, in increasing order: 0 to options.runs - 1
/// without those in options.finished. InputError when options.runs is not from 1 to
/// kMaxReplications.
std::vector<std::size_t> replications_to_run(const ReplicationOptions& options);

/// The replications of one command as they come in, wherever they ran (this process, or another
/// rank of an MPI job): starts from options.finished, passes each new one to options.on_finished
/// and options.progress, and keeps its summary in its slot. `options` must outlive it.
class ReplicationCollector {
 public:
  explicit ReplicationCollector(const ReplicationOptions& options);
  /// replications_to_run(options).
  const std::vector<std::size_t>& to_run() const { return to_run_; }
  /// Takes one new replication; not thread-safe (call it serialised).
  void add(ReplicationResult&& result);
  /// The summaries, result i replication i's.
  std::vector<sim::Summary> take() { return std::move(runs_); }

 private:
  const ReplicationOptions& options_;
  std::vector<std::size_t> to_run_;  // first: it checks options.runs before runs_ is sized
  std::vector<sim::Summary> runs_;
  std::size_t done_ = 0;
};

struct Statistics {
  std::string scenario;
  std::uint64_t scenario_seed = 0;
  std::size_t runs = 0;
  std::vector<std::pair<std::string, Interval>> means;
  std::vector<std::pair<std::string, Interval>> proportions;
  std::vector<std::pair<std::string, Interval>> leaker_probability_by_asset;
  Interval interceptors_per_kill;
  Interval time_to_first_leaker_s;  ///< over the replications with a leaker
  std::size_t runs_with_leaker = 0;
};

Statistics summarize(const scenario::Scenario& s, const std::vector<sim::Summary>& runs);
nlohmann::ordered_json to_json(const Statistics& statistics);
std::string to_text(const Statistics& statistics);

/// The difference B - A of each mean metric, replication by replication, with the Student-t
/// interval of the paired differences. Run A and B with the same seeds (the same random_seed): with
/// common random numbers the noise both share cancels, and the interval is far narrower than that
/// of two independent means.
std::vector<std::pair<std::string, Interval>> paired_differences(const std::vector<sim::Summary>& a,
                                                                 const std::vector<sim::Summary>& b);
nlohmann::ordered_json differences_json(const std::vector<std::pair<std::string, Interval>>& differences);
std::string differences_text(const std::vector<std::pair<std::string, Interval>>& differences);

/// The metrics of one replication by name: threats, each mean metric, first_leaker_time_s (none
/// when nothing leaked).
std::vector<std::pair<std::string, std::optional<double>>> per_run_metrics(const sim::Summary& run);

/// One line per replication, for users who bring their own tools: the header and the rows, point,
/// run, seed and the per-run metrics. `point` names the scenario variant the run belongs to (a
/// sweep point, A or B of a comparison).
std::vector<std::string> per_run_header();
std::vector<std::string> per_run_row(const std::string& point, std::size_t index, const sim::Summary& run);
/// One metric of a replication by its per-run column name (a mean metric, first_leaker_time_s);
/// none when it does not apply (first_leaker_time_s of a run without a leaker).
std::optional<double> per_run_value(const sim::Summary& run, std::string_view name);

}  // namespace rampart::analysis
