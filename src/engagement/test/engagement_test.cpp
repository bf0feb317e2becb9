#include "engagement/fire_unit.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace rampart::engagement {
namespace {

scenario::WeaponType sam(double pk) { return {"sam", 1000, 40'000, 10, 20'000, 1000, pk, 1000, 100, 2}; }

TEST(FireUnit, LaunchersReloadOneAtATimeFromTheReserve) {
  scenario::FireUnit spec{"fu", 0, {0, 0}, 0, 2, 2, 3};
  FireUnit unit(0, spec, sam(1.0), Eigen::Vector3d::Zero());
  EXPECT_EQ(unit.status().ready_rounds, 4);
  EXPECT_EQ(unit.rounds_left(), 7);
  unit.launch(2);
  EXPECT_EQ(unit.status().free_channels, 0);
  unit.release_channel();
  unit.release_channel();
  unit.update(0.0);  // the emptied launcher starts reloading: done at 100 s
  EXPECT_EQ(unit.status().ready_rounds, 2);
  unit.update(99.0);
  EXPECT_EQ(unit.status().ready_rounds, 2);
  unit.update(100.0);
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
  std::vector<FireUnit> units{FireUnit(0, s.fire_units[0], sam(1.0), Eigen::Vector3d::Zero())};
  Engagements e(1);
  e.fire(0.0, {0, 42, 1, 10.0, target.p_enu_m + target.v_enu_mps * 10.0}, units[0]);
  EXPECT_TRUE(e.resolve(5.0, w, units).empty());
  w.advance(10.0);
  const auto results = e.resolve(10.0, w, units);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kKill);
  EXPECT_EQ(results[0].truth_id, 1u);
  EXPECT_FALSE(results[0].fratricide);
  EXPECT_EQ(w.entity(1).state, world::EntityState::kKilled);
  EXPECT_EQ(units[0].status().free_channels, 2);
}

TEST_F(EngagementsTest, NoTargetNearTheAimPointAndFratricideOnAFriend) {
  world::World w(s);
  w.advance(0.0);
  std::vector<FireUnit> units{FireUnit(0, s.fire_units[0], sam(1.0), Eigen::Vector3d::Zero())};
  Engagements e(1);
  e.fire(0.0, {0, 1, 1, 1.0, Eigen::Vector3d(-90'000, -90'000, 0)}, units[0]);
  const auto friendly = w.entity(3);  // the patrolling fighter
  e.fire(0.0, {0, 2, 1, 1.0, friendly.p_enu_m}, units[0]);
  const auto results = e.resolve(1.0, w, units);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kNoTarget);
  EXPECT_EQ(results[1].outcome, Outcome::kKill);
  EXPECT_TRUE(results[1].fratricide);
}

TEST_F(EngagementsTest, GuidanceFollowsTheTrack) {
  world::World w(s);
  std::vector<FireUnit> units{FireUnit(0, s.fire_units[0], sam(1.0), Eigen::Vector3d::Zero())};
  Engagements e(1);
  const auto launched = e.fire(0.0, {0, 9, 1, 20.0, Eigen::Vector3d::Zero()}, units[0]);
  tracking::TrackState t;
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

}  // namespace
}  // namespace rampart::engagement
