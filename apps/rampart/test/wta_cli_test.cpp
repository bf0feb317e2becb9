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
  EXPECT_EQ(run_rampart("wta " + file + " --time-limit -1").status, 2);
  EXPECT_EQ(run_rampart("wta").status, 2);
}

}  // namespace
}  // namespace rampart::test
