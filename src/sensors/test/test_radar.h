// The surveillance radar the sensor tests share: 1 MW, 35 dB, S band, 300 km.
#pragma once

#include <cmath>

#include "core/units.h"
#include "scenario/loader.h"
#include "scenario/scenario.h"
#include "world/world.h"

namespace rampart::sensors {

inline scenario::Radar test_radar(bool three_d) {
  scenario::Radar r;
  r.name = three_d ? "test 3-D" : "test 2-D";
  r.position = {0.0, 0.0};
  r.site_alt_m = 0.0;
  r.antenna_height_m = 10.0;
  r.scan_period_s = 4.0;
  r.peak_power_w = 1e6;
  r.antenna_gain_db = 35.0;
  r.frequency_hz = 3e9;
  r.pulse_width_s = 1e-6;
  r.noise_figure_db = 3.0;
  r.losses_db = 6.0;
  r.pulses_integrated = 10;
  r.false_alarm_probability = 1e-6;
  r.beamwidth_az_deg = 2.0;
  r.min_range_m = 500.0;
  r.max_range_m = 300'000.0;
  r.max_elevation_deg = 60.0;
  r.range_sigma_m = 50.0;
  r.az_sigma_deg = 0.2;
  if (three_d) r.el_sigma_deg = 0.3;
  r.antenna = scenario::default_antenna(r);
  return r;
}

/// A target of `rcs_m2` flying at (east_m, north_m, alt_m) of `frame`.
inline world::Entity target_at(const LocalFrame& frame, std::uint32_t id, double east_m, double north_m, double alt_m,
                               double rcs_m2) {
  world::Entity e{.id = id, .name = "t", .rcs_m2 = rcs_m2};
  e.state = world::EntityState::kFlying;
  e.geodetic = frame.surface_point(east_m, north_m, alt_m);
  e.p_enu_m = frame.to_enu(e.geodetic);
  return e;
}

/// A fire-control radar: test_radar(true) made X band with a 1 s revisit over a sector 90 deg wide
/// centred on boresight_az_deg from -2 to 70 deg of elevation, 2 channels, detecting 1 m^2 with
/// Pd 0.9 at 40 km in free space (Swerling 1, one pulse), to 60 km.
inline scenario::Radar test_fire_control_radar(double boresight_az_deg = 0.0) {
  scenario::Radar r = test_radar(true);
  r.name = "test FCR";
  r.scan_period_s = 1.0;
  r.reference = scenario::ReferenceDetection{.range_m = 40'000.0, .rcs_m2 = 1.0, .pd = 0.9};
  r.antenna_gain_db = 38.0;
  r.frequency_hz = 9e9;
  r.pulse_width_s = 5e-7;
  r.pulses_integrated = 1;
  r.beamwidth_az_deg = 1.0;
  r.max_range_m = 60'000.0;
  r.iff_interrogator = false;
  r.fire_control = scenario::FireControl{
      .sector = {.boresight_az_deg = boresight_az_deg, .width_az_deg = 90.0, .min_elevation_deg = -2.0, .max_elevation_deg = 70.0},
      .channels = 2};
  r.max_elevation_deg = 70.0;
  r.antenna = scenario::default_antenna(r);
  return r;
}

/// The elevation at the radar of the direct ray to a target `ground_range_m` away, as the radar's
/// antenna sees it: over the 4/3 effective Earth (refraction bends the ray down, so it leaves the
/// radar higher than the straight line of the true Earth), worked on the sphere of radius
/// a_e = 4/3 x 6371 km = 8494.7 km: with the central angle phi = d / a_e,
///   tan el = ((a_e + h_t) cos phi - (a_e + h_r)) / ((a_e + h_t) sin phi),
/// about (h_t - h_r) / d - d / (2 a_e) on a flat 4/3 Earth (atan((h_t - h_r - d^2 / (2 a_e)) / d)
/// closer above a few degrees). It is d / (8 Re) above the true Earth's geometric elevation
/// (h_t - h_r) / d - d / (2 Re): 0.11 degree at 100 km.
inline double direct_elevation_rad(double radar_alt_m, double target_alt_m, double ground_range_m) {
  const double a_e = 4.0 / 3.0 * kEarthRadius_m;
  const double phi = ground_range_m / a_e;
  return std::atan2((a_e + target_alt_m) * std::cos(phi) - (a_e + radar_alt_m), (a_e + target_alt_m) * std::sin(phi));
}

/// No multipath and no clutter: the radar equation alone, for hand-worked values.
inline const scenario::Environment kFreeSpace{.multipath = false, .clutter = false};

}  // namespace rampart::sensors
