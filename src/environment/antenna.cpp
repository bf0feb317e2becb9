#include "environment/antenna.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/error.h"
#include "core/units.h"

namespace rampart::environment {
namespace {

/// The root of (sin a / a)^2 = 1/2: the sinc^2 lobe's half-power point in u.
constexpr double kSincHalfPowerU = 1.39155737825151;
/// 4 ln 2: the Gaussian lobe's exponent per (x / theta_B)^2.
constexpr double kGaussianExponent = 2.772588722239781;
/// Practical gain-beamwidth product, square degrees (41,253 times an efficiency near 0.63).
constexpr double kGainBeamwidthProduct_deg2 = 26'000.0;

std::string degrees(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

const AntennaSpec& checked(const AntennaSpec& spec);

}  // namespace

double main_lobe_ratio(MainLobeShape shape, double off_axis_rad, double beamwidth_rad) {
  const double x = off_axis_rad / beamwidth_rad;  // in beamwidths
  if (shape == MainLobeShape::kGaussian) return std::exp(-kGaussianExponent * x * x);
  const double u = 2.0 * kSincHalfPowerU * std::abs(x);
  if (u < 1e-8) return 1.0;
  if (u >= kPi) return 0.0;  // beyond the first null: the floor takes over
  const double s = std::sin(u) / u;
  return s * s;
}

std::vector<std::string> antenna_problems(const AntennaSpec& spec) {
  std::vector<std::string> problems;
  if (!(spec.beamwidth_az_deg > 0.0 && spec.beamwidth_az_deg <= 90.0))
    problems.push_back("beamwidth_az_deg is " + degrees(spec.beamwidth_az_deg) +
                       ": give the azimuth half-power full width, above 0 and at most 90 degrees");
  if (!(spec.beamwidth_el_deg > 0.0 && spec.beamwidth_el_deg <= 90.0))
    problems.push_back("beamwidth_el_deg is " + degrees(spec.beamwidth_el_deg) +
                       ": give the elevation half-power full width, above 0 and at most 90 degrees");
  if (!(spec.sidelobe_level_db >= -80.0 && spec.sidelobe_level_db <= -10.0))
    problems.push_back("sidelobe_level_db is " + degrees(spec.sidelobe_level_db) +
                       ": give the rms sidelobe level below the peak, from -80 to -10 dB (typically -25 to -35)");
  if (!(spec.tilt_deg > -90.0 && spec.tilt_deg < 90.0))
    problems.push_back("tilt_deg is " + degrees(spec.tilt_deg) + ": it must lie between -90 and 90 degrees");
  switch (spec.coverage) {
    case ElevationCoverage::kPencil:
      if (spec.beams != 1)
        problems.push_back("beams is " + std::to_string(spec.beams) +
                           ": a pencil beam has one; use stacked beams for more");
      break;
    case ElevationCoverage::kCosecantSquared:
      if (!(spec.tilt_deg > 0.0))
        problems.push_back("tilt_deg is " + degrees(spec.tilt_deg) +
                           ": a cosecant-squared beam needs its peak (where the csc^2 law starts) above the "
                           "horizon; give it about half the elevation beamwidth");
      if (!(spec.upper_elevation_deg > spec.tilt_deg && spec.upper_elevation_deg < 90.0))
        problems.push_back("upper_elevation_deg is " + degrees(spec.upper_elevation_deg) +
                           ": the csc^2 coverage must end above the beam peak (tilt_deg " + degrees(spec.tilt_deg) +
                           ") and below 90 degrees");
      if (spec.beams != 1)
        problems.push_back("beams is " + std::to_string(spec.beams) +
                           ": a cosecant-squared fan is one beam; use stacked beams for more");
      break;
    case ElevationCoverage::kStackedBeams:
      if (spec.beams < 2) {
        problems.push_back("beams is " + std::to_string(spec.beams) +
                           ": stacked beams need at least 2; use a pencil beam for one");
      } else if (!(spec.upper_elevation_deg > spec.tilt_deg && spec.upper_elevation_deg < 90.0)) {
        problems.push_back("upper_elevation_deg is " + degrees(spec.upper_elevation_deg) +
                           ": the highest beam's centre must lie above the lowest's (tilt_deg " +
                           degrees(spec.tilt_deg) + ") and below 90 degrees");
      } else {
        const double spacing_deg = (spec.upper_elevation_deg - spec.tilt_deg) / (spec.beams - 1);
        if (spacing_deg > spec.beamwidth_el_deg)
          problems.push_back("stacked beams are " + degrees(spacing_deg) + " degrees apart but " +
                             degrees(spec.beamwidth_el_deg) +
                             " degrees wide, leaving gaps deeper than 3 dB between them: add beams (at least " +
                             std::to_string(static_cast<int>(std::ceil((spec.upper_elevation_deg - spec.tilt_deg) /
                                                                       spec.beamwidth_el_deg)) + 1) +
                             ") or widen them");
      }
      break;
  }
  return problems;
}

void validate_antenna(const AntennaSpec& spec) {
  const auto problems = antenna_problems(spec);
  if (problems.empty()) return;
  std::string message = "antenna: ";
  for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
  throw InputError(message);
}

double elevation_beamwidth_for_gain_deg(double gain_db, double beamwidth_az_deg) {
  return kGainBeamwidthProduct_deg2 / (db_to_ratio(gain_db) * beamwidth_az_deg);
}

double gain_for_beamwidths_db(double beamwidth_az_deg, double beamwidth_el_deg) {
  return ratio_to_db(kGainBeamwidthProduct_deg2 / (beamwidth_az_deg * beamwidth_el_deg));
}

namespace {
const AntennaSpec& checked(const AntennaSpec& spec) {
  validate_antenna(spec);
  return spec;
}
}  // namespace

// ---- azimuth ----

AzimuthPattern::AzimuthPattern(MainLobeShape shape, double beamwidth_rad, double sidelobe_level_db)
    : shape_(shape), beamwidth_rad_(beamwidth_rad), sidelobe_ratio_(db_to_ratio(sidelobe_level_db)) {
  if (!(beamwidth_rad > 0.0 && beamwidth_rad <= kPi / 2.0))
    throw InputError("antenna: azimuth beamwidth must be above 0 and at most 90 degrees");
}

double AzimuthPattern::main_lobe(double off_boresight_rad) const {
  return main_lobe_ratio(shape_, wrap_pi(off_boresight_rad), beamwidth_rad_);
}

double AzimuthPattern::gain_ratio(double off_boresight_rad) const {
  return std::max(main_lobe(off_boresight_rad), sidelobe_ratio_);
}

double AzimuthPattern::voltage_ratio(double off_boresight_rad) const {
  return std::sqrt(gain_ratio(off_boresight_rad));
}

// ---- elevation ----

ElevationPattern::ElevationPattern(const AntennaSpec& spec)
    : shape_(spec.shape),
      coverage_(spec.coverage),
      beamwidth_rad_(deg_to_rad(spec.beamwidth_el_deg)),
      tilt_rad_(deg_to_rad(spec.tilt_deg)),
      upper_rad_(deg_to_rad(spec.upper_elevation_deg)),
      beams_(spec.beams),
      spacing_rad_(0.0),
      csc2_peak_sin2_(0.0),
      csc2_top_ratio_(1.0),
      sidelobe_ratio_(db_to_ratio(spec.sidelobe_level_db)) {
  validate_antenna(spec);
  if (coverage_ == ElevationCoverage::kStackedBeams) spacing_rad_ = (upper_rad_ - tilt_rad_) / (beams_ - 1);
  if (coverage_ == ElevationCoverage::kCosecantSquared) {
    const double s = std::sin(tilt_rad_);
    csc2_peak_sin2_ = s * s;
    const double t = std::sin(upper_rad_);
    csc2_top_ratio_ = csc2_peak_sin2_ / (t * t);
  }
}

int ElevationPattern::beam_index(double el_rad) const {
  if (coverage_ != ElevationCoverage::kStackedBeams) return 0;
  const double k = std::round((el_rad - tilt_rad_) / spacing_rad_);
  return static_cast<int>(std::clamp(k, 0.0, static_cast<double>(beams_ - 1)));
}

double ElevationPattern::crossover_ratio() const {
  if (coverage_ != ElevationCoverage::kStackedBeams) return 1.0;
  return main_lobe_ratio(shape_, spacing_rad_ / 2.0, beamwidth_rad_);
}

double ElevationPattern::coverage(double el_rad) const {
  switch (coverage_) {
    case ElevationCoverage::kPencil:
      return main_lobe_ratio(shape_, el_rad - tilt_rad_, beamwidth_rad_);
    case ElevationCoverage::kCosecantSquared: {
      if (el_rad <= tilt_rad_) return main_lobe_ratio(shape_, el_rad - tilt_rad_, beamwidth_rad_);
      if (el_rad <= upper_rad_) {
        const double s = std::sin(el_rad);
        return csc2_peak_sin2_ / (s * s);
      }
      return csc2_top_ratio_ * main_lobe_ratio(shape_, el_rad - upper_rad_, beamwidth_rad_);
    }
    case ElevationCoverage::kStackedBeams: {
      // The lobes are alike and fall monotonically off their axes: the nearest beam is the envelope.
      const double centre_rad = tilt_rad_ + beam_index(el_rad) * spacing_rad_;
      return main_lobe_ratio(shape_, el_rad - centre_rad, beamwidth_rad_);
    }
  }
  return 0.0;
}

double ElevationPattern::gain_ratio(double el_rad) const { return std::max(coverage(el_rad), sidelobe_ratio_); }

double ElevationPattern::receive_gain_ratio(double target_el_rad, double el_rad) const {
  if (coverage_ != ElevationCoverage::kStackedBeams) return gain_ratio(el_rad);
  const double centre_rad = tilt_rad_ + beam_index(target_el_rad) * spacing_rad_;
  return std::max(main_lobe_ratio(shape_, el_rad - centre_rad, beamwidth_rad_), sidelobe_ratio_);
}

double ElevationPattern::voltage_ratio(double el_rad) const { return std::sqrt(gain_ratio(el_rad)); }

// ---- both planes ----

AntennaPattern::AntennaPattern(const AntennaSpec& spec)
    : azimuth_(checked(spec).shape, deg_to_rad(spec.beamwidth_az_deg), spec.sidelobe_level_db),
      elevation_(spec),
      sidelobe_ratio_(db_to_ratio(spec.sidelobe_level_db)) {}

double AntennaPattern::gain_ratio(double az_off_boresight_rad, double el_rad) const {
  return std::max(azimuth_.main_lobe(az_off_boresight_rad) * elevation_.coverage(el_rad), sidelobe_ratio_);
}

double AntennaPattern::receive_gain_ratio(double target_el_rad, double az_off_boresight_rad, double el_rad) const {
  const double g_el = elevation_.receive_gain_ratio(target_el_rad, el_rad);
  return std::max(azimuth_.main_lobe(az_off_boresight_rad) * g_el, sidelobe_ratio_);
}

double AntennaPattern::voltage_ratio(double az_off_boresight_rad, double el_rad) const {
  return std::sqrt(gain_ratio(az_off_boresight_rad, el_rad));
}

}  // namespace rampart::environment
