#include "sensors/radar.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/units.h"
#include "environment/jamming.h"

namespace rampart::sensors {
namespace {
constexpr double kEffectiveEarthFactor = 4.0 / 3.0;
/// How far beyond the geometric horizon a sea-surface radar still looks (diffraction): at 1.2
/// horizons the single-mode loss is tens of dB even for the lowest targets.
constexpr double kDiffractionReach = 1.2;
/// k_m of the thermal angle error theta / (k_m sqrt(2 SINR)): the slope of the beam-split or
/// monopulse angle discriminator (Barton: 1.2 to 1.9; strobes use the same, environment/jamming.h).
constexpr double kAngleErrorSlope = 1.6;

environment::Propagation::Options propagation_options(const scenario::Radar& spec, const scenario::Environment& env,
                                                      double antenna_alt_m) {
  environment::Propagation::Options o;
  o.frequency_hz = spec.frequency_hz;
  o.radar_height_m = std::max(antenna_alt_m, 1.0);
  o.surface = environment::sea_surface(env.sea_state, spec.frequency_hz);
  o.polarization = spec.polarization;
  o.multipath = env.multipath;
  o.k_factor = kEffectiveEarthFactor;
  return o;
}

environment::RadarLink radar_link(const scenario::Radar& spec) {
  return {spec.peak_power_w, spec.antenna_gain_db, spec.frequency_hz, spec.pulse_width_s, spec.noise_figure_db,
          spec.losses_db, spec.coherent_integration ? spec.pulses_integrated : 1};
}
}  // namespace

SurveillanceRadar::SurveillanceRadar(int sensor_id, const scenario::Radar& spec, const scenario::Environment& environment,
                                     const LocalFrame& scenario_frame, std::uint64_t seed)
    : id_(sensor_id),
      spec_(spec),
      environment_(environment),
      scenario_frame_(scenario_frame),
      mount_(scenario_frame, spec.position.east_m, spec.position.north_m, spec.site_alt_m + spec.antenna_height_m),
      antenna_(spec.antenna),
      propagation_(propagation_options(spec, environment, spec.site_alt_m + spec.antenna_height_m)),
      min_elevation_rad_(spec.fire_control ? deg_to_rad(spec.fire_control->sector.min_elevation_deg) : -kPi / 2.0),
      seed_(seed),
      false_alarm_stream_(seed, static_cast<std::uint64_t>(sensor_id), Purpose::kFalseAlarm) {
  const double lambda_m = kSpeedOfLight_mps / spec.frequency_hz;
  const double gain = db_to_ratio(spec.antenna_gain_db);
  const double bandwidth_hz = 1.0 / spec.pulse_width_s;
  // Coherent integration gains the pulse count in SNR before detection; non-coherent integration
  // happens in the detector (detection.h), which takes the SNR of one pulse.
  const double coherent_gain = spec.coherent_integration ? spec.pulses_integrated : 1.0;
  const double watts_to_snr_at_1m_1m2 = gain * gain * lambda_m * lambda_m * coherent_gain /
                                        (std::pow(4.0 * kPi, 3) * kBoltzmann_JpK * kStandardTemperature_K *
                                         db_to_ratio(spec.noise_figure_db) * bandwidth_hz * db_to_ratio(spec.losses_db));
  pulse_noise_dbm_ = ratio_to_db(kBoltzmann_JpK * kStandardTemperature_K * db_to_ratio(spec.noise_figure_db) *
                                  bandwidth_hz / coherent_gain) + 30.0;
  if (spec.reference) {
    // The SNR the detector needs for the reference Pd, put at the reference range and RCS:
    // snr(R0) = snr_1 sigma0 / R0^4 = required, so snr_1 = required R0^4 / sigma0.
    const double required = required_snr(spec.swerling_case, spec.coherent_integration ? 1 : spec.pulses_integrated,
                                          Integration::kNoncoherent, spec.reference->pd, spec.false_alarm_probability);
    snr_at_1m_1m2_ = required * std::pow(spec.reference->range_m, 4) / spec.reference->rcs_m2;
    spec_.peak_power_w = snr_at_1m_1m2_ / watts_to_snr_at_1m_1m2;
  } else {
    snr_at_1m_1m2_ = spec.peak_power_w * watts_to_snr_at_1m_1m2;
  }
  az_phase_rad_ = RandomStream(seed, static_cast<std::uint64_t>(sensor_id), Purpose::kScenario).uniform(0.0, kTwoPi);
  // Swerling 1 after coherent integration has the closed form swerling1_pd; every other waveform
  // and target model gets its tabulated curve.
  if (!(spec.swerling_case == 1 && spec.coherent_integration))
    curve_.emplace(spec.swerling_case, spec.coherent_integration ? 1 : spec.pulses_integrated, Integration::kNoncoherent,
                   spec.false_alarm_probability);
  mask_terrain();
}

void SurveillanceRadar::mask_terrain() {
  terrain_mask_.reset();
  if (!environment_.terrain) return;
  // The mask reaches as far as the radar looks over the grid; beyond the grid the surface is sea
  // (0 m), which cannot raise the mask (above_terrain holds its last value).
  const auto& t = *environment_.terrain;
  double farthest_m = 0.0;
  for (const double e : {t.west_m(), t.west_m() + t.cell_m() * (t.cols() - 1)})
    for (const double n : {t.south_m(), t.south_m() + t.cell_m() * (t.rows() - 1)})
      farthest_m = std::max(farthest_m, std::hypot(e - spec_.position.east_m, n - spec_.position.north_m));
  terrain_mask_.emplace(environment_.terrain, spec_.position.east_m, spec_.position.north_m, mount_.alt_m,
                        std::clamp(farthest_m, 2.0 * t.cell_m(), spec_.max_range_m));
}

void SurveillanceRadar::move_to(const scenario::Point2& position, double site_alt_m) {
  spec_.position = position;
  spec_.site_alt_m = site_alt_m;
  mount_ = SensorMount(scenario_frame_, position.east_m, position.north_m, site_alt_m + spec_.antenna_height_m);
  propagation_ = environment::Propagation(propagation_options(spec_, environment_, site_alt_m + spec_.antenna_height_m));
  mask_terrain();
}

double SurveillanceRadar::detection_probability(double snr_ratio) const {
  return curve_ ? curve_->pd(snr_ratio) : swerling1_pd(snr_ratio, spec_.false_alarm_probability);
}

double SurveillanceRadar::snr(double range_m, double rcs_m2) const {
  const double r2 = range_m * range_m;
  return snr_at_1m_1m2_ * rcs_m2 / (r2 * r2);
}

double SurveillanceRadar::swerling1_pd(double snr_ratio, double false_alarm_probability) {
  return std::pow(false_alarm_probability, 1.0 / (1.0 + snr_ratio));
}

double SurveillanceRadar::horizon_range_m(double target_alt_m) const {
  const double k_re = 2.0 * kEffectiveEarthFactor * kEarthRadius_m;
  return std::sqrt(k_re * std::max(mount_.alt_m, 0.0)) + std::sqrt(k_re * std::max(target_alt_m, 0.0));
}

double SurveillanceRadar::beam_az_rad(double t_s) const {
  return wrap_two_pi(az_phase_rad_ + kTwoPi * t_s / spec_.scan_period_s);
}

double SurveillanceRadar::false_alarms_per_scan() const {
  const double range_cell_m = kSpeedOfLight_mps * spec_.pulse_width_s / 2.0;
  const double range_cells = (spec_.max_range_m - spec_.min_range_m) / range_cell_m;
  const double beams = 360.0 / spec_.beamwidth_az_deg;
  return spec_.false_alarm_probability * range_cells * beams;
}

RandomStream& SurveillanceRadar::stream(std::unordered_map<std::uint32_t, RandomStream>& streams,
                                        std::uint32_t truth_id, Purpose purpose) {
  auto it = streams.find(truth_id);
  if (it == streams.end()) {
    it = streams.emplace(truth_id, RandomStream(seed_, entity_key(static_cast<std::uint64_t>(id_), truth_id), purpose)).first;
  }
  return it->second;
}

// The scenario frame and the radar's are both Cartesian (the Earth-centred frame rotated and
// shifted), so one rigid motion takes a target's scenario position to the radar's frame: the point
// to_enu(geodetic) gives, without a geodetic conversion per target.
SurveillanceRadar::Geometry SurveillanceRadar::geometry(const Eigen::Vector3d& p_enu_m) const {
  Geometry g;
  g.local_m = mount_.R_scenario_from_sensor.transpose() * (p_enu_m - mount_.position_enu_m);
  g.range_m = g.local_m.norm();
  g.ground_range_m = g.local_m.head<2>().norm();
  g.az_rad = azimuth_rad(g.local_m.x(), g.local_m.y());
  g.el_rad = std::atan2(g.local_m.z(), g.ground_range_m);
  return g;
}

bool SurveillanceRadar::above_terrain(const world::Entity& e, const Geometry& g) const {
  if (!terrain_mask_) return true;
  const auto& mask = *terrain_mask_;
  const double az_rad = azimuth_rad(e.p_enu_m.x() - mount_.position_enu_m.x(), e.p_enu_m.y() - mount_.position_enu_m.y());
  if (g.ground_range_m < mask.max_range_m()) return mask.visible(g.ground_range_m, az_rad, e.geodetic.alt_m);
  // Beyond the grid only the sea: the mask angle stays what it was at the grid's far edge.
  return mask.elevation_rad(g.ground_range_m, e.geodetic.alt_m) >
         mask.mask_angle_rad(mask.max_range_m() - mask.range_step_m(), az_rad);
}

SurveillanceRadar::Jammers SurveillanceRadar::jammers_in(const std::vector<world::Entity>& truth) const {
  Jammers jammers;
  for (const auto& e : truth) {
    if (!e.flying() || !e.jammer) continue;
    const Geometry g = geometry(e.p_enu_m);
    const bool in_sight = terrain_mask_ ? above_terrain(e, g) : g.range_m <= horizon_range_m(e.geodetic.alt_m);
    const double el_rad = propagation_.path(std::max(e.geodetic.alt_m, 0.1), g.ground_range_m).geometry.direct_elevation_rad;
    jammers.push_back({&e, g.az_rad, std::max(g.range_m, 1.0), el_rad, in_sight,
                       environment::JammingLink(radar_link(spec_), *e.jammer)});
  }
  return jammers;
}

double SurveillanceRadar::jamming_to_noise(double az_rad, double el_rad, const world::Entity* target,
                                           const Jammers& jammers) const {
  double jn = 0.0;
  for (const Jammer& j : jammers) {
    if (!j.in_sight) continue;
    const double gain = j.entity == target ? antenna_.gain_ratio(0.0, el_rad)
                                           : antenna_.receive_gain_ratio(el_rad, wrap_pi(j.az_rad - az_rad), j.el_rad);
    jn += j.link.jamming_to_noise(j.range_m, gain);
  }
  return jn;
}

SurveillanceRadar::Echo SurveillanceRadar::echo(const world::Entity& e, const std::vector<world::Entity>& truth) const {
  return echo(e, geometry(e.p_enu_m), jammers_in(truth));
}

SurveillanceRadar::Echo SurveillanceRadar::echo(const world::Entity& e, const Geometry& g, const Jammers& jammers) const {
  Echo out;
  if (g.range_m < spec_.min_range_m || g.range_m > spec_.max_range_m || g.el_rad > deg_to_rad(spec_.max_elevation_deg) ||
      g.el_rad < min_elevation_rad_)
    return out;
  if (!above_terrain(e, g)) return out;
  const auto& terrain = environment_.terrain;
  const double ground_height_m = terrain ? std::max(terrain->height_m(e.p_enu_m.x(), e.p_enu_m.y()), 0.0) : 0.0;
  const bool over_sea = ground_height_m <= 0.0;
  const double horizon_m = horizon_range_m(e.geodetic.alt_m);
  const auto& elevation = antenna_.elevation();
  const bool sea_paths = over_sea && environment_.multipath;
  if (g.ground_range_m > (sea_paths ? kDiffractionReach * horizon_m : horizon_m)) return out;
  // The antenna sees the direct ray at its elevation over the 4/3 Earth (refraction bends it up).
  const auto path = propagation_.path(std::max(e.geodetic.alt_m, 0.1), g.ground_range_m);
  const double el_rad = path.geometry.direct_elevation_rad;
  const double f_direct = elevation.voltage_ratio(el_rad);
  double f = f_direct;
  if (sea_paths) {
    const double f_reflected =
        path.geometry.line_of_sight ? elevation.voltage_ratio(path.geometry.reflected_elevation_rad) : 0.0;
    f = propagation_.factor(path, f_direct, f_reflected);
  }
  out.visible = true;
  out.propagation_factor = f;
  const double f2 = f * f;
  const double signal = snr(g.range_m, e.rcs_m2) * f2 * f2;
  if (environment_.clutter) {
    const environment::ClutterSurface surface{.sea = over_sea, .sea_state = environment_.sea_state,
                                              .polarization = spec_.polarization,
                                              .land_cover = environment_.land_cover};
    const double clutter_m2 = environment::clutter_rcs_m2(surface, spec_.frequency_hz, mount_.alt_m, g.range_m,
                                                          deg_to_rad(spec_.beamwidth_az_deg), spec_.pulse_width_s);
    const double psi = environment::clutter_grazing_rad(mount_.alt_m, g.range_m);
    const double g_el = elevation.receive_gain_ratio(el_rad, -psi);
    out.clutter_to_noise = snr(g.range_m, clutter_m2) * g_el * g_el;
  }
  out.jamming_to_noise = jamming_to_noise(g.az_rad, el_rad, &e, jammers);
  const Eigen::Vector3d los = e.p_enu_m - mount_.position_enu_m;
  out.radial_speed_mps = e.v_enu_mps.dot(los) / std::max(los.norm(), 1.0);
  out.signal_to_noise = signal;
  if (spec_.mti) {
    const double improvement = db_to_ratio(spec_.mti->improvement_db);
    out.notched = spec_.mti->notches(out.radial_speed_mps);
    if (out.notched) out.signal_to_noise /= improvement;
    out.clutter_to_noise /= improvement;
  }
  out.sinr = out.signal_to_noise / (1.0 + out.jamming_to_noise + out.clutter_to_noise);
  return out;
}

SurveillanceRadar::Accuracy SurveillanceRadar::accuracy(double sinr) const {
  const double two_sinr = 2.0 * std::max(sinr, 1e-3);
  const auto rss = [&](double floor, double thermal) { return std::sqrt(floor * floor + thermal * thermal / two_sinr); };
  return {rss(spec_.range_sigma_m, kSpeedOfLight_mps * spec_.pulse_width_s / 2.0),
          rss(deg_to_rad(spec_.az_sigma_deg), deg_to_rad(spec_.beamwidth_az_deg) / kAngleErrorSlope),
          spec_.el_sigma_deg
              ? rss(deg_to_rad(*spec_.el_sigma_deg), deg_to_rad(spec_.antenna.beamwidth_el_deg) / kAngleErrorSlope)
              : 0.0};
}

messages::Plot SurveillanceRadar::make_plot(std::uint64_t plot_id, double t_s, const Measured& m,
                                            const Accuracy& sigma) const {
  messages::Plot p;
  p.id = plot_id;
  p.t_s = t_s;
  p.sensor_id = id_;
  p.range_m = m.range_m;
  p.az_rad = m.az_rad;
  p.has_elevation = spec_.el_sigma_deg.has_value();
  p.el_rad = p.has_elevation ? m.el_rad : 0.0;
  // The accuracy the radar reports with each plot, at the plot's SINR.
  p.range_sigma_m = sigma.range_sigma_m;
  p.az_sigma_rad = sigma.az_sigma_rad;
  p.el_sigma_rad = p.has_elevation ? sigma.el_sigma_rad : 0.0;
  p.amplitude_dbm = ratio_to_db(m.snr) + pulse_noise_dbm_;
  if (spec_.radial_speed_sigma_mps) {
    p.has_radial_speed = true;
    p.radial_speed_mps = m.radial_speed_mps;
    p.radial_speed_sigma_mps = *spec_.radial_speed_sigma_mps;
  }

  const double ce = std::cos(p.el_rad), se = std::sin(p.el_rad);
  const double ca = std::cos(p.az_rad), sa = std::sin(p.az_rad);
  const double range_m = p.range_m;
  const Eigen::Vector3d local(range_m * ce * sa, range_m * ce * ca, range_m * se);
  p.p_enu_m = mount_.R_scenario_from_sensor * local + mount_.position_enu_m;
  p.sensor_enu_m = mount_.position_enu_m;
  p.sensor_up_enu = mount_.R_scenario_from_sensor.col(2);

  // First-order conversion of the polar noise: J diag(sigma^2) J^T, J = d(e,n,u)/d(r,az,el).
  Eigen::Matrix3d J;
  J << ce * sa, range_m * ce * ca, -range_m * se * sa,
       ce * ca, -range_m * ce * sa, -range_m * se * ca,
       se, 0.0, range_m * ce;
  const Eigen::Vector3d variances(p.range_sigma_m * p.range_sigma_m, p.az_sigma_rad * p.az_sigma_rad,
                                  p.el_sigma_rad * p.el_sigma_rad);
  const Eigen::Matrix3d local_cov = J * variances.asDiagonal() * J.transpose();
  p.p_cov_m2 = mount_.R_scenario_from_sensor * local_cov * mount_.R_scenario_from_sensor.transpose();
  if (!p.has_elevation) {
    p.p_cov_m2.row(2).setZero();
    p.p_cov_m2.col(2).setZero();
  }
  return p;
}

Look SurveillanceRadar::look(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                             std::uint64_t& next_plot_id, std::vector<AngleReport>* strobes) {
  const Sweep sweep{.az_begin_rad = beam_az_rad(t_begin_s),
                    .az_end_rad = beam_az_rad(t_end_s),
                    .width_rad = std::min(kTwoPi, kTwoPi * (t_end_s - t_begin_s) / spec_.scan_period_s)};
  return look(t_begin_s, t_end_s, sweep, truth, next_plot_id, strobes);
}

Look SurveillanceRadar::look(double t_begin_s, double t_end_s, const Sweep& sweep, const std::vector<world::Entity>& truth,
                             std::uint64_t& next_plot_id, std::vector<AngleReport>* strobes) {
  Look out;
  auto& batch = out.batch;
  batch.sensor_id = id_;
  batch.t_begin_s = t_begin_s;
  batch.t_s = t_end_s;
  batch.az_begin_rad = sweep.az_begin_rad;
  batch.az_end_rad = sweep.az_end_rad;
  batch.max_range_m = spec_.max_range_m;
  batch.sensor_enu_m = mount_.position_enu_m;
  batch.R_scenario_from_sensor = mount_.R_scenario_from_sensor;
  const double sector_rad = sweep.width_rad;
  const auto in_sector = [&](double az_rad) { return sweep.contains(az_rad); };
  const double max_el_rad = deg_to_rad(spec_.max_elevation_deg);

  // The detections of the sweep, before cells are merged.
  struct Detection {
    std::uint32_t truth_id;
    Geometry geometry;
    double sinr, radial_speed_mps, snr;
  };
  std::vector<Detection> detections;
  const double max_range2_m2 = spec_.max_range_m * spec_.max_range_m;
  const Eigen::Matrix3d R_sensor_from_scenario = mount_.R_scenario_from_sensor.transpose();
  const Jammers jammers = jammers_in(truth);
  for (const auto& e : truth) {
    if (!e.flying()) continue;
    // The cheap tests first: most targets are outside the sector or out of range.
    const Eigen::Vector3d local = R_sensor_from_scenario * (e.p_enu_m - mount_.position_enu_m);
    if (local.squaredNorm() > max_range2_m2 || !in_sector(azimuth_rad(local.x(), local.y()))) continue;
    const Geometry g = geometry(e.p_enu_m);
    const Echo x = echo(e, g, jammers);
    if (!x.visible) continue;
    if (!stream(detection_streams_, e.id, Purpose::kDetection).bernoulli(detection_probability(x.sinr))) continue;
    detections.push_back({e.id, g, x.sinr, x.radial_speed_mps, x.signal_to_noise});
  }

  // Resolution: detections within one range cell (c tau / 2) and one beamwidth of each other are
  // one echo to the plot extractor; it reports their SINR-weighted centroid, credited to the
  // strongest. Sorted by range, a cell's members are neighbours.
  const double cell_m = kSpeedOfLight_mps * spec_.pulse_width_s / 2.0;
  const double beam_rad = deg_to_rad(spec_.beamwidth_az_deg);
  std::sort(detections.begin(), detections.end(), [](const Detection& a, const Detection& b) {
    return a.geometry.range_m != b.geometry.range_m ? a.geometry.range_m < b.geometry.range_m : a.truth_id < b.truth_id;
  });
  std::vector<bool> merged(detections.size(), false);
  for (std::size_t i = 0; i < detections.size(); ++i) {
    if (merged[i]) continue;
    const Detection* strongest = &detections[i];
    double weight = detections[i].sinr, range_m = weight * detections[i].geometry.range_m;
    double el_rad = weight * detections[i].geometry.el_rad, radial_mps = weight * detections[i].radial_speed_mps;
    double az_offset_rad = 0.0;  // weighted, relative to detection i (azimuths wrap)
    for (std::size_t k = i + 1; k < detections.size() && detections[k].geometry.range_m - detections[i].geometry.range_m < cell_m; ++k) {
      const double d_az = wrap_pi(detections[k].geometry.az_rad - detections[i].geometry.az_rad);
      if (merged[k] || std::abs(d_az) >= beam_rad) continue;
      merged[k] = true;
      const Detection& d = detections[k];
      weight += d.sinr;
      range_m += d.sinr * d.geometry.range_m;
      el_rad += d.sinr * d.geometry.el_rad;
      radial_mps += d.sinr * d.radial_speed_mps;
      az_offset_rad += d.sinr * d_az;
      if (d.sinr > strongest->sinr) strongest = &d;
    }
    const double true_az_rad = wrap_two_pi(detections[i].geometry.az_rad + az_offset_rad / weight);
    RandomStream& noise = stream(noise_streams_, strongest->truth_id, Purpose::kMeasurementNoise);
    Measured m{range_m / weight, true_az_rad, el_rad / weight, strongest->sinr, radial_mps / weight, strongest->snr};
    const Accuracy sigma = accuracy(m.sinr);
    m.range_m = std::max(0.0, m.range_m + spec_.bias_range_m + noise.normal(0.0, sigma.range_sigma_m));
    m.az_rad = wrap_two_pi(m.az_rad + deg_to_rad(spec_.bias_az_deg) + noise.normal(0.0, sigma.az_sigma_rad));
    m.el_rad = spec_.el_sigma_deg ? m.el_rad + deg_to_rad(spec_.bias_el_deg) + noise.normal(0.0, sigma.el_sigma_rad) : 0.0;
    if (spec_.radial_speed_sigma_mps) m.radial_speed_mps += noise.normal(0.0, *spec_.radial_speed_sigma_mps);
    batch.plots.push_back(make_plot(next_plot_id, t_end_s, m, sigma));
    out.origins.push_back({next_plot_id, strongest->truth_id});
    ++next_plot_id;
  }

  const double expected_false_alarms = false_alarms_per_scan() * sector_rad / kTwoPi;
  const std::uint64_t n_false = false_alarm_stream_.poisson(expected_false_alarms);
  for (std::uint64_t i = 0; i < n_false; ++i) {
    const double r = false_alarm_stream_.uniform(spec_.min_range_m, spec_.max_range_m);
    const double az = wrap_two_pi(batch.az_begin_rad + false_alarm_stream_.uniform(0.0, sector_rad));
    const double el = false_alarm_stream_.uniform(std::max(min_elevation_rad_, 0.0), max_el_rad);
    // A false alarm crossed the threshold on noise: its SINR is about the threshold's.
    const double threshold_sinr = -std::log(spec_.false_alarm_probability);
    batch.plots.push_back(make_plot(next_plot_id, t_end_s, {r, az, el, threshold_sinr, 0.0, threshold_sinr}, accuracy(threshold_sinr)));
    out.origins.push_back({next_plot_id, 0});
    ++next_plot_id;
  }

  if (strobes) {
    for (const Jammer& jammer : jammers) {
      const world::Entity& j = *jammer.entity;
      if (!in_sector(jammer.az_rad)) continue;
      const double jn = jamming_to_noise(jammer.az_rad, jammer.el_rad, &j, jammers);
      const auto s = environment::strobe(jn, beam_rad);
      if (!s) continue;
      RandomStream& noise = stream(noise_streams_, j.id, Purpose::kMeasurementNoise);
      const Eigen::Vector3d d = j.p_enu_m - mount_.position_enu_m;
      strobes->push_back({.t_s = t_end_s,
                          .sensor = spec_.name,
                          .sensor_enu_m = mount_.position_enu_m,
                          .bearing_rad = wrap_two_pi(azimuth_rad(d.x(), d.y()) + noise.normal(0.0, s->bearing_sigma_rad)),
                          .bearing_sigma_rad = s->bearing_sigma_rad,
                          .emitter = kJammerStrobe,
                          .truth_id = j.id});
    }
  }
  return out;
}

SensorSite SurveillanceRadar::site() const {
  return {spec_.name, spec_.el_sigma_deg ? "radar_3d" : "radar_2d", mount_.position_enu_m, spec_.max_range_m};
}

void SurveillanceRadar::observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                                std::uint64_t& next_plot_id, Observation& out) {
  out.looks.push_back(look(t_begin_s, t_end_s, truth, next_plot_id, &out.angles));
}

}  // namespace rampart::sensors
