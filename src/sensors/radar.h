// A rotating surveillance radar in its environment.
//
// Detection: the radar range equation gives the signal-to-noise ratio of a target at the beam's
// peak in free space,
//   SNR0 = Pt G^2 lambda^2 sigma n / ((4 pi)^3 k T0 F B L R^4),   B = 1 / pulse width,
// with n the pulses integrated coherently (n = 1 per pulse when they are integrated
// non-coherently, in the detector). A radar given by a reference detection instead (Pd0 on
// sigma0 at R0: scenario::ReferenceDetection) has the Pt that makes SNR0(sigma0, R0) the SNR its
// detector needs for Pd0 (detection.h: required_snr), so the same equation then holds at every
// range. The environment scales and adds to it:
//   signal    SNR = SNR0 F^4, F the pattern-propagation factor (environment/propagation.h):
//             the antenna's elevation voltage pattern f toward the target (environment/antenna.h)
//             and, over the sea, the reflected ray and the diffraction beyond the horizon;
//             without multipath (or over land) F = f(el);
//   clutter   CNR = SNR0(sigma_c) g_el(-psi)^2, sigma_c the clutter in the target's resolution
//             cell (sea or land by the terrain under the target; environment/clutter.h), psi the
//             grazing angle; zero beyond the clutter horizon;
//   jamming   J/N summed over every flying noise jammer, each through the antenna's gain toward
//             it while the beam points at the target (environment/jamming.h); a jammer on the
//             target itself is in the main beam (self-protection);
//   filter    an MTI or Doppler filter divides the clutter by its improvement factor I, and the
//             target too when its radial speed falls in the notch (a hovering helicopter):
//   SINR = SNR' / (1 + J/N + CNR'),  SNR' = SNR (or SNR / I in the notch),  CNR' = CNR / I (CNR
//   without a filter). The detection probability is that of a square-law detector for the
//   radar's Swerling case at this SINR (sensors/detection.h): for the default, Swerling 1 after
//   coherent integration, exactly Pd = Pfa^(1 / (1 + SINR)).
// Visibility: a target is seen only inside [min, max] range, below the maximum elevation, above
// the terrain (a per-radar terrain mask, environment/terrain.h) and, where F does not say it
// (land, or no multipath), above the radar horizon of a 4/3 Earth:
//   R <= sqrt(2 k Re h_radar) + sqrt(2 k Re h_target), k = 4/3.
// Measurements: Gaussian noise whose sigma grows as the SINR falls (Barton, Radar System Analysis
// and Modeling, ch. on measurement accuracy: thermal-noise error of a beam-split angle or a
// range gate), on top of the radar's fixed floor:
//   sigma_r^2 = range_sigma_m^2 + (c tau / 2 / sqrt(2 SINR))^2,
//   sigma_az^2 = az_sigma^2 + (theta_az / (k_m sqrt(2 SINR)))^2, k_m = 1.6 the angle
//   discriminator's slope, and likewise in elevation with the elevation beamwidth;
// plus the scenario's bias (unknown to the tracker), and the radial speed with its sigma for a
// Doppler radar. A plot's amplitude is the echo's power per pulse at the receiver input,
// SNR' k T0 F B / n (SNR' the signal over the noise after the filter, n the coherent gain). Targets in one resolution cell (within c tau / 2 in range and one beamwidth in
// azimuth) give one plot, at their SINR-weighted centroid, credited to the strongest.
// Strobes: a noise jammer in the swept sector whose main-beam J/N is over 10 dB paints a strobe,
// a bearing-only angle report (environment/jamming.h: strobe()).
// False alarms: a Poisson number per look, mean Pfa times the resolution cells swept (range
// cells of c tau / 2 times beamwidths), uniform over the swept cells.
// The antenna turns clockwise at a constant rate; each look reports the sector swept since the
// last one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/geodesy.h"
#include "core/random.h"
#include "core/units.h"
#include "environment/antenna.h"
#include "environment/clutter.h"
#include "environment/jamming.h"
#include "environment/propagation.h"
#include "environment/terrain.h"
#include "scenario/scenario.h"
#include "sensors/detection.h"
#include "sensors/sensor.h"
#include "world/world.h"

namespace rampart::sensors {

class SurveillanceRadar : public Sensor {
 public:
  SurveillanceRadar(int sensor_id, const scenario::Radar& spec, const scenario::Environment& environment,
                    const LocalFrame& scenario_frame, std::uint64_t seed);

  /// Signal-to-noise ratio (a ratio, not dB) of a target of `rcs_m2` at `range_m` in the beam's
  /// peak, in free space.
  double snr(double range_m, double rcs_m2) const;
  /// What the detector sees of a flying entity: SINR, and whether it is visible at all.
  struct Echo {
    bool visible = false;  ///< inside the radar's reach, above the terrain and the horizon
    double sinr = 0.0;
    double signal_to_noise = 0.0;     ///< the signal alone over the noise, after the filter (SNR')
    double propagation_factor = 0.0;  ///< F (one-way, voltage)
    double clutter_to_noise = 0.0;    ///< after the filter
    double jamming_to_noise = 0.0;
    bool notched = false;             ///< in the clutter filter's notch
    double radial_speed_mps = 0.0;    ///< positive receding
  };
  /// The echo of `target` (which must be flying) given every flying jammer of `truth`.
  Echo echo(const world::Entity& target, const std::vector<world::Entity>& truth) const;
  /// Swerling 1 detection probability for a given SNR and false-alarm probability.
  static double swerling1_pd(double snr, double false_alarm_probability);
  /// This radar's detection probability at `snr` (as snr() gives it).
  double detection_probability(double snr) const;
  /// Largest range at which a target at `target_alt_m` is above the 4/3-Earth horizon (compared
  /// with the ground range; the two differ by a few metres at the horizon).
  double horizon_range_m(double target_alt_m) const;
  /// Compass azimuth of the beam at t_s (sensor frame).
  double beam_az_rad(double t_s) const;

  /// The sector swept during (t_begin_s, t_end_s]: detections of flying truth in it, and false
  /// alarms. Plot ids are taken from `next_plot_id`, which is advanced.
  /// Strobes of jammers in the sector go to `strobes` when given.
  Look look(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
            std::uint64_t& next_plot_id, std::vector<AngleReport>* strobes = nullptr);

  /// Stands the radar on a new site (a mobile radar emplaced: world/mobile_unit.h): `position`
  /// on ground site_alt_m high, its antenna antenna_height_m above; its mount, propagation and
  /// terrain mask follow. Its random streams go on as they were.
  void move_to(const scenario::Point2& position, double site_alt_m);

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
  const environment::AntennaPattern& antenna() const { return antenna_; }

 protected:
  /// The azimuths one look covers (sensor frame, compass): from az_begin_rad clockwise over
  /// width_rad to az_end_rad. A rotating beam's looks meet edge to edge, so each holds its start
  /// and not its end; a `closed` sweep (a sector scanner's frame) holds both edges, to 1e-9 rad
  /// (what rounding leaves of an edge given in degrees).
  struct Sweep {
    double az_begin_rad = 0.0;
    double az_end_rad = 0.0;
    double width_rad = 0.0;
    bool closed = false;
    bool contains(double az_rad) const {
      if (!closed) return wrap_two_pi(az_rad - az_begin_rad) < width_rad;
      return azimuth_within(az_rad, az_begin_rad + width_rad / 2.0, width_rad / 2.0);
    }
  };
  /// One look over `sweep` during (t_begin_s, t_end_s], reported at t_end_s (look()'s work for
  /// any sweep).
  Look look(double t_begin_s, double t_end_s, const Sweep& sweep, const std::vector<world::Entity>& truth,
            std::uint64_t& next_plot_id, std::vector<AngleReport>* strobes);

 private:
  /// A target's geometry in the radar's frame.
  struct Geometry {
    Eigen::Vector3d local_m;  ///< radar frame ENU
    double range_m = 0.0, az_rad = 0.0, el_rad = 0.0, ground_range_m = 0.0;
  };
  Geometry geometry(const Eigen::Vector3d& p_enu_m) const;
  /// Above the terrain mask (true without terrain).
  bool above_terrain(const world::Entity& e, const Geometry& g) const;
  /// A flying entity that carries a jammer, where the radar sees it (its compass azimuth, range
  /// and direct-ray elevation over the 4/3 Earth) and whether it can (terrain, horizon), and its
  /// link to this radar.
  struct Jammer {
    const world::Entity* entity;
    double az_rad, range_m, el_rad;
    bool in_sight;
    environment::JammingLink link;
  };
  using Jammers = std::vector<Jammer>;
  /// The flying entities of `truth` that carry a jammer.
  Jammers jammers_in(const std::vector<world::Entity>& truth) const;
  /// The echo of `target`, whose geometry `g` is given.
  Echo echo(const world::Entity& target, const Geometry& g, const Jammers& jammers) const;
  double jamming_to_noise(double az_rad, double el_rad, const world::Entity* target, const Jammers& jammers) const;
  struct Measured {
    double range_m, az_rad, el_rad, sinr, radial_speed_mps;
    double snr;  ///< the signal alone over the noise (after the filter): the plot's amplitude
  };
  /// The accuracy of a plot at `sinr`: the floor and the thermal-noise term (the header's formulas).
  struct Accuracy {
    double range_sigma_m, az_sigma_rad, el_sigma_rad;
  };
  Accuracy accuracy(double sinr) const;
  messages::Plot make_plot(std::uint64_t plot_id, double t_s, const Measured& m, const Accuracy& sigma) const;
  RandomStream& stream(std::unordered_map<std::uint32_t, RandomStream>& streams, std::uint32_t truth_id,
                       Purpose purpose);

  /// Builds the terrain mask of the radar's site (none without terrain).
  void mask_terrain();

  int id_;
  scenario::Radar spec_;
  scenario::Environment environment_;
  LocalFrame scenario_frame_;
  SensorMount mount_;
  environment::AntennaPattern antenna_;
  environment::Propagation propagation_;
  std::optional<environment::SiteMask> terrain_mask_;
  double snr_at_1m_1m2_;  ///< SNR of a 1 m^2 target at 1 m: snr = this * rcs / R^4
  double pulse_noise_dbm_;  ///< k T0 F B in dBm, less the coherent gain: amplitude = snr dB + this
  std::optional<DetectionCurve> curve_;  ///< all but Swerling 1 after coherent integration
  double az_phase_rad_;
  /// The lowest elevation it sees (sensor frame): a fire-control radar's sector floor; none (-pi/2)
  /// for a surveillance radar, which sees below its horizontal plane as far as its horizon.
  double min_elevation_rad_;
  std::uint64_t seed_;
  RandomStream false_alarm_stream_;
  std::unordered_map<std::uint32_t, RandomStream> detection_streams_;
  std::unordered_map<std::uint32_t, RandomStream> noise_streams_;
};

}  // namespace rampart::sensors
