#include "c2/kill_assessment.h"

#include <gtest/gtest.h>

#include "c2/battle_manager.h"
#include "c2/position_reports.h"

namespace rampart::c2 {
namespace {

messages::TrackState track(std::uint32_t id, int updates, int misses = 0) {
  messages::TrackState t;
  t.id = id;
  t.status = messages::TrackStatus::kConfirmed;
  t.x << 0, 30'000, 1000, 0, -50, 0;
  t.has_height = true;
  t.updates = updates;
  t.consecutive_misses = misses;
  return t;
}

/// One round at track 6, intercept at 30 s; the look comes 15 s later, at 45 s.
class KillAssessorTest : public ::testing::Test {
 protected:
  KillAssessor assessor{15.0};
  void SetUp() override { assessor.on_launch({11, 6, 5.5, 30.0, 0.8, 0}); }
};

TEST_F(KillAssessorTest, PlotsAfterTheInterceptMeanSurvived) {
  EXPECT_TRUE(assessor.under_engagement(6));
  EXPECT_NEAR(assessor.p_reach().at(6), 0.2, 1e-12);
  EXPECT_TRUE(assessor.update(29.0, {track(6, 9)}).empty());
  EXPECT_TRUE(assessor.update(30.0, {track(6, 10)}).empty());  // baseline: 10 plots
  EXPECT_TRUE(assessor.update(44.0, {track(6, 12)}).empty());  // not yet: the look is at 45 s
  const auto out = assessor.update(45.0, {track(6, 12)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].judgement, Judgement::kSurvived);
  EXPECT_EQ(out[0].track_id, 6u);
  EXPECT_EQ(out[0].interceptor_ids, std::vector<std::uint64_t>{11});
  EXPECT_DOUBLE_EQ(out[0].intercept_t_s, 30.0);
  EXPECT_EQ(out[0].evidence, "2 plots correlated in 15 s after the intercept");
  EXPECT_FALSE(assessor.under_engagement(6));
  EXPECT_FALSE(assessor.judged_killed(6));
}

TEST_F(KillAssessorTest, OnlyMissedLooksOrADeletedTrackMeanKilled) {
  KillAssessor deleted(15.0);
  deleted.on_launch({12, 7, 5.5, 30.0, 0.8, 0});
  assessor.update(30.0, {track(6, 10)});
  deleted.update(30.0, {track(7, 10)});
  const auto missed = assessor.update(45.0, {track(6, 10, 3)});
  ASSERT_EQ(missed.size(), 1u);
  EXPECT_EQ(missed[0].judgement, Judgement::kKilled);
  EXPECT_EQ(missed[0].evidence, "no plot in 15 s after the intercept (3 missed looks)");
  EXPECT_TRUE(assessor.judged_killed(6));
  const auto gone = deleted.update(45.0, {});
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0].judgement, Judgement::kKilled);
  EXPECT_EQ(gone[0].evidence, "track deleted within 15 s of the intercept");
}

/// Wrong one way: the target died at 30 s, but its track coasting through clutter took a false
/// plot at 36 s: the evidence says survived.
TEST_F(KillAssessorTest, AKilledTargetsTrackCoastingOnClutterIsJudgedSurvived) {
  assessor.update(30.0, {track(6, 10)});
  const auto out = assessor.update(45.0, {track(6, 11, 1)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].judgement, Judgement::kSurvived);
  EXPECT_EQ(out[0].evidence, "1 plot correlated in 15 s after the intercept");
}

/// Wrong the other way: the target survived but faded (Swerling 1) for three looks: judged
/// killed. When its plots come back, two more reopen the track.
TEST_F(KillAssessorTest, ASurvivorUnseenByTheRadarIsJudgedKilledThenReopened) {
  assessor.update(30.0, {track(6, 10)});
  ASSERT_EQ(assessor.update(45.0, {track(6, 10, 3)})[0].judgement, Judgement::kKilled);
  EXPECT_TRUE(assessor.update(50.0, {track(6, 11)}).empty());  // one plot is not enough
  const auto out = assessor.update(56.0, {track(6, 12)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].judgement, Judgement::kReopened);
  EXPECT_EQ(out[0].interceptor_ids, std::vector<std::uint64_t>{11});
  EXPECT_EQ(out[0].evidence, "2 plots correlated after it was judged killed");
  EXPECT_FALSE(assessor.judged_killed(6));
}

TEST_F(KillAssessorTest, ALaterRoundMovesTheLook) {
  assessor.update(30.0, {track(6, 10)});
  assessor.on_launch({13, 6, 20.0, 40.0, 0.5, 9});  // a fighter's missile, intercept at 40 s
  EXPECT_NEAR(assessor.p_reach().at(6), 0.2 * 0.5, 1e-12);
  EXPECT_TRUE(assessor.update(45.0, {track(6, 10)}).empty());  // baseline now, after the last intercept
  const auto out = assessor.update(55.0, {track(6, 10, 2)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].interceptor_ids, (std::vector<std::uint64_t>{11, 13}));
  EXPECT_EQ(out[0].fighter_entities, std::vector<std::uint32_t>{9});
  EXPECT_EQ(out[0].judgement, Judgement::kKilled);
}

TEST(OwnForcePicture, LatestReportExtrapolatedUntilItIsStale) {
  OwnForcePicture picture(2.0, 0.5);  // stale after 3 x 2 + 0.5 = 6.5 s
  picture.receive({42, 10.0, {1000, 0, 8000}, {200, 0, 0}});
  picture.receive({42, 8.0, {0, 0, 8000}, {200, 0, 0}});  // older, arrived late: ignored
  auto at = picture.positions_at(12.0);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_NEAR((at.at(42) - Eigen::Vector3d(1400, 0, 8000)).norm(), 0.0, 1e-9);
  EXPECT_EQ(picture.positions_at(16.5).size(), 1u);
  EXPECT_TRUE(picture.positions_at(16.6).empty());
}

// The battle manager on the default scenario's Drone-C-6/C-7 situation and its relatives.

scenario::Scenario drones_scenario() {
  scenario::Scenario s;
  s.assets = {{"Harbour City", "city", {0, 0}, 5000, 100}};
  s.c2.iff_challenges_before_hostile = 1;
  s.c2.kill_assessment_delay_s = 15.0;
  return s;
}

WeaponStatus sam(int channels) {
  scenario::WeaponType type{"sam", 2000, 40'000, 10, 20'000, 1000, 0.8, 1000, 10, 2, 5.0};
  return {0, Eigen::Vector3d::Zero(), type, channels, 4};
}

IffChallenge silent() {
  return [](const IffQuery&) { return IffReply{true, false}; };
}

/// A round fired at Drone-C-6's track (6) killed Drone-C-7 (whose track 7 then starves and is
/// deleted); C2 is not told. Track 6 keeps correlating plots every 6 s. Shoot-look-shoot does
/// not fire again before the look at 30 + 15 = 45 s; at the look track 6 is judged survived and
/// engaged again in the same cycle.
TEST(BattleManagerKillAssessment, TheSurvivorOfAMisattributedKillIsReengagedAfterTheLook) {
  BattleManager bm(drones_scenario(), silent());
  auto first = bm.step(0.0, {track(6, 4)}, {sam(1)});
  ASSERT_EQ(first.orders.size(), 1u);
  EXPECT_EQ(first.orders[0].track_id, 6u);
  bm.on_launch({1, 6, 5.0, 30.0, 0.8, 0});
  for (int t = 1; t < 45; ++t) {
    const int plots6 = 4 + t / 6;
    std::vector<messages::TrackState> tracks = {track(6, plots6)};
    if (t < 42) tracks.push_back(track(7, 4 + std::min(t, 30) / 6, t < 30 ? 0 : (t - 30) / 6));
    const auto d = bm.step(t, tracks, {sam(t < 30 ? 0 : 1)});
    EXPECT_TRUE(d.kill_assessments.empty()) << "t=" << t;
    for (const auto& o : d.orders) EXPECT_NE(o.track_id, 6u) << "fired again before the look, t=" << t;
  }
  const auto look = bm.step(45.0, {track(6, 4 + 45 / 6)}, {sam(1)});
  ASSERT_EQ(look.kill_assessments.size(), 1u);
  EXPECT_EQ(look.kill_assessments[0].judgement, Judgement::kSurvived);
  EXPECT_EQ(look.kill_assessments[0].evidence, "2 plots correlated in 15 s after the intercept");
  ASSERT_EQ(look.orders.size(), 1u);
  EXPECT_EQ(look.orders[0].track_id, 6u);
}

TEST(BattleManagerKillAssessment, ATrackJudgedKilledIsNotEngagedUntilReopened) {
  BattleManager bm(drones_scenario(), silent());
  ASSERT_EQ(bm.step(0.0, {track(6, 4)}, {sam(1)}).orders.size(), 1u);
  bm.on_launch({1, 6, 5.0, 30.0, 0.8, 0});
  bm.step(30.0, {track(6, 9)}, {sam(1)});
  const auto look = bm.step(45.0, {track(6, 9, 2)}, {sam(1)});
  ASSERT_EQ(look.kill_assessments.size(), 1u);
  EXPECT_EQ(look.kill_assessments[0].judgement, Judgement::kKilled);
  EXPECT_TRUE(look.orders.empty());
  EXPECT_TRUE(bm.step(50.0, {track(6, 10)}, {sam(1)}).orders.empty());
  const auto reopened = bm.step(56.0, {track(6, 11)}, {sam(1)});
  ASSERT_EQ(reopened.kill_assessments.size(), 1u);
  EXPECT_EQ(reopened.kill_assessments[0].judgement, Judgement::kReopened);
  ASSERT_EQ(reopened.orders.size(), 1u);
}

/// A threat whose track has reached its asset (inside its 5 km radius) has arrived: no round is
/// fired at it, then or later.
TEST(BattleManagerKillAssessment, NoRoundAtAThreatThatHasArrived) {
  BattleManager bm(drones_scenario(), silent());
  auto over_city = track(6, 10);
  over_city.x << 0, 4000, 1000, 0, -50, 0;
  const auto d = bm.step(0.0, {over_city}, {sam(1)});
  ASSERT_EQ(d.threats.size(), 1u);
  EXPECT_DOUBLE_EQ(d.threats[0].time_to_asset_s, 0.0);
  EXPECT_TRUE(d.orders.empty());
  auto leaving = over_city;
  leaving.x << 0, 6000, 1000, 0, -50, 0;  // the track drifts out again, heading in
  EXPECT_TRUE(bm.step(1.0, {leaving}, {sam(1)}).orders.empty());
}

}  // namespace
}  // namespace rampart::c2
