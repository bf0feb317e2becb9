// Multiple-hypothesis tracker: branches (track hypotheses) shared by weighted global hypotheses,
// extended each scan by Murty's k best assignments, pruned to the best few and by N-scan.
//
// Memory is bounded whatever the input (one scan of 200,000 plots once grew to 21 GB):
// - the k-best search over the clusters of a global hypothesis with R branches keeps up to
//   k x C choice vectors of C entries (C <= R clusters), so its k is lowered to
//   kMaxMurtyEntries / R^2 (at least 1), and a hypothesis with R^2 > kMaxMurtyEntries (R above
//   5792) is extended by its single best assignment only;
// - the global hypotheses kept after a scan hold at most kMaxHypothesisEntries branch slots in
//   all: when hypotheses are that large, fewer than max_global_hypotheses are kept (the best one
//   always).
// Below these caps (every shipped scenario and benchmark) the tracker is exactly the one below.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "core/error.h"
#include "core/assignment.h"
#include "tracking/gating.h"
#include "tracking/track_management.h"
#include "tracking/tracker.h"

namespace rampart::tracking {
namespace {

constexpr double kMaxMurtyEntries = 33554432.0;          // 2^25 choice entries, about 128 MiB
constexpr std::size_t kMaxHypothesisEntries = 4194304;  // 2^22 branch slots over kept hypotheses

struct Branch {
  TrackState state;  ///< id = the track (family) it belongs to; score = its log-likelihood ratio
  LookHistory history;
  std::vector<std::uint64_t> lineage;  ///< its own uid last, then ancestors; at most n_scan + 1
  int plot = -1;                       ///< plot taken in the latest scan, or -1
  double existence = 0.0;              ///< probability that its target exists, at existence_t_s
  double existence_t_s = 0.0;
};

struct Hypothesis {
  std::vector<int> branches;
  double log_weight = 0.0;
};

class MhtTracker final : public Tracker {
 public:
  MhtTracker(const TrackerConfig& config, const MhtParameters& mht)
      : config_(config),
        mht_(mht),
        gate_{config.process_noise_mps2 * config.process_noise_mps2, config.gate_probability},
        rule_(track_logic_rule(config)),
        log_pd_over_lambda_(std::log(config.detection_probability / config.clutter_density)),
        log_miss_(std::log(1.0 - config.detection_probability)),
        next_id_(config.first_track_id) {
    hypotheses_.push_back({});
  }

  TrackerStepResult process(const PlotBatch& batch) override {
    RAMPART_DEMAND(batch.t_s >= last_batch_t_s_, "batches must come in time order");
    last_batch_t_s_ = batch.t_s;
    std::vector<TimedState> timed(branches_.size());
    std::vector<bool> looked(branches_.size());
    std::vector<double> sigma_m(branches_.size());
    std::vector<double> existence(branches_.size());
    for (std::size_t b = 0; b < branches_.size(); ++b) {
      existence[b] = predicted_existence(branches_[b].existence, batch.t_s - branches_[b].existence_t_s,
                                         config_.survival_probability_per_s);
      timed[b] = {{branches_[b].state.x, branches_[b].state.P}, branches_[b].state.t_s};
      const CvState now = predict_to(timed[b], batch.t_s, gate_.q_m2ps3);
      looked[b] = was_looked_at(batch, now.x.head<3>());
      sigma_m[b] = horizontal_sigma_m(now.P);
    }
    std::vector<std::vector<GatedPair>> gated(branches_.size());
    for (const GatedPair& g : gate_plots(timed, batch.plots, gate_)) gated[g.track].push_back(g);

    const std::vector<Child> children =
        extend(gated, looked, existence, static_cast<int>(batch.plots.size()));
    Builder builder{*this, batch, timed, looked, sigma_m, existence, gated, {}, {}, {}};
    std::vector<Hypothesis> next;
    for (const Child& child : children) next.push_back(builder.build(child));
    const double top = next.front().log_weight;
    for (Hypothesis& h : next) h.log_weight -= top;
    branches_ = std::move(builder.branches);
    hypotheses_ = n_scan_prune(next);
    drop_stale(batch.t_s);
    compact();
    return report(batch);
  }

  TrackerStepResult delete_stale(double t_s) override {
    drop_stale(t_s);
    compact();
    TrackerStepResult result;
    report_deletions(result);
    return result;
  }

  std::vector<TrackState> tracks() const override {
    std::vector<TrackState> out;
    for (const int b : hypotheses_.front().branches) out.push_back(branches_[b].state);
    std::sort(out.begin(), out.end(), [](const TrackState& a, const TrackState& b) { return a.id < b.id; });
    return out;
  }

 private:
  struct Child {
    int parent = 0;
    std::vector<int> col_for_row;
    double log_weight = 0.0;
  };

  // The best max_global_hypotheses extensions over all parents, best first. A branch whose
  // target exists with probability r costs -log(1 - r Pd) when missed and -log(r Pd N(nu; 0, S) / lambda) when
  // it takes a plot (Bernoulli track hypotheses).
  std::vector<Child> extend(const std::vector<std::vector<GatedPair>>& gated,
                            const std::vector<bool>& looked, const std::vector<double>& existence,
                            int n_plots) const {
    std::vector<Child> children;
    for (std::size_t h = 0; h < hypotheses_.size(); ++h) {
      const Hypothesis& parent = hypotheses_[h];
      AssignmentProblem problem;
      problem.rows = static_cast<int>(parent.branches.size());
      problem.cols = n_plots;
      for (int r = 0; r < problem.rows; ++r) {
        const int b = parent.branches[r];
        const double pd = config_.detection_probability;
        problem.unassigned_cost.push_back(looked[b] ? -std::log(1.0 - existence[b] * pd) : 0.0);
        const double log_existence = std::log(existence[b]);
        for (const GatedPair& g : gated[b]) {
          problem.edges.push_back({r, g.plot, -(log_existence + log_pd_over_lambda_ + g.log_likelihood)});
        }
      }
      for (AssignmentSolution& s : best_assignments(problem)) {
        children.push_back({static_cast<int>(h), std::move(s.col_for_row), parent.log_weight - s.cost});
      }
      keep_best(children, mht_.max_global_hypotheses);
    }
    // Each kept child becomes a hypothesis with one slot per parent branch and per new track.
    std::size_t entries = 0;
    std::size_t kept = 0;
    for (; kept < children.size(); ++kept) {
      entries += hypotheses_[children[kept].parent].branches.size() + static_cast<std::size_t>(n_plots);
      if (kept > 0 && entries > kMaxHypothesisEntries) break;
    }
    children.resize(kept);
    return children;
  }

  // The k best assignments, k lowered (down to the single best) so that the search's memory
  // stays within kMaxMurtyEntries.
  std::vector<AssignmentSolution> best_assignments(const AssignmentProblem& problem) const {
    const double rows_squared = static_cast<double>(problem.rows) * static_cast<double>(problem.rows);
    if (rows_squared > kMaxMurtyEntries) {
      AssignmentSolution best = solve_assignment(problem);
      if (!best.feasible) return {};
      return {std::move(best)};
    }
    const double affordable = rows_squared > 0.0 ? kMaxMurtyEntries / rows_squared : kMaxMurtyEntries;
    const int k = static_cast<int>(std::min<double>(mht_.max_global_hypotheses, std::max(1.0, affordable)));
    return k_best_by_cluster(problem, k);
  }

  // Keeps the best k children (stable: the earlier of equal weights first).
  static void keep_best(std::vector<Child>& children, int k) {
    std::stable_sort(children.begin(), children.end(),
                     [](const Child& a, const Child& b) { return a.log_weight > b.log_weight; });
    if (static_cast<int>(children.size()) > k) children.resize(k);
  }

  // Creates the child branches of kept global hypotheses, each (parent branch, plot) and each
  // new track (plot) once.
  struct Builder {
    MhtTracker& mht;
    const PlotBatch& batch;
    const std::vector<TimedState>& timed;
    const std::vector<bool>& looked;
    const std::vector<double>& sigma_m;
    const std::vector<double>& existence;
    const std::vector<std::vector<GatedPair>>& gated;
    std::vector<Branch> branches;
    std::map<std::pair<int, int>, int> continued;  ///< (parent branch, plot or -1) -> branch
    std::map<int, int> born;                       ///< plot -> branch

    Hypothesis build(const Child& child) {
      const Hypothesis& parent = mht.hypotheses_[child.parent];
      Hypothesis h{{}, child.log_weight};
      std::vector<char> used(batch.plots.size(), 0);
      for (std::size_t r = 0; r < parent.branches.size(); ++r) {
        const int col = child.col_for_row[r];
        if (col >= 0) used[col] = 1;
        const int b = continue_branch(parent.branches[r], col);
        if (b >= 0) h.branches.push_back(b);
      }
      for (int j = 0; j < static_cast<int>(batch.plots.size()); ++j) {
        if (used[j]) continue;
        const int b = birth(j);
        if (b >= 0) h.branches.push_back(b);
      }
      return h;
    }

    // -1 when the branch dies (failed confirmation or too many misses).
    int continue_branch(int parent, int plot) {
      const auto key = std::make_pair(parent, plot);
      if (const auto found = continued.find(key); found != continued.end()) return found->second;
      Branch b = mht.branches_[parent];
      b.plot = plot;
      b.existence = posterior_existence(existence[parent], plot >= 0, looked[parent],
                                        mht.config_.detection_probability);
      b.existence_t_s = batch.t_s;
      if (plot >= 0) {
        const Plot& p = batch.plots[plot];
        const TimedState updated = update_with_plot(timed[parent], p, mht.gate_.q_m2ps3);
        b.state.x = updated.state.x;
        b.state.P = updated.state.P;
        b.state.t_s = updated.t_s;
        const auto g = std::find_if(gated[parent].begin(), gated[parent].end(),
                                    [&](const GatedPair& x) { return x.plot == plot; });
        record_hit(b.state, b.history, p, mht.log_pd_over_lambda_ + g->log_likelihood);
      } else if (looked[parent]) {
        record_miss(b.state, b.history, mht.log_miss_, batch.sensor_id);
      }
      const double sigma = plot >= 0 ? horizontal_sigma_m(b.state.P) : sigma_m[parent];
      return store(key, std::move(b), sigma);
    }

    int birth(int plot) {
      if (const auto found = born.find(plot); found != born.end()) return found->second;
      Branch b;
      b.state = new_track(batch.plots[plot], mht.next_id_++, mht.config_.initial_speed_sigma_mps);
      b.plot = plot;
      b.history.misses.hit(batch.sensor_id);
      b.existence = mht.config_.initial_existence_probability;
      b.existence_t_s = batch.t_s;
      const double sigma = horizontal_sigma_m(b.state.P);
      const int index = store({-1, plot}, std::move(b), sigma);
      born[plot] = index;
      return index;
    }

    int store(const std::pair<int, int>& key, Branch b, double position_sigma_m) {
      int index = -1;
      if (manage_track(b.state, b.history, mht.rule_, position_sigma_m) != Verdict::kDeleted) {
        b.lineage.push_back(mht.next_uid_++);
        if (static_cast<int>(b.lineage.size()) > mht.mht_.n_scan + 1) b.lineage.erase(b.lineage.begin());
        index = static_cast<int>(branches.size());
        branches.push_back(std::move(b));
      }
      if (key.first >= 0) continued[key] = index;
      return index;
    }
  };

  // Keeps the global hypotheses that agree with the best one on every decision older than
  // n_scan scans: the same ancestor n_scan scans back for each of its tracks, and no other track
  // that old.
  std::vector<Hypothesis> n_scan_prune(std::vector<Hypothesis>& candidates) const {
    const auto anchor = [&](int b) {
      const auto& lineage = branches_[b].lineage;
      return static_cast<int>(lineage.size()) > mht_.n_scan ? lineage.front() : 0;
    };
    std::map<std::uint32_t, std::uint64_t> best_anchor;
    for (const int b : candidates.front().branches) best_anchor[branches_[b].state.id] = anchor(b);
    std::vector<Hypothesis> kept;
    for (Hypothesis& h : candidates) {
      std::map<std::uint32_t, std::uint64_t> mine;
      for (const int b : h.branches) mine[branches_[b].state.id] = anchor(b);
      bool agrees = true;
      for (const auto& [id, a] : best_anchor) {
        const auto found = mine.find(id);
        if (a != 0 && (found == mine.end() || found->second != a)) agrees = false;
      }
      for (const auto& [id, a] : mine) {
        if (a != 0 && !best_anchor.count(id)) agrees = false;
      }
      if (agrees) kept.push_back(std::move(h));
    }
    return kept;
  }

  // Takes every branch whose latest plot is more than max_coast_s old out of every global
  // hypothesis (compact() then frees it).
  void drop_stale(double t_s) {
    for (Hypothesis& h : hypotheses_) {
      std::erase_if(h.branches, [&](int b) { return is_stale(branches_[b].state, t_s, config_.max_coast_s); });
    }
  }

  // Drops the branches no global hypothesis uses.
  void compact() {
    std::vector<int> index(branches_.size(), -1);
    std::vector<Branch> kept;
    for (Hypothesis& h : hypotheses_) {
      for (int& b : h.branches) {
        if (index[b] < 0) {
          index[b] = static_cast<int>(kept.size());
          kept.push_back(branches_[b]);
        }
        b = index[b];
      }
    }
    branches_ = std::move(kept);
  }

  TrackerStepResult report(const PlotBatch& batch) {
    TrackerStepResult result;
    for (const int b : hypotheses_.front().branches) {
      const Branch& branch = branches_[b];
      if (branch.plot >= 0) result.associations.push_back({branch.state.id, batch.plots[branch.plot].id});
      if (branch.state.status == TrackStatus::kConfirmed && announced_.insert(branch.state.id).second) {
        result.confirmed.push_back(branch.state.id);
      }
    }
    report_deletions(result);
    return result;
  }

  // The tracks reported before and not in the best hypothesis now are deleted.
  void report_deletions(TrackerStepResult& result) {
    std::set<std::uint32_t> now;
    for (const int b : hypotheses_.front().branches) now.insert(branches_[b].state.id);
    for (const std::uint32_t id : reported_) {
      if (!now.count(id)) result.deleted.push_back(id);
    }
    for (const std::uint32_t id : result.deleted) announced_.erase(id);
    reported_ = std::move(now);
  }

  TrackerConfig config_;
  MhtParameters mht_;
  GateParameters gate_;
  TrackLogicRule rule_;
  double log_pd_over_lambda_;
  double log_miss_;
  std::vector<Branch> branches_;
  std::vector<Hypothesis> hypotheses_;
  std::set<std::uint32_t> reported_;
  std::set<std::uint32_t> announced_;
  std::uint32_t next_id_;
  std::uint64_t next_uid_ = 1;
  double last_batch_t_s_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

std::unique_ptr<Tracker> make_mht_tracker(const TrackerConfig& config, const MhtParameters& mht) {
  check_tracker_config(config);
  RAMPART_DEMAND(mht.max_global_hypotheses >= 1 && mht.n_scan >= 1,
                 "MHT needs at least one global hypothesis and n_scan >= 1");
  return std::make_unique<MhtTracker>(config, mht);
}

}  // namespace rampart::tracking
