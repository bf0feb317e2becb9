#include "sensors/esm.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"

namespace rampart::sensors {

namespace {
/// Chi-square with 3 degrees of freedom: P(d^2 <= 16.27) = 0.999.
constexpr double kIdentificationGate = 16.27;
}  // namespace

EsmReceiver::EsmReceiver(int sensor_id, const scenario::EsmSensor& spec, const std::vector<scenario::Emitter>& emitters,
                         const LocalFrame& scenario_frame, std::uint64_t seed,
                         std::shared_ptr<const environment::Terrain> terrain)
    : id_(sensor_id),
      spec_(spec),
      emitters_(emitters),
      position_enu_m_(scenario_frame.surface_point_enu(spec.position.east_m, spec.position.north_m,
                                                       spec.site_alt_m + spec.mast_height_m)),
      horizon_k_re_m_(2.0 * (4.0 / 3.0) * kEarthRadius_m),
      noise_(seed, static_cast<std::uint64_t>(1000 + sensor_id), Purpose::kMeasurementNoise),
      terrain_(std::move(terrain)) {}

SensorSite EsmReceiver::site() const { return {spec_.name, "esm", position_enu_m_, spec_.max_range_m}; }

void EsmReceiver::observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                          std::uint64_t&, Observation& out) {
  if (std::floor(t_end_s / spec_.period_s) == std::floor(t_begin_s / spec_.period_s)) return;
  for (auto& r : listen(t_end_s, truth)) out.angles.push_back(std::move(r));
}

double EsmReceiver::hearing_range_m(const scenario::Emitter& emitter) const {
  const double lambda_m = kSpeedOfLight_mps / emitter.frequency_hz;
  const double sensitivity_w = 1e-3 * db_to_ratio(spec_.sensitivity_dbm);
  const double gains = emitter.peak_power_w * db_to_ratio(emitter.antenna_gain_db + spec_.antenna_gain_db);
  return lambda_m / (4.0 * kPi) * std::sqrt(gains / (sensitivity_w * db_to_ratio(spec_.losses_db)));
}

std::string EsmReceiver::identify(double frequency_hz, double prf_hz, double pulse_width_s) const {
  const scenario::Emitter* best = nullptr;
  double best_d2 = kIdentificationGate;
  for (const auto& e : emitters_) {
    if (!e.in_library) continue;
    const double df = (frequency_hz - e.frequency_hz) / spec_.frequency_sigma_hz;
    const double dprf = (prf_hz - e.prf_hz) / spec_.prf_sigma_hz;
    const double dpw = (pulse_width_s - e.pulse_width_s) / spec_.pulse_width_sigma_s;
    const double d2 = df * df + dprf * dprf + dpw * dpw;
    if (d2 <= best_d2) {
      best_d2 = d2;
      best = &e;
    }
  }
  return best ? best->name : kUnknownEmitter;
}

std::vector<AngleReport> EsmReceiver::listen(double t_s, const std::vector<world::Entity>& truth) {
  std::vector<AngleReport> reports;
  const double horizon_site_m = std::sqrt(horizon_k_re_m_ * std::max(spec_.site_alt_m + spec_.mast_height_m, 0.0));
  for (const auto& e : truth) {
    if (!e.flying() || e.emitter.empty()) continue;
    const auto emitter = std::find_if(emitters_.begin(), emitters_.end(),
                                      [&](const scenario::Emitter& x) { return x.name == e.emitter; });
    if (emitter == emitters_.end()) continue;  // the loader admits only listed emitters
    const Eigen::Vector3d d = e.p_enu_m - position_enu_m_;
    const double range_m = d.norm();
    const double horizon_m = horizon_site_m + std::sqrt(horizon_k_re_m_ * std::max(e.geodetic.alt_m, 0.0));
    if (range_m > spec_.max_range_m || range_m > horizon_m || range_m > hearing_range_m(*emitter)) continue;
    if (terrain_ && !terrain_->line_of_sight(spec_.position.east_m, spec_.position.north_m,
                                             spec_.site_alt_m + spec_.mast_height_m, e.p_enu_m.x(), e.p_enu_m.y(),
                                             e.geodetic.alt_m))
      continue;
    const double sigma_rad = deg_to_rad(spec_.bearing_sigma_deg);
    const double bearing_rad = wrap_two_pi(azimuth_rad(d.x(), d.y()) + noise_.normal(0.0, sigma_rad));
    const double f_hz = emitter->frequency_hz + noise_.normal(0.0, spec_.frequency_sigma_hz);
    const double prf_hz = emitter->prf_hz + noise_.normal(0.0, spec_.prf_sigma_hz);
    const double pw_s = emitter->pulse_width_s + noise_.normal(0.0, spec_.pulse_width_sigma_s);
    reports.push_back({.t_s = t_s,
                       .sensor = spec_.name,
                       .sensor_enu_m = position_enu_m_,
                       .bearing_rad = bearing_rad,
                       .bearing_sigma_rad = sigma_rad,
                       .emitter = identify(f_hz, prf_hz, pw_s),
                       .truth_id = e.id});
  }
  return reports;
}

}  // namespace rampart::sensors
