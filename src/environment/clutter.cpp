#include "environment/clutter.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::environment {

double sea_reflectivity(double grazing_rad, double frequency_hz, double sea_state, Polarization polarization) {
  RAMPART_DEMAND(grazing_rad > 0.0 && grazing_rad <= kPi / 2.0 && frequency_hz > 0.0 && sea_state >= 0.0 &&
                     sea_state <= 6.0,
                 "a grazing angle in (0, 90] deg, a positive frequency and a sea state 0..6");
  const bool hh = polarization == Polarization::kHorizontal;
  const double c1 = hh ? -73.0 : -50.796;
  const double c2 = hh ? 20.781 : 25.93;
  const double c3 = hh ? 7.351 : 0.7093;
  const double c4 = hh ? 25.65 : 21.588;
  const double c5 = hh ? 0.0054 : 0.00211;
  const double psi_deg = rad_to_deg(grazing_rad);
  const double f_ghz = frequency_hz * 1e-9;
  const double db = c1 + c2 * std::log10(std::sin(grazing_rad)) +
                    (27.5 + c3 * psi_deg) * std::log10(f_ghz) / (1.0 + 0.95 * psi_deg) +
                    c4 * std::pow(1.0 + sea_state, 1.0 / (2.0 + 0.085 * psi_deg + 0.033 * sea_state)) +
                    c5 * psi_deg * psi_deg;
  return db_to_ratio(db);
}

const char* to_string(LandCover land_cover) {
  switch (land_cover) {
    case LandCover::kDesert: return "desert";
    case LandCover::kFarmland: return "farmland";
    case LandCover::kWoods: return "woods";
    case LandCover::kWoodedHills: return "wooded_hills";
    case LandCover::kUrban: return "urban";
    case LandCover::kMountains: return "mountains";
  }
  return "?";
}

double land_gamma(LandCover land_cover, double frequency_hz) {
  RAMPART_DEMAND(frequency_hz > 0.0, "a positive frequency");
  double gamma_10ghz_db = 0.0;
  switch (land_cover) {
    case LandCover::kDesert: gamma_10ghz_db = -20.0; break;
    case LandCover::kFarmland: gamma_10ghz_db = -15.0; break;
    case LandCover::kWoods: gamma_10ghz_db = -15.0; break;
    case LandCover::kWoodedHills: gamma_10ghz_db = -10.0; break;
    case LandCover::kUrban: gamma_10ghz_db = -10.0; break;
    case LandCover::kMountains: gamma_10ghz_db = -5.0; break;
  }
  return db_to_ratio(gamma_10ghz_db + 5.0 * std::log10(frequency_hz / 10e9));
}

double land_reflectivity(double grazing_rad, double frequency_hz, LandCover land_cover) {
  return land_gamma(land_cover, frequency_hz) * std::sin(std::max(grazing_rad, 0.0));
}

double clutter_grazing_rad(double radar_height_m, double slant_range_m, double k_factor) {
  if (slant_range_m <= 0.0) return kPi / 2.0;
  const double a = k_factor * kEarthRadius_m;
  const double h = radar_height_m;
  const double s = (2.0 * a * h + h * h - slant_range_m * slant_range_m) / (2.0 * a * slant_range_m);
  if (s <= 0.0) return 0.0;
  return std::asin(std::min(s, 1.0));
}

double clutter_cell_area_m2(double slant_range_m, double beamwidth_az_rad, double pulse_width_s, double grazing_rad) {
  return slant_range_m * beamwidth_az_rad * (0.5 * kSpeedOfLight_mps * pulse_width_s) / std::cos(grazing_rad);
}

double clutter_rcs_m2(const ClutterSurface& surface, double frequency_hz, double radar_height_m, double slant_range_m,
                      double beamwidth_az_rad, double pulse_width_s, double k_factor) {
  const double psi = clutter_grazing_rad(radar_height_m, slant_range_m, k_factor);
  if (psi <= 0.0) return 0.0;
  const double sigma0 = surface.sea ? sea_reflectivity(psi, frequency_hz, surface.sea_state, surface.polarization)
                                    : land_reflectivity(psi, frequency_hz, surface.land_cover);
  return sigma0 * clutter_cell_area_m2(slant_range_m, beamwidth_az_rad, pulse_width_s, psi);
}

bool MtiFilter::notches(double radial_speed_mps) const {
  const double v = std::abs(radial_speed_mps);
  if (v < min_detectable_speed_mps) return true;
  if (prf_hz.empty()) return false;
  for (std::size_t i = 0; i < prf_hz.size(); ++i) {
    const double vb = blind_speed_mps(i);
    const double r = std::fmod(v, vb);
    if (std::min(r, vb - r) >= min_detectable_speed_mps) return false;  // this PRF sees it
  }
  return true;
}

FilterOutput filter_clutter(double snr, double cnr, const MtiFilter& filter, double radial_speed_mps) {
  const double improvement = db_to_ratio(filter.improvement_db);
  FilterOutput out;
  out.notched = filter.notches(radial_speed_mps);
  const double signal = out.notched ? snr / improvement : snr;
  out.scnr = signal / (1.0 + cnr / improvement);
  return out;
}

}  // namespace rampart::environment
