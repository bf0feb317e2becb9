// The surveillance radar in its environment (sensors/radar.h): the antenna's elevation pattern,
// multipath over the sea, clutter and the MTI, noise jamming and strobes, terrain masks, and the
// measurement model (SINR-dependent accuracy, bias, radial speed, resolution), against values
// worked by hand from the formulas in the headers.
//
// The test radar (test_radar.h): 1 MW, 35 dB, 3 GHz (lambda = 0.09993 m), 1 us (c tau / 2 =
// 149.9 m), F = 3 dB, L = 6 dB, 10 pulses integrated coherently, Pfa 1e-6, 2 degree azimuth
// beam, antenna 10 m above the sea at the scenario origin. Its default antenna is a
// cosecant-squared fan of theta_E = 26,000 / (3162.3 x 2) = 4.111 degrees, el_1 = 2.0555 degrees,
// el_max = 60 degrees, sidelobes -30 dB. SNR of 1 m^2 at 1 m:
//   Pt G^2 lambda^2 n / ((4 pi)^3 k T0 F B L) = 1.582e22.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "core/units.h"
#include "environment/clutter.h"
#include "environment/jamming.h"
#include "environment/propagation.h"
#include "environment/terrain.h"
#include "sensors/radar.h"
#include "sensors/test/test_radar.h"

namespace rampart::sensors {
namespace {

const LocalFrame kFrame({35.0, -30.0, 0.0});

world::Entity target_at(std::uint32_t id, double east_m, double north_m, double alt_m, double rcs_m2) {
  return sensors::target_at(kFrame, id, east_m, north_m, alt_m, rcs_m2);
}

/// The target's geometry in the radar's frame, worked independently of the radar: el_rad the
/// straight line's (true Earth), direct_el_rad the direct ray's over the 4/3 Earth, where the
/// antenna sees it (test_radar.h), from the 10 m antenna over the target's horizontal distance d.
/// Four sinc^2 beams 3.5 deg tall centred at 1, 4, 7, 10 deg (3 deg apart), floor -30 dB.
environment::AntennaSpec four_stacked_beams() {
  return {.shape = environment::MainLobeShape::kSincSquared,
          .coverage = environment::ElevationCoverage::kStackedBeams,
          .beamwidth_az_deg = 2.0,
          .beamwidth_el_deg = 3.5,
          .tilt_deg = 1.0,
          .upper_elevation_deg = 10.0,
          .beams = 4,
          .sidelobe_level_db = -30.0};
}

struct Polar {
  double range_m, ground_range_m, az_rad, el_rad, direct_el_rad;
};
Polar polar(const SurveillanceRadar& radar, const world::Entity& e) {
  const Eigen::Vector3d local = radar.frame().to_enu(e.geodetic);
  const double ground = local.head<2>().norm();
  const double antenna_alt_m = radar.spec().site_alt_m + radar.spec().antenna_height_m;
  return {local.norm(), ground, azimuth_rad(local.x(), local.y()), std::atan2(local.z(), ground),
          direct_elevation_rad(antenna_alt_m, e.geodetic.alt_m, ground)};
}

/// A sinc^2 main lobe by hand: (sin u / u)^2, u = 1.391557 x / (theta / 2), zero past the null.
double sinc2(double off_rad, double beamwidth_rad) {
  const double u = 2.0 * 1.39155737825151 * std::abs(off_rad) / beamwidth_rad;
  if (u < 1e-8) return 1.0;
  if (u >= kPi) return 0.0;
  const double s = std::sin(u) / u;
  return s * s;
}

/// The radar's link as environment/jamming.h takes it: the test radar's numbers.
environment::RadarLink test_link() { return {1e6, 35.0, 3e9, 1e-6, 3.0, 6.0, 10}; }

/// J/N by hand: ERP G g lambda^2 / ((4 pi)^2 R^2 L_j) x min(1, B_r / B_j) / (k T0 F B_r).
double jn_by_hand(const environment::NoiseJammer& j, double range_m, double gain_ratio) {
  const double lambda = kSpeedOfLight_mps / 3e9;
  const double b_r = 1e6;
  const double jam = j.power_w * db_to_ratio(j.antenna_gain_db) * db_to_ratio(35.0) * gain_ratio * lambda * lambda /
                     (std::pow(4.0 * kPi, 2) * range_m * range_m * db_to_ratio(j.losses_db)) *
                     std::min(1.0, b_r / j.bandwidth_hz);
  return jam / (kBoltzmann_JpK * 290.0 * db_to_ratio(3.0) * b_r);
}

/// Every look over `scans` full turns; the plots whose origin is `id`.
std::vector<messages::Plot> plots_of(SurveillanceRadar& radar, const std::vector<world::Entity>& truth,
                                     std::uint32_t id, int scans) {
  std::vector<messages::Plot> out;
  std::uint64_t next_id = 1;
  for (int k = 0; k < scans; ++k) {
    const Look look = radar.look(4.0 * k, 4.0 * (k + 1), truth, next_id);
    for (std::size_t i = 0; i < look.origins.size(); ++i)
      if (look.origins[i].truth_id == id) out.push_back(look.batch.plots[i]);
  }
  return out;
}

// ---- antenna ----

TEST(RadarEnvironment, CosecantSquaredFanScalesTheEchoByItsTwoWayGain) {
  const SurveillanceRadar radar(1, test_radar(true), kFreeSpace, kFrame, 1);
  const double el1 = deg_to_rad(26'000.0 / (db_to_ratio(35.0) * 2.0) / 2.0);  // 2.0555 deg, the fan's peak
  ASSERT_NEAR(rad_to_deg(el1), 2.0555, 1e-3);
  {
    // In the csc^2 law: 20 km, 2000 m (d = 20.006 km, the target's horizontal distance in the
    // radar's frame). The antenna sees the direct ray over the 4/3 Earth (a_e = 8494.7 km):
    // el = atan((2000 - 10 - d^2 / (2 a_e)) / d) = atan((1990 - 23.6) / 20,006) = 5.614 deg, 5.612
    // on the sphere (test_radar.h), against the true Earth's straight line 5.591 deg;
    // G = sin^2(2.0555) / sin^2(5.612) = (0.035867 / 0.097797)^2 = 0.1345, SNR x G^2 = SNR x 0.0181
    // (-17.4 dB).
    const auto e = target_at(1, 0.0, 20'000.0, 2000.0, 1.0);
    const Polar p = polar(radar, e);
    EXPECT_NEAR(rad_to_deg(p.el_rad), 5.591, 0.001);
    EXPECT_NEAR(rad_to_deg(p.direct_el_rad), 5.612, 0.001);
    const double g = std::pow(std::sin(el1) / std::sin(p.direct_el_rad), 2);
    EXPECT_NEAR(g, 0.1345, 5e-4);
    const auto x = radar.echo(e, {e});
    ASSERT_TRUE(x.visible);
    EXPECT_NEAR(x.sinr / (radar.snr(p.range_m, 1.0) * g * g), 1.0, 1e-9);
    EXPECT_NEAR(x.propagation_factor, std::sqrt(g), 1e-9);  // free space: F = f(el)
  }
  {
    // Below the peak, the main lobe: 30 km, 600 m: el = (600 - 10) / 30 km - 30 km / (2 a_e) =
    // 0.019666 - 0.001766 rad = 1.025 deg (0.99 deg on the true Earth), 1.030 deg under the peak,
    // u = 2 x 1.3916 x 1.030 / 4.111 = 0.697, G = (sin u / u)^2 = 0.848.
    const auto e = target_at(2, 0.0, 30'000.0, 600.0, 1.0);
    const Polar p = polar(radar, e);
    EXPECT_NEAR(rad_to_deg(p.el_rad), 0.99, 0.01);
    EXPECT_NEAR(rad_to_deg(p.direct_el_rad), 1.025, 0.001);
    const double g = sinc2(p.direct_el_rad - el1, deg_to_rad(4.1111));
    EXPECT_NEAR(g, 0.848, 0.001);
    const auto x = radar.echo(e, {e});
    EXPECT_NEAR(x.sinr / (radar.snr(p.range_m, 1.0) * g * g), 1.0, 1e-4);
  }
}

TEST(RadarEnvironment, StackedBeamsScaleTheEchoByTheNearestBeamsGain) {
  auto spec = test_radar(true);
  spec.antenna = four_stacked_beams();
  const SurveillanceRadar radar(1, spec, kFreeSpace, kFrame, 1);
  // Crossover, halfway between two beams: u = 2 x 1.3916 x 1.5 / 3.5 = 1.1928,
  // G = (sin 1.1928 / 1.1928)^2 = (0.92948 / 1.1928)^2 = 0.6073.
  EXPECT_NEAR(radar.antenna().elevation().crossover_ratio(), 0.6073, 1e-3);
  struct Case {
    double north_m, alt_m, el_deg, centre_deg, gain;
  };
  // The direct ray over the 4/3 Earth, el = atan((h - 10 - d^2 / (2 a_e)) / d), a_e = 8494.7 km:
  // the drop 23.6 m at 20 km, 94.2 m at 40 km (31.4 m and 125.6 m on the true Earth, whose
  // straight line gives 5.02, 9.81 and 0.09 deg):
  // 20 km, 1800 m: el = atan(1766.4 / 20,006) = 5.046 deg (5.045 on the sphere, test_radar.h),
  //   beam 2 (4 deg), 1.045 deg off: u = 2 x 1.3916 x 1.045 / 3.5 = 0.8309, G = 0.7900.
  // 20 km, 3500 m: el = atan(3466.4 / 20,011) = 9.828 deg; on the sphere the horizontal is
  //   stretched by 1 + h / a_e: 9.824 deg, beam 4 (10 deg), 0.176 deg off: u = 0.1402, G = 0.9935.
  // 40 km, 200 m: el = 190 / 40 km - 40 km / (2 a_e) = 0.004750 - 0.002354 rad = 0.137 deg,
  //   beam 1 (1 deg), 0.863 deg off: u = 0.6860, G = 0.8526.
  for (const Case c : {Case{20'000.0, 1800.0, 5.045, 4.0, 0.7900}, Case{20'000.0, 3500.0, 9.824, 10.0, 0.9935},
                       Case{40'000.0, 200.0, 0.137, 1.0, 0.8526}}) {
    const auto e = target_at(1, 0.0, c.north_m, c.alt_m, 1.0);
    const Polar p = polar(radar, e);
    EXPECT_NEAR(rad_to_deg(p.direct_el_rad), c.el_deg, 0.001);
    const double g = sinc2(p.direct_el_rad - deg_to_rad(c.centre_deg), deg_to_rad(3.5));
    EXPECT_NEAR(g, c.gain, 1e-3) << c.el_deg;
    const auto x = radar.echo(e, {e});
    ASSERT_TRUE(x.visible);
    EXPECT_NEAR(x.sinr / (radar.snr(p.range_m, 1.0) * g * g), 1.0, 1e-9) << c.el_deg;
  }
}

// ---- multipath over the sea ----

environment::Propagation test_propagation(bool multipath) {
  environment::Propagation::Options o;
  o.frequency_hz = 3e9;
  o.radar_height_m = 10.0;
  o.surface = environment::sea_surface(3.0, 3e9);
  o.polarization = environment::Polarization::kHorizontal;
  o.multipath = multipath;
  o.k_factor = 4.0 / 3.0;
  return environment::Propagation(o);
}

/// F as environment::Propagation gives it, with the antenna's voltage gains toward both rays.
double factor_directly(const SurveillanceRadar& radar, const world::Entity& e) {
  const auto prop = test_propagation(true);
  const auto path = prop.path(e.geodetic.alt_m, polar(radar, e).ground_range_m);
  const auto& el = radar.antenna().elevation();
  const double f_reflected =
      path.geometry.line_of_sight ? el.voltage_ratio(path.geometry.reflected_elevation_rad) : 0.0;
  return prop.factor(path, el.voltage_ratio(path.geometry.direct_elevation_rad), f_reflected);
}

TEST(RadarEnvironment, SeaSkimmerNearTheHorizonIsLostToMultipathAndSeenByDiffractionBeyondIt) {
  const scenario::Environment sea{.sea_state = 3.0, .multipath = true, .clutter = false};
  const SurveillanceRadar radar(1, test_radar(true), sea, kFrame, 1);
  // Radar horizon of 10 m masts on a 4/3 Earth: 2 sqrt(2 x 4/3 x 6371 km x 10 m) = 26.07 km.
  const double horizon_m = radar.horizon_range_m(10.0);
  EXPECT_NEAR(horizon_m, 26'070.0, 10.0);
  // At 0.4 horizons (10.43 km), in the interference region, the two rays add as
  // F = |f_d + rho D f_r e^(-j 2 pi delta / lambda)|, rho ~ -1 at grazing: over the 4/3 Earth the
  // heights above the tangent plane at the reflection point (d1 = d/2) are h' = 10 - (5.21 km)^2 /
  // (2 a_e) = 8.40 m, delta = 2 h1' h2' / d = 0.0135 m = 0.135 lambda, and with the fan's gain
  // f = sqrt(0.484) = 0.696 toward both rays (el ~ -0.05 deg, 2.1 deg under its peak)
  // F = 2 sin(pi delta / lambda) f = 2 sin(0.426) x 0.696 = 0.575; rho D < 1 makes it 0.556.
  // Then F keeps falling: 0.28 at 0.6 horizons, 0.10 at 0.9 (20 dB one way, 80 dB of SNR lost
  // against the free-space f^4 = 0.23).
  double previous_f = 10.0;
  for (const double fraction : {0.4, 0.6, 0.9}) {
    const auto e = target_at(1, 0.0, fraction * horizon_m, 10.0, 1.0);
    const auto x = radar.echo(e, {e});
    ASSERT_TRUE(x.visible) << fraction;
    if (fraction == 0.4) {
      EXPECT_NEAR(x.propagation_factor, 0.575, 0.03);
    }
    EXPECT_NEAR(x.propagation_factor, factor_directly(radar, e), 1e-12) << fraction;
    EXPECT_LT(x.propagation_factor, previous_f) << fraction;  // the horizon loss deepens with range
    previous_f = x.propagation_factor;
    // The SNR scales as F^4.
    EXPECT_NEAR(x.sinr / (radar.snr(polar(radar, e).range_m, 1.0) * std::pow(x.propagation_factor, 4)), 1.0, 1e-9);
  }
  EXPECT_LT(previous_f, 0.15);  // at 0.9 horizons F is well below 1

  // Beyond the geometric horizon the diffracted field still reaches it (F = 0.060 at 1.05
  // horizons, 0.036 at 1.19), up to 1.2 horizons.
  for (const double fraction : {1.05, 1.19}) {
    const auto e = target_at(1, 0.0, fraction * horizon_m, 10.0, 1.0);
    const auto x = radar.echo(e, {e});
    ASSERT_TRUE(x.visible) << fraction;
    EXPECT_GT(x.propagation_factor, 0.0) << fraction;
    EXPECT_LT(x.propagation_factor, previous_f) << fraction;
    EXPECT_NEAR(x.propagation_factor, factor_directly(radar, e), 1e-12) << fraction;
    previous_f = x.propagation_factor;
  }
  const auto far = target_at(1, 0.0, 1.21 * horizon_m, 10.0, 1.0);
  EXPECT_FALSE(radar.echo(far, {far}).visible);

  // Without multipath: free space inside the horizon, nothing beyond it. At 0.9 horizons
  // (d = 23.46 km, both 10 m up) the direct ray leaves the antenna at el = 0 - d / (2 a_e) =
  // -0.001381 rad = -0.0791 deg over the 4/3 Earth (the true Earth's straight line dips -0.1057):
  // 2.1346 deg under the fan's peak, u = 2 x 1.3916 x 2.1346 / 4.111 = 1.4451,
  // F = f = sin u / u = 0.99215 / 1.4451 = 0.6865.
  const SurveillanceRadar flat(1, test_radar(true), kFreeSpace, kFrame, 1);
  const auto inside = target_at(1, 0.0, 0.9 * horizon_m, 10.0, 1.0);
  const auto x = flat.echo(inside, {inside});
  ASSERT_TRUE(x.visible);
  const Polar p_inside = polar(flat, inside);
  EXPECT_NEAR(rad_to_deg(p_inside.direct_el_rad), -0.0791, 1e-4);
  EXPECT_NEAR(x.propagation_factor, 0.6865, 1e-4);
  EXPECT_NEAR(x.propagation_factor, flat.antenna().elevation().voltage_ratio(p_inside.direct_el_rad), 1e-12);
  for (const double fraction : {1.01, 1.1}) {
    const auto e = target_at(1, 0.0, fraction * horizon_m, 10.0, 1.0);
    EXPECT_FALSE(flat.echo(e, {e}).visible) << fraction;
  }
}

// ---- clutter and the MTI ----

TEST(RadarEnvironment, SeaClutterAndTheMtiNotch) {
  const scenario::Environment sea{.sea_state = 3.0, .multipath = false, .clutter = true};
  auto spec = test_radar(true);
  const SurveillanceRadar plain(1, spec, sea, kFrame, 1);
  // MTI: I = 30 dB, v_min 3 m/s, one PRF of 430 Hz: v_b = lambda PRF / 2 = 21.49 m/s. 250 m/s is
  // 11.64 v_b, 7.8 m/s from the nearest blind speed (12 v_b = 257.8 m/s): outside the notch.
  environment::MtiFilter mti{.improvement_db = 30.0, .min_detectable_speed_mps = 3.0,
                             .wavelength_m = kSpeedOfLight_mps / 3e9, .prf_hz = {430.0}};
  spec.mti = mti;
  const SurveillanceRadar filtered(2, spec, sea, kFrame, 1);
  const double improvement = 1000.0;

  auto hover = target_at(1, 0.0, 8000.0, 100.0, 5.0);
  auto runner = target_at(2, 0.0, 8000.0, 100.0, 5.0);
  runner.v_enu_mps = {0.0, 250.0, 0.0};  // radially away from the radar
  const std::vector<world::Entity> truth{hover, runner};
  const Polar p = polar(plain, hover);

  // The clutter in the cell at R = 8 km from h = 10 m, by hand:
  //   sin psi = (2 a_e h + h^2 - R^2) / (2 a_e R), a_e = 4/3 x 6371 km: psi = 0.0446 deg,
  //   A = R theta_az (c tau / 2) / cos psi = 8000 x 0.034907 x 149.9 = 41,862 m^2,
  //   sigma0(psi) = -75.3 dB (NRL, sea state 3, HH, extended below 0.1 deg): sigma_c = 1.24e-3 m^2,
  //   CNR = SNR(sigma_c) g_el(-psi)^2 = 1.582e22 x 1.24e-3 / (8 km)^4 x 0.484^2 = 1124 (30.5 dB).
  const double a_e = 4.0 / 3.0 * kEarthRadius_m, h = 10.0, R = p.range_m;
  const double sin_psi = (2.0 * a_e * h + h * h - R * R) / (2.0 * a_e * R);
  ASSERT_GT(sin_psi, 0.0);  // inside the clutter horizon (2 a_e h)^1/2 = 13 km
  const double psi = std::asin(sin_psi);
  EXPECT_NEAR(psi, environment::clutter_grazing_rad(10.0, R), 1e-9);
  const double area = R * deg_to_rad(2.0) * (kSpeedOfLight_mps * 1e-6 / 2.0) / std::cos(psi);
  EXPECT_NEAR(area, 41'860.0, 20.0);
  const double sigma0 =
      environment::sea_reflectivity(psi, 3e9, 3.0, environment::Polarization::kHorizontal);
  const double sigma_c = sigma0 * area;
  const environment::ClutterSurface surface{.sea = true, .sea_state = 3.0};
  EXPECT_NEAR(sigma_c / environment::clutter_rcs_m2(surface, 3e9, 10.0, R, deg_to_rad(2.0), 1e-6), 1.0, 1e-9);
  // The fan is one beam: the clutter enters the target's beam at the fan's gain toward -psi.
  const double g_down = plain.antenna().elevation().gain_ratio(-psi);
  EXPECT_DOUBLE_EQ(plain.antenna().elevation().receive_gain_ratio(p.direct_el_rad, -psi), g_down);
  const double cnr = plain.snr(R, sigma_c) * g_down * g_down;
  EXPECT_NEAR(ratio_to_db(cnr), 30.5, 0.1);  // clutter well above the noise: the test means something

  const auto x_hover = plain.echo(truth[0], truth);
  const auto x_runner = plain.echo(truth[1], truth);
  // The target's own echo through the direct ray over the 4/3 Earth: el = (100 - 10) / 8000 -
  // 8000 / (2 a_e) = 0.011250 - 0.000471 rad = 0.6176 deg (0.6085 on the true Earth), 1.4379 deg
  // under the fan's peak: u = 0.9735, G = 0.7214.
  EXPECT_NEAR(rad_to_deg(p.direct_el_rad), 0.6176, 1e-4);
  const double g = plain.antenna().elevation().gain_ratio(p.direct_el_rad);
  EXPECT_NEAR(g, 0.7214, 1e-4);
  const double signal = plain.snr(R, 5.0) * g * g;
  EXPECT_NEAR(x_hover.clutter_to_noise / cnr, 1.0, 1e-9);
  EXPECT_FALSE(x_hover.notched);  // no filter, no notch
  EXPECT_NEAR(x_hover.sinr / (signal / (1.0 + cnr)), 1.0, 1e-9);
  EXPECT_NEAR(x_runner.sinr, x_hover.sinr, 1e-9 * x_hover.sinr);  // speed does not matter unfiltered

  // With the MTI: CNR' = CNR / I for both; the hovering target is in the notch and attenuated
  // with the clutter, SNR / I; the 250 m/s one keeps its SNR.
  const auto f_hover = filtered.echo(truth[0], truth);
  const auto f_runner = filtered.echo(truth[1], truth);
  EXPECT_NEAR(f_hover.clutter_to_noise / (cnr / improvement), 1.0, 1e-9);
  EXPECT_NEAR(f_runner.clutter_to_noise / (cnr / improvement), 1.0, 1e-9);
  EXPECT_TRUE(f_hover.notched);
  EXPECT_FALSE(f_runner.notched);
  EXPECT_NEAR(f_hover.radial_speed_mps, 0.0, 1e-12);
  // Positive receding: 250 x cos(el), el = atan((100 - 10 - 5) / 8000) = 0.61 deg: 249.986 m/s.
  EXPECT_NEAR(f_runner.radial_speed_mps, 249.986, 1e-3);
  EXPECT_NEAR(f_hover.sinr / (signal / improvement / (1.0 + cnr / improvement)), 1.0, 1e-9);
  EXPECT_NEAR(f_runner.sinr / (signal / (1.0 + cnr / improvement)), 1.0, 1e-9);
  EXPECT_GT(f_runner.sinr, 100.0 * f_hover.sinr);
}

TEST(RadarEnvironment, StackedBeamsUpperBeamsSeeFarLessSeaClutter) {
  // The point of stacked beams: the clutter enters through the beam that receives the target,
  // so a target in an upper beam is not competing with the sea the lowest beam sees.
  const scenario::Environment sea{.sea_state = 3.0, .multipath = false, .clutter = true};
  auto spec = test_radar(true);
  spec.antenna = four_stacked_beams();
  const SurveillanceRadar radar(1, spec, sea, kFrame, 1);
  const auto& elevation = radar.antenna().elevation();
  // The same 5 m^2 target 8 km north, low and higher up.
  const std::vector<world::Entity> truth{target_at(1, 0.0, 8000.0, 100.0, 5.0), target_at(2, 0.0, 8000.0, 500.0, 5.0)};
  const Polar low = polar(radar, truth[0]), up = polar(radar, truth[1]);
  // Low: el = 90 / 8000 - 8000 / (2 a_e) = 0.6176 deg, in beam 0 (1 deg).
  // Up: el = atan((490 - 3.8) / 8000.6) = 3.478 deg, in beam 1 (4 deg).
  EXPECT_NEAR(rad_to_deg(low.direct_el_rad), 0.6176, 1e-4);
  EXPECT_NEAR(rad_to_deg(up.direct_el_rad), 3.478, 1e-3);
  ASSERT_EQ(elevation.beam_index(low.direct_el_rad), 0);
  ASSERT_EQ(elevation.beam_index(up.direct_el_rad), 1);

  // Each one's resolution cell (R = 8000.6 and 8015.3 m): psi = 0.0446 deg, sigma0 = -75.3 dB,
  // sigma_c = 1.24e-3 m^2 (SeaClutterAndTheMtiNotch works them by hand), SNR(sigma_c) = 4.8e3.
  const environment::ClutterSurface surface{.sea = true, .sea_state = 3.0};
  const auto clutter_snr = [&](const Polar& p) {
    return radar.snr(p.range_m, environment::clutter_rcs_m2(surface, 3e9, 10.0, p.range_m, deg_to_rad(2.0), 1e-6));
  };
  const double psi_low = environment::clutter_grazing_rad(10.0, low.range_m);
  const double psi_up = environment::clutter_grazing_rad(10.0, up.range_m);
  EXPECT_NEAR(rad_to_deg(psi_low), 0.0446, 1e-4);
  EXPECT_NEAR(rad_to_deg(psi_up), 0.0445, 1e-4);
  // Low: the sea at -0.0446 deg is 1.0446 deg under beam 0's centre: u = 2 x 1.3916 x 1.0446 / 3.5
  // = 0.8306, g = (sin u / u)^2 = 0.7902: CNR = 4.81e3 x 0.7902^2 = 3.00e3 (34.8 dB).
  const double g_low = sinc2(-psi_low - deg_to_rad(1.0), deg_to_rad(3.5));
  EXPECT_NEAR(g_low, 0.7902, 1e-4);
  const double cnr_low = clutter_snr(low) * g_low * g_low;
  EXPECT_NEAR(ratio_to_db(cnr_low), 34.8, 0.1);
  // Up: the sea is 4.0445 deg under beam 1's centre: u = 2 x 1.3916 x 4.0445 / 3.5 = 3.216, past
  // the first null (pi): the -30 dB floor, CNR = 4.74e3 x 1e-6 = 4.7e-3 (-23.2 dB). Through the
  // envelope (beam 0's lobe, 0.790) it would have been the low target's 34.8 dB.
  EXPECT_GT(2.0 * 1.39155737825151 * (psi_up + deg_to_rad(4.0)) / deg_to_rad(3.5), kPi);
  const double cnr_up = clutter_snr(up) * 1e-3 * 1e-3;
  EXPECT_NEAR(ratio_to_db(cnr_up), -23.2, 0.1);
  EXPECT_NEAR(elevation.gain_ratio(-psi_up), 0.790, 1e-3);

  const auto x_low = radar.echo(truth[0], truth);
  const auto x_up = radar.echo(truth[1], truth);
  ASSERT_TRUE(x_low.visible && x_up.visible);
  EXPECT_NEAR(x_low.clutter_to_noise / cnr_low, 1.0, 1e-9);
  EXPECT_NEAR(x_up.clutter_to_noise / cnr_up, 1.0, 1e-9);
  // 58 dB less clutter for the same target one beam up.
  EXPECT_NEAR(ratio_to_db(x_up.clutter_to_noise / x_low.clutter_to_noise), -58.0, 0.1);
  // The signal through the envelope: 0.382 deg under beam 0's centre (g = 0.9696) and 0.522 deg
  // under beam 1's (g = 0.9438).
  const double g_sig_low = sinc2(low.direct_el_rad - deg_to_rad(1.0), deg_to_rad(3.5));
  const double g_sig_up = sinc2(up.direct_el_rad - deg_to_rad(4.0), deg_to_rad(3.5));
  EXPECT_NEAR(g_sig_low, 0.9696, 1e-4);
  EXPECT_NEAR(g_sig_up, 0.9438, 1e-4);
  EXPECT_NEAR(x_low.sinr / (radar.snr(low.range_m, 5.0) * g_sig_low * g_sig_low / (1.0 + cnr_low)), 1.0, 1e-9);
  EXPECT_NEAR(x_up.sinr / (radar.snr(up.range_m, 5.0) * g_sig_up * g_sig_up / (1.0 + cnr_up)), 1.0, 1e-9);
  EXPECT_GT(x_up.sinr, 1000.0 * x_low.sinr);  // clutter-limited low, noise-limited one beam up
}

// ---- jamming ----

TEST(RadarEnvironment, SelfProtectionAndStandOffJammingToNoise) {
  const SurveillanceRadar radar(1, test_radar(true), kFreeSpace, kFrame, 1);
  // 10 W over 100 MHz, 0 dB toward the radar: at 50 km in the main beam, by hand,
  //   J = 10 x 3162 x 0.09993^2 / ((4 pi)^2 x (50 km)^2) x (1 MHz / 100 MHz) = 8.00e-12 W,
  //   N = k T0 F B_r = 7.99e-15 W: J/N = 1001.5 (30.0 dB) before the elevation gain.
  const environment::NoiseJammer jammer{.power_w = 10.0, .antenna_gain_db = 0.0, .bandwidth_hz = 1e8,
                                        .losses_db = 0.0};
  const environment::JammingLink link(test_link(), jammer);
  EXPECT_NEAR(jn_by_hand(jammer, 50e3, 1.0), 1001.5, 0.5);
  EXPECT_NEAR(link.jamming_to_noise(50e3, 1.0) / jn_by_hand(jammer, 50e3, 1.0), 1.0, 1e-9);

  auto self = target_at(1, 0.0, 50'000.0, 3000.0, 5.0);
  self.jammer = jammer;
  auto quiet = target_at(2, 0.0, 50'000.0, 3000.0, 5.0);
  // A stand-off jammer 20 degrees off the target's azimuth, 120 km out: beyond the azimuth main
  // lobe's first null (1.13 x 2 deg), so the radar sees it through its -30 dB sidelobe floor.
  auto stand_off = target_at(3, 120e3 * std::sin(deg_to_rad(20.0)), 120e3 * std::cos(deg_to_rad(20.0)), 8000.0, 10.0);
  stand_off.jammer = jammer;

  const Polar p = polar(radar, self);
  const Polar pj = polar(radar, stand_off);
  EXPECT_NEAR(rad_to_deg(wrap_pi(pj.az_rad - p.az_rad)), 20.0, 0.01);
  // The target (and its jammer) through the direct ray over the 4/3 Earth: d = 50.022 km,
  // el = atan((3000 - 10 - d^2 / (2 a_e)) / d) = atan((2990 - 147.3) / 50,022) = 3.253 deg (3.251 on
  // the sphere; 3.196 on the true Earth), G = sin^2(2.0555) / sin^2(3.251) = 0.3999, g_az(0) = 1.
  EXPECT_NEAR(rad_to_deg(p.direct_el_rad), 3.251, 0.001);
  const double g_main = radar.antenna().elevation().gain_ratio(p.direct_el_rad);
  EXPECT_NEAR(g_main, 0.3999, 1e-4);
  const double signal = radar.snr(p.range_m, 5.0) * g_main * g_main;

  {  // Self-protection alone: in the main beam at the target's own range.
    const std::vector<world::Entity> truth{self};
    const auto x = radar.echo(truth[0], truth);
    const double jn = link.jamming_to_noise(p.range_m, g_main);
    EXPECT_NEAR(x.jamming_to_noise / jn, 1.0, 1e-9);
    EXPECT_NEAR(x.jamming_to_noise / jn_by_hand(jammer, p.range_m, g_main), 1.0, 1e-9);
    EXPECT_NEAR(x.sinr / (signal / (1.0 + jn)), 1.0, 1e-9);
  }
  {  // Stand-off alone, against the quiet target: the sidelobe level.
    const std::vector<world::Entity> truth{quiet, stand_off};
    const auto x = radar.echo(truth[0], truth);
    const double jn = link.jamming_to_noise(pj.range_m, 1e-3);
    EXPECT_NEAR(x.jamming_to_noise / jn, 1.0, 1e-9);
    // 10 W at 120 km through -30 dB: J/N = 1001.5 x (50/120)^2 x 1e-3 = 0.174.
    EXPECT_NEAR(x.jamming_to_noise, 1001.5 * std::pow(50.0 / (pj.range_m / 1e3), 2) * 1e-3, 1e-3);
    EXPECT_NEAR(x.sinr / (signal / (1.0 + jn)), 1.0, 1e-9);
  }
  {  // Both: the powers add.
    const std::vector<world::Entity> truth{self, stand_off};
    const auto x = radar.echo(truth[0], truth);
    const double jn = link.jamming_to_noise(p.range_m, g_main) + link.jamming_to_noise(pj.range_m, 1e-3);
    EXPECT_NEAR(x.jamming_to_noise / jn, 1.0, 1e-9);
    EXPECT_NEAR(x.sinr / (signal / (1.0 + jn)), 1.0, 1e-9);
  }
}

TEST(RadarEnvironment, SelfProtectionTargetIsSeenOnlyInsideBurnThrough) {
  // 10 W, 100 MHz on a 5 m^2 target. J/S grows as R^2, the echo falls as R^-4; both the echo and
  // the jamming come through the antenna's gain g toward the direct ray over the 4/3 Earth:
  //   at 10 km, 300 m up: el = 290 / 10 km - 10 km / (2 a_e) = 0.029000 - 0.000589 rad = 1.628 deg
  //   (1.616 on the true Earth), 0.428 deg under the fan's peak, u = 0.290, g = 0.972:
  //   SNR = 1.582e22 x 5 / (10 km)^4 x g^2 = 7.90e6 x 0.945 = 7.46e6,
  //   J/N = 1001.5 x (50/10)^2 x g = 2.50e4 x 0.972 = 2.43e4: SINR = 307, Pd = 1e-6^(1/308) = 0.956;
  //   at 150 km, 3000 m up: el = 2990 / 150 km - 150 km / (2 a_e) = 0.019931 - 0.008831 rad =
  //   0.636 deg (0.466 on the true Earth), 1.420 deg under the fan's peak, u = 0.961, g = 0.7275:
  //   SNR = 156.1 x g^2 = 82.6, J/N = 111.2 x g = 80.9: SINR = 1.009, Pd = 1e-6^(1/2.009) = 0.0010.
  // The jammer is the target's own (the same entity of truth): it is in the main beam.
  const SurveillanceRadar probe(1, test_radar(true), kFreeSpace, kFrame, 1);
  const environment::NoiseJammer jammer{.power_w = 10.0, .antenna_gain_db = 0.0, .bandwidth_hz = 1e8};
  auto near = target_at(1, 0.0, 10'000.0, 300.0, 5.0);
  auto far = target_at(1, 0.0, 150'000.0, 3000.0, 5.0);
  near.jammer = far.jammer = jammer;
  EXPECT_NEAR(rad_to_deg(polar(probe, near).direct_el_rad), 1.627, 0.001);
  EXPECT_NEAR(rad_to_deg(polar(probe, far).direct_el_rad), 0.636, 0.001);
  const std::vector<world::Entity> truth_near{near}, truth_far{far};
  const auto x_near = probe.echo(truth_near[0], truth_near);
  const auto x_far = probe.echo(truth_far[0], truth_far);
  EXPECT_NEAR(x_near.sinr, 307.0, 3.0);
  EXPECT_NEAR(x_far.sinr, 1.009, 0.01);
  EXPECT_GT(probe.detection_probability(x_near.sinr), 0.9);
  EXPECT_LT(probe.detection_probability(x_far.sinr), 0.1);
  EXPECT_GT(x_far.jamming_to_noise, 10.0);  // far from the noise-limited case
  // Pd = Pfa^(1 / (1 + SINR)) for Swerling 1 after coherent integration.
  EXPECT_NEAR(probe.detection_probability(x_far.sinr), std::pow(1e-6, 1.0 / (1.0 + x_far.sinr)), 1e-12);

  // And in the looks: 40 scans each.
  SurveillanceRadar radar_near(1, test_radar(true), kFreeSpace, kFrame, 5);
  SurveillanceRadar radar_far(1, test_radar(true), kFreeSpace, kFrame, 5);
  EXPECT_GE(plots_of(radar_near, {near}, 1, 40).size(), 32u);
  EXPECT_LE(plots_of(radar_far, {far}, 1, 40).size(), 8u);
}

// ---- strobes ----

TEST(RadarEnvironment, StrongJammerInTheSweptSectorPaintsAStrobe) {
  SurveillanceRadar radar(1, test_radar(true), kFreeSpace, kFrame, 3);
  // Strong: 10 W at 150 km, 8 km up, azimuth 60 deg: J/N = 1001.5 x (50/150)^2 x g_el = 111 g_el;
  // the jammer is seen on its direct ray over the 4/3 Earth, el = (8000 - 10) / 150 km - 150 km /
  // (2 x 8494.7 km) = 3.05 - 0.51 = 2.54 deg, where the csc^2 gain is sin^2(2.0555) / sin^2(2.54)
  // = 0.656: J/N = 73 (18.6 dB).
  // Weak: 0.01 W at 250 km, 8 km up (el 0.9 deg, g_el 0.7): J/N = 1001.5 x (50/250)^2 x 1e-3
  // x 0.7 = 0.03 (-15 dB): no strobe.
  auto strong = target_at(1, 150e3 * std::sin(deg_to_rad(60.0)), 150e3 * std::cos(deg_to_rad(60.0)), 8000.0, 1.0);
  strong.jammer = environment::NoiseJammer{.power_w = 10.0, .antenna_gain_db = 0.0, .bandwidth_hz = 1e8};
  auto weak = target_at(2, 250e3 * std::sin(deg_to_rad(200.0)), 250e3 * std::cos(deg_to_rad(200.0)), 8000.0, 1.0);
  weak.jammer = environment::NoiseJammer{.power_w = 0.01, .antenna_gain_db = 0.0, .bandwidth_hz = 1e8};
  const std::vector<world::Entity> truth{strong, weak};

  const Polar ps = polar(radar, strong);
  EXPECT_NEAR(rad_to_deg(ps.direct_el_rad), 2.54, 0.01);
  const double g_strong = radar.antenna().elevation().gain_ratio(ps.direct_el_rad);
  EXPECT_NEAR(g_strong, 0.656, 0.005);
  const double jn_strong =
      environment::JammingLink(test_link(), *strong.jammer).jamming_to_noise(ps.range_m, g_strong);
  EXPECT_GT(ratio_to_db(jn_strong), 10.0);
  const Polar pw = polar(radar, weak);
  const double jn_weak = environment::JammingLink(test_link(), *weak.jammer)
                             .jamming_to_noise(pw.range_m, radar.antenna().elevation().gain_ratio(pw.direct_el_rad));
  EXPECT_LT(ratio_to_db(jn_weak), 10.0);

  std::vector<AngleReport> strobes;
  std::uint64_t next_id = 1;
  radar.look(0.0, 4.0, truth, next_id, &strobes);  // one full turn
  ASSERT_EQ(strobes.size(), 1u);
  const AngleReport& s = strobes[0];
  EXPECT_EQ(s.truth_id, 1u);
  EXPECT_EQ(s.emitter, kJammerStrobe);
  EXPECT_EQ(s.sensor, "test 3-D");
  EXPECT_FALSE(s.elevation_rad.has_value());
  // sigma = theta / (k_m sqrt(2 J/N)) = 2 deg / (1.6 sqrt(2 x 73)) = 0.1035 deg (the weak jammer's
  // sidelobe leak adds 5e-7 relative to J/N).
  const double sigma = deg_to_rad(2.0) / (1.6 * std::sqrt(2.0 * jn_strong));
  EXPECT_NEAR(rad_to_deg(sigma), 0.1035, 0.001);
  EXPECT_NEAR(s.bearing_sigma_rad / sigma, 1.0, 1e-5);
  const double true_bearing = azimuth_rad(strong.p_enu_m.x(), strong.p_enu_m.y());
  EXPECT_NEAR(true_bearing, deg_to_rad(60.0), 1e-3);
  EXPECT_LT(std::abs(wrap_pi(s.bearing_rad - true_bearing)), 5.0 * sigma);

  // A sector that does not hold the jammer gives no strobe.
  strobes.clear();
  const double az0 = radar.beam_az_rad(0.0);
  const double t_to_jammer = wrap_two_pi(true_bearing - az0) / kTwoPi * 4.0;
  const double t_begin = t_to_jammer + 0.5, t_end = t_begin + 1.0;  // 45 to 135 deg past it
  radar.look(t_begin, t_end, truth, next_id, &strobes);
  EXPECT_TRUE(strobes.empty());
}

// ---- terrain ----

TEST(RadarEnvironment, ARidgeMasksLowTargetsBehindIt) {
  // An east-west ridge 500 m high, 15 km north of the radar, 2 km from crest to foot, on a grid
  // covering x in [-5, 5] km, y in [5, 25] km.
  environment::SyntheticTerrain spec;
  spec.west_m = -5000.0;
  spec.south_m = 5000.0;
  spec.east_m = 5000.0;
  spec.north_m = 25'000.0;
  spec.cell_m = 100.0;
  spec.ridges.push_back({-5000.0, 15'000.0, 5000.0, 15'000.0, 500.0, 2000.0});
  auto terrain = std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(spec));
  ASSERT_NEAR(terrain->height_m(0.0, 15'000.0), 500.0, 1e-3);
  ASSERT_NEAR(terrain->height_m(0.0, 16'000.0), 250.0, 1.0);  // half height at half the half-width
  const scenario::Environment land{.terrain = terrain, .multipath = false, .clutter = false};
  const SurveillanceRadar radar(1, test_radar(true), land, kFrame, 1);

  // The crest seen from the 10 m mast: g = (500 - 10) / 15 km - 15 km / (2 x 4/3 Re) = 0.03179.
  // Behind it at 20 km: a target needs (h - 10) / 20 km - 20 km / (2 a_e) >= 0.03179, h >= 669 m.
  struct Case {
    double north_m, alt_m;
    bool visible;
  };
  // Beyond the grid (north of 25.05 km) only the sea: the ridge's mask angle holds. At 40 km a target
  // needs (h - 10) / 40 km - 40 km / (2 a_e) >= 0.03179: h >= 1376 m.
  for (const Case c : {Case{20'000.0, 200.0, false}, Case{20'000.0, 600.0, false}, Case{20'000.0, 750.0, true},
                       Case{20'000.0, 3000.0, true}, Case{10'000.0, 200.0, true}, Case{40'000.0, 1000.0, false},
                       Case{40'000.0, 1300.0, false}, Case{40'000.0, 1450.0, true}, Case{40'000.0, 3000.0, true}}) {
    const auto e = target_at(1, 0.0, c.north_m, c.alt_m, 10.0);
    EXPECT_EQ(radar.echo(e, {e}).visible, c.visible) << c.north_m << " m north, " << c.alt_m << " m up";
    EXPECT_EQ(terrain->line_of_sight(0.0, 0.0, 10.0, 0.0, c.north_m, c.alt_m), c.visible)
        << c.north_m << " m north, " << c.alt_m << " m up";
  }
  // Past the ridge's end: the ray to (12, 20) km crosses y = 15 km at x = 9 km, 4 km from the
  // crest's end (the foot is 2 km from it) and off the grid: nothing hides a low target.
  const auto clear = target_at(1, 12'000.0, 20'000.0, 200.0, 10.0);
  EXPECT_TRUE(radar.echo(clear, {clear}).visible);
}

// ---- measurements ----

TEST(RadarEnvironment, PlotAccuracyFollowsTheSinr) {
  SurveillanceRadar radar(1, test_radar(true), kFreeSpace, kFrame, 11);
  // An RCS that gives SINR = 20 (13 dB): Pd = 1e-6^(1/21) = 0.52.
  auto e = target_at(1, 0.0, 60'000.0, 3000.0, 1.0);
  e.rcs_m2 = 20.0 / radar.echo(e, {e}).sinr;
  const double sinr = radar.echo(e, {e}).sinr;
  ASSERT_NEAR(sinr, 20.0, 1e-9);
  const auto plots = plots_of(radar, {e}, 1, 20);
  ASSERT_FALSE(plots.empty());
  const auto& plot = plots[0];
  // sigma_r^2 = 50^2 + 149.9^2 / (2 x 20) = 2500 + 561.7: 55.33 m.
  EXPECT_NEAR(plot.range_sigma_m, std::sqrt(50.0 * 50.0 + std::pow(kSpeedOfLight_mps * 1e-6 / 2.0, 2) / 40.0), 1e-9);
  EXPECT_NEAR(plot.range_sigma_m, 55.33, 0.01);
  // sigma_az^2 = 0.2^2 + (2 / 1.6)^2 / 40 = 0.04 + 0.0391 deg^2: 0.2812 deg.
  EXPECT_NEAR(rad_to_deg(plot.az_sigma_rad), std::sqrt(0.04 + 1.25 * 1.25 / 40.0), 1e-9);
  EXPECT_NEAR(rad_to_deg(plot.az_sigma_rad), 0.2812, 1e-4);
  // sigma_el^2 = 0.3^2 + (4.111 / 1.6)^2 / 40 = 0.09 + 0.1651: 0.5051 deg.
  const double el_beam_deg = 26'000.0 / (db_to_ratio(35.0) * 2.0);
  EXPECT_NEAR(rad_to_deg(plot.el_sigma_rad), std::sqrt(0.09 + std::pow(el_beam_deg / 1.6, 2) / 40.0), 1e-9);
  EXPECT_NEAR(rad_to_deg(plot.el_sigma_rad), 0.5051, 1e-3);
  // A strong target's sigma is the floor.
  e.rcs_m2 = 1e6;
  SurveillanceRadar strong(1, test_radar(true), kFreeSpace, kFrame, 11);
  const auto strong_plots = plots_of(strong, {e}, 1, 2);
  ASSERT_FALSE(strong_plots.empty());
  EXPECT_NEAR(strong_plots[0].range_sigma_m, 50.0, 0.01);
  EXPECT_NEAR(rad_to_deg(strong_plots[0].az_sigma_rad), 0.2, 1e-4);
}

TEST(RadarEnvironment, RangeBiasShiftsEveryPlot) {
  auto spec = test_radar(true);
  spec.bias_range_m = 500.0;
  spec.range_sigma_m = 0.1;  // near-zero noise: the floor, and a huge RCS for the thermal term
  SurveillanceRadar radar(1, spec, kFreeSpace, kFrame, 2);
  const auto e = target_at(1, 0.0, 50'000.0, 3000.0, 1e6);
  const double true_range_m = polar(radar, e).range_m;
  const auto plots = plots_of(radar, {e}, 1, 5);
  ASSERT_EQ(plots.size(), 5u);
  for (const auto& plot : plots) EXPECT_NEAR(plot.range_m - true_range_m, 500.0, 1.0);
}

TEST(RadarEnvironment, DopplerRadarMeasuresTheRadialSpeed) {
  auto spec = test_radar(true);
  spec.radial_speed_sigma_mps = 0.5;
  SurveillanceRadar radar(1, spec, kFreeSpace, kFrame, 4);
  auto away = target_at(1, 0.0, 50'000.0, 3000.0, 1e3);
  away.v_enu_mps = {0.0, 200.0, 0.0};
  auto toward = target_at(2, 40'000.0, 0.0, 3000.0, 1e3);
  toward.v_enu_mps = {-150.0, 0.0, 0.0};
  const std::vector<world::Entity> truth{away, toward};
  // The radial speed is the velocity along the line of sight: 200 x cos(3.2 deg) = 199.7 m/s
  // (the line of sight climbs 3000 m over 50 km), and -150 x cos(4.1 deg) = -149.6 m/s.
  const auto radial = [&](const world::Entity& e) {
    const Eigen::Vector3d los = e.p_enu_m - radar.position_enu_m();
    return e.v_enu_mps.dot(los) / los.norm();
  };
  EXPECT_NEAR(radial(away), 199.7, 0.1);
  EXPECT_NEAR(radial(toward), -149.6, 0.1);
  EXPECT_NEAR(radar.echo(truth[0], truth).radial_speed_mps, radial(away), 1e-9);
  for (const auto& [id, e] : {std::pair{1u, away}, std::pair{2u, toward}}) {
    const auto plots = plots_of(radar, truth, id, 3);
    ASSERT_EQ(plots.size(), 3u);
    for (const auto& plot : plots) {
      EXPECT_TRUE(plot.has_radial_speed);
      EXPECT_DOUBLE_EQ(plot.radial_speed_sigma_mps, 0.5);
      EXPECT_NEAR(plot.radial_speed_mps, radial(e), 5.0 * 0.5) << id;
    }
  }
  // Without the sigma, no radial speed.
  SurveillanceRadar plain(1, test_radar(true), kFreeSpace, kFrame, 4);
  const auto plots = plots_of(plain, truth, 1, 1);
  ASSERT_EQ(plots.size(), 1u);
  EXPECT_FALSE(plots[0].has_radial_speed);
}

TEST(RadarEnvironment, TargetsInOneResolutionCellGiveOnePlot) {
  // A (1000 m^2) and B (200 m^2): 30 m apart in range and 0.1 deg in azimuth, inside one cell
  // (149.9 m by 2 deg): one plot, credited to A. Both are detected with Pd ~ 1: B's SNR is
  // 1.582e22 x 200 / (50 km)^4 x G^2 = 5.06e5 x 0.158 = 8.0e4 (49 dB), Pd = 1e-6^(1/8e4) = 0.9998.
  const auto a = target_at(1, 0.0, 50'000.0, 3000.0, 1000.0);
  const auto b = target_at(2, 50'030.0 * std::sin(deg_to_rad(0.1)), 50'030.0 * std::cos(deg_to_rad(0.1)), 3000.0, 200.0);
  const auto c = target_at(3, 0.0, 55'000.0, 3000.0, 200.0);  // 5 km behind A
  {
    SurveillanceRadar radar(1, test_radar(true), kFreeSpace, kFrame, 8);
    EXPECT_NEAR(polar(radar, b).range_m - polar(radar, a).range_m, 30.0, 0.5);
    EXPECT_NEAR(rad_to_deg(wrap_pi(polar(radar, b).az_rad - polar(radar, a).az_rad)), 0.1, 1e-3);
    ASSERT_GT(radar.detection_probability(radar.echo(b, {a, b}).sinr), 0.999);
    for (int scan = 0; scan < 5; ++scan) {
      std::uint64_t next_id = 1;
      const Look look = radar.look(4.0 * scan, 4.0 * (scan + 1), {a, b}, next_id);
      std::vector<std::uint32_t> origins;
      for (const auto& o : look.origins)
        if (o.truth_id != 0) origins.push_back(o.truth_id);
      EXPECT_EQ(origins, std::vector<std::uint32_t>{1u}) << "scan " << scan;
    }
  }
  {
    SurveillanceRadar radar(1, test_radar(true), kFreeSpace, kFrame, 8);
    for (int scan = 0; scan < 5; ++scan) {
      std::uint64_t next_id = 1;
      const Look look = radar.look(4.0 * scan, 4.0 * (scan + 1), {a, c}, next_id);
      std::vector<std::uint32_t> origins;
      for (const auto& o : look.origins)
        if (o.truth_id != 0) origins.push_back(o.truth_id);
      EXPECT_EQ(origins, (std::vector<std::uint32_t>{1u, 3u})) << "scan " << scan;
    }
  }
}

TEST(RadarEnvironment, SameSeedGivesIdenticalLooks) {
  const scenario::Environment sea{.sea_state = 4.0, .multipath = true, .clutter = true};
  auto spec = test_radar(true);
  spec.mti = environment::MtiFilter{.improvement_db = 30.0, .min_detectable_speed_mps = 3.0,
                                    .wavelength_m = kSpeedOfLight_mps / 3e9, .prf_hz = {400.0, 470.0}};
  spec.radial_speed_sigma_mps = 1.0;
  std::vector<world::Entity> truth;
  for (std::uint32_t i = 1; i <= 12; ++i) {
    auto e = target_at(i, 20e3 * i * std::sin(0.5 * i), 20e3 * i * std::cos(0.5 * i) / 2.0, 50.0 + 400.0 * i, 2.0);
    e.v_enu_mps = {10.0 * i, -20.0 * i, 0.0};
    if (i % 4 == 0) e.jammer = environment::NoiseJammer{.power_w = 20.0, .bandwidth_hz = 2e8};
    truth.push_back(e);
  }
  SurveillanceRadar one(1, spec, sea, kFrame, 42);
  SurveillanceRadar two(1, spec, sea, kFrame, 42);
  std::uint64_t id_one = 1, id_two = 1;
  std::size_t plots = 0, strobes = 0;
  for (int k = 0; k < 8; ++k) {
    std::vector<AngleReport> s1, s2;
    const Look l1 = one.look(k, k + 1.0, truth, id_one, &s1);
    const Look l2 = two.look(k, k + 1.0, truth, id_two, &s2);
    ASSERT_EQ(l1.batch.plots.size(), l2.batch.plots.size());
    for (std::size_t i = 0; i < l1.batch.plots.size(); ++i) {
      const auto &p1 = l1.batch.plots[i], &p2 = l2.batch.plots[i];
      EXPECT_EQ(p1.id, p2.id);
      EXPECT_EQ(p1.range_m, p2.range_m);
      EXPECT_EQ(p1.az_rad, p2.az_rad);
      EXPECT_EQ(p1.el_rad, p2.el_rad);
      EXPECT_EQ(p1.radial_speed_mps, p2.radial_speed_mps);
      EXPECT_EQ(p1.range_sigma_m, p2.range_sigma_m);
      EXPECT_EQ(l1.origins[i].truth_id, l2.origins[i].truth_id);
    }
    ASSERT_EQ(s1.size(), s2.size());
    for (std::size_t i = 0; i < s1.size(); ++i) {
      EXPECT_EQ(s1[i].bearing_rad, s2[i].bearing_rad);
      EXPECT_EQ(s1[i].truth_id, s2[i].truth_id);
    }
    plots += l1.batch.plots.size();
    strobes += s1.size();
  }
  EXPECT_GT(plots, 0u);
  EXPECT_GT(strobes, 0u);
}

}  // namespace
}  // namespace rampart::sensors
