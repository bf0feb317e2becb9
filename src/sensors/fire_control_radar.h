// A sector-scanning fire-control radar (a phased array): the radar of a fire unit, which looks
// over its sector once every revisit period and guides the unit's interceptors.
//
// Physics: that of every radar here (sensors/radar.h), unchanged: the range equation from the
// transmitter or a reference detection (Pd0 on sigma0 at R0 in free space: SNR0(sigma, R) = SNR_req
// (Pd0) (sigma / sigma0) (R0 / R)^4, so a target of sigma0 is detected with Pd0 at R0 and, for
// Swerling 1 after coherent integration, Pd = Pfa^(1 / (1 + SNR)) anywhere), the
// pattern-propagation factor, terrain masking, sea and land clutter against its MTI, noise
// jamming with strobes, the SNR-dependent accuracy of range, azimuth and elevation, and 3-D plots
// when it measures elevation (el_sigma_deg).
// Scan: instead of turning, the beam steps over the whole sector once a revisit period
// T = scan_period_s, as a phased array's frame does; each frame is one look, reported at the
// first base step at or after each multiple of T, holding what was in the sector then. The
// sector (scenario::Sector, sensor frame) holds the compass azimuths az with
//   |wrap_pi(az - boresight)| <= width / 2
// and the elevations el with min_el <= el <= max_el, edges included (radar.h measures el as the
// straight-line elevation in the radar's frame: a low target near the horizon is below 0 deg).
// The dwell on a target is T beamwidth_az / width (the loader checks the pulses fit in it), and
// the false alarms of a frame are Poisson with mean Pfa (range cells) (width / beamwidth_az).
// Channels: its fire unit guides at most `channels` interceptors at once (engagement/fire_unit.h
// takes them from here through the scenario: make_fire_units).
// It carries no IFF interrogator; it radiates as its emission control says (c2/emission_control.h),
// so anti-radiation missiles hear it only then.
#pragma once

#include <cstdint>
#include <vector>

#include "core/geodesy.h"
#include "scenario/scenario.h"
#include "sensors/radar.h"

namespace rampart::sensors {

class FireControlRadar final : public SurveillanceRadar {
 public:
  /// `spec` must have fire_control; its sector's max_elevation_deg is the radar's ceiling.
  FireControlRadar(int sensor_id, const scenario::Radar& spec, const scenario::Environment& environment,
                   const LocalFrame& scenario_frame, std::uint64_t seed);

  /// Whether compass azimuth az_rad and elevation el_rad (sensor frame) lie in its sector, edges
  /// included.
  bool in_sector(double az_rad, double el_rad) const;
  /// Interceptors it can guide at once.
  int channels() const { return spec().fire_control->channels; }

  SensorSite site() const override;
  /// One look over the whole sector when (t_begin_s, t_end_s] holds a multiple of the revisit
  /// period, at t_end_s; nothing otherwise.
  void observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
               std::uint64_t& next_plot_id, Observation& out) override;

 private:
  Sweep frame_;  ///< the sector's azimuths, as one closed sweep
};

}  // namespace rampart::sensors
