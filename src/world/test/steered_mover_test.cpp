#include "world/steered_mover.h"

#include <gtest/gtest.h>

namespace rampart::world {
namespace {

Eigen::Vector2d map_m(const MoverState& s) { return {s.east_m, s.north_m}; }

TEST(SteeredMover, StandsAtItsStartUntilSteered) {
  SteeredMover m({1000, 2000}, 6000.0, 300.0);
  const MoverState s = m.advance(5.0, 5.0);
  EXPECT_EQ(map_m(s), Eigen::Vector2d(1000, 2000));
  EXPECT_EQ(s.altitude_m, 6000.0);
  EXPECT_EQ(s.v_enu_mps, Eigen::Vector3d::Zero());
  EXPECT_FALSE(s.finished);
}

TEST(SteeredMover, FliesStraightAtItsGoalAndStopsOnIt) {
  SteeredMover m({0, 0}, 8000.0, 300.0);
  m.steer({0, 10'000});
  MoverState s;
  for (int i = 1; i <= 10; ++i) s = m.advance(i, 1.0);
  EXPECT_LT((map_m(s) - Eigen::Vector2d(0, 3000)).norm(), 1e-9);  // 300 m/s for 10 s
  EXPECT_LT((s.v_enu_mps - Eigen::Vector3d(0, 300, 0)).norm(), 1e-9);
  // 7000 m to go: in the 24th second it covers the last 100 m and stops on the goal.
  for (int i = 11; i <= 33; ++i) s = m.advance(i, 1.0);
  EXPECT_LT((map_m(s) - Eigen::Vector2d(0, 9900)).norm(), 1e-9);
  s = m.advance(34.0, 1.0);
  EXPECT_LT((map_m(s) - Eigen::Vector2d(0, 10'000)).norm(), 1e-9);
  EXPECT_EQ(s.v_enu_mps, Eigen::Vector3d::Zero());
  s = m.advance(44.0, 10.0);
  EXPECT_LT((map_m(s) - Eigen::Vector2d(0, 10'000)).norm(), 1e-9);
  EXPECT_EQ(s.v_enu_mps, Eigen::Vector3d::Zero());
}

TEST(SteeredMover, TurnsAtOnceToANewGoal) {
  SteeredMover m({0, 0}, 8000.0, 300.0);
  m.steer({0, 10'000});
  m.advance(10.0, 10.0);  // at (0, 3000)
  m.steer({4000, 6000});  // 4000 m east, 3000 m north of it: 5000 m on the bearing atan2(4, 3)
  const MoverState s = m.advance(11.0, 1.0);
  EXPECT_LT((map_m(s) - Eigen::Vector2d(240, 3180)).norm(), 1e-9);
  EXPECT_LT((s.v_enu_mps - Eigen::Vector3d(240, 180, 0)).norm(), 1e-9);
  // The remaining 4700 m take 15.67 s.
  EXPECT_GT(m.advance(26.0, 15.0).v_enu_mps.norm(), 0.0);
  const MoverState there = m.advance(27.0, 1.0);
  EXPECT_LT((map_m(there) - Eigen::Vector2d(4000, 6000)).norm(), 1e-9);
  EXPECT_EQ(there.v_enu_mps, Eigen::Vector3d::Zero());
}

}  // namespace
}  // namespace rampart::world
