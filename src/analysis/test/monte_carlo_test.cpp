#include "analysis/monte_carlo.h"

#include <gtest/gtest.h>

#include <set>

#include "analysis/test/counting_observer.h"
#include "core/error.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace rampart::analysis {
namespace {

class MonteCarlo : public ::testing::Test {
 protected:
  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                                      "/src/scenario/test/data/minimal.yaml");
  static std::string without_wall_time(sim::Summary summary) {
    summary.wall_time_s = 0.0;
    return sim::to_json(summary).dump();
  }
};

TEST_F(MonteCarlo, ReplicationsAreTheSameOnAnyNumberOfThreadsAndReplayAlone) {
  const auto one = run_replications(s, {8, 1, nullptr});
  const auto two = run_replications(s, {8, 2, nullptr});
  ASSERT_EQ(one.size(), 8u);
  std::set<std::uint64_t> seeds;
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(without_wall_time(one[i]), without_wall_time(two[i])) << "replication " << i;
    EXPECT_EQ(one[i].seed, replication_seed(s.random_seed, i));
    seeds.insert(one[i].seed);
  }
  EXPECT_EQ(seeds.size(), 8u);
  // Replication 5 is `rampart run --seed` with its seed.
  EXPECT_EQ(without_wall_time(one[5]), without_wall_time(sim::Simulation(s, {one[5].seed}).run()));
  EXPECT_EQ(to_json(summarize(s, one)).dump(), to_json(summarize(s, two)).dump());
}

TEST_F(MonteCarlo, ProgressIsReportedOncePerReplication) {
  std::vector<std::size_t> seen;
  run_replications(s, {5, 2, [&](std::size_t done) { seen.push_back(done); }});
  EXPECT_EQ(seen, (std::vector<std::size_t>{1, 2, 3, 4, 5}));
}

TEST_F(MonteCarlo, FinishedReplicationsAreNotRunAgainAndEachNewOneIsObserved) {
  const auto all = run_replications(s, {6, 2, nullptr});
  ReplicationOptions options{6, 2, nullptr};
  options.finished = {{1, all[1]}, {4, all[4]}};
  options.finished[1].killed = 999;  // proves the finished summary is taken, not recomputed
  options.observe = [] { return std::make_unique<CountingObserver>(); };
  std::map<std::size_t, std::string> records;
  options.on_finished = [&](std::size_t i, const sim::Summary& summary, const std::string& record) {
    EXPECT_TRUE(records.emplace(i, record).second) << "replication " << i << " finished twice";
    EXPECT_EQ(without_wall_time(summary), without_wall_time(all[i]));
  };
  std::vector<std::size_t> progress;
  options.progress = [&](std::size_t done) { progress.push_back(done); };
  const auto resumed = run_replications(s, options);
  EXPECT_EQ(resumed[1].killed, 999);
  EXPECT_EQ(without_wall_time(resumed[4]), without_wall_time(all[4]));
  ASSERT_EQ(records.size(), 4u);
  for (const std::size_t i : {0u, 2u, 3u, 5u}) {
    ASSERT_TRUE(records.count(i)) << i;
    EXPECT_EQ(records[i], "ended " + std::to_string(all[i].interceptors_fired + all[i].air_to_air_fired));
  }
  EXPECT_EQ(progress, (std::vector<std::size_t>{3, 4, 5, 6}));
}

// The statistics from hand-made summaries: leakers in runs 0 and 2 of 4 (at 100 s and 300 s, on
// the first asset), kills 10, 10, 0, 20 with 20, 30, 5, 25 missiles fired; in the last run a gun
// also fired 5 bursts, 4 of which made 4 of its 20 kills.
TEST_F(MonteCarlo, StatisticsOfKnownRuns) {
  std::vector<sim::Summary> runs(4);
  const int kills[] = {10, 10, 0, 20};
  const int fired[] = {20, 30, 5, 25};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].killed = kills[i];
    runs[i].interceptor_kills = kills[i];
    runs[i].interceptors_fired = fired[i];
    for (const auto& a : s.assets) runs[i].leakers_by_asset[a.name] = 0;
  }
  runs[3].gun_bursts_fired = 5;
  runs[3].gun_burst_kills = 4;
  runs[0].leakers = runs[2].leakers = 1;
  runs[0].leakers_by_asset[s.assets[0].name] = runs[2].leakers_by_asset[s.assets[0].name] = 1;
  runs[0].first_leaker_time_s = 100.0;
  runs[2].first_leaker_time_s = 300.0;
  const Statistics st = summarize(s, runs);
  EXPECT_EQ(st.runs, 4u);
  ASSERT_EQ(st.means[0].first, "killed");
  EXPECT_DOUBLE_EQ(st.means[0].second.estimate, 10.0);
  ASSERT_EQ(st.proportions[0].first, "p_any_leaker");
  EXPECT_DOUBLE_EQ(st.proportions[0].second.estimate, 0.5);
  EXPECT_NEAR(st.proportions[0].second.low, wilson_interval(2, 4).low, 1e-15);
  EXPECT_DOUBLE_EQ(st.leaker_probability_by_asset[0].second.estimate, 0.5);
  // 80 missiles made 40 - 4 kills: the gun's are not theirs.
  EXPECT_DOUBLE_EQ(st.interceptors_per_kill.estimate, 80.0 / 36.0);
  const auto mean_of = [&](const std::string& name) {
    for (const auto& [n, i] : st.means)
      if (n == name) return i.estimate;
    ADD_FAILURE() << name << " is not among the means";
    return 0.0;
  };
  EXPECT_DOUBLE_EQ(mean_of("gun_bursts_fired"), 1.25);
  EXPECT_DOUBLE_EQ(mean_of("gun_burst_kills"), 1.0);
  EXPECT_DOUBLE_EQ(mean_of("interceptors_guidance_lost"), 0.0);
  EXPECT_EQ(st.runs_with_leaker, 2u);
  EXPECT_DOUBLE_EQ(st.time_to_first_leaker_s.estimate, 200.0);
  EXPECT_EQ(per_run_row("base", 0, runs[0]).size(), per_run_header().size());
  EXPECT_EQ(per_run_row("base", 1, runs[1]).back(), "");  // no leaker: no time
}

TEST_F(MonteCarlo, NoReplicationsOrAbsurdlyManyIsBadInput) {
  EXPECT_THROW(run_replications(s, {0, 1, nullptr}), InputError);
  EXPECT_THROW(run_replications(s, {kMaxReplications + 1, 1, nullptr}), InputError);
}

}  // namespace
}  // namespace rampart::analysis
