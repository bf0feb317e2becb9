// Track management: which tracks a sensor looked at, M-of-N confirmation, deletion after misses,
// and new tracks from single plots.
//
// A look: the track's predicted position lies in the batch's swept azimuth sector (sensor frame,
// clockwise from az_begin_rad to az_end_rad; a sweep of 2*pi or more covers the whole circle)
// and closer to the sensor than max_range_m.
// M-of-N: a tentative track counts its looks from birth (the birth plot is look 1 and a hit);
// it is confirmed when it has M hits within its first N looks and deleted as soon as the looks
// left in the window can no longer bring it to M hits. A confirmed track is deleted after
// `delete_after_misses` consecutive missed looks.
// Age: any track whose latest plot is more than max_coast_s old is deleted (is_stale), since a
// track no sensor that detected it looks at any more collects no misses.
#pragma once

#include <array>
#include <utility>
#include "tracking/kalman.h"
#include "tracking/tracker.h"
#include "tracking/types.h"

namespace rampart::tracking {

/// Sigma of the height of a track started from a plot without elevation (m): large enough that
/// the first plot with elevation sets the height.
inline constexpr double kUnmeasuredHeightSigma_m = 10'000.0;

bool was_looked_at(const PlotBatch& batch, const Eigen::Vector3d& p_enu_m);

struct ConfirmationRule {
  int hits_m = 3;
  int window_n = 4;
};

/// Consecutive misses of a track by each sensor that has detected it, since that sensor's last
/// hit. Only those sensors' looks count (for confirmation and deletion): a short-range or
/// low-power radar that looks at a track it has never detected (it may be unable to) neither
/// fails a tentative track nor deletes one another radar keeps seeing; a track is missed as its
/// best sensor misses it. Inline for kMissSensors sensors (no allocation per track or MHT
/// hypothesis); a further sensor takes the slot of the one with most misses.
struct SensorMisses {
  static constexpr int kMissSensors = 4;
  std::array<std::pair<int, int>, kMissSensors> slots{};  ///< (sensor id, consecutive misses)
  int used = 0;
  /// The sensor detected the track: its count restarts.
  void hit(int sensor_id);
  /// The sensor looked and missed. Returns whether the look counts (the sensor has detected the
  /// track before).
  bool miss(int sensor_id);
  /// The fewest consecutive misses over the sensors that have detected the track.
  int fewest() const;
};

/// Hits and looks of a track, counted from its birth, and its peak score.
struct LookHistory {
  int looks = 1;
  int hits = 1;
  double peak_score = 0.0;
  SensorMisses misses;
};

/// The confirmation and deletion rules of a TrackerConfig (see TrackLogic).
struct TrackLogicRule {
  TrackLogic logic = TrackLogic::kMOfN;
  ConfirmationRule m_of_n;
  int delete_after_misses = 3;
  double confirm_score = 0.0;  ///< log((1 - beta) / alpha)
  double reject_score = 0.0;   ///< log(beta / (1 - alpha))
  double delete_score_drop = 6.0;
  double delete_position_sigma_m = 0.0;
};
TrackLogicRule track_logic_rule(const TrackerConfig& config);

bool m_of_n_confirmed(const LookHistory& history, const ConfirmationRule& rule);
bool m_of_n_failed(const LookHistory& history, const ConfirmationRule& rule);

/// A new track's state from one plot: position = the plot (with its covariance), velocity zero
/// with sigma initial_speed_sigma_mps per axis; without elevation the height keeps the plot's
/// value with sigma kUnmeasuredHeightSigma_m.
CvState initial_state(const Plot& plot, double initial_speed_sigma_mps);

/// A new tentative track from one plot: initial_state, one update, one look that was a hit.
TrackState new_track(const Plot& plot, std::uint32_t id, double initial_speed_sigma_mps);

/// Counts a look that brought `plot` (track.t_updated_s becomes its time if later) and adds
/// score_increment to the track score (the state itself is updated by the caller).
void record_hit(TrackState& track, LookHistory& history, const Plot& plot, double score_increment);
/// Counts a look without a plot, adding score_increment.
/// `sensor_id` looked at the track and did not see it. Counted only for a sensor that has detected
/// the track (SensorMisses); track.consecutive_misses becomes the fewest over those sensors.
void record_miss(TrackState& track, LookHistory& history, double score_increment, int sensor_id);

enum class Verdict { kKeep, kConfirmed, kDeleted };

/// Applies the rule: confirms a tentative track or deletes it, deletes a confirmed one;
/// position_sigma_m is the track's predicted horizontal position sigma now.
Verdict manage_track(TrackState& track, const LookHistory& history, const TrackLogicRule& rule,
                     double position_sigma_m);

/// Probability r that a track's target exists (Bernoulli track, as in IPDA/JIPDA, Musicki and
/// Evans 2004, and the track-oriented MHT of Williams 2015). Prediction over dt_s >= 0:
/// r' = r Ps^dt_s (Ps the survival probability per second).
double predicted_existence(double existence, double dt_s, double survival_probability_per_s);
/// After a look that brought the track a plot: 1; after a look without one:
/// r' (1 - Pd) / (1 - r' Pd); without a look: r'.
double posterior_existence(double predicted, bool hit, bool looked, double detection_probability);

/// Whether the track has coasted too long: its latest plot is more than max_coast_s before t_s
/// (strictly: a track updated exactly max_coast_s ago lives).
bool is_stale(const TrackState& track, double t_s, double max_coast_s);

/// Largest of the east and north position sigmas of a covariance.
double horizontal_sigma_m(const Matrix6d& P);

}  // namespace rampart::tracking
