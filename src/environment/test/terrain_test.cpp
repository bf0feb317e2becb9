#include "environment/terrain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/test/scratch_dir.h"

namespace rampart::environment {
namespace {

// 2 k Re for k = 4/3, Re = 6,371 km: 16,989,333 m.
constexpr double kTwoKRe_m = 2.0 * 4.0 / 3.0 * 6'371'000.0;

// ---- Heights -----------------------------------------------------------------------------------

// 2 x 2 cells of 100 m, south-west centre at (0, 0): h(0,0) = 0, h(1,0) = 100, h(0,1) = 200, h(1,1) = 500.
Terrain four_cells() { return Terrain(0.0, 0.0, 100.0, 2, 2, {0.0F, 100.0F, 200.0F, 500.0F}); }

TEST(TerrainHeight, IsTheCellValueAtCellCentres) {
  const Terrain t = four_cells();
  EXPECT_DOUBLE_EQ(t.height_m(0.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(t.height_m(100.0, 0.0), 100.0);
  EXPECT_DOUBLE_EQ(t.height_m(0.0, 100.0), 200.0);
  EXPECT_DOUBLE_EQ(t.height_m(100.0, 100.0), 500.0);
}

TEST(TerrainHeight, IsBilinearBetweenCentres) {
  const Terrain t = four_cells();
  // Midway along the edges between centres: the mean of the two.
  EXPECT_DOUBLE_EQ(t.height_m(50.0, 0.0), 50.0);
  EXPECT_DOUBLE_EQ(t.height_m(0.0, 50.0), 100.0);
  EXPECT_DOUBLE_EQ(t.height_m(100.0, 50.0), 300.0);
  // The middle: the mean of the four, 200.
  EXPECT_DOUBLE_EQ(t.height_m(50.0, 50.0), 200.0);
  // (25, 75): fx = 1/4, fy = 3/4: 0 + 25 + 150 + (3/16) (0 - 100 - 200 + 500) = 212.5.
  EXPECT_DOUBLE_EQ(t.height_m(25.0, 75.0), 212.5);
}

TEST(TerrainHeight, HoldsTheEdgeInTheOuterHalfCellAndIsSeaOutside) {
  const Terrain t = four_cells();
  EXPECT_DOUBLE_EQ(t.height_m(-40.0, 100.0), 200.0);  // west of the first centre, inside the cell
  EXPECT_DOUBLE_EQ(t.height_m(150.0, 100.0), 500.0);  // on the grid's east edge
  EXPECT_DOUBLE_EQ(t.height_m(150.0, 150.0), 500.0);  // its north-east corner
  EXPECT_DOUBLE_EQ(t.height_m(150.5, 100.0), 0.0);    // beyond: the sea
  EXPECT_DOUBLE_EQ(t.height_m(-50.5, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(t.height_m(50.0, -60.0), 0.0);
  EXPECT_DOUBLE_EQ(t.height_m(50.0, 1e12), 0.0);
  EXPECT_DOUBLE_EQ(t.height_m(std::nan(""), 0.0), 0.0);
  EXPECT_DOUBLE_EQ(t.max_height_m(), 500.0);
}

TEST(TerrainHeight, OneCellGridIsFlatOverItsCell) {
  const Terrain t(1000.0, 2000.0, 10.0, 1, 1, {42.0F});
  EXPECT_DOUBLE_EQ(t.height_m(1000.0, 2000.0), 42.0);
  EXPECT_DOUBLE_EQ(t.height_m(1004.0, 1996.0), 42.0);
  EXPECT_DOUBLE_EQ(t.height_m(1006.0, 2000.0), 0.0);
}

// ---- Synthetic features ------------------------------------------------------------------------

TEST(SyntheticTerrain, HillIsItsHeightAtItsCentreAnd61PercentAtOneSigma) {
  SyntheticTerrain spec{.west_m = -5000.0, .south_m = -5000.0, .east_m = 5000.0, .north_m = 5000.0,
                        .cell_m = 100.0, .base_height_m = 10.0};
  spec.hills.push_back({.east_m = 0.0, .north_m = 0.0, .height_m = 1000.0, .radius_m = 1000.0});
  const Terrain t = Terrain::synthesize(spec);
  EXPECT_EQ(t.cols(), 101);
  EXPECT_EQ(t.rows(), 101);
  EXPECT_NEAR(t.height_m(0.0, 0.0), 1010.0, 1e-3);
  // 10 + 1000 exp(-1/2) = 616.531 m, at one sigma in any direction.
  EXPECT_NEAR(t.height_m(1000.0, 0.0), 616.531, 1e-3);
  EXPECT_NEAR(t.height_m(0.0, -1000.0), 616.531, 1e-3);
  EXPECT_NEAR(t.height_m(-600.0, 800.0), 616.531, 1e-3);
  // At 2 sigma: 10 + 1000 exp(-2) = 145.335 m; at 5 sigma the base.
  EXPECT_NEAR(t.height_m(2000.0, 0.0), 145.335, 1e-3);
  EXPECT_NEAR(t.height_m(5000.0, 0.0), 10.0, 0.01);
}

TEST(SyntheticTerrain, FeaturesAdd) {
  SyntheticTerrain spec{.west_m = -2000.0, .south_m = -2000.0, .east_m = 2000.0, .north_m = 2000.0, .cell_m = 50.0};
  spec.hills.push_back({.east_m = 0.0, .north_m = 0.0, .height_m = 300.0, .radius_m = 500.0});
  spec.ridges.push_back({.from_east_m = -1000.0, .from_north_m = 0.0, .to_east_m = 1000.0, .to_north_m = 0.0,
                         .height_m = 200.0, .half_width_m = 400.0});
  const Terrain t = Terrain::synthesize(spec);
  EXPECT_NEAR(t.height_m(0.0, 0.0), 500.0, 1e-3);
  // 500 m north: the hill at one sigma, 300 exp(-1/2); the ridge's foot is 400 m from its crest.
  EXPECT_NEAR(t.height_m(0.0, 500.0), 300.0 * std::exp(-0.5), 1e-3);
  // 200 m north: 300 exp(-200^2 / (2 500^2)) plus 200 cos^2(pi 200 / 800) = 100.
  EXPECT_NEAR(t.height_m(0.0, 200.0), 300.0 * std::exp(-0.08) + 100.0, 1e-3);
}

TEST(SyntheticTerrain, RidgeHasARaisedCosineProfileAndRoundedEnds) {
  SyntheticTerrain spec{.west_m = -3000.0, .south_m = -8000.0, .east_m = 3000.0, .north_m = 8000.0, .cell_m = 50.0};
  spec.ridges.push_back({.from_east_m = 0.0, .from_north_m = -5000.0, .to_east_m = 0.0, .to_north_m = 5000.0,
                         .height_m = 500.0, .half_width_m = 1000.0});
  const Terrain t = Terrain::synthesize(spec);
  EXPECT_NEAR(t.height_m(0.0, 0.0), 500.0, 1e-3);
  EXPECT_NEAR(t.height_m(0.0, 5000.0), 500.0, 1e-3);     // the crest runs to the end point
  EXPECT_NEAR(t.height_m(500.0, 0.0), 250.0, 1e-3);      // half height at half the half width
  EXPECT_NEAR(t.height_m(-500.0, 3000.0), 250.0, 1e-3);
  EXPECT_NEAR(t.height_m(0.0, 5500.0), 250.0, 1e-3);     // beyond the end: 500 m from it
  EXPECT_NEAR(t.height_m(300.0, 5400.0), 250.0, 1e-3);   // also 500 m from it (3-4-5)
  EXPECT_NEAR(t.height_m(1000.0, 0.0), 0.0, 1e-3);       // the foot
  EXPECT_NEAR(t.height_m(0.0, 6000.0), 0.0, 1e-3);
}

TEST(SyntheticTerrain, ExtentIsRoundedUpToWholeCells) {
  const Terrain t = Terrain::synthesize({.west_m = 0.0, .south_m = 0.0, .east_m = 1050.0, .north_m = 1000.0,
                                         .cell_m = 100.0, .base_height_m = 5.0});
  EXPECT_EQ(t.cols(), 12);
  EXPECT_EQ(t.rows(), 11);
  EXPECT_DOUBLE_EQ(t.height_m(1100.0, 1000.0), 5.0);
}

TEST(SyntheticTerrain, BadDescriptionIsInputError) {
  EXPECT_THROW(Terrain::synthesize({.east_m = 100.0, .north_m = 100.0, .cell_m = 0.0}), InputError);
  EXPECT_THROW(Terrain::synthesize({.west_m = 100.0, .east_m = 0.0, .north_m = 100.0}), InputError);
  EXPECT_THROW(Terrain::synthesize({.east_m = 1e7, .north_m = 100.0, .cell_m = 100.0}), InputError);
  SyntheticTerrain bad_hill{.east_m = 100.0, .north_m = 100.0, .cell_m = 10.0};
  bad_hill.hills.push_back({.height_m = 100.0, .radius_m = 0.0});
  EXPECT_THROW(Terrain::synthesize(bad_hill), InputError);
  SyntheticTerrain bad_ridge{.east_m = 100.0, .north_m = 100.0, .cell_m = 10.0};
  bad_ridge.ridges.push_back({.height_m = 100.0, .half_width_m = -1.0});
  EXPECT_THROW(Terrain::synthesize(bad_ridge), InputError);
}

TEST(SyntheticTerrain, FeaturesGoOnTopOfAReadGrid) {
  Terrain t(0.0, 0.0, 100.0, 3, 3, std::vector<float>(9, 20.0F));
  t.add_features({{.east_m = 100.0, .north_m = 100.0, .height_m = 50.0, .radius_m = 100.0}}, {});
  EXPECT_NEAR(t.height_m(100.0, 100.0), 70.0, 1e-4);
  EXPECT_NEAR(t.height_m(0.0, 100.0), 20.0 + 50.0 * std::exp(-0.5), 1e-4);
  EXPECT_NEAR(t.max_height_m(), 70.0, 1e-4);
}

// ---- Line of sight -----------------------------------------------------------------------------

// A north-south ridge, crest 500 m on (0, -5000)-(0, 5000), foot 1 km from the crest, on 50 m cells
// at sea level. Rays run west to east over 20 km, so the crest is at mid path, where the bulge is
// (1/4) (20 km)^2 / (2 k Re) = 1e8 / 16,989,333 = 5.886 m.
Terrain ridge_terrain() {
  SyntheticTerrain spec{.west_m = -12000.0, .south_m = -8000.0, .east_m = 12000.0, .north_m = 8000.0, .cell_m = 50.0};
  spec.ridges.push_back({.from_east_m = 0.0, .from_north_m = -5000.0, .to_east_m = 0.0, .to_north_m = 5000.0,
                         .height_m = 500.0, .half_width_m = 1000.0});
  return Terrain::synthesize(spec);
}

TEST(LineOfSight, RidgeBlocksARayCrossingItButNotOnePassingAbove) {
  const Terrain t = ridge_terrain();
  const double bulge = 1e8 / kTwoKRe_m;
  EXPECT_NEAR(bulge, 5.886, 1e-3);
  // Both ends at 100 m: 94.1 m over the 500 m crest.
  EXPECT_FALSE(t.line_of_sight(-10000.0, 0.0, 100.0, 10000.0, 0.0, 100.0));
  // Both ends at 600 m: 594.1 m over the crest; the flanks are lower and nearer the ends.
  EXPECT_TRUE(t.line_of_sight(-10000.0, 0.0, 600.0, 10000.0, 0.0, 600.0));
  // The bulge matters: ends at 505 m pass at 499.1 m, below the crest; ends at 507 m pass at 501.1 m.
  EXPECT_FALSE(t.line_of_sight(-10000.0, 0.0, 505.0, 10000.0, 0.0, 505.0));
  EXPECT_TRUE(t.line_of_sight(-10000.0, 0.0, 507.0, 10000.0, 0.0, 507.0));
  // Symmetric.
  EXPECT_FALSE(t.line_of_sight(10000.0, 0.0, 505.0, -10000.0, 0.0, 505.0));
  EXPECT_TRUE(t.line_of_sight(10000.0, 0.0, 507.0, -10000.0, 0.0, 507.0));
  // Sloping: 0 m to 1000 m passes the crest at 500 - 5.886 = 494.1 m: blocked; 0 m to 1020 m at
  // 504.1 m: clear.
  EXPECT_FALSE(t.line_of_sight(-10000.0, 0.0, 0.0, 10000.0, 0.0, 1000.0));
  EXPECT_TRUE(t.line_of_sight(-10000.0, 0.0, 0.0, 10000.0, 0.0, 1020.0));
}

TEST(LineOfSight, RidgeEndIsRounded) {
  const Terrain t = ridge_terrain();
  // 500 m beyond the north end the ridge is 250 m high: a ray at 100 m is blocked, one at 300 m
  // passes at 294.1 m.
  EXPECT_FALSE(t.line_of_sight(-10000.0, 5500.0, 100.0, 10000.0, 5500.0, 100.0));
  EXPECT_TRUE(t.line_of_sight(-10000.0, 5500.0, 300.0, 10000.0, 5500.0, 300.0));
  // 1 km beyond the end the ground is flat: a ray at 100 m sinks only 5.9 m.
  EXPECT_TRUE(t.line_of_sight(-10000.0, 6000.0, 100.0, 10000.0, 6000.0, 100.0));
}

TEST(LineOfSight, EndPointBelowGroundIsRaisedToTheSurface) {
  const Terrain t = ridge_terrain();
  // A point given at 0 m on the crest is at 500 m: it sees a point 10 km east at 500 m (the ray
  // sinks at most 10^8/4/(2 k Re) = 1.5 m below the straight line, over flat ground).
  EXPECT_TRUE(t.line_of_sight(0.0, 0.0, 0.0, 10000.0, 0.0, 500.0));
  // A point given 1 km under the sea-level plain is at 0 m: as the sloping ray above, it sees over
  // the crest to 1020 m but not to 1000 m.
  EXPECT_TRUE(t.line_of_sight(-10000.0, 0.0, -1000.0, 10000.0, 0.0, 1020.0));
  EXPECT_FALSE(t.line_of_sight(-10000.0, 0.0, -1000.0, 10000.0, 0.0, 1000.0));
}

// Radar horizon: masts of h1 and h2 see each other up to sqrt(2 k Re h1) + sqrt(2 k Re h2). At
// 60 km two equal masts need (30 km)^2 / (2 k Re) = 52.97 m; 100 m masts have 2 x 41.22 km.
TEST(LineOfSight, FourThirdsEarthBulgeHidesSeaLevelPointsAndMastsSeeOverIt) {
  EXPECT_NEAR(std::sqrt(kTwoKRe_m * 100.0), 41218.1, 0.1);
  EXPECT_NEAR(30000.0 * 30000.0 / kTwoKRe_m, 52.974, 1e-3);
  // Over the sea, away from a small grid, and over a flat grid at 0 m.
  const Terrain island(500'000.0, 500'000.0, 100.0, 2, 2, {10.0F, 10.0F, 10.0F, 10.0F});
  const Terrain flat = Terrain::synthesize(
      {.west_m = -40'000.0, .south_m = -10'000.0, .east_m = 40'000.0, .north_m = 10'000.0, .cell_m = 200.0});
  for (const Terrain* t : {&island, &flat}) {
    EXPECT_FALSE(t->line_of_sight(-30'000.0, 0.0, 0.0, 30'000.0, 0.0, 0.0));
    EXPECT_TRUE(t->line_of_sight(-30'000.0, 0.0, 100.0, 30'000.0, 0.0, 100.0));
    EXPECT_TRUE(t->line_of_sight(-30'000.0, 0.0, 53.5, 30'000.0, 0.0, 53.5));
    EXPECT_FALSE(t->line_of_sight(-30'000.0, 0.0, 52.5, 30'000.0, 0.0, 52.5));
    // A 100 m mast sees a 10 m boat up to 41.22 + 13.03 = 54.25 km.
    EXPECT_TRUE(t->line_of_sight(0.0, 0.0, 100.0, 0.0, 54'000.0, 10.0));
    EXPECT_FALSE(t->line_of_sight(0.0, 0.0, 100.0, 0.0, 54'500.0, 10.0));
    // Short paths at sea level are blocked too (by a hair), but not a path of zero length.
    EXPECT_FALSE(t->line_of_sight(0.0, 0.0, 0.0, 1000.0, 0.0, 0.0));
    EXPECT_TRUE(t->line_of_sight(5.0, 5.0, 0.0, 5.0, 5.0, 0.0));
  }
  // A path that leaves the grid: the sea part is checked exactly.
  EXPECT_FALSE(flat.line_of_sight(-30'000.0, 0.0, 20.0, 30'000.0, 40'000.0, 20.0));
  EXPECT_TRUE(flat.line_of_sight(-30'000.0, 0.0, 100.0, 30'000.0, 40'000.0, 100.0));
}

// ---- Site mask ---------------------------------------------------------------------------------

TEST(SiteMask, OverTheSeaIsTheRadarHorizon) {
  const auto sea = std::make_shared<const Terrain>(800'000.0, 800'000.0, 100.0, 1, 1, std::vector<float>{0.0F});
  const SiteMask mask(sea, 0.0, 0.0, 100.0, 100'000.0);
  EXPECT_EQ(mask.az_bins(), 3600);
  EXPECT_DOUBLE_EQ(mask.range_step_m(), 50.0);
  // From 100 m, the sea's highest angle is at the horizon, 41.2 km: tan = -2 sqrt(100 / (2 k Re)).
  const double horizon_tan = -2.0 * std::sqrt(100.0 / kTwoKRe_m);
  EXPECT_NEAR(mask.mask_angle_rad(60'000.0, 1.0), std::atan(horizon_tan), 1e-7);
  EXPECT_NEAR(mask.mask_angle_rad(99'000.0, 4.0), std::atan(horizon_tan), 1e-7);
  // At 60 km a target needs (60 - 41.22 km)^2 / (2 k Re) = 20.76 m.
  for (double az : {0.0, 1.0, 3.0, 6.2, -1.0, 7.0}) {
    EXPECT_TRUE(mask.visible(60'000.0, az, 21.5));
    EXPECT_FALSE(mask.visible(60'000.0, az, 20.0));
  }
  // Within the horizon the sea itself is seen (the ray to a point at 0 m clears the nearer sea).
  EXPECT_TRUE(mask.visible(30'000.0, 2.0, 0.0));
  // Beyond the mask's range nothing is known: not visible; within one step nothing masks.
  EXPECT_FALSE(mask.visible(100'001.0, 2.0, 10'000.0));
  EXPECT_DOUBLE_EQ(mask.mask_angle_rad(100'001.0, 2.0), kPi / 2.0);
  EXPECT_TRUE(mask.visible(40.0, 2.0, 0.0));
  EXPECT_DOUBLE_EQ(mask.mask_angle_rad(40.0, 2.0), -kPi / 2.0);
}

TEST(SiteMask, SiteBelowGroundIsRaisedAndRidgeMasksBehindIt) {
  const auto t = std::make_shared<const Terrain>(ridge_terrain());
  const SiteMask mask(t, -10'000.0, 0.0, -20.0, 20'000.0);
  EXPECT_DOUBLE_EQ(mask.site_alt_m(), 0.0);
  const double east = kPi / 2.0;
  // Behind the crest (10 km east, 500 m) at 20 km: the ray grazing the crest passes it at
  // alt / 2 - 5.886 m, so the mask needs alt >= 1011.77 m (the crest is a sample: 200 steps of 50 m).
  EXPECT_NEAR(mask.mask_angle_rad(20'000.0, east), std::atan(500.0 / 10'000.0 - 10'000.0 / kTwoKRe_m), 1e-7);
  EXPECT_FALSE(mask.visible(20'000.0, east, 1011.0));
  EXPECT_TRUE(mask.visible(20'000.0, east, 1012.0));
  // line_of_sight samples the exact ray 25 m apart; between the 50 m cells' centres the terrain is
  // bilinear, lower than the crest, so it finds the same threshold.
  EXPECT_FALSE(t->line_of_sight(-10'000.0, 0.0, -20.0, 10'000.0, 0.0, 1011.0));
  EXPECT_TRUE(t->line_of_sight(-10'000.0, 0.0, -20.0, 10'000.0, 0.0, 1012.0));
  for (double alt : {200.0, 900.0, 1000.0, 1010.0, 1014.0, 1100.0, 3000.0}) {
    EXPECT_EQ(mask.visible(20'000.0, east, alt), t->line_of_sight(-10'000.0, 0.0, -20.0, 10'000.0, 0.0, alt))
        << alt;
  }
  EXPECT_LT(mask.memory_bytes(), 4u << 20);
}

// The mask against line_of_sight over synthetic hills and ridges, for 10 sites and 400 targets
// each. The two sample different points: the mask along each 0.1-degree bin's centre ray at fixed
// 50 m steps, line_of_sight along the exact ray at fractions of its length. They may then disagree
// only for a target whose elevation is within the mask's variation over one bin and one step:
// each disagreement is checked to be such an edge case, and they must be rare.
TEST(SiteMask, AgreesWithLineOfSightExceptAtMaskEdges) {
  std::mt19937_64 rng(7);
  auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  SyntheticTerrain spec{.west_m = -30'000.0, .south_m = -30'000.0, .east_m = 30'000.0, .north_m = 30'000.0,
                        .cell_m = 100.0, .base_height_m = 20.0};
  for (int i = 0; i < 30; ++i)
    spec.hills.push_back({uniform(-30e3, 30e3), uniform(-30e3, 30e3), uniform(100.0, 1200.0), uniform(800.0, 4000.0)});
  for (int i = 0; i < 3; ++i)
    spec.ridges.push_back({uniform(-25e3, 25e3), uniform(-25e3, 25e3), uniform(-25e3, 25e3), uniform(-25e3, 25e3),
                           uniform(200.0, 800.0), uniform(800.0, 2500.0)});
  const auto t = std::make_shared<const Terrain>(Terrain::synthesize(spec));
  int pairs = 0, hidden = 0, disagreements = 0;
  for (int s = 0; s < 10; ++s) {
    const double se = uniform(-20e3, 20e3), sn = uniform(-20e3, 20e3);
    const double salt = t->height_m(se, sn) + 15.0;
    const SiteMask mask(t, se, sn, salt, 30'000.0);
    for (int k = 0; k < 400; ++k) {
      const double range = uniform(200.0, 29'900.0), az = uniform(0.0, kTwoPi);
      const double te = se + range * std::sin(az), tn = sn + range * std::cos(az);
      const double talt = t->height_m(te, tn) + uniform(0.0, 600.0);
      const bool los = t->line_of_sight(se, sn, salt, te, tn, talt);
      const bool seen = mask.visible(range, az, talt);
      ++pairs;
      hidden += !los;
      EXPECT_EQ(seen, mask.elevation_rad(range, talt) >= mask.mask_angle_rad(range, az));
      if (seen == los) continue;
      ++disagreements;
      // An edge: the target's elevation lies within the mask's spread over the neighbouring bins
      // and steps.
      const double bin = kTwoPi / mask.az_bins(), step = mask.range_step_m();
      double lo = kPi, hi = -kPi;
      for (double daz : {-bin, 0.0, bin}) {
        for (double dr : {-step, 0.0, step}) {
          const double m = mask.mask_angle_rad(range + dr, az + daz);
          lo = std::min(lo, m);
          hi = std::max(hi, m);
        }
      }
      const double el = mask.elevation_rad(range, talt);
      EXPECT_TRUE(el >= lo - 1e-9 && el <= hi + 1e-9) << "site " << se << "," << sn << " range " << range
                                                       << " az " << az << " alt " << talt;
    }
  }
  std::cout << pairs << " pairs, " << hidden << " hidden by line_of_sight, " << disagreements
            << " disagreements\n";
  EXPECT_GT(hidden, pairs / 10);  // the terrain does mask
  EXPECT_LT(hidden, pairs * 9 / 10);
  EXPECT_LE(disagreements, pairs / 200);  // at most 0.5%
}

// ---- ESRI ASCII raster -------------------------------------------------------------------------

class EsriTest : public test::ScratchDirTest {};

constexpr const char* kGood =
    "ncols 3\n"
    "nrows 2\n"
    "xllcorner 1000\n"
    "yllcorner -500\n"
    "cellsize 100\n"
    "NODATA_value -9999\n"
    "10 20 30.5\n"
    "40 -9999 -60\n";

TEST_F(EsriTest, ReadsAGoodFileNorthRowFirstWithNoDataAsSea) {
  const Terrain t = Terrain::read_esri_ascii(write("good.asc", kGood));
  EXPECT_EQ(t.cols(), 3);
  EXPECT_EQ(t.rows(), 2);
  EXPECT_DOUBLE_EQ(t.cell_m(), 100.0);
  EXPECT_DOUBLE_EQ(t.west_m(), 1050.0);  // the corner plus half a cell
  EXPECT_DOUBLE_EQ(t.south_m(), -450.0);
  EXPECT_DOUBLE_EQ(t.cell_height_m(0, 0), 40.0);  // the last line is the southmost row
  EXPECT_DOUBLE_EQ(t.cell_height_m(1, 0), 0.0);   // NODATA
  EXPECT_DOUBLE_EQ(t.cell_height_m(2, 0), -60.0);
  EXPECT_DOUBLE_EQ(t.cell_height_m(2, 1), 30.5);
  EXPECT_DOUBLE_EQ(t.height_m(1050.0, -350.0), 10.0);
  EXPECT_DOUBLE_EQ(t.height_m(1100.0, -350.0), 15.0);
}

TEST_F(EsriTest, RoundTripsAndAcceptsCentresCaseBlankLinesAndCrLf) {
  const Terrain t = Terrain::read_esri_ascii(write("good.asc", kGood));
  const Terrain back = Terrain::read_esri_ascii(write("back.asc", t.to_esri_ascii()));
  EXPECT_EQ(back.cols(), t.cols());
  EXPECT_EQ(back.rows(), t.rows());
  EXPECT_DOUBLE_EQ(back.west_m(), t.west_m());
  EXPECT_DOUBLE_EQ(back.south_m(), t.south_m());
  EXPECT_DOUBLE_EQ(back.cell_m(), t.cell_m());
  for (int r = 0; r < t.rows(); ++r)
    for (int c = 0; c < t.cols(); ++c) EXPECT_EQ(back.cell_height_m(c, r), t.cell_height_m(c, r));

  const Terrain other = Terrain::read_esri_ascii(
      write("other.asc", "NCOLS\t2\r\nNRows 1\r\n\r\nXLLCENTER 5\r\nyllcenter 7\r\nCellSize 2.5\r\n1 2\r\n\r\n"));
  EXPECT_DOUBLE_EQ(other.west_m(), 5.0);
  EXPECT_DOUBLE_EQ(other.south_m(), 7.0);
  EXPECT_DOUBLE_EQ(other.height_m(7.5, 7.0), 2.0);
}

// The example of docs/terrain.md.
TEST_F(EsriTest, ReadsTheDocumentedExample) {
  const Terrain t = Terrain::read_esri_ascii(write("doc.asc",
                                                   "ncols        4\n"
                                                   "nrows        3\n"
                                                   "xllcorner    -200\n"
                                                   "yllcorner    -150\n"
                                                   "cellsize     100\n"
                                                   "NODATA_value -9999\n"
                                                   " 12.5  30  41  38\n"
                                                   " 10    22  35  -9999\n"
                                                   "  0     5  18  20\n"));
  EXPECT_DOUBLE_EQ(t.west_m(), -150.0);
  EXPECT_DOUBLE_EQ(t.south_m(), -100.0);
  EXPECT_DOUBLE_EQ(t.height_m(-150.0, 100.0), 12.5);
  EXPECT_DOUBLE_EQ(t.height_m(150.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(t.height_m(150.0, -100.0), 20.0);
}

TEST_F(EsriTest, MissingFileIsInputError) {
  EXPECT_THROW(Terrain::read_esri_ascii((dir_ / "none.asc").string()), InputError);
}

struct BadCase {
  const char* name;
  std::string text;
  const char* place;  ///< LINE:COL
  const char* says;
};

TEST_F(EsriTest, EveryMalformedFileIsInputErrorAtItsLineAndColumn) {
  const std::string h = "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 100\n";
  const std::string rows = "1 2 3\n4 5 6\n";
  const std::vector<BadCase> cases = {
      {"empty", "", "1:1", "no ncols"},
      {"no_cellsize", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\n" + rows, "5:1", "no cellsize"},
      {"no_y", "ncols 3\nnrows 2\nxllcorner 0\ncellsize 100\n" + rows, "5:1", "no yllcorner"},
      {"header_only", h, "6:1", "the file ends after 0 rows"},
      {"duplicate", "ncols 3\nNCOLS 3\n" + h.substr(8) + rows, "2:1", "repeats"},
      {"corner_and_centre", h + "xllcenter 50\n" + rows, "6:1", "repeats 'xllcorner'"},
      {"unknown_key", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsise 100\n" + rows, "5:1", "unknown header key"},
      {"dx", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ndx 100\n" + rows, "5:1", "non-square"},
      {"key_without_value", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize\n" + rows, "5:9", "needs one value"},
      {"key_two_values", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 100 200\n" + rows, "5:14",
       "needs one value"},
      {"header_not_number", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1OO\n" + rows, "5:10",
       "not a number"},
      {"zero_cellsize", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 0\n" + rows, "5:10", "greater than 0"},
      {"negative_cellsize", "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize -100\n" + rows, "5:10",
       "greater than 0"},
      {"zero_ncols", "ncols 0\n" + h.substr(8) + rows, "1:7", "ncols is 0"},
      {"fraction_ncols", "ncols 2.5\n" + h.substr(8) + rows, "1:7", "whole number"},
      {"huge_ncols", "ncols 9000\n" + h.substr(8) + rows, "1:7", "8192"},
      {"negative_nrows", "ncols 3\nnrows -2\n" + h.substr(16) + rows, "2:7", "nrows is -2"},
      {"short_row", h + "1 2\n4 5 6\n", "6:4", "fewer than ncols"},
      {"long_row", h + "1 2 3\n4 5 6 7\n", "7:7", "more than ncols"},
      {"row_not_number", h + "1 2 3\n4 x 6\n", "7:3", "'x' is not a number"},
      {"row_nan", h + "1 nan 3\n4 5 6\n", "6:3", "not a number"},
      {"too_few_rows", h + "1 2 3\n", "7:1", "ends after 1 rows"},
      {"trailing_junk", h + rows + "\nend\n", "9:1", "unexpected text"},
      {"trailing_row", h + rows + "7 8 9\n", "8:1", "unexpected text"},
      {"too_high", h + "1 9500 3\n4 5 6\n", "6:3", "outside"},
      {"too_low", h + "1 2 3\n4 5 -600\n", "7:5", "outside"},
      {"nodata_not_number", h + "NODATA_value none\n" + rows, "6:14", "not a number"},
  };
  for (const BadCase& c : cases) {
    const std::string path = write(std::string(c.name) + ".asc", c.text);
    try {
      Terrain::read_esri_ascii(path);
      ADD_FAILURE() << c.name << ": no error";
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.rfind(path + ":" + c.place + ": ", 0), 0u) << c.name << ": " << message;
      EXPECT_NE(message.find(c.says), std::string::npos) << c.name << ": " << message;
      EXPECT_NE(message.find("; "), std::string::npos) << c.name << " says no fix: " << message;
    }
  }
}

}  // namespace
}  // namespace rampart::environment
