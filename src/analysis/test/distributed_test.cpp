#include "analysis/distributed.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "analysis/test/mpirun_command.h"
#include "scenario/loader.h"

namespace rampart::analysis {
namespace {

TEST(Distributed, EveryReplicationRunsOnceOnRankPositionModRanksRoundByRound) {
  // 2 of 13 finished before (a resumed command): 11 to run on 3 ranks, 2 a rank a round.
  ReplicationOptions options{13, 1, nullptr};
  options.finished = {{4, {}}, {9, {}}};
  const std::vector<std::size_t> to_run = replications_to_run(options);
  ASSERT_EQ(to_run, (std::vector<std::size_t>{0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12}));
  const int ranks = 3;
  const std::size_t per_rank = 2;
  ASSERT_EQ(round_count(to_run.size(), per_rank, ranks), 2u);
  EXPECT_EQ(round_share(to_run, 0, per_rank, 0, ranks), (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(round_share(to_run, 0, per_rank, 1, ranks), (std::vector<std::size_t>{1, 5}));
  EXPECT_EQ(round_share(to_run, 0, per_rank, 2, ranks), (std::vector<std::size_t>{2, 6}));
  EXPECT_EQ(round_share(to_run, 1, per_rank, 0, ranks), (std::vector<std::size_t>{7, 11}));
  EXPECT_EQ(round_share(to_run, 1, per_rank, 1, ranks), (std::vector<std::size_t>{8, 12}));
  EXPECT_EQ(round_share(to_run, 1, per_rank, 2, ranks), (std::vector<std::size_t>{10}));
  // Whatever the sizes, the shares cover the replications to run exactly once, position p on
  // rank p mod ranks.
  for (const std::size_t runs : {1u, 7u, 64u, 101u}) {
    for (const int k : {1, 2, 5}) {
      for (const std::size_t per : {1u, 3u, 8u}) {
        const std::vector<std::size_t> all = replications_to_run({runs, 1, nullptr});
        std::multiset<std::size_t> seen;
        for (std::size_t round = 0; round < round_count(all.size(), per, k); ++round)
          for (int rank = 0; rank < k; ++rank)
            for (const std::size_t i : round_share(all, round, per, rank, k)) {
              EXPECT_EQ(i % static_cast<std::size_t>(k), static_cast<std::size_t>(rank));
              seen.insert(i);
            }
        EXPECT_EQ(seen, std::multiset<std::size_t>(all.begin(), all.end())) << runs << " " << k << " " << per;
      }
    }
  }
}

TEST(Distributed, ResultsTravelExactly) {
  const scenario::Scenario s =
      scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  std::vector<ReplicationResult> results;
  run_indices(s, {3, 0}, {4, 1, nullptr}, [&](ReplicationResult&& r) { results.push_back(std::move(r)); });
  ASSERT_EQ(results.size(), 2u);
  using namespace std::string_literals;
  results[0].record = "line one\nline two with a NUL \0 and 3 4 5\n\0"s;  // records are any bytes
  results[1].summary.asset_value_lost = 0.1 + 0.2;  // a double with every digit used
  results[1].summary.first_leaker_time_s = 1.0 / 3.0;
  const std::vector<ReplicationResult> back = unpack(pack(results));
  ASSERT_EQ(back.size(), results.size());
  for (std::size_t k = 0; k < results.size(); ++k) {
    EXPECT_EQ(back[k].index, results[k].index);
    EXPECT_EQ(back[k].record, results[k].record);
    EXPECT_EQ(sim::to_json(back[k].summary).dump(), sim::to_json(results[k].summary).dump());
  }
  EXPECT_EQ(back[1].summary.asset_value_lost, 0.1 + 0.2);
  EXPECT_EQ(*back[1].summary.first_leaker_time_s, 1.0 / 3.0);
  EXPECT_TRUE(unpack("").empty());
}

TEST(Distributed, RankZeroHandsOnEveryReplicationOnceRoundByRound) {
  const std::string command = test::mpirun(2) + " " + RAMPART_DISTRIBUTED_PROBE + " " + RAMPART_SOURCE_DIR +
                              "/src/scenario/test/data/minimal.yaml";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::vector<std::string> lines;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe)) lines.emplace_back(buffer);
  ASSERT_EQ(::pclose(pipe), 0);

  const scenario::Scenario s =
      scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  ReplicationOptions options{21, 1, nullptr};
  options.finished = {{0, {}}, {5, {}}};
  const std::vector<std::size_t> to_run = replications_to_run(options);
  constexpr std::size_t kPerRound = 2 * kRoundPerThread;  // 2 ranks of 1 thread
  const auto position = [&](std::size_t i) { return std::find(to_run.begin(), to_run.end(), i) - to_run.begin(); };
  // Each replication (none finished before) once, each followed by the progress count, with its
  // seed and its observer's record; rank 0's own of a round only after every one of the round
  // before.
  ASSERT_EQ(lines.size(), 2 * to_run.size() + 1) << ::testing::PrintToString(lines);
  std::set<std::size_t> handed_on;
  for (std::size_t k = 0; k < to_run.size(); ++k) {
    std::size_t i = 0, done = 0;
    unsigned long long seed = 0;
    int fired = 0;
    char record[64];
    ASSERT_EQ(std::sscanf(lines[2 * k].c_str(), "finished %zu %llu %d %63[^\n]", &i, &seed, &fired, record), 4)
        << lines[2 * k];
    ASSERT_EQ(std::sscanf(lines[2 * k + 1].c_str(), "progress %zu", &done), 1) << lines[2 * k + 1];
    EXPECT_EQ(done, 2 + k + 1);
    EXPECT_TRUE(handed_on.insert(i).second) << i << " twice";
    ASSERT_NE(position(i), static_cast<std::ptrdiff_t>(to_run.size())) << i << " was finished before";
    EXPECT_EQ(seed, replication_seed(s.random_seed, i));
    EXPECT_EQ(record, "ended " + std::to_string(fired));
    const std::size_t p = static_cast<std::size_t>(position(i));
    if (p % 2 == 0 && p >= kPerRound) {  // rank 0's, in round p / kPerRound >= 1
      const std::size_t round_start = (p / kPerRound) * kPerRound;
      for (std::size_t q = round_start - kPerRound; q < round_start; ++q)
        EXPECT_TRUE(handed_on.contains(to_run[q])) << to_run[q] << " of the round before came after " << i;
    }
  }
  EXPECT_EQ(lines.back(), "returned 21 999\n");
}

TEST(Distributed, OnlyALauncherMakesAnMpiJob) {
  const char* const kVariables[] = {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK"};
  std::map<std::string, std::string> saved;
  for (const char* name : kVariables) {
    if (const char* value = std::getenv(name)) saved[name] = value;
    ::unsetenv(name);
  }
  EXPECT_FALSE(started_by_mpi_launcher());
  ::setenv("OMPI_COMM_WORLD_SIZE", "2", 1);
  EXPECT_TRUE(started_by_mpi_launcher());
  ::unsetenv("OMPI_COMM_WORLD_SIZE");
  ::setenv("PMIX_RANK", "0", 1);
  EXPECT_TRUE(started_by_mpi_launcher());
  ::unsetenv("PMIX_RANK");
  for (const auto& [name, value] : saved) ::setenv(name.c_str(), value.c_str(), 1);
}

}  // namespace
}  // namespace rampart::analysis
