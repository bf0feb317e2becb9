#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <set>

#include "c2/assignment.h"
#include "c2/battle_manager.h"
#include "c2/feasible_engagements.h"
#include "c2/matching_policy.h"
#include "c2/identification.h"
#include "c2/intercept.h"
#include "c2/threat_evaluation.h"
#include "core/random.h"

namespace rampart::c2 {
namespace {

/// A point at `alt_m` above the ellipsoid, `east_m`/`north_m` from an origin at sea level: the
/// scenario frame's up axis drops below the curved Earth by d^2 / 2R.
Eigen::Vector3d at_altitude(double east_m, double north_m, double alt_m) {
  return {east_m, north_m, alt_m - (east_m * east_m + north_m * north_m) / (2.0 * 6'371'000.0)};
}

messages::TrackState track(std::uint32_t id, Eigen::Vector3d p, Eigen::Vector3d v) {
  messages::TrackState t;
  t.id = id;
  t.status = messages::TrackStatus::kConfirmed;
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

TEST(ThreatEvaluation, GeometryFindsTheFirstAssetReachedAndIgnoresTracksPassingBy) {
  const std::vector<messages::TrackState> tracks = {
      track(1, {0, 100'000, 5000}, {0, -250, 0}),       // city in (100 - 5) km / 250 = 380 s
      track(2, {50'000, 40'000, 5000}, {0, -200, 0}),   // base in 38 km / 200 = 190 s
      track(3, {-80'000, 80'000, 5000}, {0, 250, 0}),   // flying away
  };
  const auto threats = evaluate_threats(tracks, assets(), 5000.0, 0.0);
  ASSERT_EQ(threats.size(), 2u);
  EXPECT_EQ(threats[0].track_id, 2u);
  EXPECT_EQ(threats[0].asset, 1u);
  EXPECT_NEAR(threats[0].time_to_asset_s, 190.0, 1e-6);
  EXPECT_EQ(threats[1].track_id, 1u);
  EXPECT_NEAR(threats[1].time_to_asset_s, 380.0, 1e-6);
}

TEST(ThreatEvaluation, ValueUsesReleaseRangePriorityAndEngagementsInFlight) {
  auto a = assets();
  a[0].priority = 1;  // the city counts double
  const std::vector<messages::TrackState> tracks = {
      track(1, {0, 100'000, 5000}, {0, -250, 0}),  // aircraft-like: releases 15 km out, at 340 s
      track(2, at_altitude(0, -60'000, 50), {0, 250, 0}),  // sea-skimmer: itself the weapon, at 55 km / 250 = 220 s
  };
  auto threats = evaluate_threats(tracks, a, 5000.0, 0.0);
  value_threats(threats, tracks, a, ThreatValueModel{}, {{2, 0.5}});
  ASSERT_EQ(threats.size(), 2u);
  const auto& missile = threats[0].track_id == 2 ? threats[0] : threats[1];
  const auto& aircraft = threats[0].track_id == 1 ? threats[0] : threats[1];
  EXPECT_NEAR(aircraft.time_to_release_s, 340.0, 1e-6);
  EXPECT_NEAR(aircraft.threat_value, 200.0, 1e-9);
  EXPECT_NEAR(aircraft.score, 200.0 / 340.0, 1e-9);
  EXPECT_NEAR(missile.time_to_release_s, 220.0, 1e-6);
  EXPECT_NEAR(missile.p_reach, 0.5, 1e-12);
  EXPECT_NEAR(missile.threat_value, 100.0, 1e-9);
  EXPECT_NE(aircraft.explain(a).find("threatens city (value 100, priority 1)"), std::string::npos);
}

ThreatAssessment scored(std::uint32_t id, double score) {
  ThreatAssessment t;
  t.track_id = id;
  t.score = score;
  return t;
}

TEST(ThreatRanker, HysteresisKeepsTheOrderUnderSmallChanges) {
  ThreatRanker ranker(0.2);
  auto r = ranker.rank({scored(1, 1.0), scored(2, 0.9), scored(3, 0.5)});
  EXPECT_EQ(r[0].track_id, 1u);
  EXPECT_EQ(r[0].rank, 1);
  // Track 2 is now 10% above track 1: not enough to overtake.
  r = ranker.rank({scored(1, 1.0), scored(2, 1.1), scored(3, 0.5)});
  EXPECT_EQ(r[0].track_id, 1u);
  // 30% above: it overtakes. A new track with the top score enters first.
  r = ranker.rank({scored(1, 1.0), scored(2, 1.3), scored(3, 0.5), scored(4, 2.0)});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].track_id, 4u);
  EXPECT_EQ(r[1].track_id, 2u);
  EXPECT_EQ(r[2].track_id, 1u);
  EXPECT_EQ(r[3].rank, 4);
}

scenario::Scenario c2_scenario() {
  scenario::Scenario s;
  s.assets = assets();
  s.c2.iff_challenges_before_hostile = 2;
  return s;
}

IffChallenge silent_iff() {
  return [](const IffQuery&) { return IffReply{true, false}; };
}

TEST(Identification, RepliesMakeFriendSilenceMakesHostileOrSuspect) {
  Identifier id(c2_scenario(), [](const IffQuery& q) { return IffReply{true, q.p_enu_m.x() < 0}; });
  const std::vector<messages::TrackState> tracks = {track(1, {-1000, 50'000, 5000}, {0, -200, 0}),
                                                    track(2, {1000, 50'000, 5000}, {0, -200, 0}),   // inbound
                                                    track(3, {90'000, 50'000, 5000}, {200, 0, 0})};  // passing
  id.update(0.0, tracks, {});
  EXPECT_EQ(id.identity(1), Identity::kPending);  // one reply: friend needs 2 of the last 4
  EXPECT_EQ(id.identity(2), Identity::kPending);
  const auto changes = id.update(1.0, tracks, {});
  EXPECT_EQ(id.identity(1), Identity::kFriend);
  EXPECT_EQ(id.identity(2), Identity::kHostile);
  EXPECT_EQ(id.identity(3), Identity::kSuspect);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].reason, "valid IFF replies to 2 of the last 2 challenges");
  EXPECT_EQ(changes[1].reason, "no IFF reply to 2 challenges, heading for a defended asset");
  id.update(2.0, {}, {});  // deleted tracks are forgotten
  EXPECT_EQ(id.identity(1), Identity::kPending);
}

/// Mode 3/A is not authenticated: an own-forces code without a secure reply holds an inbound track
/// at suspect (not hostile), and makes it an assumed friend only when C2 trusts Mode 3/A; a code
/// that is not own forces' changes nothing.
TEST(Identification, AnOwnForcesMode3aCodeWithoutASecureReplyIsSuspectUnlessTrusted) {
  const int own = 04521, airliner = 01200;
  const IffChallenge squawk = [&](const IffQuery& q) {
    return IffReply{true, false, q.p_enu_m.x() < 0 ? std::optional<int>(own) : std::optional<int>(airliner)};
  };
  auto s = c2_scenario();
  s.c2.own_mode3a_codes = {own};
  const std::vector<messages::TrackState> tracks = {track(1, {-1000, 50'000, 5000}, {0, -200, 0}),   // own code
                                                    track(2, {1000, 50'000, 5000}, {0, -200, 0})};   // airliner's
  Identifier held(s, squawk);
  held.update(0.0, tracks, {});
  const auto changes = held.update(1.0, tracks, {});
  EXPECT_EQ(held.identity(1), Identity::kSuspect);
  EXPECT_EQ(held.identity(2), Identity::kHostile);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].reason, "no IFF reply to 2 challenges in the secure mode, but Mode 3/A code 4521 of own forces");
  s.c2.trust_mode3a = true;
  Identifier trusting(s, squawk);
  const auto trusted = trusting.update(0.0, tracks, {});
  EXPECT_EQ(trusting.identity(1), Identity::kAssumedFriend);
  ASSERT_FALSE(trusted.empty());
  EXPECT_EQ(trusted[0].reason, "Mode 3/A code 4521 of own forces (not authenticated)");
}

/// Friend is re-evaluated at every challenge: in at 2 of the last 4 replies, out only when the
/// last 8 all went unanswered. Replies to challenges 1 to 11: yes, no, yes, then no.
TEST(Identification, FriendHasHysteresisAndDropsBackWhenRepliesStop) {
  const std::vector<bool> replies = {true, false, true, false, false, false, false, false, false, false, false};
  std::size_t n = 0;
  Identifier id(c2_scenario(), [&](const IffQuery&) { return IffReply{true, replies.at(n++)}; });
  const std::vector<messages::TrackState> inbound = {track(1, {1000, 50'000, 5000}, {0, -200, 0})};
  const std::vector<Identity> expected = {Identity::kPending, Identity::kPending,  // 1 of 1, 1 of 2
                                          Identity::kFriend,  Identity::kFriend,   // 2 of 3, 2 of 4
                                          Identity::kFriend,  Identity::kFriend,   // 1 of 4: held
                                          Identity::kFriend,  Identity::kFriend,   // 0 of 4: held
                                          Identity::kFriend,  Identity::kFriend,   // 7 silent in a row
                                          Identity::kHostile};                     // 8: dropped
  std::vector<IdentityChange> changes;
  for (std::size_t k = 0; k < replies.size(); ++k) {
    for (auto& c : id.update(static_cast<double>(k), inbound, {})) changes.push_back(c);
    EXPECT_EQ(id.identity(1), expected[k]) << "after challenge " << k + 1;
  }
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].reason, "valid IFF replies to 2 of the last 3 challenges");
  EXPECT_EQ(changes[1].from, Identity::kFriend);
  EXPECT_EQ(changes[1].reason,
            "no IFF reply to the last 8 challenges; no IFF reply to 9 challenges, heading for a defended asset");
}

/// The challenge goes where the track is now (its state is 4 s old) with its covariance.
TEST(Identification, TheChallengeCarriesTheTrackNowAndItsUncertainty) {
  std::vector<IffQuery> queries;
  Identifier id(c2_scenario(), [&](const IffQuery& q) {
    queries.push_back(q);
    return IffReply{true, false};
  });
  auto three_d = track(1, {0, 50'000, 5000}, {0, -200, 0});
  three_d.t_s = 6.0;
  three_d.P(2, 2) = 250.0 * 250.0;
  auto two_d = track(2, {0, 60'000, 0}, {0, -200, 0});
  two_d.t_s = 10.0;
  two_d.has_height = false;
  id.update(10.0, {three_d, two_d}, {});
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_NEAR((queries[0].p_enu_m - Eigen::Vector3d(0, 49'200, 5000)).norm(), 0.0, 1e-9);
  EXPECT_TRUE(queries[0].has_height);
  EXPECT_DOUBLE_EQ(queries[0].p_cov_m2(2, 2), 250.0 * 250.0);
  EXPECT_FALSE(queries[1].has_height);
  EXPECT_NE(queries[0].key, queries[1].key);
}

TEST(Identification, ProfileRules) {
  Identifier id(c2_scenario(), silent_iff());
  const std::vector<messages::TrackState> tracks = {track(1, {0, 80'000, 9000}, {0, -600, 0}),   // very fast
                                                    track(2, at_altitude(0, 80'000, 60), {0, -240, 0})};  // sea-skimmer
  const auto changes = id.update(0.0, tracks, {});
  EXPECT_EQ(id.identity(1), Identity::kHostile);
  EXPECT_EQ(id.identity(2), Identity::kSuspect);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].reason, "speed 600 m/s above the hostile limit");
  EXPECT_EQ(changes[1].reason, "low (60 m) and fast (240 m/s)");
}

TEST(Identification, OutsideCoverageStaysUnknown) {
  Identifier id(c2_scenario(), [](const IffQuery&) { return IffReply{false, false}; });
  const std::vector<messages::TrackState> tracks = {track(1, {0, 500'000, 5000}, {0, 0, 0})};
  for (int i = 0; i < 5; ++i) id.update(i, tracks, {});
  EXPECT_EQ(id.identity(1), Identity::kUnknown);
}

TEST(Identification, CorridorMakesAssumedFriend) {
  scenario::Scenario s = c2_scenario();
  s.c2.corridors.push_back({"lane", {{-100'000, 30'000}, {100'000, 30'000}}, 4000, 1000, 6000, 0, 100});
  Identifier id(s, silent_iff());
  const std::vector<messages::TrackState> along = {track(1, {0, 31'000, 3000}, {-200, 0, 0})};
  for (int i = 0; i < 3; ++i) id.update(i, along, {});
  EXPECT_EQ(id.identity(1), Identity::kAssumedFriend);
  Identifier later(s, silent_iff());  // after the corridor's window it is just a silent track
  for (int i = 0; i < 3; ++i) later.update(200 + i, along, {});
  EXPECT_NE(later.identity(1), Identity::kAssumedFriend);
}

// The corridor's speed limit, and its altitude band against the track's height uncertainty: a
// track at 7075 m (7000 m up at 31 km from the origin, plus 75 m of Earth curvature) is 1075 m
// above a 6000 m ceiling; with a height sigma of 600 m the band is within two sigma, with 100 m not.
TEST(Identification, CorridorChecksSpeedAndHeightWithItsUncertainty) {
  scenario::Scenario s = c2_scenario();
  s.c2.corridors.push_back({"lane", {{-100'000, 30'000}, {100'000, 30'000}}, 4000, 1000, 6000, 0, 100, 200.0});
  const auto silent_along = [&](double speed_mps, double up_m, double height_sigma_m) {
    Identifier id(s, silent_iff());
    messages::TrackState t = track(1, {0, 31'000, up_m}, {-speed_mps, 0, 0});
    t.P = Eigen::Matrix<double, 6, 6>::Identity() * 100.0;
    t.P(2, 2) = height_sigma_m * height_sigma_m;
    for (int i = 0; i < 3; ++i) id.update(i, {t}, {});
    return id.identity(1);
  };
  EXPECT_EQ(silent_along(150.0, 3000.0, 100.0), Identity::kAssumedFriend);
  EXPECT_NE(silent_along(250.0, 3000.0, 100.0), Identity::kAssumedFriend);  // too fast for the lane
  EXPECT_EQ(silent_along(150.0, 7000.0, 600.0), Identity::kAssumedFriend);
  EXPECT_NE(silent_along(150.0, 7000.0, 100.0), Identity::kAssumedFriend);
}

TEST(Identification, EsmEmitterIdentifiesTheTrackOnItsBearing) {
  scenario::Scenario s = c2_scenario();
  s.c2.hostile_emitters = {"fire-control X"};
  s.c2.friendly_emitters = {"AEW radar"};
  Identifier id(s, [](const IffQuery&) { return IffReply{false, false}; });
  const std::vector<messages::TrackState> tracks = {track(1, {0, 100'000, 9000}, {0, -200, 0}),    // due north
                                                    track(2, {100'000, 0, 9000}, {0, 100, 0})};   // due east
  id.update(0.0, tracks, {{Eigen::Vector3d::Zero(), 0.01, 0.02, "fire-control X"},
                          {Eigen::Vector3d::Zero(), 1.56, 0.02, "AEW radar"}});
  EXPECT_EQ(id.identity(1), Identity::kHostile);
  EXPECT_EQ(id.identity(2), Identity::kAssumedFriend);
}

WeaponStatus weapon(std::size_t index, Eigen::Vector3d p, int channels = 2, int rounds = 4) {
  scenario::WeaponType type{"sam", 2000, 40'000, 10, 20'000, 1000, 0.8, 1000, 10, 2};
  return {index, p, type, channels, rounds};
}

TEST(Doctrine, ZonesAndTimesSetTheWeaponsControl) {
  scenario::C2Settings c;
  c.weapons_control = scenario::WeaponsControl::kTight;
  c.zones.push_back({"inner", {0, 0}, 10'000, scenario::WeaponsControl::kFree, 0, 100});
  c.zones.push_back({"hold", {0, 0}, 3'000, scenario::WeaponsControl::kHold, 50, 100});
  const Doctrine d(c);
  EXPECT_EQ(d.control_at({5000, 0, 0}, 10), scenario::WeaponsControl::kFree);
  EXPECT_EQ(d.control_at({1000, 0, 0}, 10), scenario::WeaponsControl::kFree);
  EXPECT_EQ(d.control_at({1000, 0, 0}, 60), scenario::WeaponsControl::kHold);  // the innermost active zone
  EXPECT_EQ(d.control_at({50'000, 0, 0}, 10), scenario::WeaponsControl::kTight);
  EXPECT_EQ(d.control_at({5000, 0, 0}, 150), scenario::WeaponsControl::kTight);
  EXPECT_TRUE(Doctrine::permits(Identity::kSuspect, scenario::WeaponsControl::kFree));
  EXPECT_FALSE(Doctrine::permits(Identity::kSuspect, scenario::WeaponsControl::kTight));
  EXPECT_FALSE(Doctrine::permits(Identity::kAssumedFriend, scenario::WeaponsControl::kFree));
  EXPECT_FALSE(Doctrine::permits(Identity::kHostile, scenario::WeaponsControl::kHold));
}

class AssignmentTest : public ::testing::Test {
 protected:
  scenario::C2Settings settings;
  Doctrine doctrine{settings};
  AssignmentContext context() {
    return {0.0, 0.0, &doctrine, [](std::uint32_t) { return Identity::kHostile; }, {}, 5000.0};
  }
  static ThreatAssessment threat(std::uint32_t id, double time_to_asset_s, double score) {
    ThreatAssessment t;
    t.track_id = id;
    t.time_to_asset_s = time_to_asset_s;
    t.score = score;
    return t;
  }
};

TEST_F(AssignmentTest, OptimalMatchingBeatsGreedy) {
  // Unit 0 reaches both threats, unit 1 only threat 1. Greedy by score would give unit 0 to the
  // top threat 1 and leave threat 2 unserved; the optimal matching serves both.
  const std::map<std::uint32_t, messages::TrackState> tracks = {
      {1, track(1, {0, 30'000, 5000}, {0, -250, 0})}, {2, track(2, {-30'000, 20'000, 5000}, {0, -250, 0})}};
  const std::vector<WeaponStatus> weapons = {weapon(0, {-10'000, 0, 0}, 1, 4), weapon(1, {10'000, 0, 0}, 1, 4)};
  auto w = weapons;
  w[1].type.max_range_m = 30'000;
  const auto result = MatchingPolicy().assign({threat(1, 100, 2.0), threat(2, 100, 1.0)}, tracks, w, context());
  ASSERT_EQ(result.orders.size(), 2u);
  std::map<std::uint32_t, std::size_t> unit_of;
  for (const auto& o : result.orders) unit_of[o.track_id] = o.fire_unit;
  EXPECT_EQ(unit_of[1], 1u);
  EXPECT_EQ(unit_of[2], 0u);
}

// A weapon with a launch acceptability region (by hand: 30 km whatever the height and inbound
// speed against a non-crossing target, 10 km against a 400 m/s crossing one; the time of flight
// 30 s and 20 s at those ranges, 0 at 0): C2 offers what lies inside 85 % of the region's
// maximum launch range and takes the time of flight from it, not from the box and mean speed.
// Inbound at 250 m/s from (0, 20 km, 5 km): range 20616 m < 0.85 x 30 km, time of flight
// 30 s x 20616 / 30000 = 20.616 s, intercept at 20000 - 250 x 20.616 = 14846 m north. Crossing
// at 200 m/s from there: maximum 20 km, 0.85 x 20 = 17 km < 20616 m: none (the 40 km box
// alone would take it).
TEST_F(AssignmentTest, TheLaunchAcceptabilityRegionDecidesAndTimesTheIntercept) {
  auto lar = std::make_shared<messages::LaunchRegion>();
  lar->height_m = {0.0, 10'000.0};
  lar->inbound_mps = {0.0, 400.0};
  lar->crossing_mps = {0.0, 400.0};
  lar->range_fraction = {0.0, 1.0};
  lar->max_range_m.assign(8, 0.0);
  lar->time_of_flight_s.assign(16, 0.0);
  for (std::size_t h = 0; h < 2; ++h)
    for (std::size_t i = 0; i < 2; ++i)
      for (std::size_t c = 0; c < 2; ++c) {
        lar->max_range_m[lar->cell(h, i, c)] = c == 0 ? 30'000.0 : 10'000.0;
        lar->time_of_flight_s[lar->cell(h, i, c) * 2 + 1] = c == 0 ? 30.0 : 20.0;
      }
  std::vector<WeaponStatus> weapons = {weapon(0, {0, 0, 0})};
  weapons[0].type.reaction_time_s = 0.0;
  weapons[0].type.launch_region = lar;
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, track(1, {0, 20'000, 5000}, {0, -250, 0})},
                                                                {2, track(2, {0, 20'000, 5000}, {200, 0, 0})}};
  const FeasibleEngagements e =
      feasible_engagements({threat(1, 100, 1.0), threat(2, 100, 1.0)}, tracks, weapons, context());
  ASSERT_EQ(e.candidates.size(), 1u);
  EXPECT_EQ(e.candidates[0].threat, 0u);
  const double range_m = std::hypot(20'000.0, 5000.0);
  EXPECT_NEAR(e.candidates[0].intercept.time_of_flight_s, 30.0 * range_m / 30'000.0, 1e-9);
  EXPECT_NEAR(e.candidates[0].intercept.p_enu_m.y(), 20'000.0 - 250.0 * 30.0 * range_m / 30'000.0, 1e-6);
  weapons[0].type.launch_region = nullptr;  // the box and the mean speed take both
  EXPECT_EQ(feasible_engagements({threat(1, 100, 1.0), threat(2, 100, 1.0)}, tracks, weapons, context()).candidates.size(),
            2u);
}

// A gun (C-RAM: 100 rounds at 4500 rounds/min, 1100 m/s, C_dA/m 4e-4, 2 km) reaches what is
// within its range when its burst's middle round arrives: T = 0.66 s + t(|p + v T|), with
// t(s) = (e^(k s) - 1) / (k v_0), k = 2.45e-4 /m, solved by hand by iteration. Inbound at 250 m/s
// from 1000 m: T = 1.321525 s, met 669.619 m out. From 2100 m, beyond the 2 km now: T = 2.330725 s,
// met 1517.3 m out: offered. From 3000 m: met 2180.1 m out, beyond it: not offered.
TEST_F(AssignmentTest, AGunReachesWhatIsInRangeWhenItsRoundsArrive) {
  std::vector<WeaponStatus> weapons = {weapon(0, {0, 0, 0}, 1, 15)};
  weapons[0].type.min_range_m = 0.0;
  weapons[0].type.max_range_m = 2000.0;
  weapons[0].type.reaction_time_s = 0.0;
  weapons[0].type.gun = messages::GunCharacteristics{.rate_of_fire_rpm = 4500.0,
                                                     .burst_rounds = 100,
                                                     .muzzle_velocity_mps = 1100.0,
                                                     .drag_area_per_mass_m2pkg = 4e-4};
  // 2-D tracks at the gun's height (no measured height: the altitude band is not checked).
  const auto level = [](std::uint32_t id, double north_m) {
    messages::TrackState t = track(id, {0, north_m, 0}, {0, -250, 0});
    t.has_height = false;
    return t;
  };
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, level(1, 1000)}, {2, level(2, 2100)},
                                                                {3, level(3, 3000)}};
  const FeasibleEngagements e = feasible_engagements(
      {threat(1, 100, 1.0), threat(2, 100, 1.0), threat(3, 100, 1.0)}, tracks, weapons, context());
  ASSERT_EQ(e.candidates.size(), 2u);
  EXPECT_EQ(e.candidates[0].threat, 0u);
  EXPECT_NEAR(e.candidates[0].intercept.time_of_flight_s, 1.321525, 1e-5);
  EXPECT_NEAR(e.candidates[0].intercept.p_enu_m.y(), 669.619, 1e-3);
  EXPECT_EQ(e.candidates[1].threat, 1u);
  EXPECT_NEAR(e.candidates[1].intercept.time_of_flight_s, 2.330725, 1e-5);
  EXPECT_NEAR(e.candidates[1].intercept.p_enu_m.y(), 1517.319, 1e-3);
  // One mount, one burst at a time.
  EXPECT_EQ(e.slots.size(), 1u);
  EXPECT_EQ(e.slots[0].rounds, 1);
}

TEST_F(AssignmentTest, ChannelsRoundsAndArrivalTimeLimitEngagements) {
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, track(1, {0, 35'000, 5000}, {0, -250, 0})},
                                                                {2, track(2, {5000, 35'000, 5000}, {0, -250, 0})}};
  // One channel: one engagement.
  EXPECT_EQ(MatchingPolicy().assign({threat(1, 200, 1), threat(2, 200, 1)}, tracks, {weapon(0, {0, 0, 0}, 1, 4)}, context())
                .orders.size(), 1u);
  // No ready round: none.
  EXPECT_TRUE(MatchingPolicy().assign({threat(1, 200, 1)}, tracks, {weapon(0, {0, 0, 0}, 2, 0)}, context()).orders.empty());
  // The intercept (about 28 s) comes after the threat reaches its asset (20 s): none.
  EXPECT_TRUE(MatchingPolicy().assign({threat(1, 20, 1)}, tracks, {weapon(0, {0, 0, 0})}, context()).orders.empty());
}

/// A sea-skimmer's track at 77 m (hovering, so the intercept is where it is) against a floor of
/// 50 m: with a height sigma of 20 m it is inside the band (77 - 20 = 57 m); with 40 m it may be
/// below the floor (37 m) and the unit does not fire.
TEST_F(AssignmentTest, TheTrackHeightMustClearTheFloorByOneSigma) {
  auto low = weapon(0, {0, 0, 0});
  low.type.min_altitude_m = 50.0;
  auto skimmer = track(1, at_altitude(0, 20'000, 77), {0, 0, 0});
  skimmer.P(2, 2) = 20.0 * 20.0;
  EXPECT_EQ(MatchingPolicy().assign({threat(1, 200, 1)}, {{1, skimmer}}, {low}, context()).orders.size(), 1u);
  skimmer.P(2, 2) = 40.0 * 40.0;
  EXPECT_TRUE(MatchingPolicy().assign({threat(1, 200, 1)}, {{1, skimmer}}, {low}, context()).orders.empty());
}

TEST_F(AssignmentTest, FriendNearTheInterceptPointBlocksTheShot) {
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, track(1, {0, 35'000, 5000}, {0, -250, 0})}};
  auto ctx = context();
  ctx.friendly_tracks.push_back(track(9, {1000, 28'000, 6000}, {0, -250, 0}));
  const auto result = MatchingPolicy().assign({threat(1, 200, 1)}, tracks, {weapon(0, {0, 0, 0})}, ctx);
  EXPECT_TRUE(result.orders.empty());
  ASSERT_EQ(result.blocked.size(), 1u);
  EXPECT_EQ(result.blocked[0].friendly_track_id, 9u);
}

TEST_F(AssignmentTest, WeaponsTightWithholdsFireAtSuspects) {
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, track(1, {0, 35'000, 5000}, {0, -250, 0})}};
  auto ctx = context();
  ctx.identity = [](std::uint32_t) { return Identity::kSuspect; };
  EXPECT_TRUE(MatchingPolicy().assign({threat(1, 200, 1)}, tracks, {weapon(0, {0, 0, 0})}, ctx).orders.empty());
  settings.weapons_control = scenario::WeaponsControl::kFree;
  const Doctrine free_doctrine(settings);
  ctx.doctrine = &free_doctrine;
  EXPECT_EQ(MatchingPolicy().assign({threat(1, 200, 1)}, tracks, {weapon(0, {0, 0, 0})}, ctx).orders.size(), 1u);
}

/// The order count per (track, fire unit) of a result.
std::map<std::pair<std::uint32_t, std::size_t>, int> engagements_of(const AssignmentResult& result) {
  std::map<std::pair<std::uint32_t, std::size_t>, int> count;
  for (const auto& o : result.orders) ++count[{o.track_id, o.fire_unit}];
  return count;
}

/// Two units, each one engagement of Pk 0.5 that reaches both threats; threat 1 scores 10, threat
/// 2 scores 1. Matching serves both: removes 10 x 0.5 + 1 x 0.5 = 5.5, leaves 5.5. The WTA puts
/// both on threat 1 when the doctrine lets two units engage one track: leaves 10 x 0.25 + 1 = 3.5.
/// Without that, the WTA policies fire one engagement per threat as matching does.
TEST_F(AssignmentTest, WtaPoliciesConcentrateOnTheValuableThreatWhenTheDoctrineAllowsIt) {
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, track(1, {0, 35'000, 5000}, {0, -250, 0})},
                                                                {2, track(2, {5000, 35'000, 5000}, {0, -250, 0})}};
  std::vector<WeaponStatus> weapons = {weapon(0, {0, 0, 0}, 1, 4), weapon(1, {1000, 0, 0}, 1, 4)};
  for (auto& w : weapons) w.type.kill_probability = 0.5;
  const std::vector<ThreatAssessment> threats = {threat(1, 200, 10.0), threat(2, 200, 1.0)};
  using Pair = std::pair<std::uint32_t, std::size_t>;
  const std::map<Pair, int> one_each_a = {{{1, 0}, 1}, {{2, 1}, 1}}, one_each_b = {{{1, 1}, 1}, {{2, 0}, 1}};
  const std::map<Pair, int> both_on_1 = {{{1, 0}, 1}, {{1, 1}, 1}};

  const auto matched = engagements_of(
      make_assignment_policy(scenario::AssignmentPolicyKind::kMatching)->assign(threats, tracks, weapons, context()));
  EXPECT_TRUE(matched == one_each_a || matched == one_each_b);
  scenario::C2Settings several = settings;
  several.multiple_units_per_track = true;
  const Doctrine allows(several);
  auto ctx = context();
  for (const auto kind : {scenario::AssignmentPolicyKind::kWtaHeuristic, scenario::AssignmentPolicyKind::kWtaExact}) {
    const auto policy = make_assignment_policy(kind);
    const auto one_each = engagements_of(policy->assign(threats, tracks, weapons, context()));
    EXPECT_TRUE(one_each == one_each_a || one_each == one_each_b) << scenario::to_string(kind);
    ctx.doctrine = &allows;
    EXPECT_EQ(engagements_of(policy->assign(threats, tracks, weapons, ctx)), both_on_1) << scenario::to_string(kind);
    ctx.doctrine = &doctrine;
    // Matching keeps one engagement per threat whatever the doctrine allows.
    EXPECT_EQ(engagements_of(MatchingPolicy().assign(threats, tracks, weapons, ctx)), matched);
  }
}

/// Salvos of two: unit 0 (two channels, Pk 0.5) offers one engagement of two rounds, p = 0.75;
/// unit 1 (one channel, Pk 0.6) one of one round, p = 0.6. Threats score 10 and 9. Matching weighs
/// single rounds: 0 -> 2, 1 -> 1 gives 4.5 + 6 = 10.5 against 5 + 5.4 = 10.4. The WTA weighs the
/// salvo: 0 -> 1, 1 -> 2 removes 7.5 + 5.4 = 12.9 against 6.75 + 6 = 12.75.
TEST_F(AssignmentTest, WtaPoliciesWeighAnEngagementByAllItsRounds) {
  scenario::C2Settings salvo = settings;
  salvo.doctrine = scenario::FireDoctrine::kSalvo;
  salvo.salvo_size = 2;
  const Doctrine salvo_doctrine(salvo);
  auto ctx = context();
  ctx.doctrine = &salvo_doctrine;
  const std::map<std::uint32_t, messages::TrackState> tracks = {{1, track(1, {0, 35'000, 5000}, {0, -250, 0})},
                                                                {2, track(2, {5000, 35'000, 5000}, {0, -250, 0})}};
  std::vector<WeaponStatus> weapons = {weapon(0, {0, 0, 0}, 2, 4), weapon(1, {1000, 0, 0}, 1, 4)};
  weapons[0].type.kill_probability = 0.5;
  weapons[1].type.kill_probability = 0.6;
  const std::vector<ThreatAssessment> threats = {threat(1, 200, 10.0), threat(2, 200, 9.0)};
  using Pair = std::pair<std::uint32_t, std::size_t>;
  EXPECT_EQ(engagements_of(MatchingPolicy().assign(threats, tracks, weapons, ctx)),
            (std::map<Pair, int>{{{1, 1}, 1}, {{2, 0}, 1}}));
  for (const auto kind : {scenario::AssignmentPolicyKind::kWtaHeuristic, scenario::AssignmentPolicyKind::kWtaExact}) {
    const auto result = make_assignment_policy(kind)->assign(threats, tracks, weapons, ctx);
    EXPECT_EQ(engagements_of(result), (std::map<Pair, int>{{{1, 0}, 1}, {{2, 1}, 1}})) << scenario::to_string(kind);
    for (const auto& o : result.orders) EXPECT_EQ(o.rounds, o.fire_unit == 0 ? 2 : 1);
  }
}

/// Random small cycles (1 to 3 units of 1 or 2 engagements, 1 to 3 threats, shoot-look-shoot or
/// salvos of two, several engagements per track allowed): the expected score the WTA policies
/// leave, sum_j score_j prod (1 - p) over their orders, is the least of every way of giving each
/// engagement a threat it can reach or none, enumerated (to 1e-4 of it: the policies prefer the
/// earlier intercept by a millionth of p per second of flight).
TEST_F(AssignmentTest, WtaPoliciesLeaveTheLeastExpectedScoreOnRandomSmallCycles) {
  int concentrated = 0;  // cycles where the WTA puts two engagements on one threat
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    RandomStream random(seed, 41, Purpose::kTest);
    scenario::C2Settings c = settings;
    c.multiple_units_per_track = true;
    c.doctrine = random.bernoulli(0.5) ? scenario::FireDoctrine::kSalvo : scenario::FireDoctrine::kShootLookShoot;
    const Doctrine cycle_doctrine(c);
    auto ctx = context();
    ctx.doctrine = &cycle_doctrine;
    std::vector<WeaponStatus> weapons;
    for (std::size_t u = 0, units = 1 + random.below(3); u < units; ++u) {
      weapons.push_back(weapon(u, {random.uniform(-30'000, 30'000), random.uniform(-10'000, 10'000), 0},
                               1 + static_cast<int>(random.below(2)), 1 + static_cast<int>(random.below(4))));
      weapons.back().type.kill_probability = random.uniform(0.2, 0.95);
    }
    std::map<std::uint32_t, messages::TrackState> tracks;
    std::vector<ThreatAssessment> threats;
    for (std::uint32_t id = 1, n = 1 + static_cast<std::uint32_t>(random.below(3)); id <= n; ++id) {
      tracks.emplace(id, track(id, {random.uniform(-40'000, 40'000), random.uniform(20'000, 45'000), 5000}, {0, -250, 0}));
      threats.push_back(threat(id, 300, random.uniform(0.1, 10.0)));
    }
    const FeasibleEngagements e = feasible_engagements(threats, tracks, weapons, ctx);
    // p of slot s on threat j, 0 where its unit cannot engage j.
    std::vector<std::vector<double>> p(e.slots.size(), std::vector<double>(threats.size(), 0.0));
    for (std::size_t s = 0; s < e.slots.size(); ++s) {
      for (const auto& cand : e.candidates)
        if (cand.weapon == e.slots[s].weapon) p[s][cand.threat] = slot_kill_probability(weapons[cand.weapon], e.slots[s].rounds);
    }
    double least = std::numeric_limits<double>::infinity();
    std::vector<std::size_t> choice(e.slots.size(), 0);  // threat + 1, or 0: no fire
    for (bool more = true; more;) {
      std::vector<double> left(threats.size());
      for (std::size_t j = 0; j < threats.size(); ++j) left[j] = threats[j].score;
      for (std::size_t s = 0; s < e.slots.size(); ++s)
        if (choice[s] > 0) left[choice[s] - 1] *= 1.0 - p[s][choice[s] - 1];
      double total = 0.0;
      for (const double v : left) total += v;
      least = std::min(least, total);
      more = false;
      for (std::size_t s = 0; s < choice.size() && !more; ++s) {
        more = ++choice[s] <= threats.size();
        if (!more) choice[s] = 0;
      }
    }
    for (const auto kind : {scenario::AssignmentPolicyKind::kWtaHeuristic, scenario::AssignmentPolicyKind::kWtaExact}) {
      const AssignmentResult result = make_assignment_policy(kind)->assign(threats, tracks, weapons, ctx);
      std::map<std::uint32_t, double> left;
      for (const auto& t : threats) left[t.track_id] = t.score;
      std::map<std::size_t, int> rounds_of_unit;
      for (const auto& o : result.orders) {
        left[o.track_id] *= 1.0 - slot_kill_probability(weapons[o.fire_unit], o.rounds);
        rounds_of_unit[o.fire_unit] += o.rounds;
      }
      double total = 0.0;
      for (const auto& [id, v] : left) total += v;
      EXPECT_NEAR(total, least, 1e-4 * least) << scenario::to_string(kind) << ", seed " << seed;
      std::set<std::uint32_t> engaged;
      for (const auto& o : result.orders) engaged.insert(o.track_id);
      if (kind == scenario::AssignmentPolicyKind::kWtaExact) concentrated += engaged.size() < result.orders.size();
      for (const auto& [unit, rounds] : rounds_of_unit) {
        EXPECT_LE(rounds, weapons[unit].ready_rounds);
        EXPECT_LE(rounds, weapons[unit].free_channels);
      }
    }
  }
  EXPECT_GE(concentrated, 40);  // 88 of the 200: the cycles try what matching cannot do
}

TEST(BattleManager, NeverEngagesFriendsAndDoesNotDoubleEngage) {
  scenario::Scenario s = c2_scenario();
  s.c2.iff_challenges_before_hostile = 1;
  s.c2.iff_friend_replies = 1;
  BattleManager bm(s, [](const IffQuery& q) { return IffReply{true, q.p_enu_m.x() < -1000}; });
  const std::vector<messages::TrackState> tracks = {track(1, {-15'000, 40'000, 5000}, {0, -250, 0}),
                                                    track(2, {0, 40'000, 5000}, {0, -250, 0})};
  const std::vector<WeaponStatus> weapons = {weapon(0, {0, 0, 0}), weapon(1, {1000, 0, 0})};
  const C2Decision first = bm.step(0.0, tracks, weapons);
  ASSERT_EQ(first.orders.size(), 1u);
  EXPECT_EQ(first.orders[0].track_id, 2u);
  EXPECT_EQ(bm.identity(1), Identity::kFriend);
  // Ordered, not yet reported launched: still under engagement.
  EXPECT_TRUE(bm.step(1.0, tracks, weapons).orders.empty());
  bm.on_launch({1, 2, 6.5, 30.0, 0.8, 0});
  EXPECT_TRUE(bm.step(2.0, tracks, weapons).orders.empty());
}

TEST(BattleManager, PlacesAMovingAssetWhereItsColumnLastReportedNeverAtTruth) {
  // The city follows a column whose reports say: at t = 10 s at (20 km, 30 km), driving east at
  // 10 m/s. The column truly is elsewhere; C2 knows only the reports (period 2 s, latency 0.5 s:
  // a report is fresh for 3 x 2 + 0.5 = 6.5 s).
  scenario::Scenario s = c2_scenario();
  BattleManager bm(s, silent_iff());
  bm.follow(0, 42);
  bm.step(5.0, {}, {});
  EXPECT_DOUBLE_EQ(bm.assets()[0].position.east_m, 0.0);  // no report yet: where the file put it
  bm.receive({42, 10.0, {20'000, 30'000, 0}, {10, 0, 0}});
  bm.receive({7, 10.0, {-5'000, -5'000, 8000}, {0, 0, 0}});  // another unit's report moves nothing
  // A track 20 km north of the reported column, flying south at 250 m/s.
  const std::vector<messages::TrackState> inbound = {track(1, {20'030, 50'000, 100}, {0, -250, 0})};
  bm.step(11.0, inbound, {});  // two unanswered challenges: no longer pending
  bm.step(12.0, inbound, {});
  const C2Decision d = bm.step(13.0, inbound, {});
  // Extrapolated 3 s at the reported velocity: 20,030 m east.
  EXPECT_DOUBLE_EQ(bm.assets()[0].position.east_m, 20'030.0);
  EXPECT_DOUBLE_EQ(bm.assets()[0].position.north_m, 30'000.0);
  EXPECT_DOUBLE_EQ(bm.assets()[1].position.east_m, 50'000.0);  // the fixed base stays
  ASSERT_EQ(d.threats.size(), 1u);
  EXPECT_EQ(d.threats[0].asset, 0u);
  EXPECT_NEAR(d.threats[0].time_to_asset_s, (20'000.0 - 5000.0) / 250.0, 1e-6);  // to the city's 5 km radius
  // The report goes stale (older than 6.5 s): C2 keeps the asset where it last placed it.
  bm.step(30.0, {}, {});
  EXPECT_DOUBLE_EQ(bm.assets()[0].position.east_m, 20'030.0);
}

TEST(BattleManager, GivesNoOrderToAFireUnitThatIsNotEmplaced) {
  scenario::Scenario s = c2_scenario();
  s.c2.weapons_control = scenario::WeaponsControl::kFree;
  BattleManager bm(s, silent_iff());
  const std::vector<messages::TrackState> tracks = {track(1, {0, 40'000, 5000}, {0, -250, 0})};
  WeaponStatus marching = weapon(0, {0, 0, 0});
  marching.ready = false;
  EXPECT_TRUE(bm.step(0.0, tracks, {marching}).orders.empty());
  EXPECT_TRUE(bm.step(1.0, tracks, {marching}).orders.empty());
  // Emplaced, the same unit takes the threat.
  const C2Decision d = bm.step(2.0, tracks, {weapon(0, {0, 0, 0})});
  ASSERT_EQ(d.orders.size(), 1u);
  EXPECT_EQ(d.orders[0].fire_unit, 0u);
}

}  // namespace
}  // namespace rampart::c2

namespace rampart::c2 {
namespace {

TEST(Fighters, ScrambleInterceptFireAndReturn) {
  scenario::Scenario s = c2_scenario();
  s.squadrons.push_back({"Falcon", 1, 1, 60.0, 300.0, 8000.0, 5.0, 1, 30'000.0, 0.7, 3600.0});
  FighterController fc(s);
  // A hostile 150 km north of the base, beyond the reach of a SAM at the city.
  std::map<std::uint32_t, messages::TrackState> tracks = {{7, track(7, {50'000, 150'000, 8000}, {0, -250, 0})}};
  ThreatAssessment threat;
  threat.track_id = 7;
  const std::vector<WeaponStatus> sams = {weapon(0, {0, 0, 0})};
  EXPECT_TRUE(fc.step(0.0, {threat}, tracks, sams, {}).empty());  // scrambled: take-off at 60 s
  auto commands = fc.step(60.0, {threat}, tracks, sams, {});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kLaunch);
  EXPECT_EQ(commands[0].track_id, 7u);
  EXPECT_DOUBLE_EQ(commands[0].goal.east_m, 50'000.0);  // the base
  fc.on_launched(60.0, commands[0], 42);
  EXPECT_TRUE(fc.is_fighter(42));
  // Far from the target: it steers for the intercept point, no shot yet.
  commands = fc.step(61.0, {threat}, tracks, sams, {{42, Eigen::Vector3d(50'000, 0, 8000)}});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kSteer);
  EXPECT_GT(commands[0].goal.north_m, 0.0);
  // Within missile range: it fires its only missile.
  commands = fc.step(62.0, {threat}, tracks, sams, {{42, Eigen::Vector3d(50'000, 125'000, 8000)}});
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[1].kind, FighterCommand::Kind::kFire);
  EXPECT_NEAR(commands[1].time_of_flight_s, 25'000.0 / 1250.0, 1e-6);  // closing at 1000 + 250 m/s
  fc.on_assessed(42);
  // Magazine empty: back to base, and it lands there.
  commands = fc.step(90.0, {}, tracks, sams, {{42, Eigen::Vector3d(50'000, 120'000, 8000)}});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].reason, "return to base");
  commands = fc.step(500.0, {}, tracks, sams, {{42, Eigen::Vector3d(50'500, 500, 8000)}});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kLand);
  EXPECT_FALSE(fc.is_fighter(42));
}

/// A patrol of one aircraft on a 40 km east-west racetrack 100 km north of the city, airborne at
/// the start on its west turn point: it flies turn point to turn point, C2 commits it to a track
/// beyond SAM reach, it fires when in range (again a scan period after a shot its radar withheld),
/// and with its target gone and a missile left it flies back to the racetrack, not home.
TEST(Fighters, PatrolFliesItsRacetrackIsCommittedAndReturnsToIt) {
  scenario::Scenario s = c2_scenario();
  scenario::FighterSquadron viper{"Viper", 1, 2, 60.0, 300.0, 8000.0, 5.0, 2, 30'000.0, 0.7, 3600.0};
  viper.patrol = scenario::PatrolStation{{0.0, 100'000.0}, 40'000.0, 90.0, 9000.0, 1, true};
  viper.radar = scenario::AirInterceptRadar{{90'000.0, 5.0, 0.5}, 2.0, 60.0};
  s.squadrons.push_back(viper);
  FighterController fc(s);
  const std::vector<WeaponStatus> sams = {weapon(0, {0, 0, 0})};  // 40 km about the city
  const auto at = [](double east_m, double north_m) { return Eigen::Vector3d(east_m, north_m, 8000.0); };

  auto commands = fc.step(0.0, {}, {}, sams, {});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kLaunch);
  EXPECT_TRUE(commands[0].patrol);
  EXPECT_NEAR(commands[0].goal.east_m, -20'000.0, 1e-6);  // the west turn point
  EXPECT_NEAR(commands[0].goal.north_m, 100'000.0, 1e-6);
  EXPECT_DOUBLE_EQ(commands[0].altitude_m, 9000.0);
  fc.on_launched(0.0, commands[0], 42);

  commands = fc.step(3.0, {}, {}, sams, {{42, at(-20'000, 100'000)}});
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kOnStation);
  EXPECT_EQ(commands[1].kind, FighterCommand::Kind::kSteer);
  EXPECT_NEAR(commands[1].goal.east_m, 20'000.0, 1e-6);  // for the east turn point
  EXPECT_EQ(commands[1].reason, "combat air patrol");
  commands = fc.step(70.0, {}, {}, sams, {{42, at(0, 100'000)}});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_NEAR(commands[0].goal.east_m, 20'000.0, 1e-6);
  commands = fc.step(130.0, {}, {}, sams, {{42, at(18'500, 100'000)}});  // within 2 km: turn
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_NEAR(commands[0].goal.east_m, -20'000.0, 1e-6);

  // A hostile 60 km north of it, 17 km west, beyond SAM reach: committed from the patrol. The
  // intercept at 300 m/s on a target at 250 m/s southbound: 27,500 t^2 + 3e7 t - 3.889e9 = 0,
  // t = 117.07 s.
  std::map<std::uint32_t, messages::TrackState> tracks = {{7, track(7, {0, 160'000, 8000}, {0, -250, 0})}};
  ThreatAssessment threat;
  threat.track_id = 7;
  commands = fc.step(131.0, {threat}, tracks, sams, {{42, at(17'000, 100'000)}});
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kCommit);
  EXPECT_TRUE(commands[0].patrol);
  EXPECT_EQ(commands[0].track_id, 7u);
  EXPECT_EQ(commands[0].reason, "committed to track 7 from combat air patrol, intercept in 117 s");
  EXPECT_EQ(commands[1].kind, FighterCommand::Kind::kSteer);
  EXPECT_EQ(commands[1].reason, "intercept track 7");

  // 25 km from the track: hold off and fire, cueing its radar with the track's position.
  tracks[7] = track(7, {0, 155'000, 8000}, {0, -250, 0});
  commands = fc.step(140.0, {threat}, tracks, sams, {{42, at(0, 130'000)}});
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[1].kind, FighterCommand::Kind::kFire);
  EXPECT_EQ(commands[1].cue_enu_m, Eigen::Vector3d(0, 155'000, 8000));
  fc.on_fire_withheld(140.0, 42);  // its radar had no lock: the missile is still aboard
  EXPECT_EQ(fc.step(141.0, {threat}, tracks, sams, {{42, at(0, 130'000)}}).size(), 1u);  // no shot yet
  commands = fc.step(142.0, {threat}, tracks, sams, {{42, at(0, 130'000)}});
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[1].kind, FighterCommand::Kind::kFire);
  fc.on_assessed(42);

  // Target killed (its track gone), one missile left: back to the nearer turn point, on station.
  commands = fc.step(200.0, {}, {}, sams, {{42, at(-1000, 130'000)}});
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kSteer);
  EXPECT_EQ(commands[0].reason, "return to combat air patrol station");
  EXPECT_NEAR(commands[0].goal.east_m, -20'000.0, 1e-6);
  commands = fc.step(300.0, {}, {}, sams, {{42, at(-19'000, 100'500)}});
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kOnStation);
  EXPECT_NEAR(commands[1].goal.east_m, 20'000.0, 1e-6);
}

/// Of two idle airborne fighters the one that meets the track first is committed, even when the
/// other is nearer the track's present position; a patrol fighter going home with its magazine
/// empty is relieved from alert after the squadron's readiness time.
TEST(Fighters, EarliestInterceptIsCommittedAndAnEmptyPatrolFighterIsRelieved) {
  scenario::Scenario s = c2_scenario();
  scenario::FighterSquadron viper{"Viper", 1, 3, 60.0, 300.0, 8000.0, 5.0, 1, 30'000.0, 0.7, 3600.0};
  viper.patrol = scenario::PatrolStation{{0.0, 100'000.0}, 40'000.0, 90.0, 8000.0, 2, true};
  s.squadrons.push_back(viper);
  FighterController fc(s);
  const std::vector<WeaponStatus> sams = {weapon(0, {0, 0, 0})};
  auto commands = fc.step(0.0, {}, {}, sams, {});
  ASSERT_EQ(commands.size(), 2u);
  fc.on_launched(0.0, commands[0], 41);  // west turn point
  fc.on_launched(0.0, commands[1], 42);  // east turn point
  // Track 7 flies east at 250 m/s, 30 km north of the racetrack and 10 km west of its centre: the
  // west fighter is 31.6 km from it but meets it from behind in 302.2 s, the east one, 42.4 km
  // from it, head-on in 101.2 s.
  std::map<std::uint32_t, messages::TrackState> tracks = {{7, track(7, {-10'000, 130'000, 8000}, {250, 0, 0})}};
  ThreatAssessment threat;
  threat.track_id = 7;
  commands = fc.step(3.0, {threat}, tracks, sams,
                     {{41, Eigen::Vector3d(-20'000, 100'000, 8000)}, {42, Eigen::Vector3d(20'000, 100'000, 8000)}});
  ASSERT_FALSE(commands.empty());
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kCommit);
  EXPECT_EQ(commands[0].entity_id, 42u);
  EXPECT_EQ(commands[0].reason, "committed to track 7 from combat air patrol, intercept in 101 s");
  // It fires its only missile; with the outcome judged it goes home, and the alert relieves it.
  tracks[7] = track(7, {5000, 130'000, 8000}, {250, 0, 0});
  const std::map<std::uint32_t, Eigen::Vector3d> positions = {{41, Eigen::Vector3d(-20'000, 100'000, 8000)},
                                                              {42, Eigen::Vector3d(10'000, 110'000, 8000)}};
  commands = fc.step(60.0, {threat}, tracks, sams, positions);
  ASSERT_EQ(commands.back().kind, FighterCommand::Kind::kFire);
  EXPECT_EQ(commands.back().entity_id, 42u);
  fc.on_assessed(42);
  commands = fc.step(80.0, {}, {}, sams, positions);
  ASSERT_EQ(commands.size(), 2u);  // 41 flies its racetrack, 42 goes home
  EXPECT_EQ(commands[1].reason, "return to base");
  // The next cycle sees the patrol one short and scrambles the relief: take-off 60 s later.
  EXPECT_EQ(fc.step(81.0, {}, {}, sams, positions).size(), 2u);
  EXPECT_EQ(fc.step(140.0, {}, {}, sams, positions).size(), 2u);
  commands = fc.step(141.0, {}, {}, sams, positions);
  ASSERT_EQ(commands.size(), 3u);
  EXPECT_EQ(commands[0].kind, FighterCommand::Kind::kLaunch);
  EXPECT_TRUE(commands[0].patrol);
  EXPECT_EQ(commands[0].reason, "take-off for combat air patrol");
  EXPECT_DOUBLE_EQ(commands[0].goal.east_m, 50'000.0);  // from the base
}

TEST(Fighters, ThreatsWithinSamReachAreLeftToTheSams) {
  scenario::Scenario s = c2_scenario();
  s.squadrons.push_back({"Falcon", 1, 1, 60.0, 300.0, 8000.0, 5.0, 1, 30'000.0, 0.7, 3600.0});
  FighterController fc(s);
  const std::map<std::uint32_t, messages::TrackState> tracks = {{7, track(7, {0, 30'000, 8000}, {0, -250, 0})}};
  ThreatAssessment threat;
  threat.track_id = 7;
  fc.step(0.0, {threat}, tracks, {weapon(0, {0, 0, 0})}, {});
  EXPECT_TRUE(fc.step(100.0, {threat}, tracks, {weapon(0, {0, 0, 0})}, {}).empty());  // nobody scrambled
}

}  // namespace
}  // namespace rampart::c2

namespace rampart::c2 {
namespace {

messages::TrackState own_test_track(std::uint32_t id, const Eigen::Vector3d& p, const Eigen::Vector3d& v) {
  messages::TrackState t;
  t.id = id;
  t.x << p, v;
  t.status = messages::TrackStatus::kConfirmed;
  t.has_height = true;
  return t;
}

/// A fighter's track and its data-link report stay each other's nearest within 1,500 m and
/// 60 m/s: friend at the third cycle, whatever IFF says. A bandit 3 km from the fighter is not
/// (the fighter's own track is nearer the report), and the transponder's replies to the
/// bandit's challenges, which may be the fighter's, count neither way: it stays hostile.
TEST(Identification, OwnAircraftAreKnownByTheirReportsAndGarbleTheirNeighbours) {
  const scenario::Scenario s = [] {
    scenario::Scenario x;
    x.assets.push_back({.name = "Town", .position = {0, 0}, .radius_m = 3000, .value = 100});
    return x;
  }();
  Identifier id(s, [](const IffQuery&) { return IffReply{true, true}; });  // every challenge answered
  const Eigen::Vector3d v_fighter(0, 250, 0);
  const std::vector<messages::TrackState> tracks = {own_test_track(1, {0, 60'000, 8000}, v_fighter),
                                                    own_test_track(2, {3000, 60'000, 8000}, {0, -250, 0})};
  const std::vector<messages::PositionReport> report = {{.entity_id = 77, .p_enu_m = {300, 60'100, 8000},
                                                         .v_enu_mps = v_fighter}};
  std::vector<IdentityChange> changes;
  for (int k = 0; k < 3; ++k)
    for (auto& c : id.update(k, tracks, {}, report)) changes.push_back(c);
  EXPECT_EQ(id.identity(1), Identity::kFriend);
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.back().track_id, 1u);
  EXPECT_EQ(changes.back().reason, "correlates with the data-link position report of own aircraft 77");
  EXPECT_EQ(id.identity(2), Identity::kPending);  // every reply garbled: no evidence either way
  // Without the report the same replies make the bandit's track a friend: what garbling prevents.
  Identifier naive(s, [](const IffQuery&) { return IffReply{true, true}; });
  for (int k = 0; k < 3; ++k) naive.update(k, tracks, {}, {});
  EXPECT_EQ(naive.identity(2), Identity::kFriend);
}

}  // namespace
}  // namespace rampart::c2
