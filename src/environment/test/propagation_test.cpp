#include "environment/propagation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"

namespace rampart::environment {
namespace {

constexpr double kFourThirds = 4.0 / 3.0;
constexpr double kFlat = 1e6;  // an Earth a million times larger: flat to the test's precision

double db20(double f) { return 20.0 * std::log10(f); }

TEST(ReflectionGeometry, FlatEarthLimit) {
  // h1 = 20 m, h2 = 10 m, d = 2 km over a flat Earth: d1 = d h1 / (h1 + h2) = 1333.33 m,
  // tan psi = (h1 + h2) / d = 0.015, delta = sqrt(d^2 + 30^2) - sqrt(d^2 + 10^2) = 0.199990 m
  // (2 h1 h2 / d = 0.2 m to first order), theta_d = -atan(10 / 2000), theta_r = -psi.
  const ReflectionGeometry g = reflection_geometry(20.0, 10.0, 2000.0, kFlat);
  ASSERT_TRUE(g.line_of_sight);
  EXPECT_NEAR(g.reflection_ground_range_m, 2000.0 * 20.0 / 30.0, 1e-3);
  EXPECT_NEAR(g.grazing_rad, std::atan(0.015), 1e-9);
  const double exact = std::hypot(2000.0, 30.0) - std::hypot(2000.0, 10.0);
  EXPECT_NEAR(g.path_difference_m, exact, 1e-6);
  EXPECT_NEAR(g.path_difference_m, 0.2, 1e-4);
  EXPECT_NEAR(g.direct_elevation_rad, -std::atan(10.0 / 2000.0), 1e-9);
  EXPECT_NEAR(g.reflected_elevation_rad, -std::atan(0.015), 1e-9);
  EXPECT_NEAR(g.divergence, 1.0, 1e-6);
  // The 4/3 Earth at short range: the heights above the reflection point's tangent plane are
  // lower by d_i^2 / (2 a_e) = 0.105 m and 0.026 m, delta = 2 (19.895)(9.974) / 2000 = 0.1984 m.
  const ReflectionGeometry curved = reflection_geometry(20.0, 10.0, 2000.0, kFourThirds);
  EXPECT_NEAR(curved.path_difference_m, 2.0 * 20.0 * 10.0 / 2000.0, 0.002);
  EXPECT_NEAR(curved.path_difference_m, 0.1984, 2e-4);
}

TEST(ReflectionGeometry, SphericalHandWorked) {
  // h1 = h2 = 100 m, d = 40 km, a_e = 4/3 x 6371 km = 8494.667 km. By symmetry d1 = d/2 = 20 km.
  // Heights above the tangent plane at the reflection point: h' = 100 - 20000^2 / (2 a_e)
  // = 100 - 23.544 = 76.456 m; psi = h' / d1 = 3.8228e-3 rad; delta = 2 h'^2 / d = 0.29227 m;
  // D = (1 + 2 d1 d2 / (a_e d psi))^-1/2 = (1 + 8e8 / 1.2989e9)^-1/2 = 0.78667.
  const ReflectionGeometry g = reflection_geometry(100.0, 100.0, 40000.0, kFourThirds);
  ASSERT_TRUE(g.line_of_sight);
  EXPECT_NEAR(g.reflection_ground_range_m, 20000.0, 1e-6);
  EXPECT_NEAR(g.grazing_rad, 3.8228e-3, 1e-6);
  EXPECT_NEAR(g.path_difference_m, 0.29227, 3e-4);
  EXPECT_NEAR(g.divergence, 0.78667, 1e-3);

  // An asymmetric case, h1 = 415 m, h2 = 10 m, d = 50 km: d1 satisfies Kerr's cubic, and the
  // reflection is specular: tan psi = h1/d1 - d1/(2 a_e) = h2/d2 - d2/(2 a_e).
  const double a = kFourThirds * kEarthRadius_m, d = 50000.0;
  const ReflectionGeometry s = reflection_geometry(415.0, 10.0, d, kFourThirds);
  ASSERT_TRUE(s.line_of_sight);
  const double d1 = s.reflection_ground_range_m, d2 = d - d1;
  const double cubic = 2 * d1 * d1 * d1 - 3 * d * d1 * d1 + (d * d - 2 * a * 425.0) * d1 + 2 * a * 415.0 * d;
  EXPECT_NEAR(cubic / (2 * a * 415.0 * d), 0.0, 1e-9);
  EXPECT_NEAR(415.0 / d1 - d1 / (2 * a), 10.0 / d2 - d2 / (2 * a), 2e-6);
  EXPECT_NEAR(s.grazing_rad, 10.0 / d2 - d2 / (2 * a), 2e-6);
  // Flat-earth values would be far off: d1 = 48.82 km there, delta = 0.166 m.
  EXPECT_LT(s.path_difference_m, 0.9 * 2.0 * 415.0 * 10.0 / d);
}

TEST(ReflectionGeometry, HorizonAndGroundRange) {
  // Horizon of h1 = 15 m and h2 = 10 m: sqrt(2 a_e 15) + sqrt(2 a_e 10) = 15.963 + 13.034 km.
  const double a = kFourThirds * kEarthRadius_m;
  EXPECT_NEAR(horizon_ground_range_m(15.0, 10.0), std::sqrt(2 * a * 15.0) + std::sqrt(2 * a * 10.0), 1.0);
  EXPECT_FALSE(reflection_geometry(15.0, 10.0, 29100.0).line_of_sight);
  EXPECT_TRUE(reflection_geometry(15.0, 10.0, 28900.0).line_of_sight);
  // ground_range_m inverts the direct range.
  for (const double d : {1000.0, 30000.0, 90000.0}) {
    const ReflectionGeometry g = reflection_geometry(415.0, 40.0, d);
    EXPECT_NEAR(ground_range_m(415.0, 40.0, g.direct_range_m), d, 1e-3) << d;
  }
}

TEST(Fresnel, SeaWaterAtThreeGigahertz) {
  // Sea water at 3 GHz: eps = 68.5 - j 60 (0.09993)(6.6) = 68.5 - j 39.57 (the Debye model).
  const Surface sea = sea_water(3e9);
  EXPECT_NEAR(sea.relative_permittivity, 68.5, 0.5);
  EXPECT_NEAR(sea.conductivity_S_per_m, 6.6, 0.2);
  const double lambda = kSpeedOfLight_mps / 3e9;
  const std::complex<double> eps = complex_permittivity(Surface{68.5, 6.6, 0.0}, lambda);
  EXPECT_NEAR(eps.imag(), -39.57, 0.05);
  // Gamma_H = (sin psi - sqrt(eps - cos^2 psi)) / (sin psi + sqrt(...)); sqrt(67.5 - j39.57)
  // = 8.536 - j2.318. At 0.1 deg: -1 + 2 sin psi / 8.8 = -0.99962 + j1.0e-4.
  const auto h = [&](double deg) { return fresnel_reflection(deg_to_rad(deg), eps, Polarization::kHorizontal); };
  const auto v = [&](double deg) { return fresnel_reflection(deg_to_rad(deg), eps, Polarization::kVertical); };
  EXPECT_NEAR(h(0.1).real(), -0.99962, 1e-4);
  EXPECT_NEAR(std::abs(h(1.0)), 0.99620, 1e-4);
  // 10 deg: (0.17365 - 8.536 + j2.318) / (0.17365 + 8.536 - j2.318), |.| = 8.678 / 9.013 = 0.9628.
  EXPECT_NEAR(std::abs(h(10.0)), 0.9628, 1e-3);
  // Vertical: -1 at grazing too, but falls to a pseudo-Brewster minimum near 7 deg.
  EXPECT_NEAR(v(0.1).real(), -0.970, 2e-3);
  EXPECT_NEAR(std::abs(v(1.0)), 0.738, 2e-3);
  EXPECT_NEAR(std::abs(v(10.0)), 0.2525, 2e-3);
  // Normal incidence: Gamma_V = -Gamma_H = (sqrt eps - 1) / (sqrt eps + 1), |.| = 0.8042.
  EXPECT_NEAR(std::abs(h(90.0) + v(90.0)), 0.0, 1e-12);
  EXPECT_NEAR(std::abs(h(90.0)), 0.8042, 1e-3);
}

TEST(Roughness, AmentAndMillerBrown) {
  // g = 4 pi sigma_h sin psi / lambda; sigma_h = 0.22 m (sea state 3), lambda = 0.1 m, psi = 1 deg:
  // g = 4 pi 0.22 0.017452 / 0.1 = 0.48249, g^2/2 = 0.11640: Ament e^-0.1164 = 0.89012;
  // Miller-Brown e^-0.1164 I0(0.1164) = 0.89012 x 1.003392 = 0.89314.
  EXPECT_NEAR(sea_state_rms_height_m(3.0), 0.875 / 4.0, 1e-12);
  EXPECT_NEAR(roughness_factor(0.22, deg_to_rad(1.0), 0.1, Roughness::kAment), 0.89012, 1e-4);
  EXPECT_NEAR(roughness_factor(0.22, deg_to_rad(1.0), 0.1, Roughness::kMillerBrown), 0.89314, 1e-4);
  EXPECT_DOUBLE_EQ(roughness_factor(0.0, 0.3, 0.1), 1.0);
  for (const double x : {0.0, 0.5, 2.0, 3.7, 3.8, 10.0, 100.0}) {
    const double exact = std::exp(-x) * std::cyl_bessel_i(0.0, x);
    EXPECT_NEAR(scaled_bessel_i0(x), exact, 1e-6 * exact) << x;
  }
}

// A perfectly conducting flat surface: rho = -1 (H), D = 1.
Propagation mirror(double radar_height_m) {
  Propagation::Options o;
  o.frequency_hz = 3e9;
  o.radar_height_m = radar_height_m;
  o.surface = Surface{1.0, 1e12, 0.0};
  o.k_factor = kFlat;
  return Propagation(o);
}

TEST(Propagation, LobePeakAndNullOverAMirror) {
  // F = |1 - exp(-j 2 pi delta / lambda)| = 2 |sin(pi delta / lambda)| with delta = 2 h1 h2 / d:
  // the first lobe's peak at delta = lambda/2, d = 4 h1 h2 / lambda (F = 2), the first null at
  // delta = lambda, d = 2 h1 h2 / lambda (F = 0). h1 = 20 m, h2 = 100 m, lambda = 0.099931 m.
  const Propagation p = mirror(20.0);
  const double lambda = p.wavelength_m();
  const double peak_d = 4.0 * 20.0 * 100.0 / lambda;
  const double null_d = 2.0 * 20.0 * 100.0 / lambda;
  EXPECT_EQ(p.path(100.0, peak_d).region, Region::kInterference);
  EXPECT_NEAR(p.factor(100.0, peak_d), 2.0, 1e-3);
  EXPECT_NEAR(p.factor(100.0, null_d), 0.0, 1e-2);
  // Half way in phase (delta = 3 lambda / 4): F = 2 sin(3 pi / 4) = sqrt 2.
  EXPECT_NEAR(p.factor(100.0, 2.0 * 20.0 * 100.0 / (0.75 * lambda)), std::sqrt(2.0), 1e-2);
  // The antenna pattern weights the two rays: f_d = 1, f_r = 0.5 at the peak -> 1 + 0.5.
  EXPECT_NEAR(p.factor(p.path(100.0, peak_d), 1.0, 0.5), 1.5, 1e-3);
  // Free space: F = f(theta_d).
  Propagation::Options o = p.options();
  o.multipath = false;
  EXPECT_DOUBLE_EQ(Propagation(o).factor(p.path(100.0, peak_d), 0.7, 0.5), 0.7);
}

TEST(Propagation, FirstLobeElevation) {
  // The first lobe's peak is at elevation theta = lambda / (4 h1): 0.099931 / 80 = 1.2491e-3 rad
  // for h1 = 20 m. Scan the target's height at a fixed range.
  for (const double k : {kFlat, kFourThirds}) {
    Propagation::Options o;
    o.frequency_hz = 3e9;
    o.radar_height_m = 20.0;
    o.surface = sea_water(3e9);
    o.k_factor = k;
    const Propagation p(o);
    const double d = 3000.0;
    double best_f = 0.0, best_h = 0.0;
    for (double h = 0.05; h < 8.0; h += 0.005) {
      const double f = p.factor(h, d);
      if (f > best_f) best_f = f, best_h = h;
    }
    const double expected = p.wavelength_m() / (4.0 * 20.0);
    // Sea water H-pol: |rho| ~ 0.99 at these grazing angles, so the peak is ~1.99.
    EXPECT_GT(best_f, 1.95) << k;
    EXPECT_NEAR(best_h / d, expected, (k == kFlat ? 0.01 : 0.05) * expected) << k;
  }
}

TEST(Propagation, DiffractionBeyondTheHorizon) {
  // h1 = 15 m, h2 = 10 m, 3 GHz, sea state 0: the horizon is at 29.0 km. Beyond it F decays as
  // the first diffraction mode: X per metre = (pi / (lambda a_e^2))^(1/3) = 7.580e-5, so from 50 to
  // 60 km 20 log F changes by 10 log(60/50) - 17.6 (0.758) = 0.792 - 13.341 = -12.55 dB.
  Propagation::Options o;
  o.frequency_hz = 3e9;
  o.radar_height_m = 15.0;
  o.surface = sea_surface(0.0, 3e9);
  const Propagation p(o);
  EXPECT_EQ(p.path(10.0, 30000.0).region, Region::kDiffraction);
  EXPECT_NEAR(db20(p.factor(10.0, 60000.0)) - db20(p.factor(10.0, 50000.0)), -12.55, 0.05);
  double previous = p.factor(10.0, 29100.0);
  EXPECT_LT(previous, 0.3);
  for (double d = 30000.0; d <= 80000.0; d += 5000.0) {
    const double f = p.factor(10.0, d);
    EXPECT_LT(f, previous) << d;
    previous = f;
  }
  EXPECT_LT(db20(previous), -60.0);
  // Continuity: F in dB moves smoothly across the end of the interference region and the horizon.
  const double limit = p.interference_limit_ground_range_m(10.0);
  EXPECT_GT(limit, 5000.0);
  EXPECT_LT(limit, 29000.0);
  // The limit (solved with small-angle geometry) is where the exact path difference is lambda/6.
  EXPECT_NEAR(reflection_geometry(15.0, 10.0, limit).path_difference_m / (p.wavelength_m() / 6.0), 1.0, 0.02);
  EXPECT_EQ(p.path(10.0, limit - 100.0).region, Region::kInterference);
  EXPECT_EQ(p.path(10.0, limit + 100.0).region, Region::kIntermediate);
  const double horizon = horizon_ground_range_m(15.0, 10.0);
  EXPECT_NEAR(db20(p.factor(10.0, horizon - 1.0)), db20(p.factor(10.0, horizon + 1.0)), 0.1);
  // (Past the last null, delta = lambda at d = 2 h1 h2 / lambda = 3 km.)
  double last_db = db20(p.factor(10.0, 5000.0));
  for (double d = 5000.0; d < 40000.0; d += 50.0) {
    const double now = db20(p.factor(10.0, d));
    EXPECT_LT(std::abs(now - last_db), 1.5) << d;
    last_db = now;
  }
  // Free space: F = 1 inside the horizon, 0 beyond.
  o.multipath = false;
  const Propagation free(o);
  EXPECT_DOUBLE_EQ(free.factor(10.0, 20000.0), 1.0);
  EXPECT_DOUBLE_EQ(free.factor(10.0, 30000.0), 0.0);
}

TEST(Propagation, PatternCallableSeesTheTwoElevations) {
  Propagation::Options o;
  o.radar_height_m = 415.0;
  o.surface = sea_surface(3.0, 3e9);
  const Propagation p(o);
  double seen[2] = {0.0, 0.0};
  int calls = 0;
  const double f = p.factor(40.0, 30000.0, [&](double elevation_rad) {
    seen[calls++] = elevation_rad;
    return 1.0;
  });
  ASSERT_EQ(calls, 2);
  const Propagation::Path path = p.path(40.0, 30000.0);
  EXPECT_DOUBLE_EQ(seen[0], path.geometry.direct_elevation_rad);
  EXPECT_DOUBLE_EQ(seen[1], path.geometry.reflected_elevation_rad);
  EXPECT_DOUBLE_EQ(f, p.factor(path, 1.0, 1.0));
  EXPECT_LT(path.geometry.reflected_elevation_rad, path.geometry.direct_elevation_rad);
}

}  // namespace
}  // namespace rampart::environment
