// The raiders' weapons in the world: the homing mover's dive, anti-radiation missiles on an
// emitting and a silenced radar, and stand-off weapons released at their release range.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <utility>

#include "scenario/loader.h"
#include "world/homing_mover.h"
#include "world/world.h"

namespace rampart::world {
namespace {

TEST(HomingMover, CruisesLevelThenDivesOntoItsGoal) {
  // Cruise at 3000 m towards a goal 10 km east at 100 m: the dive starts where the goal is 30
  // degrees down, 2900 / tan 30 = 5023 m short of it; the path is 4977 m level plus a dive of
  // sqrt(5023^2 + 2900^2) = 5800 m, 10,777 m in all: 35.92 s at 300 m/s.
  HomingMover m({0.0, 0.0}, 3000.0, 300.0, Eigen::Vector3d(10'000.0, 0.0, 100.0));
  MoverState s = m.advance(0.0, 0.0);
  double t_s = 0.0;
  while (!s.finished && t_s < 100.0) {
    t_s += 0.1;
    s = m.advance(t_s, 0.1);
    if (s.east_m < 4900.0) {
      EXPECT_DOUBLE_EQ(s.altitude_m, 3000.0) << t_s;
    }
  }
  EXPECT_NEAR(t_s, 35.92, 0.1);
  EXPECT_DOUBLE_EQ(s.east_m, 10'000.0);
  EXPECT_DOUBLE_EQ(s.altitude_m, 100.0);
  // It hits at its speed, diving at 30 degrees.
  EXPECT_NEAR(s.v_enu_mps.norm(), 300.0, 1e-9);
  EXPECT_NEAR(std::atan2(-s.v_enu_mps.z(), s.v_enu_mps.x()), std::atan(2900.0 / 5023.0), 0.01);
}

scenario::Scenario with_arm(double drift_mps) {
  scenario::Scenario s =
      scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  scenario::Raid arm{.name = "ARM", .kind = scenario::ThreatKind::kAntiRadiationMissile, .route = {{0, 65'000}},
                     .altitude_m = 5000, .speed_mps = 600, .rcs_m2 = 0.05, .target_radar = 0,
                     .lethal_radius_m = 20.0, .drift_mps = drift_mps};
  s.raids = {arm};
  s.friendlies.clear();
  return s;
}

/// Advances `w` in 0.1 s steps until the first burst (or 200 s), calling `before` ahead of each
/// step; returns the burst's step and its time.
std::pair<Advance, double> fly_to_burst(World& w, const std::function<void(double)>& before = [](double) {}) {
  Advance moved;
  double t_s = 0.0;
  for (; t_s < 200.0 && moved.strikes.empty(); t_s += 0.1) {
    before(t_s);
    moved = w.advance(t_s);
  }
  return {moved, t_s - 0.1};
}

TEST(AntiRadiationMissile, DestroysTheRadarThatKeepsRadiating) {
  World w(with_arm(8.0));
  const auto [moved, t_s] = fly_to_burst(w);
  ASSERT_EQ(moved.strikes.size(), 1u);
  // The radar's antenna: (0, 5000) at 100 + 10 m; the ARM flies 60 km and dives on it.
  EXPECT_EQ(moved.strikes[0].radar, 0u);
  EXPECT_NEAR(moved.strikes[0].miss_m, 0.0, 1e-6);
  EXPECT_TRUE(moved.strikes[0].destroyed);
  EXPECT_TRUE(w.radar_destroyed(0));
  EXPECT_EQ(w.entity(1).state, EntityState::kImpacted);
  EXPECT_GT(t_s, 60'000.0 / 600.0);
  // A destroyed radar radiates no more, whatever it is told.
  w.set_emitting(0, true);
  EXPECT_TRUE(w.radar_destroyed(0));
}

TEST(AntiRadiationMissile, MissesARadarSilentFromItsLaunchByItsDrift) {
  World w(with_arm(8.0));
  w.set_emitting(0, false);
  const auto [moved, burst_t_s] = fly_to_burst(w);
  ASSERT_EQ(moved.strikes.size(), 1u);
  // It flew on to where it was told the radar stands, its navigation drifting 8 m/s since the
  // launch: the burst is 8 t from the antenna (t the burst's time, within a step).
  EXPECT_NEAR(moved.strikes[0].miss_m, 8.0 * burst_t_s, 8.0 * 0.1 + 1e-6);
  EXPECT_FALSE(moved.strikes[0].destroyed);
  EXPECT_FALSE(w.radar_destroyed(0));
}

TEST(AntiRadiationMissile, ComesBackToTheAntennaWhenTheRadarRadiatesAgain) {
  World w(with_arm(8.0));
  w.set_emitting(0, false);
  // On again a minute after the launch, long before the burst.
  const auto [moved, t_s] = fly_to_burst(w, [&](double t) { w.set_emitting(0, t >= 60.0); });
  ASSERT_EQ(moved.strikes.size(), 1u);
  EXPECT_TRUE(moved.strikes[0].destroyed);
}

TEST(StandOffWeapons, ReleasedAtTheirReleaseRangeFromWhereTheAircraftIs) {
  scenario::Scenario s =
      scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  s.friendlies.clear();
  scenario::Raid& raid = s.raids[0];  // 2 strike aircraft, (0, 60 km) to the town at (0, 0), 250 m/s, 10 s apart
  raid.count = 1;
  scenario::Raid arm{.name = "ARM", .kind = scenario::ThreatKind::kAntiRadiationMissile, .count = 2,
                     .spacing_s = 2.0, .altitude_m = 4000, .speed_mps = 600, .rcs_m2 = 0.05, .target_radar = 0};
  scenario::Raid cruise{.name = "CM", .kind = scenario::ThreatKind::kCruiseMissile, .altitude_m = 50,
                        .speed_mps = 250, .manoeuvre = {.max_lateral_accel_mps2 = 48.0, .max_climb_mps = 30.0,
                                                        .max_accel_mps2 = 3.0},
                        .rcs_m2 = 0.1, .target_asset = 0, .damage_fraction = 0.5};
  raid.weapons = {{40'000.0, false, arm}, {30'000.0, false, cruise}};
  World w(s);
  std::vector<Release> releases;
  std::vector<double> release_t_s;
  for (double t_s = 0.0; t_s <= 130.0; t_s += 0.5) {
    for (auto& r : w.advance(t_s).releases) {
      releases.push_back(r);
      release_t_s.push_back(t_s);
    }
  }
  ASSERT_EQ(releases.size(), 2u);
  // The radar stands at (0, 5 km): 40 km from it is north 45 km, after 15 km = 60 s.
  EXPECT_DOUBLE_EQ(release_t_s[0], 60.0);
  EXPECT_EQ(releases[0].weapon, "Raid-1 ARM");
  ASSERT_EQ(releases[0].weapon_ids.size(), 2u);
  const Entity& first = w.entity(releases[0].weapon_ids[0]);
  const Entity& second = w.entity(releases[0].weapon_ids[1]);
  EXPECT_EQ(first.kind, "anti_radiation_missile");
  EXPECT_DOUBLE_EQ(first.start_time_s, 60.0);
  EXPECT_DOUBLE_EQ(second.start_time_s, 62.0);
  // The cruise missile 30 km from the town: north 30 km, after 120 s; it flies to the town.
  EXPECT_DOUBLE_EQ(release_t_s[1], 120.0);
  ASSERT_EQ(releases[1].weapon_ids.size(), 1u);
  const Entity& cm = w.entity(releases[1].weapon_ids[0]);
  EXPECT_EQ(cm.target_asset, std::optional<std::size_t>(0));
  EXPECT_TRUE(cm.expendable);
  EXPECT_NEAR(cm.p_enu_m.y(), 30'000.0 - 250.0 * 10.0, 300.0);  // ten seconds on, flying south
  EXPECT_NE(first.state, EntityState::kWaiting);  // it flew (and may have burst by now)
}

TEST(StandOffWeapons, ALineOfSightWeaponWaitsUntilTheTargetIsInSight) {
  // A ridge 600 m high across north 10 km; the aircraft comes south at 700 m towards the town at
  // the origin with a weapon of 15 km range. Without line of sight it releases at north 15 km,
  // behind the ridge; with it, only once the ray to a point 5 m over the town clears the crest:
  // 5 + 695 x 10 km / y > 600 m for y < 11.68 km (the 4/3 Earth's bulge, under a metre, aside).
  const auto release_north_m = [](bool line_of_sight) {
    scenario::Scenario s =
        scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
    s.friendlies.clear();
    s.environment.terrain = std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(
        {.west_m = -5000, .south_m = -5000, .east_m = 5000, .north_m = 25'000, .cell_m = 100,
         .ridges = {{-5000, 10'000, 5000, 10'000, 600, 1500}}}));
    scenario::Raid& raid = s.raids[0];
    raid.count = 1;
    raid.altitude_m = 700;
    scenario::Raid atgm{.name = "ATGM", .kind = scenario::ThreatKind::kCruiseMissile, .altitude_m = 20,
                        .speed_mps = 300, .manoeuvre = {.max_lateral_accel_mps2 = 100.0, .max_climb_mps = 50.0,
                                                        .max_accel_mps2 = 10.0},
                        .rcs_m2 = 0.01, .target_asset = 0};
    raid.weapons = {{15'000.0, line_of_sight, atgm}};
    World w(s);
    for (double t_s = 0.0; t_s <= 240.0; t_s += 0.5)
      if (const auto moved = w.advance(t_s); !moved.releases.empty()) return w.entity(1).p_enu_m.y();
    return -1.0;
  };
  EXPECT_NEAR(release_north_m(false), 15'000.0, 130.0);  // within a step of 125 m
  const double seen_m = release_north_m(true);
  EXPECT_LT(seen_m, 11'680.0);
  EXPECT_GT(seen_m, 11'680.0 - 130.0);
}

}  // namespace
}  // namespace rampart::world
