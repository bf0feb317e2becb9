// The tracker interface used by the simulation: plots in, tracks out.
#pragma once

#include <memory>
#include <vector>

#include "tracking/types.h"

namespace rampart::tracking {

/// Tuning of the multi-target tracker. Defaults suit a surveillance radar with a few-second scan.
struct TrackerConfig {
  double process_noise_mps2 = 5.0;  ///< white-acceleration spectral density sqrt (m/s^2)
  double gate_probability = 0.999;  ///< chi-square gate probability
  int confirm_hits_m = 3;           ///< M of the M-of-N confirmation rule
  int confirm_window_n = 4;         ///< N of the M-of-N confirmation rule
  int delete_after_misses = 3;      ///< confirmed track deleted after this many missed looks
  double initial_speed_sigma_mps = 300.0;  ///< velocity uncertainty of a new track
};

class Tracker {
 public:
  virtual ~Tracker() = default;
  /// Predicts the tracks to batch.t_s, associates the batch's plots, updates, initiates new
  /// tracks and confirms or deletes. Batches must come in non-decreasing time order.
  virtual TrackerStepResult process(const PlotBatch& batch) = 0;
  /// Every live track (tentative and confirmed) at the time of its last update.
  virtual std::vector<TrackState> tracks() const = 0;
};

/// The tracker of the walking skeleton: constant-velocity Kalman filter, global nearest
/// neighbour association, M-of-N confirmation, deletion after misses.
std::unique_ptr<Tracker> make_gnn_tracker(const TrackerConfig& config);

}  // namespace rampart::tracking
