// `rampart track` through the binary: scoring, tracks.csv and malformed input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.h"
#include "core/test/scratch_dir.h"
#include "tracking/stonesoup_scenario.h"

namespace {

using rampart::test::CommandResult;
using rampart::test::run_rampart;

class TrackCommand : public rampart::test::ScratchDirTest {
 protected:
  // Writes a generated 10-target Stone Soup scenario; returns the --detections and --truth args.
  std::string write_scenario(int scans, std::uint64_t seed) {
    rampart::tracking::StoneSoupScenarioParams params;
    params.scans = scans;
    const auto scenario = rampart::tracking::generate_stonesoup_scenario(params, seed);
    const std::string detections = (dir_ / "detections.csv").string();
    const std::string truth = (dir_ / "truth.csv").string();
    rampart::tracking::write_detections_csv(detections, scenario.detections);
    rampart::tracking::write_truth_csv(truth, scenario.truth);
    return "--detections " + detections + " --truth " + truth;
  }
};

TEST_F(TrackCommand, ScoresAGeneratedScenarioAndWritesTracks) {
  const CommandResult run = run_rampart("track " + write_scenario(40, 3) +
                                        " --json --process-noise 0.3 --initial-speed-sigma 10 --out " +
                                        (dir_ / "out").string());
  ASSERT_EQ(run.status, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["scans"], 40);
  EXPECT_GT(j["plots"].get<int>(), 400);
  EXPECT_GE(j["tracks_confirmed"].get<int>(), 10);
  EXPECT_GE(j["ms_per_scan_mean"].get<double>(), 0.0);
  EXPECT_LT(j["gospa_mean"].get<double>(), 40.0);
  for (const char* key : {"gospa_localisation", "gospa_missed", "gospa_false", "track_breaks", "track_swaps"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  std::ifstream tracks(dir_ / "out" / "tracks.csv");
  std::string header;
  std::getline(tracks, header);
  EXPECT_EQ(header, "scan,time,track_id,x,y");
  int rows = 0;
  for (std::string line; std::getline(tracks, line);) ++rows;
  EXPECT_GT(rows, 10 * 30);
}

TEST_F(TrackCommand, JpdaAndMhtAreSelectable) {
  const std::string files = write_scenario(30, 4);
  for (const std::string tracker : {"jpda", "mht"}) {
    const CommandResult run = run_rampart(
        "track " + files + " --tracker " + tracker +
        " --json --process-noise 0.3 --initial-speed-sigma 10 --track-logic score --pd 0.9"
        " --clutter-density 5e-6");
    ASSERT_EQ(run.status, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["tracker"], tracker);
    EXPECT_LT(j["gospa_mean"].get<double>(), 45.0) << tracker;
  }
}

TEST_F(TrackCommand, TheImmGoesWithGnnAndJpdaButNotMht) {
  const std::string files = write_scenario(30, 4);
  for (const std::string tracker : {"gnn", "jpda"}) {
    const CommandResult run = run_rampart("track " + files + " --tracker " + tracker +
                                          " --filter imm --json --process-noise 0.3 --initial-speed-sigma 10"
                                          " --clutter-density 5e-6");
    ASSERT_EQ(run.status, 0) << run.err;
    const auto j = nlohmann::json::parse(run.out);
    EXPECT_EQ(j["tracker"], tracker);
    EXPECT_EQ(j["filter"], "imm");
    EXPECT_LT(j["gospa_mean"].get<double>(), 45.0) << tracker;
  }
  const CommandResult mht = run_rampart("track " + files + " --tracker mht --filter imm");
  EXPECT_EQ(mht.status, 2);
  EXPECT_NE(mht.err.find("--filter imm goes with --tracker gnn or jpda, not mht"), std::string::npos)
      << mht.err;
  const CommandResult unknown = run_rampart("track " + files + " --filter ukf");
  EXPECT_EQ(unknown.status, 2) << unknown.err;
}

TEST_F(TrackCommand, WithoutTruthPrintsNoGospa) {
  const std::string d = write("d.csv", "scan,time,x,y\n0,0,1,2\n1,1,1,2\n2,2,1,2\n3,3,1,2\n");
  const CommandResult run = run_rampart("track --detections " + d + " --json");
  ASSERT_EQ(run.status, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["scans"], 4);
  EXPECT_EQ(j["tracks_confirmed"], 1);
  EXPECT_FALSE(j.contains("gospa_mean"));
}

TEST_F(TrackCommand, MalformedInputExitsTwoWithFileAndLine) {
  const std::string good_truth = write("t.csv", "scan,time,id,x,y\n0,0,1,2,3\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"scan,time,x\n0,0,1\n", ":1: header must name"},
      {"scan,time,x,y\n0,0,1\n", ":2: expected 4 fields"},
      {"scan,time,x,y\n0,0,1,north\n", ":2: column 'y': 'north' is not a number"},
      {"scan,time,x,y\n0,0,1,2\nfirst,1,1,2\n", ":3: column 'scan': 'first' is not an integer"},
      {"scan,time,x,y\n0,2,1,2\n1,1,1,2\n", ":3: time 1 is earlier"},
      {"scan,time,x,y\n0,0,1,2\n0,1,1,2\n", ":3: scan 0 has time 1"},
      {"scan,time,x,y\n0,0,1,2\n1,1,1,2\n0,1,1,2\n", ":4: scan 0 appears again"},
      {"scan,time,x,y\n0,0,inf,2\n", ":2: column 'x': 'inf' is not finite"},
      {"scan,time,x,y\n", ":1: no data rows"},
      {"", ":1: the file is empty"},
  };
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const std::string name = "bad" + std::to_string(k) + ".csv";
    const std::string path = write(name, cases[k].first);
    const CommandResult run = run_rampart("track --detections " + path + " --truth " + good_truth);
    EXPECT_EQ(run.status, 2) << name << ": " << run.err;
    EXPECT_NE(run.err.find(path + cases[k].second), std::string::npos) << run.err;
  }
  const std::string d = write("d.csv", "scan,time,x,y\n0,0,1,2\n");
  const std::string bad_truth = write("bt.csv", "scan,time,id,x,y\n0,0,1,2,3\n0,0,1,4,5\n");
  CommandResult run = run_rampart("track --detections " + d + " --truth " + bad_truth);
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(bad_truth + ":3: truth id 1 appears twice"), std::string::npos) << run.err;
  run = run_rampart("track --detections " + d + " --confirm 5/3");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--confirm: '5/3' is not M/N"), std::string::npos) << run.err;
  run = run_rampart("track --detections " + (dir_ / "absent.csv").string());
  EXPECT_EQ(run.status, 2) << run.err;
}

}  // namespace
