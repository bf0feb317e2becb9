#include "world/waypoint_mover.h"

#include <gtest/gtest.h>

namespace rampart::world {
namespace {

void expect_state(const MoverState& s, double east_m, double north_m, double altitude_m,
                  const Eigen::Vector3d& v_enu_mps) {
  EXPECT_NEAR(s.east_m, east_m, 1e-9);
  EXPECT_NEAR(s.north_m, north_m, 1e-9);
  EXPECT_EQ(s.altitude_m, altitude_m);
  EXPECT_LT((s.v_enu_mps - v_enu_mps).norm(), 1e-9) << s.v_enu_mps.transpose();
}

TEST(WaypointMover, FliesItsLegsLevelAtItsSpeedAndFinishesAtTheEnd) {
  // 1000 m east, then 2000 m north, at 100 m/s: the corner at 10 s, the end at 30 s.
  WaypointMover m(Route({{0, 0}, {1000, 0}, {1000, 2000}}, 100.0, false), 3000.0);
  expect_state(m.advance(0.0, 0.0), 0.0, 0.0, 3000.0, {100, 0, 0});
  expect_state(m.advance(5.0, 5.0), 500.0, 0.0, 3000.0, {100, 0, 0});
  expect_state(m.advance(20.0, 15.0), 1000.0, 1000.0, 3000.0, {0, 100, 0});
  EXPECT_FALSE(m.advance(29.9, 9.9).finished);
  const MoverState end = m.advance(31.0, 1.1);
  EXPECT_TRUE(end.finished);
  expect_state(end, 1000.0, 2000.0, 3000.0, {0, 100, 0});  // where and how it left
}

TEST(WaypointMover, APatrolFliesBackToItsFirstWaypointAndAgain) {
  WaypointMover m(Route({{0, 0}, {1000, 0}}, 100.0, true), 500.0);  // out and back: 2000 m a lap
  expect_state(m.advance(15.0, 15.0), 500.0, 0.0, 500.0, {-100, 0, 0});  // coming back
  const MoverState second_lap = m.advance(25.0, 10.0);
  expect_state(second_lap, 500.0, 0.0, 500.0, {100, 0, 0});  // out again
  EXPECT_FALSE(second_lap.finished);
}

TEST(WaypointMover, IsAFunctionOfTheFlightTimeAlone) {
  WaypointMover stepped(Route({{0, 0}, {1000, 0}, {1000, 2000}}, 100.0, false), 3000.0);
  WaypointMover jumped(Route({{0, 0}, {1000, 0}, {1000, 2000}}, 100.0, false), 3000.0);
  MoverState s;
  for (int i = 1; i <= 170; ++i) s = stepped.advance(0.1 * i, 0.1);
  const MoverState j = jumped.advance(0.1 * 170, 17.0);
  EXPECT_EQ(s.east_m, j.east_m);
  EXPECT_EQ(s.north_m, j.north_m);
  EXPECT_EQ(s.v_enu_mps, j.v_enu_mps);
}

}  // namespace
}  // namespace rampart::world
