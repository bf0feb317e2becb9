#include "sensors/radar.h"

#include <cmath>

#include "core/units.h"

namespace rampart::sensors {
namespace {
constexpr double kEffectiveEarthFactor = 4.0 / 3.0;
}

SurveillanceRadar::SurveillanceRadar(int sensor_id, const scenario::Radar& spec,
                                     const LocalFrame& scenario_frame, std::uint64_t seed)
    : id_(sensor_id),
      spec_(spec),
      mount_(scenario_frame, spec.position.east_m, spec.position.north_m, spec.site_alt_m + spec.antenna_height_m),
      seed_(seed),
      false_alarm_stream_(seed, static_cast<std::uint64_t>(sensor_id), Purpose::kFalseAlarm) {
  const double lambda_m = kSpeedOfLight_mps / spec.frequency_hz;
  const double gain = db_to_ratio(spec.antenna_gain_db);
  const double bandwidth_hz = 1.0 / spec.pulse_width_s;
  // Coherent integration gains the pulse count in SNR before detection; non-coherent integration
  // happens in the detector (detection.h), which takes the SNR of one pulse.
  const double coherent_gain = spec.coherent_integration ? spec.pulses_integrated : 1.0;
  const double numerator = spec.peak_power_w * gain * gain * lambda_m * lambda_m * coherent_gain;
  const double denominator = std::pow(4.0 * kPi, 3) * kBoltzmann_JpK * kStandardTemperature_K *
                             db_to_ratio(spec.noise_figure_db) * bandwidth_hz * db_to_ratio(spec.losses_db);
  snr_at_1m_1m2_ = numerator / denominator;
  az_phase_rad_ = RandomStream(seed, static_cast<std::uint64_t>(sensor_id), Purpose::kScenario).uniform(0.0, kTwoPi);
  // Swerling 1 after coherent integration has the closed form swerling1_pd; every other waveform
  // and target model gets its tabulated curve.
  if (!(spec.swerling_case == 1 && spec.coherent_integration))
    curve_.emplace(spec.swerling_case, spec.coherent_integration ? 1 : spec.pulses_integrated, Integration::kNoncoherent,
                   spec.false_alarm_probability);
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

messages::Plot SurveillanceRadar::make_plot(std::uint64_t plot_id, double t_s, double range_m,
                                            double az_rad, double el_rad) const {
  messages::Plot p;
  p.id = plot_id;
  p.t_s = t_s;
  p.sensor_id = id_;
  p.range_m = range_m;
  p.az_rad = az_rad;
  p.has_elevation = spec_.el_sigma_deg.has_value();
  p.el_rad = p.has_elevation ? el_rad : 0.0;
  p.range_sigma_m = spec_.range_sigma_m;
  p.az_sigma_rad = deg_to_rad(spec_.az_sigma_deg);
  p.el_sigma_rad = p.has_elevation ? deg_to_rad(*spec_.el_sigma_deg) : 0.0;

  const double ce = std::cos(p.el_rad), se = std::sin(p.el_rad);
  const double ca = std::cos(az_rad), sa = std::sin(az_rad);
  const Eigen::Vector3d local(range_m * ce * sa, range_m * ce * ca, range_m * se);
  p.p_enu_m = mount_.R_scenario_from_sensor * local + mount_.position_enu_m;

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
                             std::uint64_t& next_plot_id) {
  Look out;
  auto& batch = out.batch;
  batch.sensor_id = id_;
  batch.t_begin_s = t_begin_s;
  batch.t_s = t_end_s;
  batch.az_begin_rad = beam_az_rad(t_begin_s);
  batch.az_end_rad = beam_az_rad(t_end_s);
  batch.max_range_m = spec_.max_range_m;
  batch.sensor_enu_m = mount_.position_enu_m;
  batch.R_scenario_from_sensor = mount_.R_scenario_from_sensor;
  const double sector_rad = std::min(kTwoPi, kTwoPi * (t_end_s - t_begin_s) / spec_.scan_period_s);
  auto in_sector = [&](double az_rad) { return wrap_two_pi(az_rad - batch.az_begin_rad) < sector_rad; };
  const double max_el_rad = deg_to_rad(spec_.max_elevation_deg);

  // The scenario frame and the radar's are both Cartesian (the Earth-centred frame rotated and
  // shifted), so one rigid motion takes a target's scenario position to the radar's frame: the
  // point to_enu(geodetic) gives, without a geodetic conversion per target.
  const Eigen::Matrix3d R_sensor_from_scenario = mount_.R_scenario_from_sensor.transpose();
  const double max_range2_m2 = spec_.max_range_m * spec_.max_range_m;
  for (const auto& e : truth) {
    if (!e.flying()) continue;
    const Eigen::Vector3d local = R_sensor_from_scenario * (e.p_enu_m - mount_.position_enu_m);
    const double range2_m2 = local.squaredNorm();
    if (range2_m2 > max_range2_m2) continue;
    const double range_m = std::sqrt(range2_m2);
    const double az_rad = azimuth_rad(local.x(), local.y());
    if (!in_sector(az_rad)) continue;
    const double el_rad = std::atan2(local.z(), local.head<2>().norm());
    if (range_m < spec_.min_range_m || range_m > spec_.max_range_m || el_rad > max_el_rad ||
        range_m > horizon_range_m(e.geodetic.alt_m)) {
      continue;
    }
    const double pd = detection_probability(snr(range_m, e.rcs_m2));
    if (!stream(detection_streams_, e.id, Purpose::kDetection).bernoulli(pd)) continue;
    RandomStream& noise = stream(noise_streams_, e.id, Purpose::kMeasurementNoise);
    const double r = std::max(0.0, range_m + noise.normal(0.0, spec_.range_sigma_m));
    const double az = wrap_two_pi(az_rad + noise.normal(0.0, deg_to_rad(spec_.az_sigma_deg)));
    const double el = spec_.el_sigma_deg ? el_rad + noise.normal(0.0, deg_to_rad(*spec_.el_sigma_deg)) : 0.0;
    batch.plots.push_back(make_plot(next_plot_id, t_end_s, r, az, el));
    out.origins.push_back({next_plot_id, e.id});
    ++next_plot_id;
  }

  const double expected_false_alarms = false_alarms_per_scan() * sector_rad / kTwoPi;
  const std::uint64_t n_false = false_alarm_stream_.poisson(expected_false_alarms);
  for (std::uint64_t i = 0; i < n_false; ++i) {
    const double r = false_alarm_stream_.uniform(spec_.min_range_m, spec_.max_range_m);
    const double az = wrap_two_pi(batch.az_begin_rad + false_alarm_stream_.uniform(0.0, sector_rad));
    const double el = false_alarm_stream_.uniform(0.0, max_el_rad);
    batch.plots.push_back(make_plot(next_plot_id, t_end_s, r, az, el));
    out.origins.push_back({next_plot_id, 0});
    ++next_plot_id;
  }
  return out;
}

}  // namespace rampart::sensors

namespace rampart::sensors {

SensorSite SurveillanceRadar::site() const {
  return {spec_.name, spec_.el_sigma_deg ? "radar_3d" : "radar_2d", mount_.position_enu_m, spec_.max_range_m};
}

void SurveillanceRadar::observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                                std::uint64_t& next_plot_id, Observation& out) {
  out.looks.push_back(look(t_begin_s, t_end_s, truth, next_plot_id));
}

}  // namespace rampart::sensors
