#include <gtest/gtest.h>

#include "c2/assignment.h"
#include "c2/battle_manager.h"
#include "c2/identification.h"
#include "c2/intercept.h"
#include "c2/threat_evaluation.h"

namespace rampart::c2 {
namespace {

tracking::TrackState track(std::uint32_t id, Eigen::Vector3d p, Eigen::Vector3d v) {
  tracking::TrackState t;
  t.id = id;
  t.status = tracking::TrackStatus::kConfirmed;
  t.x << p, v;
  t.has_height = true;
  return t;
}

TEST(Intercept, HeadOnClosure) {
  // Target 10 km north flying south at 200 m/s, interceptor at 800 m/s: meet after 10 s, 2 km north.
  const auto i = predict_intercept({0, 10'000, 0}, {0, -200, 0}, {0, 0, 0}, 800.0);
  ASSERT_TRUE(i);
  EXPECT_NEAR(i->time_of_flight_s, 10.0, 1e-9);
  EXPECT_NEAR(i->p_enu_m.y(), 8000.0, 1e-6);
}

TEST(Intercept, CrossingTargetSatisfiesTheGeometry) {
  const Eigen::Vector3d p(20'000, 30'000, 5000), v(-250, 40, 0), launcher(1000, -2000, 0);
  const auto i = predict_intercept(p, v, launcher, 900.0);
  ASSERT_TRUE(i);
  EXPECT_NEAR((i->p_enu_m - launcher).norm(), 900.0 * i->time_of_flight_s, 1e-6);
  EXPECT_LT((i->p_enu_m - (p + v * i->time_of_flight_s)).norm(), 1e-9);
}

TEST(Intercept, FasterTargetRunningAwayCannotBeCaught) {
  EXPECT_FALSE(predict_intercept({0, 10'000, 0}, {0, 1000, 0}, {0, 0, 0}, 800.0));
}

std::vector<scenario::Asset> assets() {
  return {{"city", "city", {0, 0}, 5000, 100}, {"base", "airbase", {50'000, 0}, 2000, 60}};
}

TEST(ThreatEvaluation, RanksByTimeToAssetAndIgnoresTracksPassingBy) {
  const std::vector<tracking::TrackState> tracks = {
      track(1, {0, 100'000, 5000}, {0, -250, 0}),       // city in (100 - 5) km / 250 = 380 s
      track(2, {50'000, 40'000, 5000}, {0, -200, 0}),   // base in 38 km / 200 = 190 s
      track(3, {-80'000, 80'000, 5000}, {0, 250, 0}),   // flying away
  };
  const auto ranked = evaluate_threats(tracks, assets(), 5000.0);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].track_id, 2u);
  EXPECT_EQ(ranked[0].asset, 1u);
  EXPECT_NEAR(ranked[0].time_to_asset_s, 190.0, 1e-6);
  EXPECT_EQ(ranked[1].track_id, 1u);
  EXPECT_NEAR(ranked[1].time_to_asset_s, 380.0, 1e-6);
}

TEST(Identification, ReplyMakesFriendSilenceMakesHostile) {
  Identifier id(
      [](const Eigen::Vector3d& p, std::uint64_t) { return IffReply{true, p.x() < 0}; }, 2);
  const std::vector<tracking::TrackState> tracks = {track(1, {-1000, 5000, 0}, {0, 0, 0}),
                                                    track(2, {1000, 5000, 0}, {0, 0, 0})};
  auto changes = id.update(0.0, tracks);
  EXPECT_EQ(id.identity(1), Identity::kFriend);
  EXPECT_EQ(id.identity(2), Identity::kPending);
  changes = id.update(1.0, tracks);
  EXPECT_EQ(id.identity(2), Identity::kHostile);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].reason, "no IFF reply to 2 challenges");
  id.update(2.0, {});  // deleted tracks are forgotten
  EXPECT_EQ(id.identity(1), Identity::kPending);
}

TEST(Identification, OutsideCoverageStaysUnknown) {
  Identifier id([](const Eigen::Vector3d&, std::uint64_t) { return IffReply{false, false}; }, 1);
  const std::vector<tracking::TrackState> tracks = {track(1, {0, 500'000, 0}, {0, 0, 0})};
  for (int i = 0; i < 5; ++i) id.update(i, tracks);
  EXPECT_EQ(id.identity(1), Identity::kUnknown);
}

WeaponStatus weapon(std::size_t index, Eigen::Vector3d p, int channels = 2, int rounds = 4) {
  scenario::WeaponType type{"sam", 2000, 40'000, 10, 20'000, 1000, 0.8, 1000, 10, 2};
  return {index, p, type, channels, rounds};
}

TEST(Assignment, EarliestFeasibleInterceptWinsAndCapacityIsRespected) {
  const auto t1 = track(1, {0, 60'000, 5000}, {0, -250, 0});
  const auto t2 = track(2, {0, 200'000, 5000}, {0, -250, 0});  // too far for now
  const std::map<std::uint32_t, tracking::TrackState> by_id = {{1, t1}, {2, t2}};
  const std::vector<ThreatAssessment> ranked = {{1, 0, 0, 220, 100}, {2, 0, 0, 780, 100}};
  const auto orders = assign_greedy(ranked, by_id, {weapon(0, {0, 0, 0}), weapon(1, {0, 20'000, 0})}, 1, 0.0);
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].fire_unit, 1u);  // the forward unit meets the threat first
  EXPECT_EQ(orders[0].track_id, 1u);
  // With no free channel nothing fires.
  EXPECT_TRUE(assign_greedy(ranked, by_id, {weapon(0, {0, 0, 0}, 0)}, 1, 0.0).empty());
}

TEST(Assignment, NoInterceptAfterTheThreatHasArrived) {
  const auto t1 = track(1, {0, 35'000, 5000}, {0, -250, 0});
  const std::map<std::uint32_t, tracking::TrackState> by_id = {{1, t1}};
  // Intercept after about 28 s, but the threat reaches its asset in 20 s.
  EXPECT_TRUE(assign_greedy({{1, 0, 0, 20, 100}}, by_id, {weapon(0, {0, 0, 0})}, 1, 0.0).empty());
}

TEST(BattleManager, NeverEngagesFriendsAndDoesNotDoubleEngage) {
  scenario::Scenario s;
  s.assets = assets();
  s.c2.iff_challenges_before_hostile = 1;
  BattleManager bm(s, [](const Eigen::Vector3d& p, std::uint64_t) { return IffReply{true, p.x() < -1000}; });
  const std::vector<tracking::TrackState> tracks = {track(1, {-5000, 40'000, 5000}, {0, -250, 0}),
                                                    track(2, {0, 40'000, 5000}, {0, -250, 0})};
  const std::vector<WeaponStatus> weapons = {weapon(0, {0, 0, 0}), weapon(1, {1000, 0, 0})};
  const C2Decision first = bm.step(0.0, tracks, weapons);
  ASSERT_EQ(first.orders.size(), 1u);
  EXPECT_EQ(first.orders[0].track_id, 2u);
  EXPECT_EQ(bm.identity(1), Identity::kFriend);
  EXPECT_TRUE(bm.step(1.0, tracks, weapons).orders.empty());  // track 2 is under engagement
  bm.report_outcome(2, false);                                  // missed: shoot again
  EXPECT_EQ(bm.step(2.0, tracks, weapons).orders.size(), 1u);
  bm.report_outcome(2, true);                                   // killed: never again
  EXPECT_TRUE(bm.step(3.0, tracks, weapons).orders.empty());
}

}  // namespace
}  // namespace rampart::c2
