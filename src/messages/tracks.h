// What the tracker passes C2 (and the recorders): track states, and what it did with a batch.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace rampart::messages {

using Vector6d = Eigen::Matrix<double, 6, 1>;
using Matrix6d = Eigen::Matrix<double, 6, 6>;

enum class TrackStatus { kTentative, kConfirmed };

/// What a track was made of: radar plots, or fixes triangulated from the strobes of noise
/// jammers (tracking/jammer_tracking.h: east and north only, no height).
enum class TrackSource { kRadar, kTriangulation };

/// A track as the rest of the system sees it: constant-velocity state [p_enu_m, v_enu_mps].
struct TrackState {
  std::uint32_t id = 0;
  double t_s = 0.0;  ///< time of the state
  double t_updated_s = 0.0;  ///< time of the latest plot the track took (its birth plot at first)
  Vector6d x = Vector6d::Zero();
  Matrix6d P = Matrix6d::Identity();
  TrackStatus status = TrackStatus::kTentative;
  int updates = 0;             ///< plots associated over the track's life
  int consecutive_misses = 0;  ///< looks in a row without a plot
  bool has_height = false;     ///< whether any plot so far measured elevation
  double score = 0.0;          ///< track score (log-likelihood ratio) where the tracker keeps one
  TrackSource source = TrackSource::kRadar;

  Eigen::Vector3d position_enu_m() const { return x.head<3>(); }
  Eigen::Vector3d velocity_enu_mps() const { return x.tail<3>(); }
  /// The position extrapolated at constant velocity from the state's time to t_s.
  Eigen::Vector3d position_at(double t_at_s) const { return position_enu_m() + velocity_enu_mps() * (t_at_s - t_s); }
};

/// Which plot updated which track in one processing step (for recording and scoring).
struct Association {
  std::uint32_t track_id = 0;
  std::uint64_t plot_id = 0;
};

/// What the tracker did with one batch.
struct TrackerStepResult {
  std::vector<Association> associations;
  std::vector<std::uint32_t> confirmed;  ///< tracks confirmed in this step
  std::vector<std::uint32_t> deleted;    ///< tracks deleted in this step
};

}  // namespace rampart::messages
