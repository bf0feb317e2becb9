// Triangulation of jammers from strobes, against hand-worked geometry.
#include "tracking/triangulation.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>

#include "core/random.h"
#include "core/units.h"

namespace rampart::tracking {
namespace {

LineOfBearing strobe(int sensor_id, const Eigen::Vector2d& sensor_en_m, const Eigen::Vector2d& jammer_en_m,
                     double sigma_rad = 0.01, double error_rad = 0.0) {
  const Eigen::Vector2d d = jammer_en_m - sensor_en_m;
  return {sensor_id, 10.0, sensor_en_m, wrap_two_pi(azimuth_rad(d.x(), d.y()) + error_rad), sigma_rad};
}

const Eigen::Vector2d kWest(-20'000.0, 0.0);
const Eigen::Vector2d kEast(20'000.0, 0.0);
const TriangulationParameters kParameters;

// Two radars 40 km apart, a jammer 20 km north of their midpoint: bearings 45 and 315 degrees,
// ranges 28,284 m. The normals (cos t, -sin t) are orthogonal, so the information is
// I / (sigma^2 r^2) and the covariance (0.01 rad x 28,284 m)^2 = 80,000 m^2 on each axis.
TEST(Triangulation, TwoRadarsFortyKilometresApartCrossAtTheJammerWithTheCramerRaoCovariance) {
  const Eigen::Vector2d jammer(0.0, 20'000.0);
  const std::vector<LineOfBearing> lines{strobe(1, kWest, jammer), strobe(2, kEast, jammer)};
  EXPECT_NEAR(lines[0].bearing_rad, deg_to_rad(45.0), 1e-12);
  EXPECT_NEAR(lines[1].bearing_rad, deg_to_rad(315.0), 1e-12);
  const auto fix = stansfield_fix(lines, {0, 1}, kParameters);
  ASSERT_TRUE(fix);
  EXPECT_NEAR(fix->p_en_m.x(), 0.0, 1e-6);
  EXPECT_NEAR(fix->p_en_m.y(), 20'000.0, 1e-6);
  EXPECT_NEAR(fix->cov_m2(0, 0), 80'000.0, 1e-3);
  EXPECT_NEAR(fix->cov_m2(1, 1), 80'000.0, 1e-3);
  EXPECT_NEAR(fix->cov_m2(0, 1), 0.0, 1e-3);
  EXPECT_NEAR(fix->chi2, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(fix->t_s, 10.0);
}

// The east radar's strobe 4 s older than the west's: at up to 300 m/s the jammer moved up to
// 1,200 m across it, so its cross-range variance is 80,000 + 1,440,000 m^2 = 19 times the
// bearing's; on the orthogonal normals the covariance becomes 80,000 along the west line's
// normal and 1,520,000 along the east line's: [[800,000, 720,000], [720,000, 800,000]].
TEST(Triangulation, AStaleStrobeWeighsLessByTheJammersMotionSinceIt) {
  const Eigen::Vector2d jammer(0.0, 20'000.0);
  std::vector<LineOfBearing> lines{strobe(1, kWest, jammer), strobe(2, kEast, jammer)};
  lines[1].t_s = 6.0;
  const auto fix = stansfield_fix(lines, {0, 1}, kParameters);
  ASSERT_TRUE(fix);
  EXPECT_DOUBLE_EQ(fix->t_s, 10.0);
  EXPECT_NEAR((fix->p_en_m - jammer).norm(), 0.0, 1e-6);
  EXPECT_NEAR(fix->cov_m2(0, 0), 800'000.0, 0.01);
  EXPECT_NEAR(fix->cov_m2(0, 1), 720'000.0, 0.01);
  EXPECT_NEAR(fix->cov_m2(1, 1), 800'000.0, 0.01);
}

// The jammer at (10, 30) km: r1 = 42,426 m at 45 deg, r2 = 31,623 m at -18.43 deg, n2 = (0.9487,
// 0.3162). Information n1 n1^T / 1.8e5 + n2 n2^T / 1e5 = [[1.17778e-5, 2.2222e-7], [2.2222e-7,
// 3.7778e-6]] per m^2, determinant 4.4444e-11; its inverse is [[85,000, -5,000], [-5,000, 265,000]].
TEST(Triangulation, AnOffCentreJammerHasTheHandWorkedCovariance) {
  const Eigen::Vector2d jammer(10'000.0, 30'000.0);
  const auto fix = stansfield_fix({strobe(1, kWest, jammer), strobe(2, kEast, jammer)}, {0, 1}, kParameters);
  ASSERT_TRUE(fix);
  EXPECT_NEAR((fix->p_en_m - jammer).norm(), 0.0, 1e-6);
  EXPECT_NEAR(fix->cov_m2(0, 0), 85'000.0, 0.01);
  EXPECT_NEAR(fix->cov_m2(0, 1), -5'000.0, 0.01);
  EXPECT_NEAR(fix->cov_m2(1, 0), -5'000.0, 0.01);
  EXPECT_NEAR(fix->cov_m2(1, 1), 265'000.0, 0.01);
}

// The covariance is what the noisy fixes scatter by: with bearing errors drawn at sigma, the mean
// normalised squared error over 4,000 draws is 2 (two dimensions) within 5 %.
TEST(Triangulation, NoisyFixesScatterAsTheirCovarianceSays) {
  const Eigen::Vector2d jammer(10'000.0, 30'000.0);
  RandomStream rng(11, 1, Purpose::kTest);
  double nees = 0.0;
  constexpr int kDraws = 4000;
  for (int k = 0; k < kDraws; ++k) {
    const auto fix = stansfield_fix({strobe(1, kWest, jammer, 0.005, rng.normal(0.0, 0.005)),
                                     strobe(2, kEast, jammer, 0.005, rng.normal(0.0, 0.005))},
                                    {0, 1}, kParameters);
    ASSERT_TRUE(fix);
    const Eigen::Vector2d e = fix->p_en_m - jammer;
    nees += e.dot(fix->cov_m2.inverse() * e);
  }
  EXPECT_NEAR(nees / kDraws, 2.0, 0.1);
}

// The lines from 40 km apart cross at 2 atan(20 / 600) = 3.8 degrees at 600 km (refused at the
// default 5) and at 5.7 degrees at 400 km (accepted); lines that meet behind a radar are refused.
TEST(Triangulation, ShallowCrossingsAndLinesMeetingBehindARadarAreRefused) {
  const Eigen::Vector2d far(0.0, 600'000.0);
  EXPECT_FALSE(stansfield_fix({strobe(1, kWest, far), strobe(2, kEast, far)}, {0, 1}, kParameters));
  const Eigen::Vector2d near(0.0, 400'000.0);
  EXPECT_TRUE(stansfield_fix({strobe(1, kWest, near), strobe(2, kEast, near)}, {0, 1}, kParameters));
  // West looks north-east, east looks south-east: the lines meet at (0, 20 km), behind the east radar.
  const std::vector<LineOfBearing> away{{1, 0.0, kWest, deg_to_rad(45.0), 0.01}, {2, 0.0, kEast, deg_to_rad(135.0), 0.01}};
  EXPECT_FALSE(stansfield_fix(away, {0, 1}, kParameters));
  EXPECT_TRUE(triangulate(away, kParameters).empty());
}

// Jammers A (-10, 40) km and B (10, 40) km. From the two radars alone the four crossings are A, B
// and the ghosts (0, 80) km (west's line on A, east's on B) and (0, 26.7) km: each strobe goes
// into one fix only, so two fixes, both flagged ambiguous. A third radar at (0, -30) km sees A at
// -8.1 degrees and B at +8.1, while both ghosts lie due north of it, 14 sigmas off its lines: the
// fixes are A and B, of three lines each, not ambiguous.
TEST(Triangulation, AThirdRadarTellsTheJammersFromTheGhosts) {
  const Eigen::Vector2d a(-10'000.0, 40'000.0);
  const Eigen::Vector2d b(10'000.0, 40'000.0);
  std::vector<LineOfBearing> lines{strobe(1, kWest, a), strobe(1, kWest, b), strobe(2, kEast, a), strobe(2, kEast, b)};
  const auto ghost = stansfield_fix(lines, {0, 3}, kParameters);
  ASSERT_TRUE(ghost);
  EXPECT_NEAR((ghost->p_en_m - Eigen::Vector2d(0.0, 80'000.0)).norm(), 0.0, 1e-6);
  const auto two = triangulate(lines, kParameters);
  ASSERT_EQ(two.size(), 2u);
  for (const BearingFix& f : two) EXPECT_TRUE(f.ambiguous);

  const Eigen::Vector2d south(0.0, -30'000.0);
  lines.push_back(strobe(3, south, b));
  lines.push_back(strobe(3, south, a));
  const auto three = triangulate(lines, kParameters);
  ASSERT_EQ(three.size(), 2u);
  for (const BearingFix& f : three) {
    EXPECT_EQ(f.lines.size(), 3u);
    EXPECT_FALSE(f.ambiguous);
    EXPECT_LT(std::min((f.p_en_m - a).norm(), (f.p_en_m - b).norm()), 1e-6);
  }
  EXPECT_GT((three[0].p_en_m - three[1].p_en_m).norm(), 19'999.0);
}

}  // namespace
}  // namespace rampart::tracking
