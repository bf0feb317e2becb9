#include "sensors/fire_control_radar.h"

#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::sensors {
namespace {
scenario::Radar with_sector_ceiling(scenario::Radar spec) {
  RAMPART_DEMAND(spec.fire_control.has_value(), "a fire-control radar has a sector and channels");
  spec.max_elevation_deg = spec.fire_control->sector.max_elevation_deg;
  return spec;
}
}  // namespace

FireControlRadar::FireControlRadar(int sensor_id, const scenario::Radar& spec, const scenario::Environment& environment,
                                   const LocalFrame& scenario_frame, std::uint64_t seed)
    : SurveillanceRadar(sensor_id, with_sector_ceiling(spec), environment, scenario_frame, seed) {
  const scenario::Sector& sector = spec.fire_control->sector;
  const double half_rad = deg_to_rad(sector.width_az_deg) / 2.0;
  const double boresight_rad = deg_to_rad(sector.boresight_az_deg);
  frame_ = {.az_begin_rad = wrap_two_pi(boresight_rad - half_rad),
            .az_end_rad = wrap_two_pi(boresight_rad + half_rad),
            .width_rad = 2.0 * half_rad,
            .closed = true};
}

bool FireControlRadar::in_sector(double az_rad, double el_rad) const {
  return scenario::in_sector(spec().fire_control->sector, az_rad, el_rad);
}

SensorSite FireControlRadar::site() const {
  return {spec().name, "fire_control_radar", position_enu_m(), spec().max_range_m};
}

void FireControlRadar::observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                               std::uint64_t& next_plot_id, Observation& out) {
  const double revisit_s = spec().scan_period_s;
  if (std::floor(t_end_s / revisit_s) == std::floor(t_begin_s / revisit_s)) return;
  out.looks.push_back(look(t_end_s - revisit_s, t_end_s, frame_, truth, next_plot_id, &out.angles));
}

}  // namespace rampart::sensors
