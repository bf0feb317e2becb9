#include "tracking/track_management.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/units.h"

namespace rampart::tracking {

bool was_looked_at(const PlotBatch& batch, const Eigen::Vector3d& p_enu_m) {
  const Eigen::Vector3d p_sensor_m =
      batch.R_scenario_from_sensor.transpose() * (p_enu_m - batch.sensor_enu_m);
  if (!(p_sensor_m.norm() < batch.max_range_m)) return false;
  const double sweep_rad = batch.az_end_rad - batch.az_begin_rad;
  if (sweep_rad >= kTwoPi) return true;
  const double az_rad = azimuth_rad(p_sensor_m.x(), p_sensor_m.y());
  return wrap_two_pi(az_rad - batch.az_begin_rad) <= wrap_two_pi(sweep_rad);
}

bool m_of_n_confirmed(const LookHistory& history, const ConfirmationRule& rule) {
  return history.hits >= rule.hits_m && history.looks <= rule.window_n;
}

bool m_of_n_failed(const LookHistory& history, const ConfirmationRule& rule) {
  return history.hits + std::max(0, rule.window_n - history.looks) < rule.hits_m;
}

CvState initial_state(const Plot& plot, double initial_speed_sigma_mps) {
  CvState s;
  s.x.head<3>() = plot.p_enu_m;
  s.P = Matrix6d::Zero();
  if (plot.has_elevation) {
    s.P.topLeftCorner<3, 3>() = plot.p_cov_m2;
  } else {
    s.P.topLeftCorner<2, 2>() = plot.p_cov_m2.topLeftCorner<2, 2>();
    s.P(2, 2) = kUnmeasuredHeightSigma_m * kUnmeasuredHeightSigma_m;
  }
  s.P.bottomRightCorner<3, 3>().diagonal().setConstant(initial_speed_sigma_mps *
                                                       initial_speed_sigma_mps);
  return s;
}

TrackState new_track(const Plot& plot, std::uint32_t id, double initial_speed_sigma_mps) {
  const CvState s = initial_state(plot, initial_speed_sigma_mps);
  TrackState track;
  track.id = id;
  track.t_s = plot.t_s;
  track.t_updated_s = plot.t_s;
  track.x = s.x;
  track.P = s.P;
  track.updates = 1;
  track.has_height = plot.has_elevation;
  return track;
}

TrackLogicRule track_logic_rule(const TrackerConfig& c) {
  TrackLogicRule r;
  r.logic = c.track_logic;
  r.m_of_n = {c.confirm_hits_m, c.confirm_window_n};
  r.delete_after_misses = c.delete_after_misses;
  r.confirm_score = std::log((1.0 - c.true_track_loss_probability) / c.false_track_probability);
  r.reject_score = std::log(c.true_track_loss_probability / (1.0 - c.false_track_probability));
  r.delete_score_drop = c.delete_score_drop;
  r.delete_position_sigma_m = c.delete_position_sigma_m;
  return r;
}

namespace {
void add_score(TrackState& track, LookHistory& history, double increment) {
  track.score += increment;
  history.peak_score = std::max(history.peak_score, track.score);
}
}  // namespace

void SensorMisses::hit(int sensor_id) {
  for (int i = 0; i < used; ++i)
    if (slots[i].first == sensor_id) {
      slots[i].second = 0;
      return;
    }
  if (used < kMissSensors) {
    slots[used++] = {sensor_id, 0};
    return;
  }
  *std::max_element(slots.begin(), slots.end(), [](const auto& a, const auto& b) { return a.second < b.second; }) =
      {sensor_id, 0};
}

bool SensorMisses::miss(int sensor_id) {
  for (int i = 0; i < used; ++i)
    if (slots[i].first == sensor_id) {
      ++slots[i].second;
      return true;
    }
  return false;
}

int SensorMisses::fewest() const {
  int n = std::numeric_limits<int>::max();
  for (int i = 0; i < used; ++i) n = std::min(n, slots[i].second);
  return used == 0 ? 0 : n;
}

void record_hit(TrackState& track, LookHistory& history, const Plot& plot, double score_increment) {
  ++track.updates;
  track.t_updated_s = std::max(track.t_updated_s, plot.t_s);
  track.consecutive_misses = 0;
  history.misses.hit(plot.sensor_id);
  track.has_height = track.has_height || plot.has_elevation;
  ++history.looks;
  ++history.hits;
  add_score(track, history, score_increment);
}

void record_miss(TrackState& track, LookHistory& history, double score_increment, int sensor_id) {
  if (!history.misses.miss(sensor_id)) return;  // a sensor that has never detected it
  ++history.looks;
  track.consecutive_misses = history.misses.fewest();
  add_score(track, history, score_increment);
}

double predicted_existence(double existence, double dt_s, double survival_probability_per_s) {
  return existence * std::pow(survival_probability_per_s, std::max(0.0, dt_s));
}

double posterior_existence(double predicted, bool hit, bool looked, double detection_probability) {
  if (hit) return 1.0;
  if (!looked) return predicted;
  return predicted * (1.0 - detection_probability) / (1.0 - predicted * detection_probability);
}

bool is_stale(const TrackState& track, double t_s, double max_coast_s) {
  return t_s - track.t_updated_s > max_coast_s;
}

double horizontal_sigma_m(const Matrix6d& P) { return std::sqrt(std::max(P(0, 0), P(1, 1))); }

Verdict manage_track(TrackState& track, const LookHistory& history, const TrackLogicRule& rule,
                     double position_sigma_m) {
  const bool by_score = rule.logic == TrackLogic::kScore;
  if (track.status == TrackStatus::kConfirmed) {
    const bool lost = by_score ? track.score < history.peak_score - rule.delete_score_drop
                               : track.consecutive_misses >= rule.delete_after_misses;
    const bool diverged =
        rule.delete_position_sigma_m > 0.0 && position_sigma_m > rule.delete_position_sigma_m;
    return lost || diverged ? Verdict::kDeleted : Verdict::kKeep;
  }
  if (by_score ? track.score >= rule.confirm_score : m_of_n_confirmed(history, rule.m_of_n)) {
    track.status = TrackStatus::kConfirmed;
    return Verdict::kConfirmed;
  }
  const bool failed = by_score ? track.score <= rule.reject_score : m_of_n_failed(history, rule.m_of_n);
  return failed ? Verdict::kDeleted : Verdict::kKeep;
}

}  // namespace rampart::tracking
