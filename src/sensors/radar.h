// A rotating surveillance radar.
//
// Detection: the radar range equation gives the signal-to-noise ratio of a target,
//   SNR = Pt G^2 lambda^2 sigma n / ((4 pi)^3 k T0 F B L R^4),   B = 1 / pulse width,
// with n the pulses integrated coherently (n = 1 per pulse when they are integrated
// non-coherently, in the detector). The detection probability is that of a square-law detector
// for the radar's Swerling case (sensors/detection.h): for the default, Swerling 1 after coherent
// integration, exactly Pd = Pfa^(1 / (1 + SNR)).
// A target is seen only inside [min, max] range, below the maximum elevation and above the radar
// horizon of a 4/3 Earth: R <= sqrt(2 k Re h_radar) + sqrt(2 k Re h_target), k = 4/3.
// Measurements: Gaussian noise on range, azimuth and (3-D radars) elevation.
// False alarms: a Poisson number per look, mean Pfa times the resolution cells swept (range
// cells of c tau / 2 times beamwidths), uniform over the swept cells.
// The antenna turns clockwise at a constant rate; each look reports the sector swept since the
// last one.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/geodesy.h"
#include "core/random.h"
#include "scenario/scenario.h"
#include "sensors/detection.h"
#include "sensors/sensor.h"
#include "world/world.h"

namespace rampart::sensors {

class SurveillanceRadar : public Sensor {
 public:
  SurveillanceRadar(int sensor_id, const scenario::Radar& spec, const LocalFrame& scenario_frame,
                    std::uint64_t seed);

  /// Signal-to-noise ratio (a ratio, not dB) of a target of `rcs_m2` at `range_m`.
  double snr(double range_m, double rcs_m2) const;
  /// Swerling 1 detection probability for a given SNR and false-alarm probability.
  static double swerling1_pd(double snr, double false_alarm_probability);
  /// This radar's detection probability at `snr` (as snr() gives it).
  double detection_probability(double snr) const;
  /// Largest slant range at which a target at `target_alt_m` is above the 4/3-Earth horizon.
  double horizon_range_m(double target_alt_m) const;
  /// Compass azimuth of the beam at t_s (sensor frame).
  double beam_az_rad(double t_s) const;

  /// The sector swept during (t_begin_s, t_end_s]: detections of flying truth in it, and false
  /// alarms. Plot ids are taken from `next_plot_id`, which is advanced.
  Look look(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
            std::uint64_t& next_plot_id);

  SensorSite site() const override;
  void observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
               std::uint64_t& next_plot_id, Observation& out) override;

  int id() const { return id_; }
  const scenario::Radar& spec() const { return spec_; }
  const LocalFrame& frame() const { return mount_.frame; }
  /// Antenna position in the scenario frame.
  const Eigen::Vector3d& position_enu_m() const { return mount_.position_enu_m; }
  /// Mean number of false alarms in one full scan.
  double false_alarms_per_scan() const;

 private:
  messages::Plot make_plot(std::uint64_t plot_id, double t_s, double range_m, double az_rad,
                           double el_rad) const;
  RandomStream& stream(std::unordered_map<std::uint32_t, RandomStream>& streams, std::uint32_t truth_id,
                       Purpose purpose);

  int id_;
  scenario::Radar spec_;
  SensorMount mount_;
  double snr_at_1m_1m2_;  ///< SNR of a 1 m^2 target at 1 m: snr = this * rcs / R^4
  std::optional<DetectionCurve> curve_;  ///< all but Swerling 1 after coherent integration
  double az_phase_rad_;
  std::uint64_t seed_;
  RandomStream false_alarm_stream_;
  std::unordered_map<std::uint32_t, RandomStream> detection_streams_;
  std::unordered_map<std::uint32_t, RandomStream> noise_streams_;
};

}  // namespace rampart::sensors
