#include "sensors/fire_control_radar.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"
#include "sensors/factory.h"
#include "sensors/test/test_radar.h"

namespace rampart::sensors {
namespace {

const LocalFrame kFrame({35.0, -30.0, 0.0});

world::Entity target_at(std::uint32_t id, double east_m, double north_m, double alt_m, double rcs_m2) {
  return sensors::target_at(kFrame, id, east_m, north_m, alt_m, rcs_m2);
}

// Boresight 90 deg, 90 wide: azimuths 45 to 135 deg, edges included; elevations -2 to 70 deg.
TEST(FireControlRadar, SectorHoldsItsEdges) {
  const FireControlRadar radar(1, test_fire_control_radar(90.0), kFreeSpace, kFrame, 1);
  EXPECT_TRUE(radar.in_sector(deg_to_rad(45.0), 0.0));
  EXPECT_TRUE(radar.in_sector(deg_to_rad(135.0), 0.0));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(44.99), 0.0));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(135.01), 0.0));
  EXPECT_TRUE(radar.in_sector(deg_to_rad(90.0), deg_to_rad(-2.0)));
  EXPECT_TRUE(radar.in_sector(deg_to_rad(90.0), deg_to_rad(70.0)));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(90.0), deg_to_rad(-2.01)));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(90.0), deg_to_rad(70.01)));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(270.0), 0.0));  // behind it
}

// Boresight north: the sector spans north, 315 to 45 deg, across the 0/360 seam.
TEST(FireControlRadar, SectorAcrossNorth) {
  const FireControlRadar radar(1, test_fire_control_radar(0.0), kFreeSpace, kFrame, 1);
  EXPECT_TRUE(radar.in_sector(deg_to_rad(315.0), 0.0));
  EXPECT_TRUE(radar.in_sector(0.0, 0.0));
  EXPECT_TRUE(radar.in_sector(deg_to_rad(45.0), 0.0));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(314.9), 0.0));
  EXPECT_FALSE(radar.in_sector(deg_to_rad(45.1), 0.0));
}

// The reference detection: 1 m^2 at 40 km with Pd 0.9 at Pfa 1e-6, Swerling 1 on one pulse, where
// Pd = Pfa^(1 / (1 + SNR)): SNR0 = ln(1e-6) / ln(0.9) - 1 = 131.126 - 1 = 130.126 (21.14 dB).
// At 80 km the SNR is 16 times less, 8.133: Pd = exp(ln(1e-6) / 9.133) = 0.2203; a 16 m^2 target
// there is back at Pd 0.9.
TEST(FireControlRadar, DetectionFollowsTheReferenceDetection) {
  const FireControlRadar radar(1, test_fire_control_radar(), kFreeSpace, kFrame, 1);
  EXPECT_NEAR(radar.snr(40'000.0, 1.0), 130.126, 1e-2);
  EXPECT_NEAR(radar.detection_probability(radar.snr(40'000.0, 1.0)), 0.9, 1e-6);
  EXPECT_NEAR(radar.detection_probability(radar.snr(80'000.0, 1.0)), 0.2203, 1e-4);
  EXPECT_NEAR(radar.detection_probability(radar.snr(80'000.0, 16.0)), 0.9, 1e-6);
  EXPECT_EQ(radar.channels(), 2);
}

// Through its looks: a 1 m^2 target on the peak of a pencil beam, 40 km north at 3 km, in free
// space; its SINR is the radar equation's at its slant range, and over 2000 revisits it is
// plotted as often as that SINR's Pd says (0.9 less a little for the slant range), within 4
// standard deviations.
TEST(FireControlRadar, PlotsAsOftenAsTheReferenceSays) {
  scenario::Radar spec = test_fire_control_radar();
  spec.antenna.coverage = environment::ElevationCoverage::kPencil;
  spec.antenna.tilt_deg = rad_to_deg(direct_elevation_rad(10.0, 3000.0, 40'000.0));
  FireControlRadar radar(1, spec, kFreeSpace, kFrame, 3);
  const world::Entity target = target_at(1, 0.0, 40'000.0, 3000.0, 1.0);
  const SurveillanceRadar::Echo echo = radar.echo(target, {target});
  ASSERT_TRUE(echo.visible);
  const double slant_m = (target.p_enu_m - radar.position_enu_m()).norm();
  EXPECT_NEAR(echo.sinr / radar.snr(slant_m, 1.0), 1.0, 1e-3);
  const double pd = radar.detection_probability(echo.sinr);
  EXPECT_GT(pd, 0.89);
  EXPECT_LT(pd, 0.9);
  const int revisits = 2000;
  int plotted = 0, looks = 0;
  std::uint64_t next_plot_id = 1;
  for (int k = 1; k <= revisits * 10; ++k) {
    Observation seen;
    radar.observe(0.1 * (k - 1), 0.1 * k, {target}, next_plot_id, seen);
    for (const auto& look : seen.looks) {
      ++looks;
      for (const auto& origin : look.origins) plotted += origin.truth_id == 1;
    }
  }
  EXPECT_EQ(looks, revisits);  // one look per 1 s revisit
  const double sigma = std::sqrt(revisits * pd * (1.0 - pd));
  EXPECT_NEAR(plotted, revisits * pd, 4.0 * sigma);
}

// Each look covers the whole sector, edge to edge, over the revisit period before it; a strong
// target just inside an edge is plotted every time, one just outside never, nor one behind.
TEST(FireControlRadar, LooksOverItsSectorOncePerRevisit) {
  FireControlRadar radar(1, test_fire_control_radar(90.0), kFreeSpace, kFrame, 5);
  const auto at_bearing = [](std::uint32_t id, double az_deg) {
    const double r_m = 10'000.0;
    return target_at(id, r_m * std::sin(deg_to_rad(az_deg)), r_m * std::cos(deg_to_rad(az_deg)), 1000.0, 100.0);
  };
  const std::vector<world::Entity> truth = {at_bearing(1, 45.5), at_bearing(2, 44.0), at_bearing(3, 270.0)};
  std::uint64_t next_plot_id = 1;
  int looks = 0;
  for (int k = 1; k <= 50; ++k) {
    Observation seen;
    radar.observe(0.1 * (k - 1), 0.1 * k, truth, next_plot_id, seen);
    for (const auto& look : seen.looks) {
      ++looks;
      EXPECT_NEAR(look.batch.t_s, std::round(0.1 * k), 1e-9);
      EXPECT_NEAR(look.batch.t_s - look.batch.t_begin_s, 1.0, 1e-9);
      EXPECT_NEAR(look.batch.az_begin_rad, deg_to_rad(45.0), 1e-12);
      EXPECT_NEAR(look.batch.az_end_rad, deg_to_rad(135.0), 1e-12);
      int inside = 0;
      for (const auto& origin : look.origins) {
        EXPECT_NE(origin.truth_id, 2u);
        EXPECT_NE(origin.truth_id, 3u);
        inside += origin.truth_id == 1;
      }
      EXPECT_EQ(inside, 1);
    }
  }
  EXPECT_EQ(looks, 5);
  EXPECT_EQ(radar.site().kind, "fire_control_radar");
}

}  // namespace
}  // namespace rampart::sensors
