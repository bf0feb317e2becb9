#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_support.h"

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;

nlohmann::json without_wall_time(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text);
  j.erase("wall_time_s");
  return j;
}

TEST(RunCommand, JsonIsDeterministicForOneSeedAndDiffersAcrossSeeds) {
  const CommandResult a = run_rampart("run --json");
  const CommandResult b = run_rampart("run --json");
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  const nlohmann::json ja = nlohmann::json::parse(a.out);
  for (const char* key : {"scenario", "seed", "assignment", "sim_time_s", "wall_time_s", "threats", "killed", "leakers",
                          "interceptors_fired", "asset_value_lost", "fratricides", "tracks_confirmed", "false_tracks"}) {
    EXPECT_TRUE(ja.contains(key)) << key;
  }
  EXPECT_EQ(ja["threats"], 46);
  EXPECT_EQ(without_wall_time(a.out), without_wall_time(b.out));
  const CommandResult c = run_rampart("run --json --seed 12345");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_EQ(nlohmann::json::parse(c.out)["seed"], 12345);
  EXPECT_NE(without_wall_time(a.out), without_wall_time(c.out));
}

TEST(RunCommand, PrintsAReadableSummary) {
  const CommandResult r = run_rampart("run");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* text : {"Scenario: Notional island defence", "Threats: 46", "Interceptors fired:",
                           "Defended value lost:", "fratricides", "tracks confirmed", "doctrine shoot_look_shoot, assignment matching"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
  }
}

TEST(RunCommand, OutWritesTheRecord) {
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_cli_out_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const CommandResult r = run_rampart("run " + (kSource / "src/scenario/test/data/minimal.yaml").string() +
                                      " --out " + dir.string());
  ASSERT_EQ(r.status, 0) << r.err;
  const std::map<std::string, std::string> headers = {
      {"truth.csv", "t_s,truth_id,name,side,kind,state,"},
      {"plots.csv", "t_s,sensor,plot_id,range_m,az_deg,el_deg,east_m,north_m,up_m,amplitude_dbm,radial_speed_mps,source,truth_id\n"},
      {"tracks.csv", "t_s,track_id,status,identity,"},
      {"events.csv", "t_s,event,unit,track_id,interceptor_id,threat,truth_id,outcome,east_m,north_m,up_m,miss_m,detail\n"},
      {"identities.csv", "t_s,track_id,from,to,reason\n"},
      {"layout.csv", "kind,name,vertex,lat_deg,lon_deg,alt_m,east_m,north_m,up_m,radius_m,detail\n"}};
  for (const auto& [file, header] : headers) {
    const std::string text = slurp(dir / file);
    EXPECT_EQ(text.rfind(header, 0), 0u) << file;
    EXPECT_GT(std::count(text.begin(), text.end(), '\n'), 1) << file << " has no rows";
  }
  const std::string plots = slurp(dir / "plots.csv");
  EXPECT_NE(plots.find(",target,1\n"), std::string::npos);  // the minimal scenario's first threat
  EXPECT_NE(plots.find(",false_alarm,0\n"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ValidateCommand, ShippedScenarioIsGood) {
  const CommandResult r = run_rampart("validate " + (kSource / "scenarios/default.yaml").string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(": ok"), std::string::npos);
}

TEST(ValidateCommand, EveryMalformedFileExitsTwoWithItsProblems) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSource / "src/scenario/test/data/invalid")) {
    const std::string path = entry.path().string();
    for (const char* verb : {"validate ", "run "}) {
      const CommandResult r = run_rampart(verb + path);
      EXPECT_EQ(r.status, 2) << verb << path;
      std::istringstream lines(slurp(entry.path()));
      for (std::string line; std::getline(lines, line);) {
        if (line.rfind("# expect: ", 0) != 0) continue;
        // `${DATA}`: the folder above data/invalid (see loader_test.cpp).
        std::string message = line.substr(10);
        if (const auto at = message.find("${DATA}"); at != std::string::npos)
          message.replace(at, 7, entry.path().parent_path().parent_path().string());
        const std::string expected = path + ":" + message;
        EXPECT_NE(r.err.find(expected), std::string::npos) << verb << "must print: " << expected << "\ngot:\n" << r.err;
      }
    }
    ++files;
  }
  EXPECT_GE(files, 25);
}

TEST(CommandLine, BadInvocationsExitTwoWithAMessage) {
  struct Case {
    const char* args;
    const char* message;
  };
  for (const Case& c : {Case{"run /nonexistent/file.yaml", "/nonexistent/file.yaml:1:1: cannot open the scenario file"},
                        Case{"run --seed abc", "--seed"},
                        Case{"frobnicate", "frobnicate"},
                        Case{"validate", "files is required"},
                        Case{"run --out /proc/rampart_cannot_write_here", "cannot create the output folder"}}) {
    const CommandResult r = run_rampart(c.args);
    EXPECT_EQ(r.status, 2) << c.args;
    EXPECT_NE((r.err + r.out).find(c.message), std::string::npos) << c.args << "\n" << r.err;
  }
}

}  // namespace
}  // namespace rampart::test
