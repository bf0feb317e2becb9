#include "environment/jamming.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.h"
#include "core/units.h"

namespace rampart::environment {
namespace {

void require_positive(double value, const char* name) {
  if (!(value > 0.0 && std::isfinite(value)))
    throw InputError(std::string("jamming: ") + name + " is " + std::to_string(value) + "; it must be above 0");
}

void require_finite(double value, const char* name) {
  if (!std::isfinite(value))
    throw InputError(std::string("jamming: ") + name + " must be a finite number of dB");
}

constexpr double kFourPi = 4.0 * kPi;

}  // namespace

double bandwidth_ratio(double radar_bandwidth_hz, double jammer_bandwidth_hz) {
  return std::min(1.0, radar_bandwidth_hz / jammer_bandwidth_hz);
}

JammingLink::JammingLink(const RadarLink& radar, const NoiseJammer& jammer) {
  require_positive(radar.peak_power_w, "the radar's peak_power_w");
  require_positive(radar.frequency_hz, "the radar's frequency_hz");
  require_positive(radar.pulse_width_s, "the radar's pulse_width_s");
  require_finite(radar.antenna_gain_db, "the radar's antenna_gain_db");
  require_finite(radar.noise_figure_db, "the radar's noise_figure_db");
  require_finite(radar.losses_db, "the radar's losses_db");
  if (radar.pulses_coherent < 1)
    throw InputError("jamming: the radar's pulses_coherent is " + std::to_string(radar.pulses_coherent) +
                     "; give at least 1 (1 when the pulses are integrated non-coherently)");
  require_positive(jammer.power_w, "the jammer's power_w");
  require_positive(jammer.bandwidth_hz, "the jammer's bandwidth_hz");
  require_finite(jammer.antenna_gain_db, "the jammer's antenna_gain_db");
  require_finite(jammer.losses_db, "the jammer's losses_db");

  radar_bandwidth_hz_ = 1.0 / radar.pulse_width_s;
  wavelength_m_ = kSpeedOfLight_mps / radar.frequency_hz;
  noise_power_w_ = kBoltzmann_JpK * kStandardTemperature_K * db_to_ratio(radar.noise_figure_db) * radar_bandwidth_hz_;
  pulses_ = radar.pulses_coherent;
  const double gain = db_to_ratio(radar.antenna_gain_db);
  const double lambda2_m2 = wavelength_m_ * wavelength_m_;
  signal_w_m4_per_m2_ =
      radar.peak_power_w * gain * gain * lambda2_m2 / (kFourPi * kFourPi * kFourPi * db_to_ratio(radar.losses_db));
  const double erp_w = jammer.power_w * db_to_ratio(jammer.antenna_gain_db);
  jamming_w_m2_ = erp_w * gain * lambda2_m2 * bandwidth_ratio(radar_bandwidth_hz_, jammer.bandwidth_hz) /
                  (kFourPi * kFourPi * db_to_ratio(jammer.losses_db));
}

double JammingLink::signal_power_w_per_pulse(double range_m, double rcs_m2) const {
  const double r2 = range_m * range_m;
  return signal_w_m4_per_m2_ * rcs_m2 / (r2 * r2);
}

double JammingLink::jamming_power_w(double jammer_range_m, double gain_ratio_toward_jammer) const {
  return jamming_w_m2_ * gain_ratio_toward_jammer / (jammer_range_m * jammer_range_m);
}

double JammingLink::snr(double range_m, double rcs_m2) const {
  return pulses_ * signal_power_w_per_pulse(range_m, rcs_m2) / noise_power_w_;
}

double JammingLink::jamming_to_noise(double jammer_range_m, double gain_ratio_toward_jammer) const {
  return jamming_power_w(jammer_range_m, gain_ratio_toward_jammer) / noise_power_w_;
}

double JammingLink::jamming_to_signal_per_pulse(double range_m, double rcs_m2, double jammer_range_m,
                                                double gain_ratio_toward_jammer) const {
  return jamming_power_w(jammer_range_m, gain_ratio_toward_jammer) / signal_power_w_per_pulse(range_m, rcs_m2);
}

double JammingLink::jamming_to_signal(double range_m, double rcs_m2, double jammer_range_m,
                                      double gain_ratio_toward_jammer) const {
  return jamming_to_signal_per_pulse(range_m, rcs_m2, jammer_range_m, gain_ratio_toward_jammer) / pulses_;
}

double JammingLink::signal_to_jamming_plus_noise(double range_m, double rcs_m2, double jammer_range_m,
                                                 double gain_ratio_toward_jammer) const {
  return pulses_ * signal_power_w_per_pulse(range_m, rcs_m2) /
         (jamming_power_w(jammer_range_m, gain_ratio_toward_jammer) + noise_power_w_);
}

double JammingLink::self_protection_jamming_to_signal(double range_m, double rcs_m2) const {
  // K R^2 / (C sigma): the R^2 law, computed without forming R^4.
  return jamming_w_m2_ * range_m * range_m / (pulses_ * signal_w_m4_per_m2_ * rcs_m2);
}

double JammingLink::self_protection_sjnr(double range_m, double rcs_m2) const {
  return signal_to_jamming_plus_noise(range_m, rcs_m2, range_m, 1.0);
}

double JammingLink::self_protection_burn_through_noise_free_m(double rcs_m2, double required_snr) const {
  return std::sqrt(pulses_ * signal_w_m4_per_m2_ * rcs_m2 / (required_snr * jamming_w_m2_));
}

double JammingLink::self_protection_burn_through_m(double rcs_m2, double required_snr) const {
  // D N x^2 + D K x - C sigma = 0 in x = R^2; the positive root, written without cancellation.
  const double c_sigma = pulses_ * signal_w_m4_per_m2_ * rcs_m2;
  const double dk = required_snr * jamming_w_m2_;
  const double x_m2 = 2.0 * c_sigma / (dk + std::sqrt(dk * dk + 4.0 * required_snr * noise_power_w_ * c_sigma));
  return std::sqrt(x_m2);
}

double JammingLink::stand_off_burn_through_m(double rcs_m2, double required_snr, double jammer_range_m,
                                             double gain_ratio_toward_jammer) const {
  const double j_plus_n_w = jamming_power_w(jammer_range_m, gain_ratio_toward_jammer) + noise_power_w_;
  return std::sqrt(std::sqrt(pulses_ * signal_w_m4_per_m2_ * rcs_m2 / (required_snr * j_plus_n_w)));
}

double JammingLink::stand_off_burn_through_noise_free_m(double rcs_m2, double required_snr, double jammer_range_m,
                                                        double gain_ratio_toward_jammer) const {
  const double j_w = jamming_power_w(jammer_range_m, gain_ratio_toward_jammer);
  return std::sqrt(std::sqrt(pulses_ * signal_w_m4_per_m2_ * rcs_m2 / (required_snr * j_w)));
}

double JammingLink::detection_range_m(double rcs_m2, double required_snr) const {
  return std::sqrt(std::sqrt(pulses_ * signal_w_m4_per_m2_ * rcs_m2 / (required_snr * noise_power_w_)));
}

std::optional<Strobe> strobe(double jamming_to_noise, double beamwidth_rad, const StrobeRule& rule) {
  if (!(jamming_to_noise > 0.0)) return std::nullopt;
  const double jn_db = ratio_to_db(jamming_to_noise);
  if (jn_db < rule.min_jamming_to_noise_db) return std::nullopt;
  const double thermal_rad = beamwidth_rad / (rule.angle_error_slope * std::sqrt(2.0 * jamming_to_noise));
  // Never worse than a bearing uniform across the beam; never better than the floor.
  const double sigma_rad =
      std::max(std::min(thermal_rad, beamwidth_rad / std::sqrt(12.0)), rule.min_sigma_beamwidths * beamwidth_rad);
  return Strobe{jn_db, sigma_rad};
}

}  // namespace rampart::environment
