#include "sensors/irst.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"

namespace rampart::sensors {
namespace {

const LocalFrame kFrame({35.0, -30.0, 0.0});

world::Entity flying_at(std::uint32_t id, double east_m, double north_m, double alt_m) {
  world::Entity e{.id = id, .name = "t"};
  e.state = world::EntityState::kFlying;
  e.geodetic = kFrame.surface_point(east_m, north_m, alt_m);
  e.p_enu_m = kFrame.to_enu(e.geodetic);
  return e;
}

scenario::Irst exact_irst() {
  return {.name = "IRST", .mast_height_m = 0.0, .max_range_m = 100'000.0, .frame_period_s = 1.0,
          .detection_probability = 1.0, .bearing_sigma_deg = 1e-9, .elevation_sigma_deg = 1e-9};
}

TEST(Irst, MeasuresBearingAndElevationNotRange) {
  InfraredSearchTrack irst(1, exact_irst(), kFrame, 1);
  // 10 km east, 10 km north, 2 km up (the Earth's curvature lowers it by about d^2 / 2Re = 15.7 m
  // seen from the sensor at 14.1 km): bearing 45 deg, elevation atan(1984 / 14142) = 7.99 deg.
  Observation out;
  std::uint64_t ids = 1;
  irst.observe(0.5, 1.0, {flying_at(1, 10'000, 10'000, 2000)}, ids, out);
  ASSERT_EQ(out.angles.size(), 1u);
  EXPECT_TRUE(out.looks.empty());
  EXPECT_EQ(ids, 1u);  // no plots, so no plot ids taken
  const AngleReport& a = out.angles[0];
  EXPECT_NEAR(rad_to_deg(a.bearing_rad), 45.0, 1e-4);  // the grid east/north of a surface point, not a rhumb
  ASSERT_TRUE(a.elevation_rad.has_value());
  EXPECT_NEAR(rad_to_deg(*a.elevation_rad), rad_to_deg(std::atan2(2000.0 - 15.7, std::hypot(10'000.0, 10'000.0))), 0.01);
  EXPECT_TRUE(a.emitter.empty());
  EXPECT_EQ(a.truth_id, 1u);
  EXPECT_DOUBLE_EQ(a.t_s, 1.0);
}

TEST(Irst, ReportsOncePerFrame) {
  InfraredSearchTrack irst(1, exact_irst(), kFrame, 1);
  const std::vector<world::Entity> truth = {flying_at(1, 5000, 0, 1000)};
  std::uint64_t ids = 1;
  int reports = 0;
  for (int k = 1; k <= 100; ++k) {  // 10 s in steps of 0.1 s
    Observation out;
    irst.observe(0.1 * (k - 1), 0.1 * k, truth, ids, out);
    reports += static_cast<int>(out.angles.size());
  }
  EXPECT_EQ(reports, 10);
}

TEST(Irst, TheHorizonHidesALowTargetFarAway) {
  // A sensor at the sea surface sees a target at h metres out to sqrt(2 (4/3) Re h):
  // 100 m -> 41.2 km.
  InfraredSearchTrack irst(1, exact_irst(), kFrame, 1);
  std::uint64_t ids = 1;
  Observation near, far;
  irst.observe(0.5, 1.0, {flying_at(1, 0, 40'000, 100)}, ids, near);
  irst.observe(0.5, 1.0, {flying_at(1, 0, 43'000, 100)}, ids, far);
  EXPECT_EQ(near.angles.size(), 1u);
  EXPECT_TRUE(far.angles.empty());
}

TEST(Irst, DetectsWithItsProbabilityPerFrame) {
  auto spec = exact_irst();
  spec.detection_probability = 0.3;
  InfraredSearchTrack irst(1, spec, kFrame, 9);
  std::vector<world::Entity> truth;
  for (std::uint32_t id = 1; id <= 200; ++id) truth.push_back(flying_at(id, 1000.0 * id / 4, 20'000, 3000));
  std::uint64_t ids = 1;
  std::size_t seen = 0;
  for (int frame = 1; frame <= 10; ++frame) {
    Observation out;
    irst.observe(frame - 0.5, frame, truth, ids, out);
    seen += out.angles.size();
  }
  // 2000 draws at p = 0.3: mean 600, sigma 20.5.
  EXPECT_NEAR(static_cast<double>(seen), 600.0, 4 * 20.5);
}

}  // namespace
}  // namespace rampart::sensors
