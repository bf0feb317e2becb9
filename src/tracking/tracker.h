// The tracker interface used by the simulation: plots in, tracks out.
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "tracking/association.h"
#include "tracking/imm.h"
#include "tracking/types.h"

namespace rampart::tracking {

/// How tracks are confirmed and deleted.
///  kMOfN: M hits in the first N looks confirm; delete_after_misses missed looks in a row delete.
///  kScore: sequential probability ratio test on the track score L (log-likelihood ratio of
///    "target" against "clutter", Blackman and Popoli 6.2): each look adds
///    log(Pd N(nu; 0, S) / lambda) with a plot and log(1 - Pd) without; a tentative track is
///    confirmed when L >= log((1 - beta) / alpha) and dropped when L <= log(beta / (1 - alpha));
///    a confirmed track is deleted when L falls delete_score_drop below its peak.
/// Either way, with delete_position_sigma_m > 0 a confirmed track is also deleted when its
/// predicted horizontal position sigma (largest of east and north) exceeds that value
/// (covariance growth).
enum class TrackLogic { kMOfN, kScore };

/// Tuning of the multi-target tracker. Defaults suit a surveillance radar with a few-second scan.
struct TrackerConfig {
  double process_noise_mps2 = 5.0;  ///< white-acceleration spectral density sqrt (m/s^2)
  double gate_probability = 0.999;  ///< chi-square gate probability
  int confirm_hits_m = 3;           ///< M of the M-of-N confirmation rule
  int confirm_window_n = 4;         ///< N of the M-of-N confirmation rule
  int delete_after_misses = 3;      ///< confirmed track deleted after this many missed looks
  double initial_speed_sigma_mps = 300.0;  ///< velocity uncertainty of a new track
  TrackLogic track_logic = TrackLogic::kMOfN;
  double detection_probability = 0.9;  ///< Pd, for track scores, JPDA and MHT
  double clutter_density = 1e-10;      ///< lambda: false plots per m^2 (2-D) or m^3 (3-D plots)
  double false_track_probability = 1e-6;     ///< SPRT alpha
  double true_track_loss_probability = 0.05;  ///< SPRT beta
  double delete_score_drop = 6.0;
  double delete_position_sigma_m = 0.0;  ///< 0: no covariance-growth deletion
  /// Bernoulli existence of each track's target (track_management.h), weighing JPDA's confirmed
  /// tracks and all of MHT's branches (GNN ignores it): survival probability per second, and the
  /// existence of an MHT branch started from one plot.
  double survival_probability_per_s = 0.99;
  double initial_existence_probability = 0.5;
  /// Longest time a track may coast (s): a track, tentative or confirmed, whose latest plot is
  /// older than this is deleted, whether or not a sensor still looks at it. Misses count only on
  /// the looks of sensors that have detected the track (track_management.h), so without this a
  /// track no such sensor looks at any more (its target left every coverage, its radar went
  /// silent or was destroyed) would coast for ever. Infinity: no deletion by age.
  double max_coast_s = std::numeric_limits<double>::infinity();
  std::uint32_t first_track_id = 1;  ///< ids are handed out from here up, never reused
};

/// Aborts (RAMPART_DEMAND) on an inconsistent configuration: needs 1 <= M <= N,
/// delete_after_misses >= 1, gate probability, Pd, alpha, beta and the initial existence in
/// (0, 1), survival in (0, 1], lambda > 0, max_coast_s > 0.
void check_tracker_config(const TrackerConfig& config);

class Tracker {
 public:
  virtual ~Tracker() = default;
  /// Predicts the tracks to batch.t_s, associates the batch's plots, updates, initiates new
  /// tracks and confirms or deletes, then deletes the stale tracks at batch.t_s (delete_stale).
  /// Batches must come in non-decreasing time order.
  virtual TrackerStepResult process(const PlotBatch& batch) = 0;
  /// Deletes every track whose latest plot (TrackState::t_updated_s) is more than
  /// config.max_coast_s before t_s; for the times when no batch comes (every radar silent).
  /// The result lists only deletions. Does not move the tracker's clock: a later batch may be
  /// older than t_s.
  virtual TrackerStepResult delete_stale(double t_s) = 0;
  /// Every live track (tentative and confirmed) at the time of its last update.
  virtual std::vector<TrackState> tracks() const = 0;
};

/// The tracker of the walking skeleton: constant-velocity Kalman filter, global nearest
/// neighbour association, M-of-N confirmation, deletion after misses.
/// With `imm`, each track's filter is an IMM of constant velocity, constant acceleration and
/// coordinated turn (imm.h) instead: tracks are predicted by the IMM to each batch's time and
/// updated with the plot GNN gives them (the weighted update with one plot of weight 1); the
/// state reported is the IMM's moment-matched estimate at the latest batch's time (not at the
/// last update, since the IMM's prediction is part of its state).
std::unique_ptr<Tracker> make_gnn_tracker(const TrackerConfig& config,
                                          std::optional<ImmTuning> imm = std::nullopt);

/// The same tracker with joint probabilistic data association (association.h): every track is
/// updated with the moment-matched mixture of its gated plots weighted by their marginal
/// association probabilities; confirmation, deletion, scores and initiation follow the most
/// likely joint event. Pd, lambda and the gate probability are config's. Confirmed tracks carry
/// their Bernoulli existence (JIPDA, association.h; survival_probability_per_s), 1 after a plot.
/// With `imm`, each track's filter is the IMM (as for GNN), updated by IMM-JPDA (ImmFilter::update_weighted
/// with the JPDA marginals: each mode weighs the plots by how well it predicted them).
std::unique_ptr<Tracker> make_jpda_tracker(const TrackerConfig& config, int max_hypotheses,
                                           std::optional<ImmTuning> imm = std::nullopt);

/// Tuning of the multiple-hypothesis tracker (Pd and lambda are TrackerConfig's).
struct MhtParameters {
  int max_global_hypotheses = 10;
  int n_scan = 3;  ///< decisions older than this many scans are made final (N-scan pruning)
};

/// Multiple-hypothesis tracker. Track hypotheses (branches of each track's tree) carry a state,
/// a look history and a score, the log-likelihood ratio
///   L = sum over its scans of [log(Pd N(nu; 0, S) / lambda) if updated, log(1 - Pd) if missed
///   while looked at], starting at 0 for a new track.
/// A global hypothesis is a set of compatible branches (at most one per track, each plot used
/// once) with log weight the sum over its branches of log(r Pd N(nu; 0, S) / lambda) if updated
/// and log(1 - r Pd) if missed while looked at, r the branch's predicted existence probability
/// (track_management.h; initial_existence_probability for a new branch, 1 after a plot): a
/// branch that has missed is cheaper to miss again, so the misses of a target that died fall on
/// one branch. Each scan, every global hypothesis is
/// extended by the k best assignments of the batch's plots to its branches (Murty, solved per
/// cluster; plots left over start new tracks); the best max_global_hypotheses survive. N-scan
/// pruning then drops every global hypothesis that disagrees with the best one about any track
/// decision older than n_scan scans. The tracks reported are the best global hypothesis's
/// branches; confirmation and deletion follow the M-of-N and miss rules of `config` per branch.
std::unique_ptr<Tracker> make_mht_tracker(const TrackerConfig& config, const MhtParameters& mht);

}  // namespace rampart::tracking
