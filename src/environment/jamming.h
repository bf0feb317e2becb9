// Noise jamming of a pulse radar: jamming-to-noise, jamming-to-signal, burn-through, strobes.
//
// Per pulse, at the radar's receiver (matched bandwidth B_r = 1 / tau):
//   signal   S = Pt G^2 lambda^2 sigma / ((4 pi)^3 R^4 L)                (the radar equation)
//   noise    N = k T0 F B_r
//   jamming  J = ERP_j G g(theta_j) lambda^2 / ((4 pi)^2 R_j^2 L_j) * min(1, B_r / B_j),
//            ERP_j = P_j G_j,
// with g(theta_j) <= 1 the radar antenna's receive gain toward the jammer relative to its peak
// (1 in the main lobe; the sidelobe level in the sidelobes; sensors/antenna.h gives it) and
// L_j the jamming path's losses (the jammer's own, plus any of the radar's receive losses the
// caller wants counted; the radar's L applies to the echo only). A barrage jammer spreads P_j
// over B_j; the radar's filter passes the fraction B_r / B_j of it (never more than all of it).
// One-way for the jamming, two-way for the echo: for a self-protection jammer (R_j = R, g = 1),
// per pulse (B_j >= B_r),
//   J / S = ERP_j 4 pi R^2 L B_r / (Pt G sigma L_j B_j),
// which grows as R^2 (Schleher, Electronic Warfare in the Information Age (1999), the
// self-screening jammer's J/S; Adamy, EW 101 (2001), ch. 9, jamming-to-signal ratio and
// burn-through; Skolnik, Introduction to Radar Systems (3rd ed., 2001), on electronic
// counter-countermeasures).
//
// Integration: coherent integration of n pulses adds the echoes' voltages (power n^2 S) and the
// noise's powers (n N); noise jamming is noise to the receiver, so it adds in power too (n J).
// The integration gain n therefore multiplies S / N and S / J alike and leaves J / N unchanged:
//   after integration  SNR = n S / N,  J / S = J / (n S),  S / (J + N) = n S / (J + N).
// (Schleher, and Barton, Radar System Analysis and Modeling (2005), on jamming: the radar's
// processing gain applies to the target signal, not to noise jamming. A coherent repeater or DRFM
// jammer would gain as the echo does; it is not modelled here.) Every ratio below is after
// integration except where the name says per_pulse; J / N is the same either way.
//
// Burn-through, with C = n Pt G^2 lambda^2 / ((4 pi)^3 L) (so n S = C sigma / R^4) and the
// required SNR (after integration) D:
//   self-protection, N neglected: with K = ERP_j G lambda^2 min(1, B_r / B_j) / ((4 pi)^2 L_j)
//     (J = K / R^2 in the main beam), J / (n S) = K R^2 / (C sigma), which is 1 / D at
//     R_bt = sqrt(C sigma / (D K));
//   self-protection, exactly: C sigma / R^4 = D (K / R^2 + N), a quadratic in x = R^2:
//     D N x^2 + D K x - C sigma = 0,  x = 2 C sigma / (D K + sqrt(D^2 K^2 + 4 D N C sigma));
//     (the root written without cancellation; K -> 0 gives the unjammed range (C sigma / (D N))^1/4)
//   stand-off (J fixed by the jammer's own range and bearing):
//     R_bt = (C sigma / (D (N + J)))^(1/4), and (C sigma / (D J))^(1/4) when N is neglected.
//
// Strobes: a noise jammer in the main beam with J / N above a threshold (10 dB by default) paints
// a strobe, a bearing-only report. Its bearing, found by splitting the beam on the jamming power,
// has the thermal-noise accuracy of an angle measurement (Skolnik ch. 4, tracking radar; Barton,
// angle measurement):
//   sigma_bearing = theta_B / (k_m sqrt(2 J/N)),  k_m = 1.6 (the angle-error slope),
// floored at a fraction of the beamwidth (the radar's angle quantisation and bias: 1/100 by
// default) and never worse than theta_B / sqrt(12) (a position uniform across the beam).
#pragma once

#include <optional>

namespace rampart::environment {

/// The radar equation's terms, SI and dB as the scenario gives them.
struct RadarLink {
  double peak_power_w = 0.0;
  double antenna_gain_db = 0.0;
  double frequency_hz = 0.0;
  double pulse_width_s = 0.0;   ///< the receiver bandwidth is 1 / pulse_width_s
  double noise_figure_db = 0.0;
  double losses_db = 0.0;       ///< two-way system losses on the echo
  int pulses_coherent = 1;      ///< pulses integrated coherently (1 when non-coherent)
};

/// A barrage noise jammer: ERP = P G spread evenly over bandwidth_hz.
struct NoiseJammer {
  double power_w = 0.0;
  double antenna_gain_db = 0.0;  ///< toward the radar
  double bandwidth_hz = 0.0;
  double losses_db = 0.0;        ///< on the jamming path
};

/// The fraction of a jammer's power the radar's filter passes: min(1, B_r / B_j).
double bandwidth_ratio(double radar_bandwidth_hz, double jammer_bandwidth_hz);

/// One radar against one jammer, with the range-independent factors computed once.
/// Ranges in metres, cross-sections in m^2, gains toward the jammer as power ratios (<= 1).
class JammingLink {
 public:
  /// Throws rampart::InputError when a term is not positive (the pulse count below 1).
  JammingLink(const RadarLink& radar, const NoiseJammer& jammer);

  double radar_bandwidth_hz() const { return radar_bandwidth_hz_; }
  double wavelength_m() const { return wavelength_m_; }
  /// k T0 F B_r, per pulse.
  double noise_power_w() const { return noise_power_w_; }
  /// The echo of one pulse.
  double signal_power_w_per_pulse(double range_m, double rcs_m2) const;
  /// The jamming in the radar's band, per pulse.
  double jamming_power_w(double jammer_range_m, double gain_ratio_toward_jammer) const;

  /// SNR after integration (n S / N), no jamming.
  double snr(double range_m, double rcs_m2) const;
  /// J / N (per pulse = after integration).
  double jamming_to_noise(double jammer_range_m, double gain_ratio_toward_jammer) const;
  /// J / S per pulse (no integration gain).
  double jamming_to_signal_per_pulse(double range_m, double rcs_m2, double jammer_range_m,
                                     double gain_ratio_toward_jammer) const;
  /// J / (n S): after integration.
  double jamming_to_signal(double range_m, double rcs_m2, double jammer_range_m,
                           double gain_ratio_toward_jammer) const;
  /// n S / (J + N): after integration; what the detector sees.
  double signal_to_jamming_plus_noise(double range_m, double rcs_m2, double jammer_range_m,
                                      double gain_ratio_toward_jammer) const;
  /// Self-protection (the jammer on the target, in the main beam): J / (n S) at `range_m`.
  double self_protection_jamming_to_signal(double range_m, double rcs_m2) const;
  /// Self-protection: n S / (J + N) at `range_m`.
  double self_protection_sjnr(double range_m, double rcs_m2) const;

  /// Self-protection burn-through with N neglected: where J / (n S) = 1 / required_snr.
  double self_protection_burn_through_noise_free_m(double rcs_m2, double required_snr) const;
  /// Self-protection burn-through, exact: where n S / (J + N) = required_snr (the quadratic).
  double self_protection_burn_through_m(double rcs_m2, double required_snr) const;
  /// Stand-off (or escort) burn-through: where n S / (J + N) = required_snr, J fixed by the
  /// jammer's range and the radar's gain toward it.
  double stand_off_burn_through_m(double rcs_m2, double required_snr, double jammer_range_m,
                                  double gain_ratio_toward_jammer) const;
  /// Stand-off burn-through with N neglected.
  double stand_off_burn_through_noise_free_m(double rcs_m2, double required_snr, double jammer_range_m,
                                             double gain_ratio_toward_jammer) const;
  /// The unjammed detection range: where n S / N = required_snr.
  double detection_range_m(double rcs_m2, double required_snr) const;

 private:
  double radar_bandwidth_hz_;
  double wavelength_m_;
  double noise_power_w_;
  double pulses_;
  double signal_w_m4_per_m2_;  ///< per pulse: S = this * sigma / R^4
  double jamming_w_m2_;        ///< J = this * g / R_j^2
};

/// When a strobe is seen and how well its bearing is measured.
struct StrobeRule {
  double min_jamming_to_noise_db = 10.0;
  double angle_error_slope = 1.6;              ///< k_m
  double min_sigma_beamwidths = 0.01;          ///< floor on the bearing sigma, in beamwidths
};

struct Strobe {
  double jamming_to_noise_db = 0.0;
  double bearing_sigma_rad = 0.0;
};

/// The strobe a radar of half-power `beamwidth_rad` sees from a noise jammer in its main beam with
/// `jamming_to_noise` (a ratio); none when J / N is below the rule's threshold.
std::optional<Strobe> strobe(double jamming_to_noise, double beamwidth_rad, const StrobeRule& rule = {});

}  // namespace rampart::environment
