// Surface clutter in a radar's resolution cell, and the MTI / Doppler filter that rejects it.
//
// Sea reflectivity: the NRL model (Gregers-Hansen and Mital, "An Improved Empirical Model for
// Radar Sea Clutter Reflectivity", NRL/MR/5310--12-9346, 2012), a fit to the Nathanson tables:
//   sigma0 (dB) = c1 + c2 log10(sin psi) + (27.5 + c3 psi) log10(f) / (1 + 0.95 psi)
//                 + c4 (1 + SS)^(1 / (2 + 0.085 psi + 0.033 SS)) + c5 psi^2,
// psi the grazing angle in degrees, f in GHz, SS the sea state 0..6;
//   HH: c1 = -73.00, c2 = 20.781, c3 = 7.351,  c4 = 25.65,  c5 = 0.0054,
//   VV: c1 = -50.796, c2 = 25.93, c3 = 0.7093, c4 = 21.588, c5 = 0.00211.
// Fitted for 0.1-60 deg, 0.5-35 GHz, sea states 0-6 (mean absolute deviation about 2.3 dB below
// 10 deg); below 0.1 deg we extend the fit (sigma0 falls as sin^2.1 psi, HH).
// Land reflectivity: constant gamma, sigma0 = gamma sin psi, with gamma at 10 GHz per terrain from
// Barton's table (Barton, "Land Clutter Models for Radar Design and Analysis", Proc. IEEE 73(2),
// 1985; Radar Equations for Modern Radar, 2013): flatland/desert -20 dB, farmland -15,
// woods -15, wooded hills -10, urban -10, rugged mountains -5; gamma grows as 5 log10(f / 10 GHz).
// Clutter in the target's cell (low grazing, pulse-limited cell):
//   sigma_c = sigma0 A,   A = R theta_az (c tau / 2) sec psi,
// and the grazing angle of the surface at slant range R from a radar at height h on an Earth of
// radius a_e = k Re (the triangle Earth centre-radar-patch):
//   sin psi = (2 a_e h + h^2 - R^2) / (2 a_e R);
// beyond the radar's clutter horizon (sin psi <= 0) there is no clutter.
// MTI / Doppler filter: the filter's improvement factor I divides the clutter-to-noise ratio,
//   SCNR = SNR / (1 + CNR / I);
// a target whose radial speed v lies within the minimum detectable speed v_min of a multiple of a
// blind speed v_b = lambda PRF / 2 (0 included) falls in the clutter notch and is attenuated with
// the clutter, SNR -> SNR / I. With staggered PRFs the target is notched only where it is within
// v_min of a blind speed of every PRF (blind speeds of the stagger are those common to all).
// Skolnik, Introduction to Radar Systems (3rd ed., 2001), ch. 3.
#pragma once

#include <vector>

#include "environment/propagation.h"

namespace rampart::environment {

enum class LandCover { kDesert, kFarmland, kWoods, kWoodedHills, kUrban, kMountains };
/// desert, farmland, woods, wooded_hills, urban, mountains.
const char* to_string(LandCover land_cover);

/// NRL sea reflectivity sigma0 (m^2/m^2, a ratio) at `grazing_rad`.
double sea_reflectivity(double grazing_rad, double frequency_hz, double sea_state, Polarization polarization);
/// gamma (a ratio) of a terrain at `frequency_hz`.
double land_gamma(LandCover land_cover, double frequency_hz);
/// Constant-gamma land reflectivity gamma sin(psi) (a ratio).
double land_reflectivity(double grazing_rad, double frequency_hz, LandCover land_cover);

/// Grazing angle of the surface at `slant_range_m` from a radar at `radar_height_m`; 0 at and
/// beyond the radar's clutter horizon.
double clutter_grazing_rad(double radar_height_m, double slant_range_m, double k_factor = 4.0 / 3.0);
/// Area of the pulse-limited resolution cell, R theta_az (c tau / 2) sec psi.
double clutter_cell_area_m2(double slant_range_m, double beamwidth_az_rad, double pulse_width_s, double grazing_rad);

/// What the radar's clutter cells lie on.
struct ClutterSurface {
  bool sea = true;
  double sea_state = 3.0;                                  ///< sea
  Polarization polarization = Polarization::kHorizontal;  ///< sea
  LandCover land_cover = LandCover::kFarmland;             ///< land
};

/// Clutter RCS (m^2) in the cell at `slant_range_m`: sigma0(psi) times the cell's area; 0
/// beyond the clutter horizon.
double clutter_rcs_m2(const ClutterSurface& surface, double frequency_hz, double radar_height_m, double slant_range_m,
                      double beamwidth_az_rad, double pulse_width_s, double k_factor = 4.0 / 3.0);

/// An MTI canceller or Doppler filter bank, described by its improvement factor and notch.
struct MtiFilter {
  double improvement_db = 30.0;            ///< I: clutter attenuation times average target gain
  double min_detectable_speed_mps = 3.0;   ///< half-width of the notch around each blind speed
  double wavelength_m = 0.1;
  std::vector<double> prf_hz;              ///< one: a single PRF; several: staggered

  /// v_b = lambda PRF / 2 of PRF `i`.
  double blind_speed_mps(std::size_t i) const { return 0.5 * wavelength_m * prf_hz.at(i); }
  /// True when a target at `radial_speed_mps` falls in the clutter notch.
  bool notches(double radial_speed_mps) const;
};

struct FilterOutput {
  double scnr = 0.0;     ///< signal-to-clutter-plus-noise ratio after the filter (a ratio)
  bool notched = false;  ///< the target fell in the notch (and was attenuated with the clutter)
};

/// SCNR after the filter for a target of `snr` in clutter of `cnr` (ratios, before the filter).
FilterOutput filter_clutter(double snr, double cnr, const MtiFilter& filter, double radial_speed_mps);

}  // namespace rampart::environment
