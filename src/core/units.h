// Unit conversions and angle helpers. SI inside Rampart; other units only at the edges.
#pragma once

#include <cmath>
#include <numbers>

namespace rampart {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kTwoPi = 2.0 * std::numbers::pi;
inline constexpr double kSpeedOfLight_mps = 299'792'458.0;
inline constexpr double kBoltzmann_JpK = 1.380649e-23;
inline constexpr double kStandardTemperature_K = 290.0;
inline constexpr double kEarthRadius_m = 6'371'000.0;
inline constexpr double kStandardGravity_mps2 = 9.80665;  ///< g0 (CGPM 1901)
inline constexpr double kMetresPerFoot = 0.3048;
inline constexpr double kMetresPerNauticalMile = 1852.0;
inline constexpr double kMpsPerKnot = kMetresPerNauticalMile / 3600.0;

constexpr double deg_to_rad(double deg) { return deg * (kPi / 180.0); }
constexpr double rad_to_deg(double rad) { return rad * (180.0 / kPi); }
inline double db_to_ratio(double db) { return std::pow(10.0, db / 10.0); }
inline double ratio_to_db(double ratio) { return 10.0 * std::log10(ratio); }

/// Wraps an angle to [0, 2*pi).
inline double wrap_two_pi(double rad) {
  double r = std::fmod(rad, kTwoPi);
  return r < 0.0 ? r + kTwoPi : r;
}

/// Wraps an angle to [-pi, pi).
inline double wrap_pi(double rad) { return wrap_two_pi(rad + kPi) - kPi; }

/// Whether compass azimuth az_rad lies within half_width_rad of centre_rad on either side, the
/// edges included to 1e-9 rad (what rounding leaves of an edge given in degrees).
inline bool azimuth_within(double az_rad, double centre_rad, double half_width_rad) {
  return std::abs(wrap_pi(az_rad - centre_rad)) <= half_width_rad + 1e-9;
}

/// Compass azimuth (clockwise from north) of a horizontal east/north vector, in [0, 2*pi).
inline double azimuth_rad(double east_m, double north_m) {
  return wrap_two_pi(std::atan2(east_m, north_m));
}

}  // namespace rampart
