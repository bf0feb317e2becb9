#include "world/mobile_unit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace rampart::world {
namespace {

/// A column at (east_m, north_m) driving north at speed_mps (0: halted).
MoverState column(double east_m, double north_m, double speed_mps) {
  MoverState m;
  m.east_m = east_m;
  m.north_m = north_m;
  m.v_enu_mps = Eigen::Vector3d(0.0, speed_mps, 0.0);
  return m;
}

scenario::Mobility mobility() {
  scenario::Mobility m;
  m.offset_x_m = -100.0;  // 100 m behind the column
  m.offset_y_m = 50.0;    // 50 m right of it
  m.emplace_s = 120.0;
  m.march_order_s = 60.0;
  m.march_speed_mps = 15.0;
  return m;
}

TEST(MobileUnit, StationIsTheColumnPlusTheOffsetInItsAxes) {
  scenario::Mobility m = mobility();
  // Heading north: along = north, right = east.
  scenario::Point2 p = scenario::station_of(m, {1000, 2000}, 0.0);
  EXPECT_NEAR(p.east_m, 1050.0, 1e-9);
  EXPECT_NEAR(p.north_m, 1900.0, 1e-9);
  // Heading east: along = east, right = south.
  p = scenario::station_of(m, {1000, 2000}, M_PI / 2);
  EXPECT_NEAR(p.east_m, 900.0, 1e-9);
  EXPECT_NEAR(p.north_m, 1950.0, 1e-9);
  m.in_column_axes = false;  // east and north, whatever the heading
  p = scenario::station_of(m, {1000, 2000}, M_PI / 2);
  EXPECT_NEAR(p.east_m, 900.0, 1e-9);
  EXPECT_NEAR(p.north_m, 2050.0, 1e-9);
}

TEST(MobileUnit, MarchesEmplacesAtTheHaltIsReadyAndPacksUpWhenTheColumnMovesOn) {
  // The column drives north at 10 m/s from (0, 0) until it halts at t = 100 s on (0, 1000); it
  // moves on at t = 400 s. The unit keeps its station (50, -100) off the column while marching
  // (15 m/s > 10 m/s), halts with the column: emplacing 100 -> 220 s, ready 220 -> 400 s, march
  // order 400 -> 460 s, marching from 460 s, catching up at 5 m/s on a column 600 m ahead.
  MobileUnit unit(mobility(), {50, -100}, 0.0);
  const double dt_s = 0.5;
  std::vector<std::pair<double, Readiness>> changes;
  double caught_up_t_s = -1.0;
  for (double t_s = 0.0; t_s <= 700.0; t_s += dt_s) {
    const double north_m = t_s < 100.0 ? 10.0 * t_s : t_s < 400.0 ? 1000.0 : 1000.0 + 10.0 * (t_s - 400.0);
    const double speed_mps = (t_s < 100.0 || t_s >= 400.0) ? 10.0 : 0.0;
    if (const auto c = unit.update(t_s, t_s == 0.0 ? 0.0 : dt_s, column(0, north_m, speed_mps), false, false))
      changes.emplace_back(t_s, c->to);
    if (t_s == 150.0) {  // halted on its station
      EXPECT_NEAR(unit.position().east_m, 50.0, 1e-9);
      EXPECT_NEAR(unit.position().north_m, 900.0, 1e-9);
      EXPECT_FALSE(unit.ready());
    }
    if (t_s == 300.0) {
      EXPECT_TRUE(unit.ready());
    }
    if (t_s == 430.0) {  // packing up: it has not moved
      EXPECT_EQ(unit.readiness(), Readiness::kMarchOrder);
      EXPECT_NEAR(unit.position().north_m, 900.0, 1e-9);
    }
    if (caught_up_t_s < 0.0 && t_s > 460.0 && std::abs(unit.position().north_m - (north_m - 100.0)) < 1e-9)
      caught_up_t_s = t_s;
  }
  const std::vector<std::pair<double, Readiness>> expected = {
      {100.0, Readiness::kEmplacing}, {220.0, Readiness::kReady}, {400.0, Readiness::kMarchOrder},
      {460.0, Readiness::kMarching}};
  EXPECT_EQ(changes, expected);
  // At 460 s the column is 600 m ahead of the station the unit left (1000 + 600 - 100 vs 900):
  // closing at 15 - 10 = 5 m/s, it is back on station 120 s later.
  EXPECT_NEAR(caught_up_t_s, 580.0, dt_s);
}

TEST(MobileUnit, StaysReadyWhileItGuidesAndDoesNotEmplaceWhileTheColumnDrives) {
  MobileUnit unit(mobility(), {50, -100}, 0.0);
  // The column stands at the start: the unit, on station, emplaces at once.
  ASSERT_TRUE(unit.update(0.0, 0.0, column(0, 0, 0), false, false));
  EXPECT_EQ(unit.readiness(), Readiness::kEmplacing);
  // It drives off before the unit is emplaced: the unit marches with it, nothing to pack up.
  const auto c = unit.update(10.0, 10.0, column(0, 0, 5), false, false);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->to, Readiness::kMarching);
  EXPECT_EQ(c->reason, "the column moved on before it was emplaced");
  // Halted again: emplacing 20 -> 140 s, ready; the column moves on at 200 s while the unit
  // guides an interceptor: it packs up only once its channels are free (at 230 s).
  EXPECT_TRUE(unit.update(20.0, 10.0, column(0, 0, 0), false, false));
  EXPECT_TRUE(unit.update(140.0, 120.0, column(0, 0, 0), false, false));
  EXPECT_TRUE(unit.ready());
  EXPECT_FALSE(unit.update(200.0, 60.0, column(0, 0, 5), true, false));
  EXPECT_FALSE(unit.update(220.0, 20.0, column(0, 100, 5), true, false));
  const auto packing = unit.update(230.0, 10.0, column(0, 150, 5), false, false);
  ASSERT_TRUE(packing);
  EXPECT_EQ(packing->to, Readiness::kMarchOrder);
  EXPECT_EQ(packing->reason, "the column moved on");
}

TEST(MobileUnit, ShootsAndScootsAcrossTheColumnAlternatelyRightAndLeft) {
  scenario::Mobility m = mobility();
  m.shoot_and_scoot_m = 300.0;
  MobileUnit unit(m, {50, -100}, 0.0);  // heading north: right is east
  const MoverState halted = column(0, 0, 0);
  unit.update(0.0, 0.0, halted, false, false);    // emplacing
  unit.update(120.0, 120.0, halted, false, false);  // ready
  ASSERT_TRUE(unit.ready());
  // An order at 130 s: busy until its interceptor ends at 150 s, then it displaces.
  EXPECT_FALSE(unit.update(130.0, 10.0, halted, true, true));
  const auto scoot = unit.update(150.0, 20.0, halted, false, false);
  ASSERT_TRUE(scoot);
  EXPECT_EQ(scoot->to, Readiness::kMarchOrder);
  EXPECT_EQ(scoot->reason, MobileUnit::kScootReason);
  EXPECT_TRUE(unit.update(210.0, 60.0, halted, false, false));  // march order done: marching
  // 300 m east at 15 m/s: 20 s; then emplacing 120 s.
  EXPECT_FALSE(unit.update(229.0, 19.0, halted, false, false));
  const auto there = unit.update(230.0, 1.0, halted, false, false);
  ASSERT_TRUE(there);
  EXPECT_EQ(there->to, Readiness::kEmplacing);
  EXPECT_NEAR(unit.position().east_m, 350.0, 1e-9);
  EXPECT_NEAR(unit.position().north_m, -100.0, 1e-9);
  EXPECT_TRUE(unit.update(350.0, 120.0, halted, false, false));
  EXPECT_TRUE(unit.ready());
  // The next scoot goes left (west), back to where it first stood.
  EXPECT_TRUE(unit.update(360.0, 10.0, halted, false, true));  // ordered, not busy after: march order at once
  EXPECT_FALSE(unit.update(361.0, 1.0, halted, false, false));
  EXPECT_TRUE(unit.update(420.0, 59.0, halted, false, false));  // marching
  EXPECT_TRUE(unit.update(440.0, 20.0, halted, false, false));  // 300 m in 20 s: there, emplacing
  EXPECT_EQ(unit.readiness(), Readiness::kEmplacing);
  EXPECT_NEAR(unit.position().east_m, 50.0, 1e-9);
}

}  // namespace
}  // namespace rampart::world
