// Detection probability of a square-law detector integrating N pulses, for Swerling targets 0-4.
//
// The detector sums N pulses' normalised powers y = sum |s_i + n_i|^2 (noise power 1 per pulse)
// and declares a detection when y exceeds the threshold Y_b with P(y > Y_b | noise) = Pfa, i.e.
// Y_b = Q^-1(N, Pfa), Q the regularised upper incomplete gamma function (the noise sum is
// Gamma(N, 1)). With SNR s per pulse, the target's cross-section is chi-square with 2K degrees
// of freedom (Swerling: K = 1 for cases 1 and 2, K = 2 for cases 3 and 4, constant for case 0),
// either constant over the N pulses (cases 1, 3: scan-to-scan) or independent pulse to pulse
// (cases 2, 4). The moment generating function of y then factors into gamma laws, which gives
// each case in closed form (derivation in the comments of detection.cpp):
//   case 0: Pd = Q_N(sqrt(2 N s), sqrt(2 Y_b)), the generalised Marcum Q: the upper tail of a
//           noncentral chi-square with 2N degrees of freedom and noncentrality 2 N s at 2 Y_b;
//   case 1: y = Gamma(N-1, 1) + Exp(1 + N s);
//   case 2: y = Gamma(N, 1 + s);
//   case 3: y = Gamma(N-2, 1) + Gamma(2, 1 + N s / 2)   (N >= 2; N = 1 a two-term mixture);
//   case 4: y = sum_k C(N,k) b^-k (1 - 1/b)^(N-k) Gamma(2N - k, b),  b = 1 + s / 2.
// Case 1 with N = 1 is Pd = Pfa^(1 / (1 + s)). Coherent integration adds the N pulses' voltages
// first: the detector sees one pulse of SNR N s. It needs an echo that stays coherent over the
// dwell: cases 0, 1 and 3 only (2 and 4 decorrelate pulse to pulse).
// References: Swerling (1960); DiFranco and Rubin, Radar Detection (1968); checked against
// Shnidman's approximation (IEEE Trans. AES 34(3), 1998) and the textbook single-pulse values
// (Pfa 1e-6, Pd 0.9: 13.2 dB for case 0, 21.0 dB for case 1).
#pragma once

#include <vector>

namespace rampart::sensors {

enum class Integration { kCoherent, kNoncoherent };

/// Detection probability of one dwell; `snr` is per pulse (a ratio, not dB).
double detection_probability(int swerling_case, int pulses, Integration integration, double snr,
                             double false_alarm_probability);

/// The SNR per pulse (ratio) needed for `pd` (bisection on detection_probability).
double required_snr(int swerling_case, int pulses, Integration integration, double pd, double false_alarm_probability);

/// Shnidman's closed-form approximation of the SNR per pulse (ratio) a non-coherent detector of
/// N pulses needs for `pd` on a Swerling `swerling_case` target (valid for 0.1 <= Pd <= 0.99,
/// 1e-9 <= Pfa <= 1e-3, 1 <= N <= 100); the reference detection_probability is tested against.
double shnidman_snr(int swerling_case, int pulses, double pd, double false_alarm_probability);

/// Detection probability against SNR for one radar's waveform, tabulated once (0.02 dB steps from
/// -30 to +50 dB of SNR per pulse, linear in between; exact below and above), so a target-radar
/// check costs a table look-up.
class DetectionCurve {
 public:
  DetectionCurve(int swerling_case, int pulses, Integration integration, double false_alarm_probability);
  double pd(double snr) const;

 private:
  int swerling_case_;
  int pulses_;
  Integration integration_;
  double false_alarm_probability_;
  std::vector<double> table_;
};

}  // namespace rampart::sensors
