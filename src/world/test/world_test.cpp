#include "world/world.h"

#include <gtest/gtest.h>

#include "core/units.h"
#include "scenario/loader.h"
#include "world/route.h"

namespace rampart::world {
namespace {

TEST(Route, FliesStraightLegsAtConstantSpeed) {
  const Route r({{0, 0}, {1000, 0}, {1000, 2000}}, 100.0, false);
  EXPECT_DOUBLE_EQ(r.length_m(), 3000.0);
  RoutePoint p = r.at(5.0);
  EXPECT_NEAR(p.east_m, 500.0, 1e-9);
  EXPECT_NEAR(p.heading_rad, kPi / 2, 1e-12);
  p = r.at(20.0);
  EXPECT_NEAR(p.east_m, 1000.0, 1e-9);
  EXPECT_NEAR(p.north_m, 1000.0, 1e-9);
  EXPECT_NEAR(p.heading_rad, 0.0, 1e-12);
  EXPECT_FALSE(p.finished);
  p = r.at(31.0);
  EXPECT_TRUE(p.finished);
  EXPECT_NEAR(p.north_m, 2000.0, 1e-9);
}

TEST(Route, ClosedRouteLoops) {
  const Route r({{0, 0}, {1000, 0}}, 100.0, true);  // out and back: 2000 m a lap
  EXPECT_DOUBLE_EQ(r.length_m(), 2000.0);
  const RoutePoint p = r.at(25.0);  // 2500 m: half way out on the second lap
  EXPECT_NEAR(p.east_m, 500.0, 1e-9);
  EXPECT_FALSE(p.finished);
  EXPECT_NEAR(r.at(15.0).east_m, 500.0, 1e-9);  // coming back
  EXPECT_NEAR(r.at(15.0).heading_rad, 1.5 * kPi, 1e-12);
}

scenario::Scenario small_scenario() {
  return scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
}

TEST(World, ThreatsLaunchInTrailAndReachTheirAsset) {
  scenario::Scenario s = small_scenario();
  s.raids[0].spacing_s = 10.0;
  World w(s);
  ASSERT_EQ(w.entities().size(), 3u);  // two threats and one friendly
  w.advance(5.0);
  EXPECT_TRUE(w.entity(1).flying());
  EXPECT_EQ(w.entity(2).state, EntityState::kWaiting);
  // The raid flies 60 km at 250 m/s; the town's radius is 3 km, reached after 57 km = 228 s.
  std::vector<Arrival> arrivals;
  for (double t = 0; t <= 240.0 && arrivals.empty(); t += 0.5) arrivals = w.advance(t).arrivals;
  ASSERT_EQ(arrivals.size(), 1u);
  EXPECT_EQ(arrivals[0].entity_id, 1u);
  EXPECT_TRUE(w.entity(1).reached_target);
  EXPECT_TRUE(w.entity(1).flying());  // an aircraft is not expended at its target
  EXPECT_NEAR(w.entity(1).geodetic.alt_m, 5000.0, 1e-6);
}

TEST(World, ExpendableThreatsImpactAndKilledOnesStop) {
  scenario::Scenario s = small_scenario();
  s.raids[0].kind = scenario::ThreatKind::kCruiseMissile;
  s.raids[0].spacing_s = 0.0;
  World w(s);
  w.advance(1.0);
  w.kill(2);
  EXPECT_EQ(w.entity(2).state, EntityState::kKilled);
  for (double t = 0; t <= 300.0; t += 1.0) w.advance(t);
  EXPECT_EQ(w.entity(1).state, EntityState::kImpacted);
  EXPECT_EQ(w.entity(2).state, EntityState::kKilled);
}

}  // namespace
}  // namespace rampart::world

namespace rampart::world {
namespace {

TEST(World, SteeredAircraftFlyToTheirGoalAndLand) {
  World w(small_scenario());
  w.advance(0.0);
  const scenario::FighterSquadron falcons{.name = "Falcon", .speed_mps = 300.0, .altitude_m = 8000.0, .rcs_m2 = 5.0};
  const std::uint32_t id = w.launch("Falcon-1", falcons, {0, 0}, 0.0);
  EXPECT_EQ(id, 4u);
  EXPECT_EQ(w.entity(id).kind, "fighter");
  w.steer(id, {0, 10'000});
  w.advance(10.0);
  const auto at = [&](double north_m) { return w.frame().surface_point_enu(0.0, north_m, 8000.0); };
  EXPECT_LT((w.entity(id).p_enu_m - at(3000.0)).norm(), 1e-6);
  EXPECT_LT((w.entity(id).v_enu_mps - Eigen::Vector3d(0.0, 300.0, 0.0)).norm(), 1e-9);
  EXPECT_NEAR(w.entity(id).geodetic.alt_m, 8000.0, 1e-6);
  w.advance(100.0);
  EXPECT_LT((w.entity(id).p_enu_m - at(10'000.0)).norm(), 1e-6);  // stops on its goal
  w.land(id);
  EXPECT_EQ(w.entity(id).state, EntityState::kDeparted);
}

TEST(World, OnlyAnAircraftC2LaunchedCanBeSteeredOrLanded) {
  World w(small_scenario());
  w.advance(1.0);
  EXPECT_DEATH(w.steer(1, {0, 0}), "cannot be steered: its mover is not steerable");
  EXPECT_DEATH(w.land(3), "cannot land: its mover is not steerable");
}

}  // namespace
}  // namespace rampart::world
