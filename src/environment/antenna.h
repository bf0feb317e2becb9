// Radar antenna patterns: one-way power gain relative to the peak, in azimuth and in elevation.
//
// Main lobe, as a function of the angle x off the lobe's axis and the half-power (-3 dB) full
// width theta_B:
//   sinc^2 (uniformly illuminated line aperture): g(x) = (sin u / u)^2, u = a x / (theta_B / 2),
//     a = 1.391557 the root of (sin a / a)^2 = 1/2, so g(theta_B / 2) = 1/2 exactly; only the main
//     lobe is kept (|u| < pi; the first null is at x = 1.129 theta_B);
//   Gaussian (a tapered aperture's main lobe): g(x) = exp(-4 ln 2 x^2 / theta_B^2).
// Beyond the main lobe the pattern is a constant sidelobe floor S (the rms sidelobe level, dB
// below the peak, typically -25 to -35 dB): gain = max(main lobe, S). The uniform aperture's
// near-in sidelobes (-13.3 dB) are not modelled: the floor stands for the average of them all.
// Skolnik, Introduction to Radar Systems (3rd ed., 2001), ch. 9 (the radiation pattern of a
// uniformly illuminated aperture, (sin u / u)^2, and the sidelobes of tapered apertures).
//
// Elevation coverage (the angle el above the horizontal through the antenna; negative below):
//   pencil: one main lobe of width theta_E centred on the tilt el_0: g(el - el_0);
//   cosecant-squared fan: the main lobe below its peak el_1 = tilt, then
//     G(el) = G(el_1) csc^2(el) / csc^2(el_1) = sin^2(el_1) / sin^2(el)   for el_1 <= el <= el_max
//     (constant-height coverage: received power ~ G^2 / R^4 is the same at every el for a target
//     at one height, R = h / sin el), then, above el_max, the upper half of a main lobe of width
//     theta_E scaled to G(el_max); Skolnik (3rd ed.), ch. 9, the cosecant-squared pattern;
//   stacked beams (a 3-D radar): N beams of width theta_E centred evenly from el_lo (the tilt) to
//     el_hi; the coverage is their envelope, i.e. the beam nearest the target in elevation, so a
//     target between two beams sees the crossover loss g(spacing / 2).
// Below the horizon each shape simply continues (the lower side of the lowest main lobe), which
// is what a multipath model needs at the reflected ray's negative elevation.
// The two planes combine as a separable product of main lobes over one floor:
//   gain(az_off, el) = max(g_az(az_off) g_el(el), S),
// so a direction in the sidelobes of both planes gets S, not S^2. Two-way (transmit and receive
// on the same antenna) is the square. The voltage pattern is the square root of the power pattern
// (its magnitude: the sign of the far sidelobes is not modelled).
//
// Gain and beamwidths: a practical antenna's gain is about 26,000 / (theta_az theta_el) with the
// beamwidths in degrees (the 41,253 square degrees of the sphere times an efficiency near 0.63;
// Stutzman and Thiele, Antenna Theory and Design; Skolnik ch. 9): a 36 dB, 1.5 degree antenna is
// about 4.4 degrees tall, which elevation_beamwidth_for_gain_deg gives a loader as a default.
#pragma once

#include <string>
#include <vector>

namespace rampart::environment {

enum class MainLobeShape { kSincSquared, kGaussian };
enum class ElevationCoverage { kPencil, kCosecantSquared, kStackedBeams };

/// Plain parameters of an antenna, as a scenario loader fills them. Angles in degrees here (the
/// scenario's units); the pattern classes work in radians.
struct AntennaSpec {
  MainLobeShape shape = MainLobeShape::kSincSquared;
  ElevationCoverage coverage = ElevationCoverage::kPencil;
  double beamwidth_az_deg = 0.0;  ///< half-power full width in azimuth
  double beamwidth_el_deg = 0.0;  ///< half-power full width of one elevation lobe
  /// Pencil: the beam axis' elevation. Cosecant-squared: the beam peak, where the csc^2 law
  /// starts (el_1, above 0). Stacked beams: the lowest beam's centre.
  double tilt_deg = 0.0;
  /// Cosecant-squared: el_max, where the csc^2 law ends. Stacked beams: the highest beam's centre.
  double upper_elevation_deg = 0.0;
  int beams = 1;                   ///< stacked beams: how many (>= 2)
  double sidelobe_level_db = -30.0;  ///< floor relative to the peak (negative)
};

/// What is wrong with `spec`, one fix-it sentence per problem; empty when it is usable.
std::vector<std::string> antenna_problems(const AntennaSpec& spec);
/// Throws rampart::InputError listing every problem antenna_problems finds.
void validate_antenna(const AntennaSpec& spec);

/// Elevation beamwidth (deg) an antenna of `gain_db` with `beamwidth_az_deg` has by the practical
/// rule G = 26,000 / (theta_az theta_el).
double elevation_beamwidth_for_gain_deg(double gain_db, double beamwidth_az_deg);
/// Peak gain (dB) by the same rule.
double gain_for_beamwidths_db(double beamwidth_az_deg, double beamwidth_el_deg);

/// Main lobe only (no floor), power relative to the peak, `off_axis_rad` from the axis of a lobe
/// `beamwidth_rad` wide (half-power full width).
double main_lobe_ratio(MainLobeShape shape, double off_axis_rad, double beamwidth_rad);

/// The azimuth (horizontal) pattern.
class AzimuthPattern {
 public:
  AzimuthPattern(MainLobeShape shape, double beamwidth_rad, double sidelobe_level_db);
  /// One-way power gain relative to the peak at `off_boresight_rad` (either sign; wrapped to
  /// [-pi, pi)), floor included.
  double gain_ratio(double off_boresight_rad) const;
  /// sqrt(gain_ratio): the field-strength pattern for multipath sums.
  double voltage_ratio(double off_boresight_rad) const;
  /// The main lobe without the floor.
  double main_lobe(double off_boresight_rad) const;
  double beamwidth_rad() const { return beamwidth_rad_; }
  double sidelobe_ratio() const { return sidelobe_ratio_; }

 private:
  MainLobeShape shape_;
  double beamwidth_rad_;
  double sidelobe_ratio_;
};

/// The elevation coverage.
class ElevationPattern {
 public:
  /// Validates `spec` (throws InputError).
  explicit ElevationPattern(const AntennaSpec& spec);
  /// One-way power gain relative to the peak at elevation `el_rad` (negative below the horizon),
  /// floor included.
  double gain_ratio(double el_rad) const;
  double voltage_ratio(double el_rad) const;
  /// The coverage without the floor.
  double coverage(double el_rad) const;
  /// Stacked beams: the beam (0 = lowest) whose lobe is strongest at `el_rad`; 0 otherwise.
  int beam_index(double el_rad) const;
  /// The gain at `el_rad` of the beam that receives a target at `target_el_rad`, floor included:
  /// for stacked beams that beam's own lobe (clutter and jamming enter the target's beam, not
  /// the envelope: an upper beam sees little of the ground), otherwise gain_ratio(el_rad).
  double receive_gain_ratio(double target_el_rad, double el_rad) const;
  /// Stacked beams: the loss (ratio <= 1) halfway between two adjacent beams; 1 otherwise.
  double crossover_ratio() const;

 private:
  MainLobeShape shape_;
  ElevationCoverage coverage_;
  double beamwidth_rad_;
  double tilt_rad_;
  double upper_rad_;
  int beams_;
  double spacing_rad_;       ///< stacked beams: centre to centre
  double csc2_peak_sin2_;    ///< sin^2(el_1)
  double csc2_top_ratio_;    ///< G(el_max)
  double sidelobe_ratio_;
};

/// Both planes of one antenna.
class AntennaPattern {
 public:
  explicit AntennaPattern(const AntennaSpec& spec);
  /// max(g_az g_el, floor): one-way power relative to the peak gain.
  double gain_ratio(double az_off_boresight_rad, double el_rad) const;
  double voltage_ratio(double az_off_boresight_rad, double el_rad) const;
  /// max(g_az g_el, floor) with g_el the lobe of the beam receiving a target at `target_el_rad`
  /// (ElevationPattern::receive_gain_ratio without its floor).
  double receive_gain_ratio(double target_el_rad, double az_off_boresight_rad, double el_rad) const;
  const AzimuthPattern& azimuth() const { return azimuth_; }
  const ElevationPattern& elevation() const { return elevation_; }

 private:
  AzimuthPattern azimuth_;
  ElevationPattern elevation_;
  double sidelobe_ratio_;
};

}  // namespace rampart::environment
