#include "console/replay_exercise.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "core/error.h"
#include "core/text_file.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace rampart::console {
namespace {

class Replay : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() / ("rampart_replay_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    const auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
    sim::RunOptions o;
    o.out_dir = (dir_ / "run").string();
    summary_ = sim::Simulation(s, o).run();
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  /// A copy of the record with `file` replaced by `text`.
  static std::string broken(const std::string& file, const std::string& text) {
    const auto copy = dir_ / ("broken_" + file);
    std::filesystem::remove_all(copy);
    std::filesystem::copy(dir_ / "run", copy);
    std::ofstream(copy / file) << text;
    return copy.string();
  }

  static inline std::filesystem::path dir_;
  static inline sim::Summary summary_;
};

TEST_F(Replay, ARecordReadsBackAsThePictureC2Had) {
  const Recording r = read_recording((dir_ / "run").string());
  EXPECT_EQ(r.scenario, "Notional island defence");
  EXPECT_NEAR(r.origin.lat_deg, 35.0, 1e-9);
  EXPECT_NEAR(r.origin.lon_deg, -30.0, 1e-9);
  EXPECT_NEAR(r.end_s, 1200.0, 1.0);
  ASSERT_FALSE(r.tracks.empty());
  // A track's position is given in the frame: back in WGS-84 it lies within the island's area.
  for (const auto& t : r.tracks.begin()->second) {
    EXPECT_NEAR(t.at("lat").get<double>(), 35.0, 4.0);
    EXPECT_NEAR(t.at("lon").get<double>(), -30.0, 5.0);
  }
  int launches = 0, intercepts = 0;
  for (const auto& e : r.events) {
    if (e.launched) {
      ++launches;
      EXPECT_GT(e.launched->at("intercept_t_s").get<double>(), e.t_s);
    }
    if (e.resolved) {
      ++intercepts;
      EXPECT_EQ(e.audience, EventAudience::kTruth);
    }
  }
  EXPECT_EQ(launches, summary_.interceptors_fired + summary_.air_to_air_fired);
  EXPECT_EQ(intercepts, launches - summary_.interceptors_in_flight_at_end);
}

TEST_F(Replay, SeekingRebuildsThePictureAtThatTime) {
  Picture picture;
  std::mutex mutex;
  const Recording r = read_recording((dir_ / "run").string());
  const std::size_t tracks_at_600 = std::prev(r.tracks.upper_bound(600.0))->second.size();
  ReplayExercise replay(r, 1.0, 4.0, picture, mutex);
  EXPECT_EQ(Json::parse(replay.hello(Role::kAnalyst).dump()).at("mode"), "replay");
  EXPECT_THROW(replay.handle(Decide{1, true}, Role::kAnalyst), InputError);
  EXPECT_THROW(replay.handle(Inject{{{"action", "sensor_out"}}}, Role::kAnalyst), InputError);
  replay.handle(Seek{600.0}, Role::kAnalyst);
  replay.handle(Control{Control::Action::kPause}, Role::kAnalyst);
  // Run the replay's loop for a moment on a server of its own, then stop it.
  const auto root = dir_ / "www";
  std::filesystem::create_directories(root);
  std::ofstream(root / "index.html") << "x";
  Server server({"127.0.0.1", 0, root.string()}, replay, picture, mutex);
  std::atomic<bool> stop{false};
  std::thread player([&] { replay.run(server, stop); });
  for (int i = 0; i < 200; ++i) {
    {
      const std::lock_guard lock(mutex);
      if (picture.time_s() == 600.0) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop = true;
  player.join();
  const Json s = Json::parse(picture.snapshot({true, false}));
  EXPECT_EQ(s.at("t_s"), 600.0);
  EXPECT_EQ(s.at("tracks").size(), tracks_at_600);
  EXPECT_FALSE(s.at("truth").empty());
  for (const auto& e : s.at("events")) EXPECT_LE(e.at("t_s").get<double>(), 600.0);
  EXPECT_TRUE(s.at("clock").at("paused").get<bool>());
}

TEST_F(Replay, ARecordedTrainingExerciseReplaysTheTraineesDecisions) {
  const auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
  sim::RunOptions o;
  o.out_dir = (dir_ / "training").string();
  o.approval_time_s = 15.0;
  sim::Simulation exercise(s, o);
  struct Trainee : sim::EventSink {
    std::vector<std::uint64_t> proposed;
    void on(const sim::EngagementProposed& e) override { proposed.push_back(e.proposal.id); }
  } trainee;
  exercise.subscribe(trainee);
  std::size_t seen = 0;
  int approved = 0, rejected = 0;
  while (exercise.step())
    for (; seen < trainee.proposed.size(); ++seen) {
      if (trainee.proposed[seen] % 3 == 0) rejected += exercise.decide(trainee.proposed[seen], false);
      else approved += exercise.decide(trainee.proposed[seen], true);
    }
  exercise.finish();
  const Recording r = read_recording((dir_ / "training").string());
  int proposals = 0, approvals = 0, rejections = 0;
  for (const auto& e : r.events) {
    const std::string kind = e.event.at("kind");
    const std::string text = e.event.at("text");
    proposals += kind == "proposed";
    if (kind == "decision") {
      approvals += text.find("approved") != std::string::npos;
      rejections += text.find("rejected") != std::string::npos;
      EXPECT_NE(text.find("the automatic aid fires at once"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(proposals, static_cast<int>(trainee.proposed.size()));
  EXPECT_EQ(approvals, approved);
  EXPECT_EQ(rejections, rejected);
  EXPECT_GT(approvals, 0);
  EXPECT_GT(rejections, 0);
}

TEST_F(Replay, AMalformedRecordIsBadInputNamingFileAndLine) {
  const std::pair<std::string, std::string> cases[][1] = {
      {{"layout.csv", ""}},
      {{"layout.csv", "kind,name\nasset,A\n"}},
      {{"layout.csv", "kind,name,vertex,lat_deg,lon_deg,alt_m,east_m,north_m,up_m,radius_m,detail\n"
                      "asset,A,0,35,-30,0,0,0,0,100,city\n"}},
      {{"tracks.csv", "t_s,track_id\n1,2\n"}},
      {{"tracks.csv", "t_s,track_id,status,identity,track_t_s,east_m,north_m,up_m,ve_mps,vn_mps,vu_mps,sigma_pos_m,"
                      "truth_id,class\n1,x,confirmed,hostile,1,0,0,0,0,0,0,1,,aircraft\n"}},
      {{"events.csv", "t_s,event,unit,track_id,interceptor_id,threat,truth_id,outcome,east_m,north_m,up_m,miss_m,"
                      "detail\n5,launch,LR,1,1,,,,0,0,0,,\n4,launch,LR,1,2,,,,0,,0,,\n"}},
      {{"truth.csv", "t_s,truth_id,name,side,kind,state,lat_deg,lon_deg,alt_m,ve_mps,vn_mps\n1,2,a,hostile,drone,flying,"
                     "nan,0,0,0,0\n"}},
  };
  const char* expected[] = {"layout.csv:1: the file is empty", "layout.csv:1: the header has no column 'vertex'",
                            "layout.csv:2: the first row must be the frame's origin",
                            "tracks.csv:1: the header has no column 'identity'",
                            "tracks.csv:2: column 'track_id': 'x' is not an integer",
                            "events.csv:3: column 'north_m': '' is not a number", "truth.csv:2: column 'lat_deg'"};
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const auto& [file, text] = cases[i][0];
    try {
      read_recording(broken(file, text));
      ADD_FAILURE() << "accepted " << file << ": " << text;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(expected[i]), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(read_recording((dir_ / "nowhere").string()), InputError);
}

}  // namespace
}  // namespace rampart::console
