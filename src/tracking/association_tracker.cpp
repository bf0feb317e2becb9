// The single-hypothesis trackers (GNN, JPDA) wire the stages: gate, associate, update, manage,
// initiate. Only the associator differs between them.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/error.h"
#include "tracking/association.h"
#include "tracking/gating.h"
#include "tracking/imm.h"
#include "tracking/measurement_models.h"
#include "tracking/track_management.h"
#include "tracking/tracker.h"

namespace rampart::tracking {
namespace {

struct TrackRecord {
  TrackState state;
  LookHistory history;
  ImmEstimate imm;  ///< only when the tracker runs an IMM
  double existence = 0.0;  ///< probability that its target exists, at existence_t_s
  double existence_t_s = 0.0;
};

void set_from_imm(TrackState& state, const ImmEstimate& imm) {
  const Gaussian g = combine(imm);
  state.x = g.x.head<6>();
  state.P = g.P.topLeftCorner<6, 6>();
}

// The moment-matched mixture of the track's updates with each weighted plot and of its
// prediction ("no plot"), all taken to the latest plot time; for one plot of weight 1 it is the
// plain Kalman update.
TimedState mixture_update(const TimedState& track, const TrackAssociation& a,
                          const std::vector<Plot>& plots, double q_m2ps3) {
  double t_ref_s = track.t_s;
  for (const auto& [j, w] : a.plot_weights) t_ref_s = std::max(t_ref_s, plots[j].t_s);
  std::vector<std::pair<CvState, double>> components;
  for (const auto& [j, w] : a.plot_weights) {
    components.emplace_back(predict_to(update_with_plot(track, plots[j], q_m2ps3), t_ref_s, q_m2ps3), w);
  }
  if (a.miss_weight > 0.0) components.emplace_back(predict_to(track, t_ref_s, q_m2ps3), a.miss_weight);
  CvState mixed{Vector6d::Zero(), Matrix6d::Zero()};
  for (const auto& [c, w] : components) mixed.x += w * c.x;
  for (const auto& [c, w] : components) {
    const Vector6d d = c.x - mixed.x;
    mixed.P += w * (c.P + d * d.transpose());
  }
  return {mixed, t_ref_s};
}

class AssociationTracker final : public Tracker {
 public:
  AssociationTracker(const TrackerConfig& config, std::unique_ptr<Associator> associator,
                     std::optional<ImmTuning> imm_tuning = std::nullopt)
      : config_(config),
        associator_(std::move(associator)),
        imm_tuning_(imm_tuning),
        gate_{config.process_noise_mps2 * config.process_noise_mps2, config.gate_probability},
        rule_(track_logic_rule(config)),
        log_pd_over_lambda_(std::log(config.detection_probability / config.clutter_density)),
        log_miss_(std::log(1.0 - config.detection_probability)),
        next_id_(config.first_track_id) {
    if (imm_tuning_) imm_.emplace(make_cv_ca_ct_imm(*imm_tuning_));
  }

  TrackerStepResult process(const PlotBatch& batch) override {
    RAMPART_DEMAND(batch.t_s >= last_batch_t_s_, "batches must come in time order");
    last_batch_t_s_ = batch.t_s;
    TrackerStepResult result;
    if (imm_) {
      for (TrackRecord& t : tracks_) {
        if (batch.t_s <= t.state.t_s) continue;
        t.imm = imm_->predict(t.imm, batch.t_s - t.state.t_s);
        t.state.t_s = batch.t_s;
        set_from_imm(t.state, t.imm);
      }
    }
    std::vector<TimedState> timed(tracks_.size());
    std::vector<bool> confirmed(tracks_.size());
    std::vector<double> existence(tracks_.size());
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
      existence[i] = predicted_existence(tracks_[i].existence, batch.t_s - tracks_[i].existence_t_s,
                                         config_.survival_probability_per_s);
      timed[i] = {{tracks_[i].state.x, tracks_[i].state.P}, tracks_[i].state.t_s};
      confirmed[i] = tracks_[i].state.status == TrackStatus::kConfirmed;
    }
    const std::vector<GatedPair> pairs = gate_plots(timed, batch.plots, gate_);
    std::vector<double> map_log_likelihood(tracks_.size(), 0.0);
    const std::vector<TrackAssociation> associations =
        associator_->associate_with_existence(pairs, confirmed, existence, static_cast<int>(batch.plots.size()));
    for (const GatedPair& g : pairs) {
      if (associations[g.track].map_plot == g.plot) map_log_likelihood[g.track] = g.log_likelihood;
    }

    std::vector<char> plot_used(batch.plots.size(), 0);
    std::vector<TrackRecord> survivors;
    survivors.reserve(tracks_.size() + batch.plots.size());
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
      TrackRecord& track = tracks_[i];
      const TrackAssociation& a = associations[i];
      if (imm_ && !a.plot_weights.empty()) {
        std::vector<std::unique_ptr<MeasurementModel>> models;
        std::vector<ImmFilter::WeightedMeasurement> weighted;
        for (const auto& [j, w] : a.plot_weights) {
          const Plot& plot = batch.plots[j];
          const PositionMeasurement z = measurement_of(plot, timed[i].state);
          const int m = z.dimension();
          // A plot older than the IMM's time (batch.t_s) is measured through the lag (kalman.h).
          const double lag_s = std::max(0.0, track.state.t_s - plot.t_s);
          const Eigen::MatrixXd R = z.R_m2.topLeftCorner(m, m) +
                                    cv_process_noise(lag_s, gate_.q_m2ps3).topLeftCorner(m, m);
          models.push_back(make_position_model(R, z.has_up, lag_s));
          weighted.push_back({models.back().get(), z.z_m.head(m), w});
        }
        imm_->update_weighted(track.imm, weighted, a.miss_weight);
        set_from_imm(track.state, track.imm);
      } else if (!imm_ && !a.plot_weights.empty()) {
        const TimedState updated = mixture_update(timed[i], a, batch.plots, gate_.q_m2ps3);
        track.state.x = updated.state.x;
        track.state.P = updated.state.P;
        track.state.t_s = updated.t_s;
      }
      const CvState now = predict_to(timed[i], batch.t_s, gate_.q_m2ps3);
      const bool looked = a.map_plot >= 0 || was_looked_at(batch, now.x.head<3>());
      track.existence = looked ? a.existence : existence[i];
      track.existence_t_s = batch.t_s;
      if (a.map_plot >= 0) {
        const Plot& plot = batch.plots[a.map_plot];
        plot_used[a.map_plot] = 1;
        record_hit(track.state, track.history, plot, log_pd_over_lambda_ + map_log_likelihood[i]);
        result.associations.push_back({track.state.id, plot.id});
      } else if (looked) {
        record_miss(track.state, track.history, log_miss_, batch.sensor_id);
      }
      if (manage(track, horizontal_sigma_m(now.P), result)) survivors.push_back(std::move(track));
    }
    for (std::size_t j = 0; j < batch.plots.size(); ++j) {
      if (plot_used[j]) continue;
      TrackRecord track{new_track(batch.plots[j], next_id_++, config_.initial_speed_sigma_mps), {}, {},
                        1.0, batch.t_s};
      track.history.misses.hit(batch.sensor_id);
      if (imm_) {
        const ImmTuning& t = *imm_tuning_;
        const double other = 0.5 * (1.0 - t.initial_cv_probability);
        track.imm = imm_->initial(
            embed_cv_state(track.state.x, track.state.P,
                           t.initial_acceleration_sigma_mps2 * t.initial_acceleration_sigma_mps2,
                           t.initial_turn_rate_sigma_radps * t.initial_turn_rate_sigma_radps),
            Eigen::Vector3d(t.initial_cv_probability, other, other));
      }
      if (manage(track, horizontal_sigma_m(track.state.P), result)) survivors.push_back(std::move(track));
    }
    tracks_ = std::move(survivors);
    drop_stale(batch.t_s, result);
    return result;
  }

  TrackerStepResult delete_stale(double t_s) override {
    TrackerStepResult result;
    drop_stale(t_s, result);
    return result;
  }

  std::vector<TrackState> tracks() const override {
    std::vector<TrackState> out;
    out.reserve(tracks_.size());
    for (const TrackRecord& t : tracks_) out.push_back(t.state);
    return out;
  }

 private:
  void drop_stale(double t_s, TrackerStepResult& result) {
    std::erase_if(tracks_, [&](const TrackRecord& t) {
      if (!is_stale(t.state, t_s, config_.max_coast_s)) return false;
      result.deleted.push_back(t.state.id);
      return true;
    });
  }

  // Applies confirmation and deletion; returns whether the track lives on.
  bool manage(TrackRecord& track, double position_sigma_m, TrackerStepResult& result) const {
    switch (manage_track(track.state, track.history, rule_, position_sigma_m)) {
      case Verdict::kConfirmed:
        result.confirmed.push_back(track.state.id);
        return true;
      case Verdict::kDeleted:
        result.deleted.push_back(track.state.id);
        return false;
      case Verdict::kKeep:
        return true;
    }
    return true;
  }

  TrackerConfig config_;
  std::unique_ptr<Associator> associator_;
  std::optional<ImmTuning> imm_tuning_;
  std::optional<ImmFilter> imm_;
  GateParameters gate_;
  TrackLogicRule rule_;
  double log_pd_over_lambda_;
  double log_miss_;
  std::vector<TrackRecord> tracks_;
  std::uint32_t next_id_;
  double last_batch_t_s_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

void check_tracker_config(const TrackerConfig& config) {
  RAMPART_DEMAND(config.confirm_hits_m >= 1 && config.confirm_hits_m <= config.confirm_window_n,
                 "M-of-N confirmation needs 1 <= M <= N");
  RAMPART_DEMAND(config.delete_after_misses >= 1, "delete_after_misses must be at least 1");
  const auto in_unit = [](double p) { return p > 0.0 && p < 1.0; };
  RAMPART_DEMAND(in_unit(config.gate_probability) && in_unit(config.detection_probability) &&
                     in_unit(config.false_track_probability) &&
                     in_unit(config.true_track_loss_probability),
                 "gate probability, Pd, alpha and beta must be in (0, 1)");
  RAMPART_DEMAND(in_unit(config.initial_existence_probability) &&
                     config.survival_probability_per_s > 0.0 && config.survival_probability_per_s <= 1.0,
                 "initial existence must be in (0, 1) and survival in (0, 1]");
  RAMPART_DEMAND(config.clutter_density > 0.0, "clutter density must be positive");
  RAMPART_DEMAND(config.max_coast_s > 0.0, "max_coast_s must be positive");
}

std::unique_ptr<Tracker> make_gnn_tracker(const TrackerConfig& config, std::optional<ImmTuning> imm) {
  check_tracker_config(config);
  return std::make_unique<AssociationTracker>(config, make_gnn_associator(), imm);
}

std::unique_ptr<Tracker> make_jpda_tracker(const TrackerConfig& config, int max_hypotheses,
                                           std::optional<ImmTuning> imm) {
  check_tracker_config(config);
  const JpdaParameters p{config.detection_probability, config.clutter_density,
                         config.gate_probability, max_hypotheses};
  return std::make_unique<AssociationTracker>(config, make_jpda_associator(p), imm);
}

}  // namespace rampart::tracking
