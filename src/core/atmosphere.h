// The air an interceptor flies through: an isothermal exponential atmosphere,
// rho(h) = 1.225 kg/m^3 x exp(-h / 8500 m) (sea-level density of the ICAO standard atmosphere,
// scale height 8.5 km; within 10 % of the standard atmosphere's density up to about 20 km,
// Anderson, "Introduction to Flight", ch. 3); standard gravity is in core/units.h.
#pragma once

#include <cmath>

#include "core/units.h"

namespace rampart {

inline constexpr double kSeaLevelAirDensity_kgpm3 = 1.225;
inline constexpr double kAtmosphereScaleHeight_m = 8500.0;

/// Air density at altitude_m above sea level.
inline double air_density_kgpm3(double altitude_m) {
  return kSeaLevelAirDensity_kgpm3 * std::exp(-altitude_m / kAtmosphereScaleHeight_m);
}

}  // namespace rampart
