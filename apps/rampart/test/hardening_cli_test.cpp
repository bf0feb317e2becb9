// Hostile and malformed command lines and inputs through the binary: always a clean exit 2 (bad
// input) or 1 (environment), with a message; never a crash, an abort, a hang or a silent loss.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "cli_support.h"
#include "core/test/scratch_dir.h"

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;
const std::string kMinimal = (kSource / "src/scenario/test/data/minimal.yaml").string();

using HardeningCli = ScratchDirTest;

TEST_F(HardeningCli, SeedMustBeAWholeNonNegativeNumber) {
  for (const std::string seed : {"-3", "1.5", "18446744073709551616", "seven", "0x10"}) {
    const std::string args = "run " + kMinimal + " --seed " + seed;
    expect_bad_input(run_rampart(args), "is not a seed; give a whole number from 0 to 18446744073709551615", args);
  }
  const CommandResult r = run_rampart("run " + kMinimal + " --json --seed 18446744073709551615");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["seed"], 18446744073709551615u);
}

TEST_F(HardeningCli, VersionAndHelpCommand) {
  const CommandResult version = run_rampart("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_TRUE(std::regex_match(version.out, std::regex("rampart \\d+\\.\\d+\\.\\d+\n"))) << version.out;
  const CommandResult help = run_rampart("help");
  EXPECT_EQ(help.status, 0);
  EXPECT_EQ(help.out, run_rampart("--help").out);
  EXPECT_NE(help.out.find("--version"), std::string::npos);
  const CommandResult track_help = run_rampart("help track");
  EXPECT_EQ(track_help.status, 0);
  EXPECT_EQ(track_help.out, run_rampart("track --help").out);
  expect_bad_input(run_rampart("help nosuch"), "no command 'nosuch'", "help nosuch");
}

// Every option `--help` lists appears in the README's Commands section, and the reverse.
TEST_F(HardeningCli, ReadmeSynopsisMatchesHelp) {
  const std::string readme = slurp(kSource / "README.md");
  const auto begin = readme.find("## Commands");
  const auto end = readme.find("\n## ", begin + 1);
  ASSERT_NE(begin, std::string::npos);
  const std::string section = readme.substr(begin, end - begin);
  const std::string synopsis = section.substr(0, section.find("\n\n", section.find("    rampart")));
  const std::regex option("--[a-z][a-z0-9-]*");
  std::set<std::string> in_help;
  std::set<std::string> in_readme;
  for (const std::string command : {"", "run", "validate", "track", "wta", "mc", "serve"}) {
    const std::string help = run_rampart(command + " --help").out;
    for (std::sregex_iterator it(help.begin(), help.end(), option), last; it != last; ++it) in_help.insert(it->str());
  }
  for (std::sregex_iterator it(synopsis.begin(), synopsis.end(), option), last; it != last; ++it) {
    in_readme.insert(it->str());
  }
  in_help.erase("--help");
  in_readme.erase("--help");
  EXPECT_EQ(in_readme, in_help);
}

TEST_F(HardeningCli, TrackNumericOptionsAreCheckedWhereRead) {
  const std::string detections = write("d.csv", "scan,time,x,y\n0,0,1,2\n1,1,1,2\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--pd 1", "--pd: 1 is out of range; give a number greater than 0 and less than 1"},
      {"--pd nan", "--pd: nan is out of range"},
      {"--pd 0", "greater than 0 and less than 1"},
      {"--gate-probability 1", "--gate-probability: 1 is out of range"},
      {"--clutter-density 0", "--clutter-density: 0 is out of range; give a number greater than 0 and at most 1"},
      {"--gospa-p 0.5", "--gospa-p: 0.5 is out of range; give a number at least 1 and at most 100"},
      {"--gospa-c inf", "--gospa-c: inf is out of range"},
      {"--sigma-m nan", "--sigma-m: nan is out of range"},
      {"--sigma-m -1", "--sigma-m: -1 is out of range"},
      {"--scan-period-s nan", "--scan-period-s: nan is out of range"},
      {"--process-noise -inf", "--process-noise: -inf is out of range"},
      {"--initial-speed-sigma 0", "--initial-speed-sigma: 0 is out of range"},
      {"--pd 0.9x", "--pd: '0.9x' is not a number"},
      {"--origin-lat-deg nan --origin-lon-deg 0", "--origin-lat-deg: nan is out of range"},
  };
  for (const auto& [option, message] : cases) {
    const std::string args = "track --detections " + detections + " " + option;
    expect_bad_input(run_rampart(args), message, args);
  }
}

TEST_F(HardeningCli, FifoDeviceAndHugeValuesAsTrackInputAreBadInput) {
  const auto fifo = dir_ / "fifo.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_bad_input(run_rampart("track --detections " + fifo.string()), "not a regular file", "fifo");
  expect_bad_input(run_rampart("track --detections /dev/zero"), "not a regular file", "/dev/zero");
  expect_bad_input(run_rampart("validate /dev/zero"), "not a regular file", "validate /dev/zero");
  const std::string huge = write("h.csv", "scan,time,x,y\n0,0,1e308,2\n");
  expect_bad_input(run_rampart("track --detections " + huge), "h.csv:2: column 'x': 1e308 m is beyond", "1e308");
}

TEST_F(HardeningCli, JsonOutputReplacesInvalidUtf8) {
  std::string scenario = slurp(kMinimal);
  const std::string name = "name: Minimal";
  const auto at = scenario.find(name);
  ASSERT_NE(at, std::string::npos);
  scenario.replace(at, name.size(), "name: \"Bad \xff\xfe name\"");
  const CommandResult r = run_rampart("run " + write("bad_utf8.yaml", scenario) + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["scenario"], "Bad \xef\xbf\xbd\xef\xbf\xbd name");
}

TEST_F(HardeningCli, FullDiskFailsTheRunAndKeepsTheEarlierRecord) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const auto out = dir_ / "out";
  ASSERT_EQ(run_rampart("run " + kMinimal + " --out " + out.string()).status, 0);
  const std::string earlier = slurp(out / "plots.csv");
  ASSERT_FALSE(earlier.empty());
  std::filesystem::create_symlink("/dev/full", out / "plots.csv.partial");
  const CommandResult r = run_rampart("run " + kMinimal + " --seed 99 --out " + out.string());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("plots.csv.partial"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(out / "plots.csv"), earlier);
}

TEST_F(HardeningCli, TrackScoresAgainstTheTruthCsvOfRampartRun) {
  const auto out = dir_ / "run";
  const CommandResult run = run_rampart("run --out " + out.string());
  ASSERT_EQ(run.status, 0) << run.err;
  const CommandResult r = run_rampart("track --json --detections " + (out / "plots.csv").string() + " --truth " +
                                      (out / "truth.csv").string() + " --scan-period-s 6 --gospa-c 2000");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("gospa_mean")) << r.out;
  EXPECT_GT(j["tracks_confirmed"].get<int>(), 10);
  // Tracks were matched to the targets of truth.csv: the localisation part is not zero.
  EXPECT_GT(j["gospa_localisation"].get<double>(), 0.0);
}

}  // namespace
}  // namespace rampart::test
