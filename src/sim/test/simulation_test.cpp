#include "sim/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "core/text_file.h"
#include "scenario/loader.h"
#include "sim/scorer.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

std::string read(const std::filesystem::path& p) { return read_text_file(p.string()).value_or(""); }

TEST(Schedule, StagesRunInPipelineOrder) {
  ASSERT_EQ(kSchedule.size(), 6u);
  EXPECT_EQ(kSchedule[0].stage, Stage::kMotion);
  EXPECT_EQ(kSchedule[1].stage, Stage::kSensors);
  EXPECT_EQ(kSchedule[2].stage, Stage::kTracking);
  EXPECT_EQ(kSchedule[3].stage, Stage::kC2);
  EXPECT_EQ(kSchedule[4].stage, Stage::kEngagement);
  EXPECT_EQ(kSchedule[5].stage, Stage::kRecord);
}

TEST(Simulation, SameSeedSameResultsByteForByte) {
  const auto s = load("scenarios/default.yaml");
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_sim_determinism_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const Summary a = Simulation(s, {std::nullopt, (dir / "a").string()}).run();
  const Summary b = Simulation(s, {std::nullopt, (dir / "b").string()}).run();
  EXPECT_EQ(scores(a), scores(b));
  for (const char* file : {"truth.csv", "plots.csv", "tracks.csv", "events.csv", "identities.csv"}) {
    const std::string first = read(dir / "a" / file);
    EXPECT_FALSE(first.empty()) << file;
    EXPECT_EQ(first, read(dir / "b" / file)) << file;
  }
  std::filesystem::remove_all(dir);
}

TEST(Simulation, DifferentSeedsDiffer) {
  const auto s = load("scenarios/default.yaml");
  const Summary a = Simulation(s, {1u, std::nullopt}).run();
  const Summary b = Simulation(s, {2u, std::nullopt}).run();
  EXPECT_EQ(a.seed, 1u);
  EXPECT_NE(scores(a), scores(b));
}

/// Every assignment policy gives one result for one scenario and seed whatever the machine's load:
/// the WTA solvers stop on counts, not on the clock. Several engagements per track are allowed, so
/// that the WTA policies use their solvers (without it they match one engagement per threat).
TEST(Simulation, EveryAssignmentPolicyIsDeterministic) {
  auto s = load("scenarios/default.yaml");
  s.c2.multiple_units_per_track = true;
  std::map<scenario::AssignmentPolicyKind, Summary> runs;
  for (const auto kind : {scenario::AssignmentPolicyKind::kMatching, scenario::AssignmentPolicyKind::kWtaHeuristic,
                          scenario::AssignmentPolicyKind::kWtaExact}) {
    s.c2.assignment = kind;
    const Summary a = Simulation(s, {}).run();
    const Summary b = Simulation(s, {}).run();
    EXPECT_EQ(a.assignment, scenario::to_string(kind));
    EXPECT_EQ(scores(a), scores(b)) << scenario::to_string(kind);
    runs.emplace(kind, a);
  }
  // The WTA solvers decide otherwise than matching (several engagements on a threat where
  // matching puts one), so their runs differ from matching's.
  EXPECT_NE(scores(runs[scenario::AssignmentPolicyKind::kWtaHeuristic]),
            scores(runs[scenario::AssignmentPolicyKind::kMatching]));
  EXPECT_NE(scores(runs[scenario::AssignmentPolicyKind::kWtaExact]),
            scores(runs[scenario::AssignmentPolicyKind::kMatching]));
}

TEST(Simulation, DefaultScenarioScoresAreConsistent) {
  const Summary r = Simulation(load("scenarios/default.yaml"), {}).run();
  EXPECT_EQ(r.threats, 46);
  EXPECT_EQ(r.friendlies, 4);
  EXPECT_DOUBLE_EQ(r.sim_time_s, 1200.0);
  EXPECT_GE(survived_otherwise(r), 0);  // no threat both killed and leaked counts twice
  EXPECT_LE(r.killed_after_leaking, std::min(r.killed, r.leakers));
  EXPECT_GT(r.killed, r.threats / 2);  // a working defence kills most of the raid
  EXPECT_EQ(r.interceptor_kills, r.killed + r.fratricides);
  EXPECT_LE(r.interceptor_kills + r.interceptor_misses + r.interceptor_no_target,
            r.interceptors_fired + r.air_to_air_fired);
  EXPECT_GT(r.fighter_sorties, 0);  // the raids from beyond SAM reach bring the alert fighters up
  EXPECT_GT(r.air_to_air_fired, 0);
  EXPECT_EQ(r.fratricides, 0);
  EXPECT_GE(r.tracks_confirmed, r.threats);
  EXPECT_GT(r.false_alarm_plots, 0);
  EXPECT_GE(r.asset_value_lost, 0.0);
  EXPECT_LE(r.asset_value_lost, r.asset_value_total);
  EXPECT_GE(r.friendly_tracks_identified, r.friendlies);
}

// A strike aircraft releases over an asset (a leaker) and is shot down on its way home (killed):
// it counts once in each, once more for killed_after_leaking, and survived_otherwise stays
// threats - 1; a second arrival of the same aircraft is damage, not another leaker.
TEST(Scorer, AThreatKilledAfterItLeakedIsNotCountedTwice) {
  const auto scenario = load("scenarios/default.yaml");
  const world::World world(scenario);
  Scorer scorer(scenario);
  std::vector<std::uint32_t> threats;
  for (const auto& e : world.entities()) {
    if (e.side == world::Side::kHostile) threats.push_back(e.id);
  }
  ASSERT_FALSE(threats.empty());
  scorer.on(ThreatsAdded{0.0, world, threats});
  const std::uint32_t bandit = threats.back();
  const std::vector<world::Arrival> first{{bandit, 0, 7.0}}, second{{bandit, 1, 3.0}};
  scorer.on(TruthMoved{100.0, world, first});
  scorer.on(TruthMoved{110.0, world, second});
  engagement::Resolution shot;
  shot.outcome = engagement::Outcome::kKill;
  shot.truth_id = bandit;
  scorer.on(InterceptorResolved{120.0, shot, world});
  const Summary s = scorer.summary();
  EXPECT_EQ(s.leakers, 1);
  EXPECT_EQ(s.killed, 1);
  EXPECT_EQ(s.killed_after_leaking, 1);
  EXPECT_EQ(survived_otherwise(s), s.threats - 1);
  EXPECT_DOUBLE_EQ(s.asset_value_lost, 10.0);
  EXPECT_DOUBLE_EQ(s.asset_value_lost_by_asset.at(world.assets()[1].name), 3.0);
  EXPECT_NE(to_text(s).find("leakers 1 (1 of them killed afterwards)   survived otherwise " +
                            std::to_string(s.threats - 1)),
            std::string::npos)
      << to_text(s);
}

TEST(Simulation, FriendWithoutIffIsShotDownAndCounted) {
  // A transport (no data link) with its transponder off flies at the town like a threat: C2
  // declares it hostile and engages it, and scoring counts the fratricide. This checks that the
  // IFF chain and the data link, not truth, are what protect friends.
  auto s = load("src/scenario/test/data/minimal.yaml");
  s.raids[0].count = 1;
  s.raids[0].route = {{80'000, 0}, {100'000, 0}};  // a threat far away, flying off
  s.friendlies[0].kind = scenario::FriendlyKind::kTransport;
  s.friendlies[0].iff_on = false;
  s.friendlies[0].repeat_route = false;
  s.friendlies[0].route = {{0, 60'000}, {0, 0}};
  // At 3000 m the minimal radar holds the track all the way in; at 8000 m it drops it about
  // 43 km out, before the SAM's launch acceptability region (less C2's margin) lets it fire.
  s.friendlies[0].altitude_m = 3000;
  s.duration_s = 300;
  const Summary r = Simulation(s, {}).run();
  EXPECT_GE(r.interceptors_fired, 1);
  EXPECT_EQ(r.fratricides, 1);
  s.friendlies[0].iff_on = true;
  const Summary with_iff = Simulation(s, {}).run();
  EXPECT_EQ(with_iff.fratricides, 0);
  EXPECT_EQ(with_iff.interceptors_fired, 0);
  // A fighter reports its position on the data link: C2 knows it is its own, transponder or not.
  s.friendlies[0].kind = scenario::FriendlyKind::kFighter;
  s.friendlies[0].iff_on = false;
  const Summary on_link = Simulation(s, {}).run();
  EXPECT_EQ(on_link.fratricides, 0);
  EXPECT_EQ(on_link.interceptors_fired, 0);
}

}  // namespace
}  // namespace rampart::sim
