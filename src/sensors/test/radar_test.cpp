#include "sensors/radar.h"

#include <gtest/gtest.h>

#include <tuple>

#include <cmath>

#include "core/units.h"
#include "sensors/iff.h"
#include "sensors/test/test_radar.h"

namespace rampart::sensors {
namespace {

TEST(Radar, Swerling1DetectionProbability) {
  EXPECT_NEAR(SurveillanceRadar::swerling1_pd(0.0, 1e-6), 1e-6, 1e-12);
  // 13 dB (a ratio of 19.95) at Pfa 1e-6: exp(ln(1e-6) / 20.95) = 0.5172.
  EXPECT_NEAR(SurveillanceRadar::swerling1_pd(db_to_ratio(13.0), 1e-6), 0.5172, 1e-3);
  EXPECT_GT(SurveillanceRadar::swerling1_pd(100.0, 1e-6), SurveillanceRadar::swerling1_pd(50.0, 1e-6));
}

TEST(Radar, RadarEquationByHand) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  const SurveillanceRadar radar(1, test_radar(true), kFreeSpace, frame, 1);
  const double lambda = kSpeedOfLight_mps / 3e9;
  const double g = db_to_ratio(35.0);
  const double expected = 1e6 * g * g * lambda * lambda * 2.0 * 10 /
                          (std::pow(4 * kPi, 3) * kBoltzmann_JpK * 290.0 * db_to_ratio(3.0) * 1e6 *
                           db_to_ratio(6.0) * std::pow(100e3, 4));
  EXPECT_NEAR(radar.snr(100e3, 2.0) / expected, 1.0, 1e-12);
  EXPECT_NEAR(radar.snr(50e3, 2.0) / radar.snr(100e3, 2.0), 16.0, 1e-9);  // R^-4
}

TEST(Radar, AReferenceDetectionRangeGivesItsPdThere) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  scenario::Radar spec = test_radar(true);
  spec.peak_power_w = 0.0;
  spec.reference = scenario::ReferenceDetection{.range_m = 80e3, .rcs_m2 = 2.0, .pd = 0.9};
  const SurveillanceRadar radar(1, spec, kFreeSpace, frame, 1);
  // Swerling 1 after coherent integration: Pd = Pfa^(1 / (1 + SNR)), so Pd 0.9 at Pfa 1e-6 needs
  // SNR = ln(1e-6) / ln(0.9) - 1 = 13.8155 / 0.105361 - 1 = 130.13 (21.14 dB) at 80 km on 2 m^2.
  EXPECT_NEAR(radar.snr(80e3, 2.0), 130.13, 0.05);
  EXPECT_NEAR(radar.detection_probability(radar.snr(80e3, 2.0)), 0.9, 1e-4);
  EXPECT_NEAR(radar.snr(40e3, 2.0) / radar.snr(80e3, 2.0), 16.0, 1e-9);
}

TEST(Radar, AReferenceDetectionAndItsPeakPowerAreOneRadar) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  for (const bool coherent : {true, false}) {
    scenario::Radar by_power = test_radar(true);
    by_power.coherent_integration = coherent;
    by_power.swerling_case = coherent ? 1 : 2;
    const SurveillanceRadar radar(1, by_power, kFreeSpace, frame, 1);
    // Where the radar given by its 1 MW peak power detects 1 m^2 with Pd 0.5: R0 = (SNR(1 m) /
    // SNR needed)^(1/4); the radar given by that reference must transmit the same 1 MW.
    const double needed = required_snr(by_power.swerling_case, coherent ? 1 : by_power.pulses_integrated,
                                       Integration::kNoncoherent, 0.5, by_power.false_alarm_probability);
    scenario::Radar by_reference = by_power;
    by_reference.peak_power_w = 0.0;
    by_reference.reference =
        scenario::ReferenceDetection{.range_m = std::pow(radar.snr(1.0, 1.0) / needed, 0.25), .rcs_m2 = 1.0, .pd = 0.5};
    const SurveillanceRadar derived(1, by_reference, kFreeSpace, frame, 1);
    EXPECT_NEAR(derived.spec().peak_power_w / by_power.peak_power_w, 1.0, 1e-6) << coherent;
    EXPECT_NEAR(derived.snr(120e3, 3.0) / radar.snr(120e3, 3.0), 1.0, 1e-6) << coherent;
  }
}

TEST(Radar, HorizonOfFourThirdsEarth) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  const SurveillanceRadar radar(1, test_radar(true), kFreeSpace, frame, 1);
  // sqrt(2 * 4/3 * 6371 km * 10 m) = 13.03 km, the textbook 4.12 sqrt(h) km.
  EXPECT_NEAR(radar.horizon_range_m(0.0), 13'035.0, 5.0);
  EXPECT_NEAR(radar.horizon_range_m(100.0), 13'035.0 + 41'222.0, 20.0);
}

/// Sweeps the whole circle `scans` times and counts detections of a fixed target.
double detection_rate(SurveillanceRadar& radar, const world::Entity& e, int scans) {
  std::uint64_t next_id = 1;
  int detections = 0;
  const std::vector<world::Entity> truth{e};
  for (int k = 0; k < scans; ++k) {
    const double t0 = 4.0 * k;
    for (const auto& origin : radar.look(t0, t0 + 4.0, truth, next_id).origins) detections += origin.truth_id == e.id;
  }
  return static_cast<double>(detections) / scans;
}

TEST(Radar, EmpiricalDetectionRateMatchesSwerling1) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  SurveillanceRadar radar(1, test_radar(true), kFreeSpace, frame, 99);
  const auto e = target_at(frame, 1, 60'000.0, 120'000.0, 5000.0, 0.5);
  const Eigen::Vector3d local = radar.frame().to_enu(e.geodetic);
  const double range_m = local.norm();
  // Free space: the signal is the radar equation's at the beam's peak times the antenna's two-way
  // elevation gain toward the direct ray over the 4/3 Earth (test_radar.h): d = 134.24 km,
  // el = (5000 - 10) / d - d / (2 a_e) = 0.037172 - 0.007901 rad = 1.677 deg (1.675 on the sphere;
  // the true Earth's straight line is at 1.525 deg), 0.380 deg under the fan's 2.0555 deg peak:
  // u = 2 x 1.3916 x 0.380 / 4.111 = 0.2573, g = (sin u / u)^2 = 0.9781.
  const double el = direct_elevation_rad(10.0, 5000.0, local.head<2>().norm());
  EXPECT_NEAR(rad_to_deg(std::atan2(local.z(), local.head<2>().norm())), 1.525, 0.001);
  EXPECT_NEAR(rad_to_deg(el), 1.675, 0.001);
  const double g = radar.antenna().elevation().gain_ratio(el);
  EXPECT_NEAR(g, 0.9781, 1e-4);
  const double sinr = radar.echo(e, {e}).sinr;
  EXPECT_NEAR(sinr / (radar.snr(range_m, 0.5) * g * g), 1.0, 1e-9);
  const double pd = SurveillanceRadar::swerling1_pd(sinr, 1e-6);
  ASSERT_GT(pd, 0.2);
  ASSERT_LT(pd, 0.95);
  const int scans = 4000;
  const double rate = detection_rate(radar, e, scans);
  EXPECT_NEAR(rate, pd, 4.0 * std::sqrt(pd * (1 - pd) / scans));
}

TEST(Radar, NonCoherentIntegrationAndOtherSwerlingCasesDetectAsTheirCurve) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  const auto e = target_at(frame, 1, 60'000.0, 110'000.0, 5000.0, 0.5);
  for (const int swerling_case : {0, 2, 3}) {
    scenario::Radar spec = test_radar(true);
    spec.coherent_integration = false;
    spec.swerling_case = swerling_case;
    SurveillanceRadar radar(1, spec, kFreeSpace, frame, 7);
    const SurveillanceRadar coherent(1, test_radar(true), kFreeSpace, frame, 7);
    const double range_m = radar.frame().to_enu(e.geodetic).norm();
    // The detector integrates the 10 pulses: snr() is that of one pulse.
    EXPECT_NEAR(radar.snr(range_m, 0.5) * 10.0 / coherent.snr(range_m, 0.5), 1.0, 1e-12);
    const double sinr = radar.echo(e, {e}).sinr;
    const double pd = detection_probability(swerling_case, 10, Integration::kNoncoherent, sinr, 1e-6);
    EXPECT_NEAR(radar.detection_probability(sinr), pd, 2e-3);
    ASSERT_GT(pd, 0.1) << swerling_case;
    ASSERT_LT(pd, 0.97) << swerling_case;
    const int scans = 3000;
    EXPECT_NEAR(detection_rate(radar, e, scans), pd, 4.0 * std::sqrt(pd * (1 - pd) / scans)) << swerling_case;
  }
}

TEST(Radar, NothingBelowTheHorizonOrBeyondRange) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  SurveillanceRadar radar(1, test_radar(true), kFreeSpace, frame, 3);
  EXPECT_EQ(detection_rate(radar, target_at(frame, 1, 0.0, 60'000.0, 30.0, 100.0), 50), 0.0);  // below the horizon
  EXPECT_EQ(detection_rate(radar, target_at(frame, 2, 0.0, 310'000.0, 20000.0, 100.0), 50), 0.0);  // too far
  EXPECT_EQ(detection_rate(radar, target_at(frame, 3, 0.0, 40'000.0, 5000.0, 100.0), 50), 1.0);
}

TEST(Radar, OnlyTheSweptSectorIsLookedAt) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  SurveillanceRadar radar(1, test_radar(true), kFreeSpace, frame, 3);
  const auto e = target_at(frame, 1, 0.0, 40'000.0, 5000.0, 100.0);  // due north
  std::uint64_t id = 1;
  int sectors_with_target = 0;
  for (int k = 0; k < 40; ++k) {
    int in_this = 0;
    for (const auto& origin : radar.look(0.1 * k, 0.1 * (k + 1), {e}, id).origins) in_this += origin.truth_id == 1;
    sectors_with_target += in_this > 0;
  }
  // One revolution in 40 looks of 0.1 s: the target is in exactly one sector, and seen there.
  EXPECT_EQ(sectors_with_target, 1);
}

TEST(Radar, PlotsConvertToTheScenarioFrame) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  scenario::Radar spec = test_radar(true);
  spec.position = {30'000.0, -20'000.0};
  spec.range_sigma_m = 1e-3;
  spec.az_sigma_deg = 1e-7;
  spec.el_sigma_deg = 1e-7;
  SurveillanceRadar radar(1, spec, kFreeSpace, frame, 5);
  // So strong that the thermal-noise part of the accuracy vanishes too.
  const auto e = target_at(frame, 7, 80'000.0, 60'000.0, 8000.0, 1e10);
  std::uint64_t id = 1;
  const Look look = radar.look(0.0, 4.0, {e}, id);
  const messages::Plot* plot = nullptr;
  for (std::size_t i = 0; i < look.origins.size(); ++i)
    if (look.origins[i].truth_id == 7) plot = &look.batch.plots[i];
  ASSERT_NE(plot, nullptr);
  EXPECT_LT((plot->p_enu_m - e.p_enu_m).norm(), 0.5);
  EXPECT_TRUE(plot->has_elevation);
  // The converted covariance is symmetric positive definite.
  EXPECT_LT((plot->p_cov_m2 - plot->p_cov_m2.transpose()).norm(), 1e-9);
}

// look() moves targets into the radar's frame by one rotation and shift: the same point as the
// geodetic conversion, to well under a millimetre out to 400 km.
TEST(Radar, ItsFrameIsARigidMotionOfTheScenarioFrame) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  const SensorMount mount(frame, 30'000.0, -20'000.0, 400.0);
  for (const auto& [east_m, north_m, alt_m] : {std::tuple{0.0, 0.0, 0.0}, std::tuple{300e3, 250e3, 12e3},
                                               std::tuple{-390e3, 10e3, 30.0}, std::tuple{5e3, -400e3, 20e3}}) {
    const Geodetic g = frame.surface_point(east_m, north_m, alt_m);
    const Eigen::Vector3d rigid = mount.R_scenario_from_sensor.transpose() * (frame.to_enu(g) - mount.position_enu_m);
    EXPECT_LT((rigid - mount.frame.to_enu(g)).norm(), 1e-4) << east_m << " " << north_m;
  }
}

TEST(Radar, TwoDimensionalRadarMeasuresNoHeight) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  SurveillanceRadar radar(1, test_radar(false), kFreeSpace, frame, 5);
  const auto e = target_at(frame, 1, 0.0, 40'000.0, 5000.0, 100.0);
  std::uint64_t id = 1;
  const Look look = radar.look(0.0, 4.0, {e}, id);
  ASSERT_FALSE(look.batch.plots.empty());
  const auto& p = look.batch.plots.front();
  EXPECT_FALSE(p.has_elevation);
  EXPECT_EQ(p.p_cov_m2.row(2).norm(), 0.0);
  EXPECT_GT(p.p_cov_m2(0, 0), 0.0);
}

TEST(Radar, FalseAlarmCountMatchesCellsTimesPfa) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  scenario::Radar spec = test_radar(true);
  spec.false_alarm_probability = 1e-4;
  SurveillanceRadar radar(1, spec, kFreeSpace, frame, 11);
  // (300 km - 0.5 km) / 149.9 m cells (c tau / 2) x 180 beams x 1e-4 = 35.96 per scan.
  EXPECT_NEAR(radar.false_alarms_per_scan(), 35.965, 0.001);
  std::uint64_t id = 1;
  double total = 0;
  const int scans = 400;
  for (int k = 0; k < scans; ++k) total += static_cast<double>(radar.look(4.0 * k, 4.0 * (k + 1), {}, id).origins.size());
  EXPECT_NEAR(total / scans, 35.965, 4.0 * std::sqrt(35.965 / scans));
}

/// An interrogator on a 3-D radar at the origin whose transponders always answer, and a
/// friendly transponder 50 km north at 6000 m.
class IffTest : public ::testing::Test {
 protected:
  static scenario::Radar answering(scenario::Radar spec) {
    spec.iff_reply_probability = 1.0;
    return spec;
  }
  static world::Entity transponder(world::Entity e) {
    e.iff_on = true;
    return e;
  }
  const LocalFrame frame{Geodetic{35.0, -30.0, 0.0}};
  const SurveillanceRadar radar{1, answering(test_radar(true)), kFreeSpace, frame, 5};
  const IffInterrogator iff{radar, 5};
  const world::Entity friendly = transponder(target_at(frame, 1, 0.0, 50'000.0, 6000.0, 5.0));
};

TEST_F(IffTest, FriendlyTransponderAnswersHostileDoesNot) {
  const auto hostile = target_at(frame, 2, 20'000.0, 50'000.0, 6000.0, 5.0);
  const std::vector<world::Entity> truth{friendly, hostile};
  EXPECT_TRUE(iff.challenge({friendly.p_enu_m + Eigen::Vector3d(100, -200, 0)}, 1, truth).secure);
  EXPECT_FALSE(iff.challenge({hostile.p_enu_m}, 2, truth).secure);
  EXPECT_FALSE(iff.covers(Eigen::Vector3d(0.0, 400'000.0, 10'000.0)));
}

/// Both modes: a friend answers the secure mode and its Mode 3/A code; a hostile squawking a code
/// answers Mode 3/A only; an aircraft with neither answers nothing.
TEST_F(IffTest, ASpooferAnswersMode3aButNotTheSecureMode) {
  world::Entity own = friendly;
  own.mode3a_code = 04521;
  auto spoofer = target_at(frame, 2, 20'000.0, 50'000.0, 6000.0, 5.0);
  spoofer.mode3a_code = 04521;
  const auto silent = target_at(frame, 3, -20'000.0, 50'000.0, 6000.0, 5.0);
  const std::vector<world::Entity> truth{own, spoofer, silent};
  const auto a = iff.challenge({own.p_enu_m}, 1, truth);
  EXPECT_TRUE(a.secure);
  EXPECT_EQ(a.mode3a_code, 04521);
  const auto b = iff.challenge({spoofer.p_enu_m}, 2, truth);
  EXPECT_FALSE(b.secure);
  EXPECT_EQ(b.mode3a_code, 04521);
  const auto c = iff.challenge({silent.p_enu_m}, 3, truth);
  EXPECT_FALSE(c.secure);
  EXPECT_FALSE(c.mode3a_code.has_value());
}

/// The Bandit-A-2 situation: a hostile at 5000 m flies under a friendly fighter at 6000 m. The
/// challenge of the hostile's 3-D track (height sigma 150 m) finds the friend's Mode C 1000 m
/// off, beyond 100 m + 2 x 150 m: no reply correlates. A 2-D track cannot tell them apart.
TEST_F(IffTest, ATransponderAThousandMetresAboveDoesNotAnswerForTheTrackBelow) {
  const auto hostile = target_at(frame, 2, 0.0, 50'000.0, 5000.0, 5.0);
  const std::vector<world::Entity> truth{friendly, hostile};
  const auto height_sigma = [](double sigma_m) {
    Eigen::Matrix3d p = Eigen::Matrix3d::Zero();
    p(2, 2) = sigma_m * sigma_m;
    return p;
  };
  EXPECT_FALSE(iff.challenge({hostile.p_enu_m, height_sigma(150.0), true}, 1, truth).secure);
  EXPECT_TRUE(iff.challenge({friendly.p_enu_m, height_sigma(150.0), true}, 2, truth).secure);
  EXPECT_TRUE(iff.challenge({hostile.p_enu_m, height_sigma(150.0), false}, 3, truth).secure);
  // Within 100 m + 2 x 460 m = 1020 m a poor height estimate still correlates.
  EXPECT_TRUE(iff.challenge({hostile.p_enu_m, height_sigma(460.0), true}, 4, truth).secure);
}

/// The resolution cell in range (300 m) and azimuth (the 2-degree default beam, +-1 degree), each
/// widened by three standard deviations of the track's position.
TEST_F(IffTest, RepliesCorrelateOnlyWithinTheRangeAndAzimuthResolution) {
  const Eigen::Vector3d radar_p = radar.position_enu_m();
  const Eigen::Vector3d d = friendly.p_enu_m - radar_p;
  const auto rotated = [&](double deg, double extra_range_m) {
    const double a = deg_to_rad(deg);
    const Eigen::Vector3d r(std::cos(a) * d.x() + std::sin(a) * d.y(), -std::sin(a) * d.x() + std::cos(a) * d.y(), d.z());
    return Eigen::Vector3d(radar_p + r * (1.0 + extra_range_m / d.norm()));
  };
  EXPECT_TRUE(iff.correlates(friendly, {rotated(0.0, 250.0)}));
  EXPECT_FALSE(iff.correlates(friendly, {rotated(0.0, 350.0)}));
  EXPECT_TRUE(iff.correlates(friendly, {rotated(0.9, 0.0)}));
  EXPECT_FALSE(iff.correlates(friendly, {rotated(1.1, 0.0)}));
  // A track 500 m (1 sigma) long in range, at 50 km: 300 + 3 x 500 m holds 350 m off; 1.1
  // degrees off needs 0.1 degree (87 m) more than the beam, and 3 x 100 m of cross-range gives it.
  Eigen::Matrix3d p = Eigen::Matrix3d::Zero();
  const Eigen::Vector3d u = d.normalized();
  p += 500.0 * 500.0 * u * u.transpose();
  EXPECT_TRUE(iff.correlates(friendly, {rotated(0.0, 350.0), p}));
  Eigen::Matrix3d east = Eigen::Matrix3d::Zero();
  east(0, 0) = 100.0 * 100.0;
  EXPECT_TRUE(iff.correlates(friendly, {rotated(1.1, 0.0), east}));
}

}  // namespace
}  // namespace rampart::sensors
