#include "core/geodesy.h"

#include <gtest/gtest.h>

#include <tuple>

#include "core/units.h"

namespace rampart {
namespace {

// GeographicLib's published example for its Geocentric class (examples/example-Geocentric.cpp):
// Mount Everest, 27.99N 86.93E 8820 m, is at 302 5636 2980 km in ECEF, rounded to the kilometre.
TEST(Geodesy, GeodeticToEcefMatchesGeographicLibExample) {
  const Eigen::Vector3d p = geodetic_to_ecef({27.99, 86.93, 8820.0});
  EXPECT_EQ(std::floor(p.x() / 1000 + 0.5), 302.0);
  EXPECT_EQ(std::floor(p.y() / 1000 + 0.5), 5636.0);
  EXPECT_EQ(std::floor(p.z() / 1000 + 0.5), 2980.0);
  const Geodetic back = ecef_to_geodetic(p);
  EXPECT_NEAR(back.lat_deg, 27.99, 1e-10);
  EXPECT_NEAR(back.lon_deg, 86.93, 1e-10);
  EXPECT_NEAR(back.alt_m, 8820.0, 1e-6);
}

TEST(Geodesy, LocalFrameRoundTripsAndPointsUpAtOrigin) {
  const LocalFrame frame({33.0, 44.0, 20.0});
  const Geodetic g{33.5, 44.7, 12000.0};
  const Eigen::Vector3d enu = frame.to_enu(g);
  EXPECT_GT(enu.x(), 0.0);
  EXPECT_GT(enu.y(), 0.0);
  const Geodetic back = frame.to_geodetic(enu);
  EXPECT_NEAR(back.lat_deg, g.lat_deg, 1e-9);
  EXPECT_NEAR(back.lon_deg, g.lon_deg, 1e-9);
  EXPECT_NEAR(back.alt_m, g.alt_m, 1e-6);
  const Eigen::Vector3d above = frame.to_enu({33.0, 44.0, 1020.0});
  EXPECT_NEAR(above.x(), 0.0, 1e-6);
  EXPECT_NEAR(above.y(), 0.0, 1e-6);
  EXPECT_NEAR(above.z(), 1000.0, 1e-6);
}

TEST(Geodesy, WgsEquatorAndPole) {
  const Eigen::Vector3d equator = geodetic_to_ecef({0.0, 0.0, 0.0});
  EXPECT_NEAR(equator.x(), 6378137.0, 1e-6);  // WGS-84 semi-major axis
  const Eigen::Vector3d pole = geodetic_to_ecef({90.0, 0.0, 0.0});
  EXPECT_NEAR(pole.z(), 6356752.314245, 1e-5);  // WGS-84 semi-minor axis
}

TEST(Geodesy, SurfacePointKeepsAltitudeAboveTheCurvedEarth) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  const Geodetic g = frame.surface_point(0.0, 200'000.0, 100.0);
  EXPECT_NEAR(g.alt_m, 100.0, 1e-9);
  // 200 km away the tangent plane is about d^2/(2R) = 3.1 km above the ellipsoid, so a point at
  // 100 m altitude lies well below the origin's tangent plane.
  EXPECT_LT(frame.to_enu(g).z(), -2900.0);
  const Eigen::Vector3d p = frame.surface_point_enu(0.0, 200'000.0, 100.0);
  EXPECT_LT((p - frame.to_enu(g)).norm(), 1e-6);
  EXPECT_LT(std::abs(p.x()), 1e-6);  // due north of the origin, so no east offset
}

TEST(Geodesy, MapPointInvertsSurfacePoint) {
  const LocalFrame frame({35.0, -30.0, 250.0});
  for (const auto& [east_m, north_m, alt_m] : {std::tuple{0.0, 0.0, 0.0}, std::tuple{-150'000.0, 80'000.0, 9000.0},
                                               std::tuple{300'000.0, -250'000.0, -50.0}}) {
    const Eigen::Vector3d back = frame.map_point(frame.surface_point(east_m, north_m, alt_m));
    EXPECT_NEAR(back.x(), east_m, 1e-5);
    EXPECT_NEAR(back.y(), north_m, 1e-5);
    EXPECT_NEAR(back.z(), alt_m, 1e-6);
  }
}

TEST(Geodesy, RotationBetweenFramesMatchesEcefDifferences) {
  const LocalFrame a({35.0, -30.0, 0.0});
  const LocalFrame b({35.5, -29.2, 300.0});
  const Geodetic target{35.2, -29.8, 9000.0};
  const Eigen::Vector3d in_b = b.to_enu(target);
  const Eigen::Vector3d b_in_a = a.to_enu(b.origin());
  const Eigen::Vector3d via_rotation = a.rotation_from(b) * in_b + b_in_a;
  EXPECT_LT((via_rotation - a.to_enu(target)).norm(), 1e-6);
}

TEST(Units, AngleWrapping) {
  EXPECT_NEAR(wrap_two_pi(-0.5), kTwoPi - 0.5, 1e-12);
  EXPECT_NEAR(wrap_pi(kPi + 0.25), -kPi + 0.25, 1e-12);
  EXPECT_NEAR(azimuth_rad(1.0, 0.0), kPi / 2.0, 1e-12);
  EXPECT_NEAR(azimuth_rad(-1.0, 0.0), 1.5 * kPi, 1e-12);
}

TEST(RadarHeight, HeightAndElevationAreInversesAndMatchFlatEarthNearby) {
  // Close in, the earth is flat: 1 km at 30 deg is 500 m above a 20 m antenna.
  EXPECT_NEAR(height_from_slant_m(1000.0, deg_to_rad(30.0), 20.0), 520.0, 0.1);
  // At 200 km and 0 deg the earth has dropped r^2 / 2R = 3139 m away from the beam.
  EXPECT_NEAR(height_from_slant_m(200000.0, 0.0, 0.0), 200000.0 * 200000.0 / (2.0 * kEarthRadius_m), 1.0);
  for (double r_m : {5000.0, 80000.0, 250000.0}) {
    for (double el_deg : {-1.0, 0.5, 3.0, 20.0}) {
      const double h_m = height_from_slant_m(r_m, deg_to_rad(el_deg), 415.0);
      EXPECT_NEAR(rad_to_deg(elevation_from_height_rad(r_m, h_m, 415.0)), el_deg, 1e-9) << r_m << " m " << el_deg;
    }
  }
  EXPECT_NEAR(elevation_from_height_rad(1000.0, 1e6, 0.0), kPi / 2, 1e-12);  // out of reach: clamped
}

}  // namespace
}  // namespace rampart
