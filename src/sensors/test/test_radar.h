// The surveillance radar the sensor tests share: 1 MW, 35 dB, S band, 300 km.
#pragma once

#include "scenario/loader.h"
#include "scenario/scenario.h"

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

/// No multipath and no clutter: the radar equation alone, for hand-worked values.
inline const scenario::Environment kFreeSpace{.multipath = false, .clutter = false};

}  // namespace rampart::sensors
