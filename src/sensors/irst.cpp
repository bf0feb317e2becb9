#include "sensors/irst.h"

#include <cmath>

#include "core/random.h"
#include "core/units.h"

namespace rampart::sensors {

namespace {
constexpr double kEffectiveEarthFactor = 4.0 / 3.0;
constexpr std::uint64_t kIrstKey = 3000;  ///< keeps IRST draws apart from radar and ESM draws
}  // namespace

InfraredSearchTrack::InfraredSearchTrack(int sensor_id, const scenario::Irst& spec, const LocalFrame& scenario_frame,
                                         std::uint64_t seed, std::shared_ptr<const environment::Terrain> terrain)
    : id_(sensor_id),
      spec_(spec),
      mount_(scenario_frame, spec.position.east_m, spec.position.north_m, spec.site_alt_m + spec.mast_height_m),
      seed_(seed),
      terrain_(std::move(terrain)) {}

SensorSite InfraredSearchTrack::site() const { return {spec_.name, "irst", mount_.position_enu_m, spec_.max_range_m}; }

void InfraredSearchTrack::observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                                  std::uint64_t&, Observation& out) {
  const double frame = std::floor(t_end_s / spec_.frame_period_s);
  if (frame == std::floor(t_begin_s / spec_.frame_period_s)) return;
  const double k_re_m = 2.0 * kEffectiveEarthFactor * kEarthRadius_m;
  const double horizon_sensor_m = std::sqrt(k_re_m * std::max(mount_.alt_m, 0.0));
  const double bearing_sigma_rad = deg_to_rad(spec_.bearing_sigma_deg);
  const double elevation_sigma_rad = deg_to_rad(spec_.elevation_sigma_deg);
  for (const auto& e : truth) {
    if (!e.flying()) continue;
    const Eigen::Vector3d local = mount_.frame.to_enu(e.geodetic);
    const double range_m = local.norm();
    const double horizon_m = horizon_sensor_m + std::sqrt(k_re_m * std::max(e.geodetic.alt_m, 0.0));
    if (range_m > spec_.max_range_m || range_m > horizon_m) continue;
    if (terrain_ && !terrain_->line_of_sight(spec_.position.east_m, spec_.position.north_m, mount_.alt_m, e.p_enu_m.x(),
                                             e.p_enu_m.y(), e.geodetic.alt_m))
      continue;
    const std::uint64_t key =
        entity_key(entity_key(kIrstKey + static_cast<std::uint64_t>(id_), e.id), static_cast<std::uint64_t>(frame));
    if (!RandomStream(seed_, key, Purpose::kDetection).bernoulli(spec_.detection_probability)) continue;
    RandomStream noise(seed_, key, Purpose::kMeasurementNoise);
    // Measured in the sensor's frame; the bearing is turned into the scenario frame's axes.
    const double el_rad = std::atan2(local.z(), local.head<2>().norm()) + noise.normal(0.0, elevation_sigma_rad);
    const double az_rad = azimuth_rad(local.x(), local.y()) + noise.normal(0.0, bearing_sigma_rad);
    const Eigen::Vector3d los_scenario =
        mount_.R_scenario_from_sensor * Eigen::Vector3d(std::sin(az_rad), std::cos(az_rad), 0.0);
    out.angles.push_back({.t_s = t_end_s,
                          .sensor = spec_.name,
                          .sensor_enu_m = mount_.position_enu_m,
                          .bearing_rad = azimuth_rad(los_scenario.x(), los_scenario.y()),
                          .bearing_sigma_rad = bearing_sigma_rad,
                          .elevation_rad = el_rad,
                          .elevation_sigma_rad = elevation_sigma_rad,
                          .truth_id = e.id});
  }
}

}  // namespace rampart::sensors
