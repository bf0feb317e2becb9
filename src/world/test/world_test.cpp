#include "world/world.h"

#include <gtest/gtest.h>

#include "core/units.h"
#include "scenario/loader.h"

namespace rampart::world {
namespace {

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

TEST(World, ABallisticMissileReachesItsAssetWhereItImpacts) {
  // Launched 60 km north of the town (radius 3 km), aimed at its centre: it passes inside the
  // radius high in its dive and reaches the town only on the ground.
  scenario::Scenario s = small_scenario();
  s.raids[0].kind = scenario::ThreatKind::kBallisticMissile;
  s.raids[0].count = 1;
  s.raids[0].ballistic = {.burn_time_s = 15.0, .burnout_pitch_deg = 45.0};
  World w(s);
  double arrival_alt_m = -1.0, highest_inside_m = 0.0;
  for (double t = 0; t <= 400.0 && w.entity(1).state != EntityState::kImpacted; t += 0.5) {
    const auto arrivals = w.advance(t).arrivals;
    const Entity& m = w.entity(1);
    if (m.flying() && std::hypot(m.p_enu_m.x(), m.p_enu_m.y()) < 3000.0)
      highest_inside_m = std::max(highest_inside_m, m.geodetic.alt_m);
    if (!arrivals.empty()) arrival_alt_m = m.geodetic.alt_m;
  }
  EXPECT_EQ(w.entity(1).state, EntityState::kImpacted);
  EXPECT_GT(highest_inside_m, 1000.0);  // inside the radius, high up, without arriving
  EXPECT_NEAR(arrival_alt_m, 0.0, 1e-3);
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
  const std::uint32_t id = w.launch("Falcon-1", falcons, {0, 0}, falcons.altitude_m, 0.0);
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

namespace rampart::world {
namespace {

TEST(World, AMovingAssetIsReachedWhereItsColumnIsNotWhereItWas) {
  // The column drives 6 km north at 20 m/s from (0, 0) (about 310 s with its acceleration) and
  // halts. Drone Old flies 10 km at 50 m/s to (0, 0): there at 200 s, when the column is some
  // 4 km north. Drone Chaser flies 25 km to (0, 6000): there at 500 s, on the halted column.
  const auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                              "/src/scenario/test/data/moving_column.yaml");
  ASSERT_TRUE(s.assets[0].follows);
  EXPECT_DOUBLE_EQ(s.assets[0].position.north_m, 0.0);  // where the column starts
  World w(s);
  std::vector<Arrival> arrivals;
  for (double t = 0; t <= 520.0; t += 0.5) {
    const auto a = w.advance(t).arrivals;
    arrivals.insert(arrivals.end(), a.begin(), a.end());
    if (t == 200.0) {
      EXPECT_GT(w.assets()[0].position.north_m, 3500.0);
      EXPECT_LT(w.assets()[0].position.north_m, 4500.0);
    }
  }
  const Entity& old_drone = w.entity(1);
  EXPECT_EQ(old_drone.name, "Old-1");
  EXPECT_FALSE(old_drone.reached_target);  // its route's end, the column's old position
  EXPECT_EQ(old_drone.state, EntityState::kDeparted);
  ASSERT_EQ(arrivals.size(), 1u);
  EXPECT_EQ(w.entity(arrivals[0].entity_id).name, "Chaser-1");
  EXPECT_DOUBLE_EQ(arrivals[0].value_lost, 50.0);
  EXPECT_NEAR(w.assets()[0].position.north_m, 6000.0, 0.1);  // braked to a stop on the waypoint
  EXPECT_NEAR(w.asset_value_left()[0], 50.0, 1e-9);
}

}  // namespace
}  // namespace rampart::world
