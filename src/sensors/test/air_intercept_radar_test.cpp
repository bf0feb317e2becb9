// The fighter's airborne intercept radar: the R^4 law from its reference detection, its cone and
// its lock on a cued target.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/units.h"
#include "sensors/air_intercept_radar.h"

namespace rampart::sensors {
namespace {

/// 50 % on a 5 m^2 target at 90 km, a scan every 2 s, +-60 deg about the nose.
scenario::AirInterceptRadar radar_spec() { return {{90'000.0, 5.0, 0.5}, 2.0, 60.0}; }

world::Entity flying(std::uint32_t id, const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& v_enu_mps, double rcs_m2) {
  world::Entity e;
  e.id = id;
  e.state = world::EntityState::kFlying;
  e.p_enu_m = p_enu_m;
  e.v_enu_mps = v_enu_mps;
  e.rcs_m2 = rcs_m2;
  return e;
}

TEST(AirInterceptRadar, DetectionFollowsTheFourthPowerLawFromItsReference) {
  const AirInterceptRadar radar(radar_spec(), 1, 1);
  EXPECT_NEAR(radar.detection_probability(5.0, 90'000.0), 0.5, 1e-4);
  // A 1 m^2 target gives the same SNR at 90 km (1/5)^(1/4) = 60,186.6 m.
  EXPECT_NEAR(radar.detection_probability(1.0, 60'186.627), 0.5, 1e-4);
  // Half the range: 16 times the SNR. Swerling 1, one look: Pd = Pfa^(1 / (1 + SNR)) with
  // SNR_ref = ln(1e-6) / ln(0.5) - 1 = 18.9316, so Pd = 1e-6^(1 / 303.905) = 0.955558.
  EXPECT_NEAR(radar.detection_probability(5.0, 45'000.0), 0.955558, 1e-4);
  EXPECT_LT(radar.detection_probability(5.0, 180'000.0), 0.05);
}

TEST(AirInterceptRadar, SearchesOnlyItsConeAboutTheNose) {
  AirInterceptRadar radar(radar_spec(), 1, 1);
  const world::Entity fighter = flying(1, {0, 0, 8000}, {0, 300, 0}, 5.0);  // flying north
  radar.scan(0.0, fighter, {fighter});
  const auto at_bearing = [](double deg) {
    const double rad = deg_to_rad(deg);
    return Eigen::Vector3d(20'000.0 * std::sin(rad), 20'000.0 * std::cos(rad), 8000.0);
  };
  EXPECT_TRUE(radar.in_cone(fighter.p_enu_m, at_bearing(59.0)));
  EXPECT_TRUE(radar.in_cone(fighter.p_enu_m, at_bearing(-59.0)));
  EXPECT_FALSE(radar.in_cone(fighter.p_enu_m, at_bearing(61.0)));
  EXPECT_FALSE(radar.in_cone(fighter.p_enu_m, at_bearing(180.0)));
}

/// A big target 20 km ahead (Pd 0.9999) is locked when C2's cue is within 3 km of it; one 20 km
/// behind, outside the cone, never is: the fighter has no solution of its own to fire on.
TEST(AirInterceptRadar, LocksOnlyACuedTargetItDetectsInItsCone) {
  AirInterceptRadar radar(radar_spec(), 7, 1);
  const world::Entity fighter = flying(1, {0, 0, 8000}, {0, 300, 0}, 5.0);
  const world::Entity ahead = flying(2, {0, 20'000, 8000}, {0, -250, 0}, 100.0);
  const world::Entity behind = flying(3, {0, -20'000, 8000}, {0, 250, 0}, 100.0);
  const std::vector<world::Entity> entities = {fighter, ahead, behind};
  radar.scan(0.0, fighter, entities);
  EXPECT_EQ(radar.lock(1.0, {1000, 21'000, 8000}), std::optional<std::uint32_t>(2));
  EXPECT_FALSE(radar.lock(1.0, {0, 24'000, 8000}));   // the cue 4 km off: not that target
  EXPECT_FALSE(radar.lock(1.0, {0, -20'000, 8000}));  // behind the fighter
  EXPECT_FALSE(radar.lock(2.5, {0, 20'000, 8000}));   // the scan is older than a scan period
  radar.scan(1.0, fighter, entities);                 // within the scan period: no new scan
  EXPECT_FALSE(radar.lock(2.5, {0, 20'000, 8000}));
  radar.scan(2.0, fighter, entities);
  EXPECT_EQ(radar.lock(2.5, {0, 20'000, 8000}), std::optional<std::uint32_t>(2));
}

/// Each look is a Swerling 1 draw: over 4000 scans of a 5 m^2 target at 60 km the radar detects
/// it at the rate the law gives, 1e-6^(1 / (1 + 18.9316 (1.5)^4)) = 0.86705, within 4 sigma.
TEST(AirInterceptRadar, DetectsAtTheRateOfItsLaw) {
  AirInterceptRadar radar(radar_spec(), 11, 1);
  const world::Entity fighter = flying(1, {0, 0, 8000}, {0, 300, 0}, 5.0);
  const std::vector<world::Entity> entities = {fighter, flying(2, {0, 60'000, 8000}, {0, 0, 0}, 5.0)};
  const int scans = 4000;
  int locked = 0;
  for (int k = 0; k < scans; ++k) {
    radar.scan(2.0 * k, fighter, entities);
    locked += radar.lock(2.0 * k, {0, 60'000, 8000}).has_value();
  }
  const double pd = 0.86705;
  EXPECT_NEAR(radar.detection_probability(5.0, 60'000.0), pd, 1e-4);
  EXPECT_NEAR(static_cast<double>(locked) / scans, pd, 4.0 * std::sqrt(pd * (1 - pd) / scans));
}

}  // namespace
}  // namespace rampart::sensors
