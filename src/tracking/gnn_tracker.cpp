// The GNN tracker wires the stages: gate, associate, update, manage, initiate.
#include <algorithm>
#include <limits>

#include "core/error.h"
#include "tracking/gating.h"
#include "tracking/gnn_association.h"
#include "tracking/track_management.h"
#include "tracking/tracker.h"

namespace rampart::tracking {
namespace {

struct TrackRecord {
  TrackState state;
  LookHistory history;
};

class GnnTracker final : public Tracker {
 public:
  explicit GnnTracker(const TrackerConfig& config)
      : config_(config),
        gate_{config.process_noise_mps2 * config.process_noise_mps2, config.gate_probability},
        rule_{config.confirm_hits_m, config.confirm_window_n} {}

  TrackerStepResult process(const PlotBatch& batch) override {
    RAMPART_DEMAND(batch.t_s >= last_batch_t_s_, "batches must come in time order");
    last_batch_t_s_ = batch.t_s;
    TrackerStepResult result;
    const std::vector<TimedState> timed = timed_states();
    const std::vector<GatedPair> pairs = gate_plots(timed, batch.plots, gate_);
    std::vector<int> priority(tracks_.size());
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
      priority[i] = tracks_[i].state.status == TrackStatus::kConfirmed ? 0 : 1;
    }
    const std::vector<int> plot_for_track =
        gnn_associate(pairs, static_cast<int>(tracks_.size()),
                      static_cast<int>(batch.plots.size()), priority);

    std::vector<char> plot_used(batch.plots.size(), 0);
    std::vector<TrackRecord> survivors;
    survivors.reserve(tracks_.size() + batch.plots.size());
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
      TrackRecord& track = tracks_[i];
      const int j = plot_for_track[i];
      if (j >= 0) {
        plot_used[j] = 1;
        hit(track, timed[i], batch.plots[j]);
        result.associations.push_back({track.state.id, batch.plots[j].id});
      } else if (was_looked_at(batch, predict_to(timed[i], batch.t_s, gate_.q_m2ps3).x.head<3>())) {
        ++track.history.looks;
        ++track.state.consecutive_misses;
      }
      if (manage(track, result)) survivors.push_back(std::move(track));
    }
    for (std::size_t j = 0; j < batch.plots.size(); ++j) {
      if (plot_used[j]) continue;
      TrackRecord track = start_track(batch.plots[j]);
      if (manage(track, result)) survivors.push_back(std::move(track));
    }
    tracks_ = std::move(survivors);
    return result;
  }

  std::vector<TrackState> tracks() const override {
    std::vector<TrackState> out;
    out.reserve(tracks_.size());
    for (const TrackRecord& t : tracks_) out.push_back(t.state);
    return out;
  }

 private:
  std::vector<TimedState> timed_states() const {
    std::vector<TimedState> timed(tracks_.size());
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
      timed[i] = {{tracks_[i].state.x, tracks_[i].state.P}, tracks_[i].state.t_s};
    }
    return timed;
  }

  void hit(TrackRecord& track, const TimedState& timed, const Plot& plot) const {
    const CvState updated =
        update_position(predict_to(timed, plot.t_s, gate_.q_m2ps3), measurement_of(plot));
    track.state.x = updated.x;
    track.state.P = updated.P;
    track.state.t_s = std::max(timed.t_s, plot.t_s);
    ++track.state.updates;
    track.state.consecutive_misses = 0;
    track.state.has_height = track.state.has_height || plot.has_elevation;
    ++track.history.looks;
    ++track.history.hits;
  }

  TrackRecord start_track(const Plot& plot) {
    TrackRecord track;
    const CvState s = initial_state(plot, config_.initial_speed_sigma_mps);
    track.state.id = next_id_++;
    track.state.t_s = plot.t_s;
    track.state.x = s.x;
    track.state.P = s.P;
    track.state.updates = 1;
    track.state.has_height = plot.has_elevation;
    return track;
  }

  // Applies confirmation and deletion; returns whether the track lives on.
  bool manage(TrackRecord& track, TrackerStepResult& result) const {
    if (track.state.status == TrackStatus::kConfirmed) {
      if (track.state.consecutive_misses < config_.delete_after_misses) return true;
      result.deleted.push_back(track.state.id);
      return false;
    }
    if (m_of_n_confirmed(track.history, rule_)) {
      track.state.status = TrackStatus::kConfirmed;
      result.confirmed.push_back(track.state.id);
      return true;
    }
    if (!m_of_n_failed(track.history, rule_)) return true;
    result.deleted.push_back(track.state.id);
    return false;
  }

  TrackerConfig config_;
  GateParameters gate_;
  ConfirmationRule rule_;
  std::vector<TrackRecord> tracks_;
  std::uint32_t next_id_ = 1;
  double last_batch_t_s_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

std::unique_ptr<Tracker> make_gnn_tracker(const TrackerConfig& config) {
  RAMPART_DEMAND(config.confirm_hits_m >= 1 && config.confirm_hits_m <= config.confirm_window_n,
                 "M-of-N confirmation needs 1 <= M <= N");
  RAMPART_DEMAND(config.delete_after_misses >= 1, "delete_after_misses must be at least 1");
  RAMPART_DEMAND(config.gate_probability > 0.0 && config.gate_probability < 1.0,
                 "gate_probability must be in (0, 1)");
  return std::make_unique<GnnTracker>(config);
}

}  // namespace rampart::tracking
