#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/assignment.h"
#include "tracking/association.h"
#include "tracking/gnn_association.h"

namespace rampart::tracking {
namespace {

class JpdaAssociator final : public Associator {
 public:
  explicit JpdaAssociator(const JpdaParameters& p) : p_(p) {
    RAMPART_DEMAND(p.detection_probability > 0.0 && p.detection_probability < 1.0,
                   "JPDA needs 0 < Pd < 1");
    RAMPART_DEMAND(p.clutter_density > 0.0 && p.max_hypotheses >= 1,
                   "JPDA needs a positive clutter density and at least one hypothesis");
  }

  std::vector<TrackAssociation> associate(const std::vector<GatedPair>& pairs,
                                          const std::vector<bool>& confirmed,
                                          int n_plots) const override {
    return associate_with_existence(pairs, confirmed, std::vector<double>(confirmed.size(), 1.0), n_plots);
  }

  std::vector<TrackAssociation> associate_with_existence(const std::vector<GatedPair>& pairs,
                                                         const std::vector<bool>& confirmed,
                                                         const std::vector<double>& existence,
                                                         int n_plots) const override {
    const int n_tracks = static_cast<int>(confirmed.size());
    RAMPART_DEMAND(existence.size() == confirmed.size(), "one existence probability per track");
    std::vector<TrackAssociation> out(n_tracks);
    AssignmentProblem whole;
    whole.rows = n_tracks;
    whole.cols = n_plots;
    const double pd_pg = p_.detection_probability * p_.gate_probability;
    std::vector<double> miss_existence(n_tracks);  // q_t
    for (int i = 0; i < n_tracks; ++i) {
      whole.unassigned_cost.push_back(-std::log(1.0 - existence[i] * pd_pg));
      miss_existence[i] = existence[i] * (1.0 - pd_pg) / (1.0 - existence[i] * pd_pg);
      out[i].existence = miss_existence[i];
    }
    const double log_pd_over_lambda = std::log(p_.detection_probability / p_.clutter_density);
    for (const GatedPair& g : pairs) {
      if (confirmed[g.track]) {
        whole.edges.push_back({g.track, g.plot, -(std::log(existence[g.track]) + log_pd_over_lambda + g.log_likelihood)});
      }
    }
    for (const Cluster& cluster : clusters_of(whole)) solve_cluster(whole, cluster, miss_existence, out);
    // Tentative tracks: nearest neighbour among the plots no confirmed track took.
    std::vector<char> taken(n_plots, 0);
    for (const TrackAssociation& a : out) {
      if (a.map_plot >= 0) taken[a.map_plot] = 1;
    }
    std::vector<GatedPair> tentative_pairs;
    for (const GatedPair& g : pairs) {
      if (!confirmed[g.track] && !taken[g.plot]) tentative_pairs.push_back(g);
    }
    const std::vector<int> plot_for_track =
        gnn_associate(tentative_pairs, n_tracks, n_plots, std::vector<int>(n_tracks, 0));
    for (int i = 0; i < n_tracks; ++i) {
      if (!confirmed[i] && plot_for_track[i] >= 0) out[i] = {{{plot_for_track[i], 1.0}}, 0.0, plot_for_track[i], 1.0};
    }
    return out;
  }

 private:
  void solve_cluster(const AssignmentProblem& whole, const Cluster& cluster,
                     const std::vector<double>& miss_existence, std::vector<TrackAssociation>& out) const {
    std::vector<int> local_row(whole.rows, -1);
    std::vector<int> local_col(whole.cols, -1);
    for (std::size_t r = 0; r < cluster.rows.size(); ++r) local_row[cluster.rows[r]] = static_cast<int>(r);
    for (std::size_t c = 0; c < cluster.cols.size(); ++c) local_col[cluster.cols[c]] = static_cast<int>(c);
    AssignmentProblem local;
    local.rows = static_cast<int>(cluster.rows.size());
    local.cols = static_cast<int>(cluster.cols.size());
    for (const int row : cluster.rows) local.unassigned_cost.push_back(whole.unassigned_cost[row]);
    for (const AssignmentEdge& e : whole.edges) {
      if (local_row[e.row] >= 0) local.edges.push_back({local_row[e.row], local_col[e.col], e.cost});
    }
    const std::vector<AssignmentSolution> events = k_best_assignments(local, p_.max_hypotheses);
    const double best_cost = events.front().cost;
    std::vector<double> weight(events.size());
    double total = 0.0;
    for (std::size_t k = 0; k < events.size(); ++k) total += weight[k] = std::exp(best_cost - events[k].cost);
    std::vector<std::vector<double>> beta(local.rows, std::vector<double>(local.cols, 0.0));
    std::vector<double> miss(local.rows, 0.0);
    for (std::size_t k = 0; k < events.size(); ++k) {
      for (int r = 0; r < local.rows; ++r) {
        const int c = events[k].col_for_row[r];
        (c < 0 ? miss[r] : beta[r][c]) += weight[k] / total;
      }
    }
    for (int r = 0; r < local.rows; ++r) {
      TrackAssociation& a = out[cluster.rows[r]];
      const double q = miss_existence[cluster.rows[r]];
      double detected = 0.0;
      for (int c = 0; c < local.cols; ++c) detected += beta[r][c];
      a.existence = detected + miss[r] * q;
      a.miss_weight = miss[r] * q / a.existence;
      for (int c = 0; c < local.cols; ++c) {
        if (beta[r][c] > 0.0) a.plot_weights.emplace_back(cluster.cols[c], beta[r][c] / a.existence);
      }
      const int map = events.front().col_for_row[r];
      a.map_plot = map < 0 ? -1 : cluster.cols[map];
    }
  }

  JpdaParameters p_;
};

}  // namespace

std::unique_ptr<Associator> make_jpda_associator(const JpdaParameters& params) {
  return std::make_unique<JpdaAssociator>(params);
}

}  // namespace rampart::tracking
