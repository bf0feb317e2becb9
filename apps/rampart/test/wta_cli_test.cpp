// `rampart wta` through the binary: results as JSON and text, and every kind of bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.h"

namespace rampart::test {
namespace {

const std::filesystem::path kData = std::filesystem::path(RAMPART_SOURCE_DIR) / "src/c2/wta/test/data";

std::filesystem::path write_temp(const std::string& name, const std::string& bytes) {
  const auto path =
      std::filesystem::temp_directory_path() / ("rampart_wta_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(WtaCommand, ExactJsonReportsAProvenOptimumAndAFeasibleAssignment) {
  const CommandResult r =
      run_rampart("wta " + (kData / "small_3x4x2.txt").string() + " --solver exact --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["status"], "optimal");
  EXPECT_EQ(j["solver"], "exact");
  EXPECT_NEAR(j["bound"].get<double>(), j["objective"].get<double>(), 1e-6 * j["objective"].get<double>());
  EXPECT_GE(j["gap"].get<double>(), 0.0);
  EXPECT_GE(j["wall_time_s"].get<double>(), 0.0);
  int weapons = 0;
  for (const auto& a : j["assignment"]) {
    EXPECT_GE(a["weapon_type"].get<int>(), 0);
    EXPECT_LT(a["target"].get<int>(), 4);
    weapons += a["weapons"].get<int>();
  }
  EXPECT_EQ(weapons, 6);  // 3 types x mu = 2, every weapon assigned
}

TEST(WtaCommand, HeuristicOnGzipHasNoBoundAndTextSummarises) {
  const std::string file = (kData / "small_6x8x1.txt.gz").string();
  const CommandResult json = run_rampart("wta " + file + " --solver heuristic --time-limit 0.05 --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["status"], "feasible");
  EXPECT_TRUE(j["bound"].is_null());
  EXPECT_TRUE(j["gap"].is_null());
  const CommandResult text = run_rampart("wta " + file + " --time-limit 1");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("optimal: objective"), std::string::npos) << text.out;  // auto picks exact here
  EXPECT_NE(text.out.find("targets engaged"), std::string::npos) << text.out;
}

// The example of the issue "Open the simulation", every token on one line.
constexpr const char* kThreeByThree =
    "3 3 1 10 5 8 0 0 0.8 0 1 0.5 0 2 0.4 1 0 0.6 1 1 0.7 1 2 0.5 2 0 0.3 2 1 0.9 2 2 0.6";

TEST(WtaCommand, ExactProvesTheThreeByThreeExampleAndPrintsWhichTypeFiresAtWhichTarget) {
  const auto path = write_temp("three.txt", kThreeByThree);
  const CommandResult text = run_rampart("wta " + path.string() + " --solver exact");
  ASSERT_EQ(text.status, 0) << text.err;
  // Type 0 on target 0, type 2 on target 1, type 1 on target 2: 10 * 0.2 + 5 * 0.1 + 8 * 0.5 = 6.5.
  EXPECT_EQ(text.out.rfind("optimal: objective 6.500000, bound 6.500000, gap 0.0000%", 0), 0u) << text.out;
  EXPECT_NE(text.out.find("expected surviving value 6.500000 of 23.000000 total; 3 of 3 targets engaged\n"
                          "target        value  survival   value_left  weapons (type x count)\n"
                          "     0           10  0.200000     2.000000  type 0 x1\n"
                          "     1            5  0.100000     0.500000  type 2 x1\n"
                          "     2            8  0.500000     4.000000  type 1 x1\n"),
            std::string::npos)
      << text.out;

  const CommandResult json = run_rampart("wta " + path.string() + " --solver exact --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["status"], "optimal");
  EXPECT_DOUBLE_EQ(j["objective"].get<double>(), 6.5);
  EXPECT_DOUBLE_EQ(j["bound"].get<double>(), 6.5);
  EXPECT_EQ(j["assignment"], nlohmann::json::parse(R"([{"weapon_type": 0, "target": 0, "weapons": 1},
                                                        {"weapon_type": 1, "target": 2, "weapons": 1},
                                                        {"weapon_type": 2, "target": 1, "weapons": 1}])"));
  std::filesystem::remove(path);
}

TEST(WtaCommand, HeuristicEnumeratesATinyInstanceInsteadOfSpendingItsLimit) {
  const auto path = write_temp("three_heuristic.txt", kThreeByThree);
  const CommandResult r = run_rampart("wta " + path.string() + " --solver heuristic --time-limit 86400 --json");
  ASSERT_EQ(r.status, 0) << r.err;  // returning at all shows it did not search for a day
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["status"], "optimal");
  EXPECT_EQ(j["iterations"], 27);  // the 3^3 assignments
  EXPECT_DOUBLE_EQ(j["objective"].get<double>(), 6.5);
  EXPECT_DOUBLE_EQ(j["gap"].get<double>(), 0.0);
  std::filesystem::remove(path);
}

TEST(WtaCommand, HeuristicHonoursItsLimitWithAMillionWeapons) {
  const auto path = write_temp("million.txt", "1 3 1000000\n10\n20\n30\n0 0 1e-6\n0 1 1e-6\n0 2 1e-6\n");
  const CommandResult r = run_rampart("wta " + path.string() + " --solver heuristic --time-limit 0.3 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["status"], "feasible");
  EXPECT_LT(j["wall_time_s"].get<double>(), 1.0);
  int weapons = 0;
  for (const auto& a : j["assignment"]) weapons += a["weapons"].get<int>();
  EXPECT_EQ(weapons, 1'000'000);
  std::filesystem::remove(path);
}

struct BadInput {
  const char* name;
  const char* text;
  const char* expected;  // after "FILE:"
};

TEST(WtaCommand, MalformedInstancesExitWithStatus2AndSayWhereAndWhat) {
  const BadInput cases[] = {
      {"empty", "", "1: unexpected end of file, expected the number of weapon types m"},
      {"word", "2 two 1\n", "1: the number of targets n must be an integer, found 'two'"},
      {"zero_types", "0 3 1\n", "1: the number of weapon types m must be in [1,"},
      {"short", "2 2 1\n5\n5\n0 0 0.5\n", "1: m = 2 and n = 2 need 14 more numbers"},
      {"negative_value", "1 1 1\n-3\n0 0 0.5\n", "2: a target value V_j must be in [0,"},
      {"probability", "1 1 1\n3\n0 0 1.25\n", "3: the kill probability p_ij must be in [0, 1], found 1.25"},
      {"twice", "1 2 1\n3\n4\n0 1 0.5\n0 1 0.5\n", "5: the pair i = 0, j = 1 is given twice"},
      {"target_range", "1 1 1\n3\n0 4 0.5\n", "3: the target j must be in [0, 0], found 4"},
      {"trailing", "1 1 1\n3\n0 0 0.5\n\nextra\n", "5: unexpected 'extra' after the m * n lines"},
      {"not_a_number", "1 1 1\n3\n0 0 0.5x\n",
       "3: the kill probability p_ij must be a finite number, found '0.5x'"},
      {"mu_1e7", "1 3 10000000\n10\n20\n30\n0 0 0.5\n0 1 0.5\n0 2 0.5\n",
       "1: the number of weapons per type mu (at most 1000000 weapons in all, m * mu, with m = 1) must be in "
       "[1, 1000000], found 10000000"},
      {"weapons_1e6_each", "4 1 300000 5 0 0 0.5 1 0 0.5 2 0 0.5 3 0 0.5",
       "1: the number of weapons per type mu (at most 1000000 weapons in all, m * mu, with m = 4) must be in "
       "[1, 250000], found 300000"},
      {"targets_1e7", "1 10000000 1\n", "1: the number of targets n must be in [0, 1000000], found 10000000"},
      {"types_huge", "99999999999999999999 1 1\n",
       "1: the number of weapon types m must be in [1, 1000000], found 99999999999999999999"},
      {"nan_probability", "1 1 1 3 0 0 nan", "1: the kill probability p_ij must be a finite number, found 'nan'"},
      {"inf_value", "1 1 1\ninf\n0 0 0.5\n", "2: a target value V_j must be a finite number, found 'inf'"},
  };
  for (const BadInput& c : cases) {
    const auto path = write_temp(c.name, c.text);
    const CommandResult r = run_rampart("wta " + path.string());
    EXPECT_EQ(r.status, 2) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(path.string() + ":" + c.expected), std::string::npos) << c.name << ": " << r.err;
    std::filesystem::remove(path);
  }
}

TEST(WtaCommand, TruncatedGzipMissingFileAndBadFlagsExitWithStatus2) {
  std::ifstream in(kData / "small_6x8x1.txt.gz", std::ios::binary);  // the raw bytes: slurp decompresses
  const std::string packed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(packed.size(), 20u);
  const auto truncated = write_temp("truncated.gz", packed.substr(0, packed.size() / 2));
  const CommandResult r = run_rampart("wta " + truncated.string());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(truncated.string() + ": corrupt or truncated gzip data"), std::string::npos) << r.err;
  std::filesystem::remove(truncated);

  const CommandResult missing = run_rampart("wta /nonexistent/instance.txt");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("/nonexistent/instance.txt: no such file"), std::string::npos) << missing.err;

  const std::string file = (kData / "small_3x4x2.txt").string();
  EXPECT_EQ(run_rampart("wta " + file + " --solver simplex").status, 2);
  EXPECT_EQ(run_rampart("wta").status, 2);
}

TEST(WtaCommand, TimeLimitsThatAreNotAFewSecondsToADayExitWithStatus2) {
  const std::string file = (kData / "small_3x4x2.txt").string();
  for (const char* limit : {"-1", "0", "1e308", "86401", "nan", "inf", "1e400", "ten", "1s"}) {
    const CommandResult r = run_rampart("wta " + file + " --time-limit " + limit);
    EXPECT_EQ(r.status, 2) << limit;
    EXPECT_NE(r.err.find(std::string("--time-limit: must be a number of seconds in (0, 86400], found '") + limit +
                         "'"),
              std::string::npos)
        << limit << ": " << r.err;
  }
  EXPECT_EQ(run_rampart("wta " + file + " --time-limit 86400").status, 0);
}

TEST(WtaCommand, ExactOnAModelTooLargeForItExitsWithStatus2AndNamesTheHeuristic) {
  const auto path = write_temp("large.txt", "1 3 1000000 10 20 30 0 0 0.5 0 1 0.5 0 2 0.5");
  const CommandResult r = run_rampart("wta " + path.string() + " --solver exact");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(path.string() +
                       ": --solver exact: the model of this instance needs 3000000 binaries (m * mu * n), more "
                       "than the 1000000 the exact solver accepts; use --solver heuristic"),
            std::string::npos)
      << r.err;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace rampart::test
