// Externally driven entities (world/external_mover.h, World::add_external): dead-reckoned at
// constant velocity from their latest report, in the map of the scenario, until their owner ends them.
#include "world/external_mover.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "world/world.h"

namespace rampart::world {
namespace {

scenario::Scenario small_scenario() {
  return scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
}

// WGS-84 radii of curvature at latitude 35 deg: prime vertical N = a / sqrt(1 - e^2 sin^2),
// meridian M = a (1 - e^2) / (1 - e^2 sin^2)^1.5. Map coordinates run along the surface, so a
// flight h above it covers R / (R + h) of its distance in them.
constexpr double kN35_m = 6385174.0;
constexpr double kM35_m = 6356427.0;
double on_the_map(double distance_m, double radius_m, double alt_m) { return distance_m * radius_m / (radius_m + alt_m); }

// A fix at map point (east, north, alt), flying `v_enu_mps` in the ENU axes at that point.
ExternalFix fix_at(const LocalFrame& frame, double t_s, double east_m, double north_m, double alt_m,
                   const Eigen::Vector3d& v_enu_mps) {
  const Geodetic g = frame.surface_point(east_m, north_m, alt_m);
  return {t_s, geodetic_to_ecef(g), ecef_from_enu_rotation(g) * v_enu_mps};
}

TEST(ExternalMover, DeadReckonsFromTheLatestReport) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  // At the origin the map axes are the ENU axes: 200 m/s east and 10 m/s up move the map point so.
  ExternalMover mover(frame, fix_at(frame, 100.0, 0.0, 0.0, 5000.0, {200.0, 0.0, 10.0}));
  MoverState s = mover.advance(0.0, 0.0);
  EXPECT_NEAR(s.east_m, 0.0, 1e-6);
  EXPECT_NEAR(s.altitude_m, 5000.0, 1e-6);
  s = mover.advance(5.0, 5.0);  // t = 105 s
  EXPECT_NEAR(s.east_m, on_the_map(1000.0, kN35_m, 5000.0), 0.01);  // 999.22
  EXPECT_NEAR(s.north_m, 0.0, 0.01);
  // Rising 50 m; the straight ECEF line leaves the curved earth by 200^2 / (2 R) = 3 mm a second.
  EXPECT_NEAR(s.altitude_m, 5050.0, 0.05);
  EXPECT_NEAR(s.v_enu_mps.x(), on_the_map(200.0, kN35_m, 5000.0), 0.01);
  EXPECT_FALSE(s.finished);
  // Due north of the origin the map and ENU axes agree (elsewhere they differ by d / R: mover.h).
  // A report at t = 107 s 40 km north, flying north: the motion goes on from there.
  mover.report(fix_at(frame, 107.0, 0.0, 40'000.0, 6000.0, {0.0, 150.0, 0.0}));
  s = mover.advance(10.0, 5.0);  // t = 110 s
  EXPECT_NEAR(s.east_m, 0.0, 0.01);
  EXPECT_NEAR(s.north_m, 40'000.0 + on_the_map(450.0, kM35_m, 6000.0), 0.05);
  EXPECT_NEAR(s.altitude_m, 6000.0, 0.05);
}

TEST(World, ExternalEntitiesFlyFromTheirFirstReportUntilTheirOwnerEndsThem) {
  World w(small_scenario());
  w.advance(0.0);
  const std::size_t own = w.entities().size();
  Entity e{.name = "Federate-1", .side = Side::kHostile, .kind = "strike_aircraft", .rcs_m2 = 5.0};
  const std::uint32_t id = w.add_external(e, fix_at(w.frame(), 2.0, 0.0, 20'000.0, 3000.0, {0, -250, 0}));
  EXPECT_EQ(id, own + 1);
  EXPECT_TRUE(w.entity(id).external);
  EXPECT_EQ(w.entity(id).state, EntityState::kWaiting);
  w.advance(1.0);
  EXPECT_EQ(w.entity(id).state, EntityState::kWaiting);
  w.advance(2.0);
  ASSERT_TRUE(w.entity(id).flying());
  w.advance(6.0);
  const double north_m = 20'000.0 - on_the_map(1000.0, kM35_m, 3000.0);
  EXPECT_LT((w.entity(id).p_enu_m - w.frame().surface_point_enu(0.0, north_m, 3000.0)).norm(), 0.05);
  w.report_external(id, fix_at(w.frame(), 6.0, 0.0, 18'000.0, 3000.0, {0, -250, 0}));
  w.advance(8.0);
  const double later_north_m = 18'000.0 - on_the_map(500.0, kM35_m, 3000.0);
  EXPECT_LT((w.entity(id).p_enu_m - w.frame().surface_point_enu(0.0, later_north_m, 3000.0)).norm(), 0.05);
  w.end_external(id, EntityState::kKilled);
  EXPECT_EQ(w.entity(id).state, EntityState::kKilled);
  w.end_external(id, EntityState::kDeparted);  // once out of the air it stays as it left
  w.report_external(id, fix_at(w.frame(), 9.0, 0.0, 0.0, 3000.0, {0, 0, 0}));
  w.advance(10.0);
  EXPECT_EQ(w.entity(id).state, EntityState::kKilled);
  EXPECT_DEATH(w.report_external(1, fix_at(w.frame(), 9.0, 0.0, 0.0, 0.0, {0, 0, 0})), "entity 1 is not external");
}

}  // namespace
}  // namespace rampart::world
