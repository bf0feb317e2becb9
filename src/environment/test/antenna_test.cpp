#include "environment/antenna.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::environment {
namespace {

AntennaSpec pencil(MainLobeShape shape = MainLobeShape::kSincSquared) {
  AntennaSpec s;
  s.shape = shape;
  s.coverage = ElevationCoverage::kPencil;
  s.beamwidth_az_deg = 1.5;
  s.beamwidth_el_deg = 4.0;
  s.tilt_deg = 0.0;
  s.sidelobe_level_db = -30.0;
  return s;
}

AntennaSpec cosecant_squared() {
  AntennaSpec s = pencil();
  s.coverage = ElevationCoverage::kCosecantSquared;
  s.tilt_deg = 2.0;               // el_1: the beam peak, where csc^2 starts
  s.upper_elevation_deg = 40.0;   // el_max
  return s;
}

AntennaSpec stacked() {
  AntennaSpec s = pencil();
  s.coverage = ElevationCoverage::kStackedBeams;
  s.beamwidth_el_deg = 2.5;
  s.tilt_deg = 1.0;
  s.upper_elevation_deg = 9.0;  // 5 beams, 2 degrees apart: centres 1, 3, 5, 7, 9
  s.beams = 5;
  return s;
}

TEST(Antenna, HalfPowerAtHalfTheBeamwidth) {
  for (const auto shape : {MainLobeShape::kSincSquared, MainLobeShape::kGaussian}) {
    const AzimuthPattern az(shape, deg_to_rad(1.5), -30.0);
    EXPECT_DOUBLE_EQ(az.gain_ratio(0.0), 1.0);
    EXPECT_NEAR(az.gain_ratio(deg_to_rad(0.75)), 0.5, 1e-12);
    EXPECT_NEAR(ratio_to_db(az.gain_ratio(deg_to_rad(-0.75))), -3.0103, 1e-4);
    EXPECT_NEAR(az.voltage_ratio(deg_to_rad(0.75)), std::sqrt(0.5), 1e-12);
  }
}

TEST(Antenna, SincSquaredByHand) {
  const AzimuthPattern az(MainLobeShape::kSincSquared, deg_to_rad(2.0), -40.0);
  // One beamwidth off: u = 2 x 1.391557 = 2.783115, (sin u / u)^2 = (0.35085 / 2.78311)^2 = 0.015892.
  EXPECT_NEAR(az.gain_ratio(deg_to_rad(2.0)), 0.015892, 1e-6);
  // 0.4 beamwidths: u = 1.113246, (0.89742 / 1.11325)^2 = 0.64943.
  EXPECT_NEAR(az.gain_ratio(deg_to_rad(0.8)), 0.649435, 1e-6);
  // The first null is at pi / (2 x 1.391557) = 1.1288 beamwidths: past it, the floor.
  EXPECT_DOUBLE_EQ(az.main_lobe(deg_to_rad(2.0 * 1.1289)), 0.0);
  EXPECT_DOUBLE_EQ(az.gain_ratio(deg_to_rad(2.0 * 1.1289)), 1e-4);
}

TEST(Antenna, SidelobeFloorFarOutAndSymmetric) {
  const AzimuthPattern az(MainLobeShape::kGaussian, deg_to_rad(1.5), -30.0);
  for (const double deg : {5.0, 20.0, 90.0, 179.0, 180.0, 270.0})
    EXPECT_DOUBLE_EQ(az.gain_ratio(deg_to_rad(deg)), 1e-3) << deg;
  for (double deg = 0.0; deg < 5.0; deg += 0.1)
    EXPECT_DOUBLE_EQ(az.gain_ratio(deg_to_rad(deg)), az.gain_ratio(deg_to_rad(-deg))) << deg;
  // Wraps: 359 degrees off is 1 degree off.
  EXPECT_NEAR(az.gain_ratio(deg_to_rad(359.0)), az.gain_ratio(deg_to_rad(1.0)), 1e-12);
  // Monotone down to the floor: never below it, never rising.
  double previous = 2.0;
  for (double deg = 0.0; deg < 10.0; deg += 0.01) {
    const double g = az.gain_ratio(deg_to_rad(deg));
    EXPECT_LE(g, previous);
    EXPECT_GE(g, 1e-3);
    previous = g;
  }
}

TEST(Antenna, PencilBeamInElevationContinuesBelowTheHorizon) {
  AntennaSpec s = pencil();
  s.tilt_deg = 1.0;
  const ElevationPattern el(s);
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(1.0)), 1.0);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(3.0)), 0.5, 1e-12);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(-1.0)), 0.5, 1e-12);  // the lower half-power edge, below the horizon
  // Symmetric about the tilt: a reflected ray at -2 degrees sees what +4 degrees sees.
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(-2.0)), el.gain_ratio(deg_to_rad(4.0)), 1e-12);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(-2.0)), 0.173535, 1e-6);  // 0.75 beamwidths off: u = 2.08734
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(-30.0)), 1e-3);
}

TEST(Antenna, CosecantSquaredLaw) {
  const ElevationPattern el(cosecant_squared());
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(2.0)), 1.0);  // G(el_1): the peak
  // G(2 el_1) = G(el_1) sin^2(el_1) / sin^2(2 el_1) = (0.0348995 / 0.0697565)^2 = 0.250305.
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(4.0)), 0.250305, 1e-6);
  // The law at every angle in between: G sin^2 is constant (constant-height coverage).
  for (double deg = 2.0; deg <= 40.0; deg += 0.5) {
    const double s = std::sin(deg_to_rad(deg));
    EXPECT_NEAR(el.gain_ratio(deg_to_rad(deg)) * s * s, std::pow(std::sin(deg_to_rad(2.0)), 2), 1e-12) << deg;
  }
  // el_max = 40 degrees: sin^2 2 / sin^2 40 = 0.0029478 (-25.3 dB); half a beamwidth above it, half that.
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(40.0)), 0.0029478, 1e-7);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(42.0)), 0.0029478 / 2.0, 1e-7);
  // Then the floor.
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(50.0)), 1e-3);
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(80.0)), 1e-3);
  // Below the peak, the main lobe's lower half, on below the horizon.
  EXPECT_NEAR(el.gain_ratio(0.0), 0.5, 1e-12);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(-2.0)), 0.015892, 1e-6);  // one beamwidth below the peak
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(-10.0)), 1e-3);
}

TEST(Antenna, StackedBeamsEnvelope) {
  const ElevationPattern el(stacked());
  for (int k = 0; k < 5; ++k) {
    const double centre_deg = 1.0 + 2.0 * k;
    EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(centre_deg)), 1.0) << k;
    EXPECT_EQ(el.beam_index(deg_to_rad(centre_deg + 0.9)), k);
    EXPECT_EQ(el.beam_index(deg_to_rad(centre_deg - 0.9)), k);
  }
  // Crossover halfway between beams: 1 degree off a 2.5 degree beam, 0.4 beamwidths: 0.649435 (-1.87 dB).
  EXPECT_NEAR(el.crossover_ratio(), 0.649435, 1e-6);
  for (const double deg : {2.0, 4.0, 6.0, 8.0}) EXPECT_NEAR(el.gain_ratio(deg_to_rad(deg)), 0.649435, 1e-6) << deg;
  // The envelope: never below the crossover between the lowest and highest centres.
  for (double deg = 1.0; deg <= 9.0; deg += 0.05)
    EXPECT_GE(el.gain_ratio(deg_to_rad(deg)), el.crossover_ratio() - 1e-12) << deg;
  // Outside: the outer beams' outer halves, below the horizon too.
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(-0.25)), 0.5, 1e-12);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(10.25)), 0.5, 1e-12);
  EXPECT_EQ(el.beam_index(deg_to_rad(-5.0)), 0);
  EXPECT_EQ(el.beam_index(deg_to_rad(60.0)), 4);
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(-10.0)), 1e-3);
}

TEST(Antenna, StackedBeamsReceiveThroughTheTargetsBeamNotTheEnvelope) {
  // Clutter and jamming reach the receiver through the beam that holds the target: its own lobe
  // at their elevation, not the envelope of all the beams (sinc^2 lobes 2.5 deg tall, centres
  // 1, 3, 5, 7, 9 deg; x beamwidths off the centre: u = 2 x 1.391557 x, g = (sin u / u)^2).
  const ElevationPattern el(stacked());
  const auto receive = [&](double target_deg, double deg) {
    return el.receive_gain_ratio(deg_to_rad(target_deg), deg_to_rad(deg));
  };
  // A target at 5.3 deg is in beam 2 (centre 5 deg).
  ASSERT_EQ(el.beam_index(deg_to_rad(5.3)), 2);
  EXPECT_DOUBLE_EQ(receive(5.3, 5.0), 1.0);
  // 4 deg: 1 deg = 0.4 beamwidths off: u = 1.113246, (0.89714 / 1.11325)^2 = 0.649435, which is
  // also the envelope there (the crossover).
  EXPECT_NEAR(receive(5.3, 4.0), 0.649435, 1e-6);
  // 3 deg: 0.8 beamwidths off beam 2: u = 2.226492, (0.79262 / 2.22649)^2 = 0.126734, where the
  // envelope is beam 1's peak, 1.
  EXPECT_NEAR(receive(5.3, 3.0), 0.126734, 1e-6);
  EXPECT_DOUBLE_EQ(el.gain_ratio(deg_to_rad(3.0)), 1.0);
  // The sea at -0.5 deg: 5.5 deg = 2.2 beamwidths off beam 2, past its first null (1.1288): the
  // floor, -30 dB; the envelope there is beam 0's, 1.5 deg = 0.6 beamwidths off: u = 1.669869,
  // (0.99510 / 1.66987)^2 = 0.355112.
  EXPECT_DOUBLE_EQ(receive(5.3, -0.5), 1e-3);
  EXPECT_NEAR(el.gain_ratio(deg_to_rad(-0.5)), 0.355112, 1e-6);
  // A target in the lowest beam (0.8 deg) sees the sea through that beam: the envelope's 0.355112.
  EXPECT_NEAR(receive(0.8, -0.5), 0.355112, 1e-6);
  // Either side of the crossover at 2 deg: 0 deg is 1 deg = 0.4 beamwidths off beam 0 (0.649435)
  // but 3 deg = 1.2 beamwidths off beam 1, past its null (the floor).
  EXPECT_NEAR(receive(1.9, 0.0), 0.649435, 1e-6);
  EXPECT_DOUBLE_EQ(receive(2.1, 0.0), 1e-3);
  // Targets outside the stack are in the outer beams: 0.2 beamwidths (0.5 deg) off beam 4's
  // centre, u = 0.556623, (0.52832 / 0.55662)^2 = 0.900897.
  EXPECT_DOUBLE_EQ(receive(-3.0, 1.0), 1.0);
  EXPECT_NEAR(receive(30.0, 8.5), 0.900897, 1e-6);

  // Other coverages are one beam: the gain at the elevation, whatever the target's.
  const ElevationPattern fan(cosecant_squared());
  for (const double deg : {-2.0, 0.0, 1.0, 4.0, 30.0})
    for (const double target_deg : {0.5, 10.0}) {
      EXPECT_DOUBLE_EQ(fan.receive_gain_ratio(deg_to_rad(target_deg), deg_to_rad(deg)), fan.gain_ratio(deg_to_rad(deg)));
    }

  // Both planes: the azimuth main lobe times the receiving beam's lobe, over one floor.
  const AntennaPattern antenna(stacked());
  // Half a beamwidth off in azimuth (0.5) and at 3 deg for the 5.3 deg target: 0.5 x 0.126734.
  EXPECT_NEAR(antenna.receive_gain_ratio(deg_to_rad(5.3), deg_to_rad(0.75), deg_to_rad(3.0)), 0.5 * 0.126734, 1e-6);
  EXPECT_NEAR(antenna.gain_ratio(deg_to_rad(0.75), deg_to_rad(3.0)), 0.5, 1e-12);  // the envelope's
  // In the azimuth main lobe, past the receiving beam's null: the floor once, not 0.5 x floor.
  EXPECT_DOUBLE_EQ(antenna.receive_gain_ratio(deg_to_rad(5.3), deg_to_rad(0.75), deg_to_rad(-0.5)), 1e-3);
  EXPECT_DOUBLE_EQ(antenna.receive_gain_ratio(deg_to_rad(5.3), deg_to_rad(30.0), deg_to_rad(5.0)), 1e-3);
}

TEST(Antenna, BothPlanesShareOneFloor) {
  AntennaSpec s = cosecant_squared();
  const AntennaPattern antenna(s);
  EXPECT_DOUBLE_EQ(antenna.gain_ratio(0.0, deg_to_rad(2.0)), 1.0);
  EXPECT_NEAR(antenna.gain_ratio(deg_to_rad(0.75), deg_to_rad(4.0)), 0.5 * 0.250305, 1e-6);
  // In the sidelobes of both planes: the floor once, not squared.
  EXPECT_DOUBLE_EQ(antenna.gain_ratio(deg_to_rad(30.0), deg_to_rad(70.0)), 1e-3);
  // Main lobe in azimuth, sidelobes in elevation: the floor as well.
  EXPECT_DOUBLE_EQ(antenna.gain_ratio(0.0, deg_to_rad(-20.0)), 1e-3);
  EXPECT_NEAR(antenna.voltage_ratio(deg_to_rad(0.75), deg_to_rad(2.0)), std::sqrt(0.5), 1e-12);
}

TEST(Antenna, GainBeamwidthRule) {
  // 26,000 / (10^3.6 x 1.5) = 4.354 degrees: the 36 dB, 1.5 degree antenna is about 4.4 degrees tall.
  EXPECT_NEAR(elevation_beamwidth_for_gain_deg(36.0, 1.5), 4.3539, 1e-3);
  EXPECT_NEAR(gain_for_beamwidths_db(1.5, 4.3539365), 36.0, 1e-6);
}

TEST(Antenna, ValidationSaysWhatIsWrong) {
  EXPECT_TRUE(antenna_problems(pencil()).empty());
  EXPECT_TRUE(antenna_problems(cosecant_squared()).empty());
  EXPECT_TRUE(antenna_problems(stacked()).empty());

  AntennaSpec bad = cosecant_squared();
  bad.tilt_deg = 0.0;
  bad.upper_elevation_deg = 0.0;
  bad.sidelobe_level_db = 5.0;
  const auto problems = antenna_problems(bad);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].find("sidelobe_level_db"), std::string::npos);
  EXPECT_NE(problems[1].find("above the horizon"), std::string::npos);
  EXPECT_NE(problems[2].find("upper_elevation_deg"), std::string::npos);
  EXPECT_THROW(ElevationPattern{bad}, InputError);

  AntennaSpec gaps = stacked();
  gaps.beams = 3;  // 4 degrees apart, 2.5 wide
  const auto gap_problems = antenna_problems(gaps);
  ASSERT_EQ(gap_problems.size(), 1u);
  EXPECT_NE(gap_problems[0].find("add beams (at least 5)"), std::string::npos) << gap_problems[0];
  try {
    validate_antenna(gaps);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("gaps deeper than 3 dB"), std::string::npos);
  }

  AntennaSpec zero = pencil();
  zero.beamwidth_az_deg = 0.0;
  EXPECT_THROW(AntennaPattern{zero}, InputError);
}

}  // namespace
}  // namespace rampart::environment
