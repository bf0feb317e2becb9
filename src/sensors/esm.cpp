#include "sensors/esm.h"

#include <cmath>

#include "core/units.h"

namespace rampart::sensors {

EsmReceiver::EsmReceiver(int sensor_id, const scenario::EsmSensor& spec, const LocalFrame& scenario_frame,
                         std::uint64_t seed)
    : id_(sensor_id),
      spec_(spec),
      position_enu_m_(
          scenario_frame.surface_point_enu(spec.position.east_m, spec.position.north_m, spec.site_alt_m)),
      horizon_k_re_m_(2.0 * (4.0 / 3.0) * kEarthRadius_m),
      noise_(seed, static_cast<std::uint64_t>(1000 + sensor_id), Purpose::kMeasurementNoise) {}

SensorSite EsmReceiver::site() const { return {spec_.name, "esm", position_enu_m_, spec_.max_range_m}; }

void EsmReceiver::observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                          std::uint64_t&, Observation& out) {
  if (std::floor(t_end_s / spec_.period_s) == std::floor(t_begin_s / spec_.period_s)) return;
  for (auto& r : listen(t_end_s, truth)) out.angles.push_back(std::move(r));
}

std::vector<AngleReport> EsmReceiver::listen(double t_s, const std::vector<world::Entity>& truth) {
  std::vector<AngleReport> reports;
  const double horizon_site_m = std::sqrt(horizon_k_re_m_ * std::max(spec_.site_alt_m, 1.0));
  for (const auto& e : truth) {
    if (!e.flying() || e.emitter.empty()) continue;
    const Eigen::Vector3d d = e.p_enu_m - position_enu_m_;
    const double range_m = d.norm();
    const double horizon_m = horizon_site_m + std::sqrt(horizon_k_re_m_ * std::max(e.geodetic.alt_m, 0.0));
    if (range_m > spec_.max_range_m || range_m > horizon_m) continue;
    const double sigma_rad = deg_to_rad(spec_.bearing_sigma_deg);
    reports.push_back({.t_s = t_s,
                       .sensor = spec_.name,
                       .sensor_enu_m = position_enu_m_,
                       .bearing_rad = wrap_two_pi(azimuth_rad(d.x(), d.y()) + noise_.normal(0.0, sigma_rad)),
                       .bearing_sigma_rad = sigma_rad,
                       .emitter = e.emitter,
                       .truth_id = e.id});
  }
  return reports;
}

}  // namespace rampart::sensors
