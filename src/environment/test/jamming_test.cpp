#include "environment/jamming.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::environment {
namespace {

// The brief's radar: 1 MW, 36 dB, 3 GHz, 1 us (B_r = 1 MHz), NF 3 dB, 6 dB losses, 10 pulses
// integrated coherently; the jammer: 100 W into 10 dB (ERP 1 kW) over 200 MHz, no losses.
RadarLink radar() {
  return {.peak_power_w = 1e6, .antenna_gain_db = 36.0, .frequency_hz = 3e9, .pulse_width_s = 1e-6,
          .noise_figure_db = 3.0, .losses_db = 6.0, .pulses_coherent = 10};
}
NoiseJammer jammer() { return {.power_w = 100.0, .antenna_gain_db = 10.0, .bandwidth_hz = 200e6, .losses_db = 0.0}; }

constexpr double kRcs_m2 = 5.0;
const double kRequiredSnr = db_to_ratio(13.0);  // 19.9526

TEST(Jamming, NoiseAndBandwidth) {
  const JammingLink link(radar(), jammer());
  EXPECT_DOUBLE_EQ(link.radar_bandwidth_hz(), 1e6);
  // k T0 F B = 1.380649e-23 x 290 x 1.99526 x 1e6 = 7.98880e-15 W.
  EXPECT_NEAR(link.noise_power_w() / 7.98880e-15, 1.0, 1e-5);
  EXPECT_DOUBLE_EQ(bandwidth_ratio(1e6, 200e6), 1.0 / 200.0);
  EXPECT_DOUBLE_EQ(bandwidth_ratio(1e6, 0.5e6), 1.0);  // a jammer narrower than the radar: all of it
}

TEST(Jamming, SelfProtectionJammingToSignalGoesAsRangeSquared) {
  const JammingLink link(radar(), jammer());
  // J / S per pulse = ERP 4 pi R^2 L B_r / (Pt G sigma L_j B_j)
  //   = 1e3 x 4 pi x R^2 x 10^0.6 / (1e6 x 10^3.6 x 5 x 200) = 4 pi R^2 / 1e9 (10^0.6 / 10^3.6 = 1e-3):
  // at 50 km 10 pi = 31.416 (14.97 dB), at 100 km 40 pi.
  EXPECT_NEAR(link.jamming_to_signal_per_pulse(50e3, kRcs_m2, 50e3, 1.0), 10.0 * kPi, 1e-9);
  EXPECT_NEAR(link.jamming_to_signal_per_pulse(100e3, kRcs_m2, 100e3, 1.0), 40.0 * kPi, 1e-9);
  // After coherent integration the echo has gained 10, the jamming nothing: pi (4.97 dB) at 50 km.
  EXPECT_NEAR(link.self_protection_jamming_to_signal(50e3, kRcs_m2), kPi, 1e-10);
  EXPECT_NEAR(link.jamming_to_signal(50e3, kRcs_m2, 50e3, 1.0), kPi, 1e-10);
  EXPECT_NEAR(link.self_protection_jamming_to_signal(100e3, kRcs_m2) /
                  link.self_protection_jamming_to_signal(50e3, kRcs_m2), 4.0, 1e-12);
  // The SNR gains the 10 pulses; J / N does not change with integration.
  EXPECT_NEAR(link.snr(50e3, kRcs_m2) / (link.signal_power_w_per_pulse(50e3, kRcs_m2) / link.noise_power_w()), 10.0,
              1e-12);
  // S / (J + N) = 1 / (J/S + N/S): at 50 km J / N is 48.0 dB, so S / (J + N) is about -4.97 dB.
  EXPECT_NEAR(ratio_to_db(link.self_protection_sjnr(50e3, kRcs_m2)), -4.9716, 1e-3);
}

TEST(Jamming, StandOffJammingToNoise) {
  const JammingLink link(radar(), jammer());
  // J = ERP G lambda^2 / ((4 pi)^2 R_j^2) / 200 = 1e3 x 3981.07 x 0.0099862 / (157.914 x 200) / R_j^2
  //   = 1.25878 / R_j^2: at 150 km 5.5946e-11 W, J / N = 7003.1 (38.45 dB) in the main lobe and
  //   8.45 dB in a -30 dB sidelobe.
  EXPECT_NEAR(link.jamming_power_w(150e3, 1.0) / 5.5946e-11, 1.0, 1e-4);
  EXPECT_NEAR(link.jamming_to_noise(150e3, 1.0), 7003.1, 0.5);
  EXPECT_NEAR(ratio_to_db(link.jamming_to_noise(150e3, db_to_ratio(-30.0))), 8.4529, 1e-3);
}

TEST(Jamming, BurnThroughByHand) {
  const JammingLink link(radar(), jammer());
  // Self-protection, N neglected: 4 pi R^2 / 1e10 = 1 / 19.9526, R^2 = 1e10 / (4 pi 19.9526), 6315.3 m.
  EXPECT_NEAR(link.self_protection_burn_through_noise_free_m(kRcs_m2, kRequiredSnr), 6315.3, 0.1);
  // Exactly: N is 48 dB below J there, so the quadratic's root moves by under a millimetre.
  const double spj_m = link.self_protection_burn_through_m(kRcs_m2, kRequiredSnr);
  EXPECT_NEAR(spj_m, 6315.3, 0.1);
  EXPECT_LT(spj_m, link.self_protection_burn_through_noise_free_m(kRcs_m2, kRequiredSnr));
  EXPECT_NEAR(link.self_protection_sjnr(spj_m, kRcs_m2), kRequiredSnr, 1e-9 * kRequiredSnr);

  // Unjammed: (C sigma / (D N))^(1/4) = 281.56 km; a stand-off jammer's J scales it by
  // (1 + J/N)^(-1/4): at 150 km in a -30 dB sidelobe (J / N = 7.0031) 281.56 / 8.0031^0.25 = 167.40 km.
  const double r0_m = link.detection_range_m(kRcs_m2, kRequiredSnr);
  EXPECT_NEAR(r0_m, 281'556.0, 2.0);
  const double sidelobe = db_to_ratio(-30.0);
  const double soj_m = link.stand_off_burn_through_m(kRcs_m2, kRequiredSnr, 150e3, sidelobe);
  EXPECT_NEAR(soj_m, 167'398.0, 2.0);
  EXPECT_NEAR(soj_m, r0_m * std::pow(1.0 + link.jamming_to_noise(150e3, sidelobe), -0.25), 1e-6);
  EXPECT_NEAR(link.signal_to_jamming_plus_noise(soj_m, kRcs_m2, 150e3, sidelobe), kRequiredSnr, 1e-9);
  // Neglecting N there overstates the range: 281.56 / 7.0031^0.25 = 173.08 km.
  EXPECT_NEAR(link.stand_off_burn_through_noise_free_m(kRcs_m2, kRequiredSnr, 150e3, sidelobe), 173'079.0, 2.0);
  // In the main lobe (J / N = 7003.1): 281.56 / 7004.1^0.25 = 30.78 km.
  EXPECT_NEAR(link.stand_off_burn_through_m(kRcs_m2, kRequiredSnr, 150e3, 1.0), 30'777.0, 2.0);
}

TEST(Jamming, ExactSelfProtectionTendsToTheUnjammedRange) {
  // A feeble jammer: the quadratic's root tends to the free-space detection range.
  NoiseJammer weak = jammer();
  weak.power_w = 1e-15;
  const JammingLink link(radar(), weak);
  const double r0_m = link.detection_range_m(kRcs_m2, kRequiredSnr);
  EXPECT_NEAR(link.self_protection_burn_through_m(kRcs_m2, kRequiredSnr) / r0_m, 1.0, 1e-3);
  // ... while the noise-free closed form, which ignores N, runs away.
  EXPECT_GT(link.self_protection_burn_through_noise_free_m(kRcs_m2, kRequiredSnr), 1e9);
}

TEST(Jamming, StrobeRule) {
  const double beamwidth_rad = deg_to_rad(1.5);
  EXPECT_FALSE(strobe(db_to_ratio(9.9), beamwidth_rad).has_value());
  EXPECT_FALSE(strobe(0.0, beamwidth_rad).has_value());
  // At 10 dB: theta_B / (1.6 sqrt(20)) = theta_B / 7.155 = 0.13975 theta_B.
  const auto at10 = strobe(10.0, beamwidth_rad);
  ASSERT_TRUE(at10.has_value());
  EXPECT_NEAR(at10->jamming_to_noise_db, 10.0, 1e-12);
  EXPECT_NEAR(at10->bearing_sigma_rad / beamwidth_rad, 0.139754, 1e-6);
  // 30 dB: theta_B / (1.6 sqrt(2000)) = 0.013975 theta_B; 40 dB would be 0.0044: floored at 0.01.
  EXPECT_NEAR(strobe(1000.0, beamwidth_rad)->bearing_sigma_rad / beamwidth_rad, 0.0139754, 1e-7);
  EXPECT_NEAR(strobe(1e4, beamwidth_rad)->bearing_sigma_rad / beamwidth_rad, 0.01, 1e-12);
  // A lower threshold admits weaker strobes, never worse than uniform across the beam.
  const auto weak = strobe(1.0, beamwidth_rad, {.min_jamming_to_noise_db = -10.0});
  ASSERT_TRUE(weak.has_value());
  EXPECT_NEAR(weak->bearing_sigma_rad, beamwidth_rad / std::sqrt(12.0), 1e-12);
}

TEST(Jamming, RejectsNonsense) {
  RadarLink bad = radar();
  bad.pulse_width_s = 0.0;
  EXPECT_THROW(JammingLink(bad, jammer()), InputError);
  RadarLink no_pulses = radar();
  no_pulses.pulses_coherent = 0;
  EXPECT_THROW(JammingLink(no_pulses, jammer()), InputError);
  NoiseJammer silent = jammer();
  silent.bandwidth_hz = -1.0;
  EXPECT_THROW(JammingLink(radar(), silent), InputError);
}

}  // namespace
}  // namespace rampart::environment
