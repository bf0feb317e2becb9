#include "engagement/engagements.h"

#include "engagement/factory.h"
#include "engagement/fire_unit.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace rampart::engagement {
namespace {

/// A SAM of floor 10 m and ceiling 20 km, basket 1 km, that launches as soon as it is ordered.
scenario::WeaponType sam(double pk) { return {"sam", 1000, 40'000, 10, 20'000, 1000, pk, 1000, 100, 2, 0.0}; }

/// Fire units of `types` at the origin, each of the minimal scenario's first fire unit.
Arsenal units_of(const scenario::FireUnit& spec, const std::vector<scenario::WeaponType>& types) {
  Arsenal arsenal;
  for (const auto& t : types) arsenal.push_back(std::make_unique<FireUnit>(arsenal.size(), spec, t, Eigen::Vector3d::Zero()));
  return arsenal;
}

TEST(FireUnit, LaunchersReloadOneAtATimeFromTheReserve) {
  scenario::FireUnit spec{"fu", 0, {0, 0}, 0, 2, 2, 3};
  FireUnit unit(0, spec, sam(1.0), Eigen::Vector3d::Zero());
  EXPECT_EQ(unit.status().ready_rounds, 4);
  EXPECT_EQ(unit.rounds_left(), 7);
  unit.launch(0.0, {0, 1, 2, 10.0, Eigen::Vector3d::Zero()});
  EXPECT_EQ(unit.status().free_channels, 0);
  unit.release_channel();
  unit.release_channel();
  EXPECT_EQ(unit.update(0.0), 0);  // the emptied launcher starts reloading: done at 100 s
  EXPECT_EQ(unit.status().ready_rounds, 2);
  EXPECT_EQ(unit.update(99.0), 0);
  EXPECT_EQ(unit.status().ready_rounds, 2);
  EXPECT_EQ(unit.update(100.0), 2);  // two rounds loaded from the reserve of three
  EXPECT_EQ(unit.status().ready_rounds, 4);
  EXPECT_EQ(unit.rounds_left(), 5);
}

class EngagementsTest : public ::testing::Test {
 protected:
  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                                      "/src/scenario/test/data/minimal.yaml");
};

TEST_F(EngagementsTest, SureKillOnTheTargetAtTheAimPoint) {
  world::World w(s);
  w.advance(0.0);
  const auto& target = w.entity(1);
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e(1);
  const Eigen::Vector3d aim_enu_m = target.p_enu_m + target.v_enu_mps * 10.0;
  e.fire(0.0, {0, 42, 1, 10.0, aim_enu_m}, units);
  EXPECT_TRUE(e.resolve(5.0, w, units).empty());
  w.advance(10.0);
  const auto results = e.resolve(10.0, w, units);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kKill);
  EXPECT_EQ(results[0].truth_id, 1u);
  EXPECT_FALSE(results[0].fratricide);
  EXPECT_EQ(w.entity(1).state, world::EntityState::kKilled);
  EXPECT_EQ(units[0]->status().free_channels, 2);
  // The 3-D distance to where the aircraft was hit (it flies its route over the curved Earth, so
  // the straight-line aim is some metres off).
  EXPECT_NEAR(results[0].miss_distance_m, (w.entity(1).p_enu_m - aim_enu_m).norm(), 1e-9);
  EXPECT_LT(results[0].miss_distance_m, 50.0);
  EXPECT_TRUE(results[0].reason.empty());
}

TEST_F(EngagementsTest, TheUnitLaunchesItsReactionTimeAfterTheOrder) {
  world::World w(s);
  auto type = sam(1.0);
  type.reaction_time_s = 5.0;
  Arsenal units = units_of(s.fire_units[0], {type});
  Engagements e(1);
  const auto launched = e.fire(2.0, {0, 42, 1, 10.0, Eigen::Vector3d::Zero()}, units);
  ASSERT_EQ(launched.size(), 1u);
  EXPECT_DOUBLE_EQ(launched[0].launch_time_s, 7.0);
  EXPECT_DOUBLE_EQ(launched[0].intercept_time_s, 17.0);
  EXPECT_EQ(units[0]->status().free_channels, 1);  // committed at the order's receipt
  const messages::LaunchReport report = launch_report(launched[0]);
  EXPECT_EQ(report.interceptor_id, launched[0].id);
  EXPECT_EQ(report.track_id, 42u);
  EXPECT_DOUBLE_EQ(report.intercept_t_s, 17.0);
}

TEST_F(EngagementsTest, NoTargetNearTheAimPointAndFratricideOnAFriend) {
  world::World w(s);
  w.advance(0.0);
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e(1);
  e.fire(0.0, {0, 1, 1, 1.0, Eigen::Vector3d(-90'000, -90'000, 0)}, units);
  const auto friendly = w.entity(3);  // the patrolling fighter
  e.fire(0.0, {0, 2, 1, 1.0, friendly.p_enu_m}, units);
  const auto results = e.resolve(1.0, w, units);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kNoTarget);
  EXPECT_EQ(results[1].outcome, Outcome::kKill);
  EXPECT_TRUE(results[1].fratricide);
}

TEST_F(EngagementsTest, GuidanceFollowsTheTrack) {
  world::World w(s);
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e(1);
  const auto launched = e.fire(0.0, {0, 9, 1, 20.0, Eigen::Vector3d::Zero()}, units);
  messages::TrackState t;
  t.id = 9;
  t.t_s = 5.0;
  t.x << 1000, 2000, 3000, 10, -10, 0;
  e.guide({t});
  w.advance(0.0);
  const auto results = e.resolve(20.0, w, units);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_NEAR(results[0].interceptor.aim_enu_m.x(), 1150.0, 1e-9);
  EXPECT_NEAR(results[0].interceptor.aim_enu_m.y(), 1850.0, 1e-9);
}

/// The endgame at t = 0 with the first aircraft of the raid (at 5000 m) at p; the second is not
/// yet flying, the patrolling fighter is far away.
class EndgameTest : public EngagementsTest {
 protected:
  EndgameTest() {
    w.advance(0.0);
    p = w.entity(1).p_enu_m;
  }
  world::World w{s};
  Eigen::Vector3d p;
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e{1};
};

/// Aim points straight below the aircraft: 1200 m below is out of a 1000 m basket in 3-D (the
/// old horizontal basket took it), 800 m below is in.
TEST_F(EndgameTest, TheSeekerBasketIsThreeDimensional) {
  e.fire(0.0, {0, 1, 1, 1.0, p - Eigen::Vector3d(0, 0, 1200)}, units);
  e.fire(0.0, {0, 1, 1, 2.0, p - Eigen::Vector3d(0, 0, 800)}, units);
  auto results = e.resolve(1.0, w, units);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kNoTarget);
  EXPECT_NEAR(results[0].miss_distance_m, 1200.0, 1e-6);
  EXPECT_EQ(results[0].reason, "nothing in basket (nearest 1200 m, basket 1000 m)");
  EXPECT_NEAR((results[0].intercept_enu_m - (p - Eigen::Vector3d(0, 0, 1200))).norm(), 0.0, 1e-9);
  results = e.resolve(2.0, w, units);  // the world has not moved: the aircraft is still there
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kKill);
  EXPECT_NEAR(results[0].miss_distance_m, 800.0, 1e-6);
}

TEST_F(EndgameTest, NoKillBelowTheFloorOrAboveTheCeiling) {
  auto high_floor = sam(1.0);
  high_floor.min_altitude_m = 6000.0;
  auto low_ceiling = sam(1.0);
  low_ceiling.max_altitude_m = 4000.0;
  units = units_of(s.fire_units[0], {high_floor, low_ceiling});
  e.fire(0.0, {0, 1, 1, 1.0, p}, units);
  e.fire(0.0, {1, 1, 1, 1.0, p}, units);
  const auto results = e.resolve(1.0, w, units);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kNoTarget);
  EXPECT_EQ(results[0].reason, "below floor (Raid-1 at 5000 m, floor 6000 m)");
  EXPECT_EQ(results[1].outcome, Outcome::kNoTarget);
  EXPECT_EQ(results[1].reason, "above ceiling (Raid-1 at 5000 m, ceiling 4000 m)");
  EXPECT_EQ(results[1].truth_id, 0u);
  EXPECT_TRUE(w.entity(1).flying());
}

TEST_F(EndgameTest, ASecondRoundFindsItsTargetAlreadyDestroyed) {
  e.fire(0.0, {0, 1, 2, 1.0, p}, units);  // a salvo of two
  const auto results = e.resolve(1.0, w, units);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kKill);
  EXPECT_EQ(results[1].outcome, Outcome::kNoTarget);
  EXPECT_EQ(results[1].reason, "target already destroyed (Raid-1 at 0 m)");
}

}  // namespace
}  // namespace rampart::engagement

namespace rampart::engagement {
namespace {

/// A squadron of 250 m/s fighters at 6000 m whose missiles (four, Pk 1, 1000 m/s, 2 km basket,
/// 30 km range) are the tests'.
scenario::FighterSquadron eagles() {
  scenario::FighterSquadron sq;
  sq.name = "Eagle";
  sq.speed_mps = 250.0;
  sq.altitude_m = 6000.0;
  sq.rcs_m2 = 5.0;
  sq.missiles = 4;
  sq.missile_range_m = 30'000.0;
  sq.missile_seeker_basket_m = 2000.0;
  sq.kill_probability = 1.0;
  return sq;
}

// An air-to-air missile whose aim point ends up nearer its own launcher than any target (the
// fighter closed on the point) finds nothing: its seeker does not home on the aircraft that
// fired it.
TEST(AirToAir, TheSeekerNeverHomesOnItsOwnLauncher) {
  auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  world::World w(s);
  const std::uint32_t fighter = w.launch("Eagle-1", eagles(), {0.0, 30'000.0}, 0.0);
  w.advance(0.0);
  Engagements e(1);
  Arsenal arsenal;
  arm_fighter(arsenal, eagles(), w, fighter);
  const Eigen::Vector3d aim_enu_m = w.entity(fighter).p_enu_m + Eigen::Vector3d(0.0, 0.0, 100.0);
  e.fire(0.0, {0, 7, 1, 5.0, aim_enu_m}, arsenal);
  w.advance(5.0);
  const auto results = e.resolve(5.0, w, arsenal);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_NE(results[0].truth_id, fighter);
  EXPECT_FALSE(results[0].fratricide);
  EXPECT_EQ(w.entity(fighter).state, world::EntityState::kFlying);
}

// The fighter's missiles: launched at once from where the aircraft is, reported to C2 as its
// launch, no altitude limits, and the magazine empties.
TEST(AirToAir, MissilesLeaveAtOnceFromTheAircraftAndTheMagazineEmpties) {
  auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  world::World w(s);
  const std::uint32_t fighter = w.launch("Eagle-1", eagles(), {0.0, 30'000.0}, 0.0);
  w.advance(0.0);
  Arsenal arsenal = make_fire_units(s, w.frame());
  const std::size_t index = arsenal.size();
  arm_fighter(arsenal, eagles(), w, fighter);
  const Effector& missiles = *arsenal[index];
  EXPECT_EQ(missiles.name(), "Eagle-1");
  const messages::WeaponStatus status = missiles.status();
  EXPECT_EQ(status.fire_unit, index);
  EXPECT_EQ(status.p_enu_m, w.entity(fighter).p_enu_m);
  EXPECT_DOUBLE_EQ(status.type.max_range_m, 30'000.0);
  EXPECT_DOUBLE_EQ(status.type.interceptor_speed_mps, 1000.0);
  EXPECT_EQ(status.ready_rounds, 4);
  Engagements e(1);
  const auto launched = e.fire(12.0, {index, 7, 1, 8.0, Eigen::Vector3d::Zero()}, arsenal);
  ASSERT_EQ(launched.size(), 1u);
  EXPECT_DOUBLE_EQ(launched[0].launch_time_s, 12.0);
  EXPECT_DOUBLE_EQ(launched[0].intercept_time_s, 20.0);
  EXPECT_FALSE(launched[0].surface_to_air());
  EXPECT_EQ(launched[0].shooter, "Eagle-1");
  EXPECT_DOUBLE_EQ(launched[0].seeker_basket_m, 2000.0);
  EXPECT_EQ(launched[0].min_altitude_m, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(launch_report(launched[0]).fighter_entity, fighter);
  e.fire(12.0, {index, 7, 3, 8.0, Eigen::Vector3d::Zero()}, arsenal);
  EXPECT_EQ(missiles.rounds_left(), 0);
  EXPECT_EQ(missiles.status().ready_rounds, 0);
}

}  // namespace
}  // namespace rampart::engagement
