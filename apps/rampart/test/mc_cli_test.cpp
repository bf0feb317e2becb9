#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include "cli_support.h"

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;
const std::string kMinimal = (kSource / "src/scenario/test/data/minimal.yaml").string();

TEST(McCli, PrintsStatisticsThatDoNotDependOnTheThreadCount) {
  const CommandResult one = run_rampart("mc " + kMinimal + " --runs 6 --threads 1 --json");
  ASSERT_EQ(one.status, 0) << one.err;
  const CommandResult two = run_rampart("mc " + kMinimal + " --runs 6 --threads 2 --json");
  ASSERT_EQ(two.status, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  const auto j = nlohmann::json::parse(one.out);
  EXPECT_EQ(j["runs"], 6);
  EXPECT_TRUE(j["mean"].contains("leakers"));
  EXPECT_TRUE(j["proportion"].contains("p_any_leaker"));
  EXPECT_TRUE(j["p_leaker_by_asset"].contains("Town"));
  const double p = j["proportion"]["p_any_leaker"]["estimate"];
  EXPECT_LE(j["proportion"]["p_any_leaker"]["ci95_low"].get<double>(), p);
  EXPECT_GE(j["proportion"]["p_any_leaker"]["ci95_high"].get<double>(), p);
  const CommandResult text = run_rampart("mc " + kMinimal + " --runs 2");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("2 replications"), std::string::npos);
  EXPECT_NE(text.out.find("Wilson"), std::string::npos);
  EXPECT_TRUE(text.err.empty()) << "no progress bar when stderr is not a terminal";
}

TEST(McCli, WritesOneCsvLinePerReplicationThatPythonReads) {
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_mc_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "runs.csv").string();
  const CommandResult r = run_rampart("mc " + kMinimal + " --runs 3 --csv " + csv);
  ASSERT_EQ(r.status, 0) << r.err;
  if (std::system("python3 -c '' >/dev/null 2>&1") == 0) {
    const std::string check = "python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1], newline=\"\"))); "
                              "sys.exit(0 if len(rows) == 4 and rows[0][:3] == [\"point\", \"run\", \"seed\"] and "
                              "all(len(r) == len(rows[0]) for r in rows) else 1)' " + csv;
    EXPECT_EQ(std::system(check.c_str()), 0);
  }
  std::filesystem::remove_all(dir);
}

TEST(McCli, SweepsAGridAndComparesWithCommonRandomNumbers) {
  const CommandResult sweep =
      run_rampart("mc " + kMinimal + " --runs 3 --sweep threats.0.count=1,2 --sweep c2.salvo_size=1,2 --json");
  ASSERT_EQ(sweep.status, 0) << sweep.err;
  const auto j = nlohmann::json::parse(sweep.out);
  ASSERT_EQ(j["points"].size(), 4u);
  EXPECT_EQ(j["points"][0]["point"], "threats.0.count=1, c2.salvo_size=1");
  EXPECT_EQ(j["points"][3]["point"], "threats.0.count=2, c2.salvo_size=2");
  EXPECT_EQ(j["points"][0]["statistics"]["runs"], 3);
  // Comparing a scenario with itself: every difference is exactly 0 (same seeds, same runs).
  const CommandResult same = run_rampart("mc --runs 3 --json --compare " + kMinimal + " " + kMinimal);
  ASSERT_EQ(same.status, 0) << same.err;
  const auto d = nlohmann::json::parse(same.out)["difference_b_minus_a"];
  for (const auto& [name, interval] : d.items()) EXPECT_EQ(interval["estimate"].get<double>(), 0.0) << name;
}

TEST(McCli, BadInputExitsWithStatusTwo) {
  for (const std::string& args : std::vector<std::string>{"--runs 0", "--runs -3", "--runs many", "--runs 1e99", "--threads 0",
                                 "--runs 2 --csv /nonexistent-folder/runs.csv", "--runs 2 --sweep nokey",
                                 "--runs 2 --sweep c2.salvo_size=", "--runs 2 --sweep threats.9.count=1",
                                 "--runs 2 --sweep c2.salvo_sise=2", "--runs 2 --compare " + kMinimal,
                                 "--runs 2 --compare " + kMinimal + " /nonexistent.yaml",
                                 "--runs 2 --sweep c2.salvo_size=2 --compare " + kMinimal + " " + kMinimal}) {
    const CommandResult r = run_rampart("mc " + kMinimal + " " + args);
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
  const CommandResult missing = run_rampart("mc /nonexistent.yaml --runs 2");
  EXPECT_EQ(missing.status, 2);
  const CommandResult malformed =
      run_rampart("mc " + (kSource / "src/scenario/test/data/invalid/49_unknown_assignment_policy.yaml").string() +
                  " --runs 2");
  EXPECT_EQ(malformed.status, 2);
  EXPECT_NE(malformed.err.find("did you mean 'wta_exact'"), std::string::npos) << malformed.err;
}

}  // namespace
}  // namespace rampart::test
