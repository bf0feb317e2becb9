// Data association, chosen per tracker: from the gated (track, plot) pairs of one batch to, for
// each track, how much weight each plot gets.
//
// GNN (gnn_association.h): one plot or none per track, weight 1.
// JPDA (Fortmann, Bar-Shalom, Scheffe 1983) of the confirmed tracks, per cluster of tracks
//   sharing plots (tentative tracks then take, by GNN, plots of no confirmed track's most
//   likely event, as in the GNN's confirmed-first order): a joint event
//   theta assigns each track at most one plot and each plot at most one track, with
//   P(theta) ~ prod_{t -> j} r_t Pd N(nu_tj; 0, S_tj) / lambda  *  prod_{t undetected} (1 - r_t Pd Pg),
//   lambda the clutter density (per m^2 for 2-D plots, per m^3 for 3-D ones), Pg the gate
//   probability, r_t the predicted probability that track t's target exists (JIPDA, Musicki and
//   Evans 2004; r_t = 1 gives the plain JPDA). The marginals beta_tj = sum of P(theta) over
//   events with t -> j (and beta_t0 for no plot) give the posterior existence
//   r+_t = sum_j beta_tj + beta_t0 q_t, q_t = r_t (1 - Pd Pg) / (1 - r_t Pd Pg), and weigh the
//   track's update given that its target exists: beta_tj / r+_t per plot, beta_t0 q_t / r+_t for
//   none. A tentative track gets r+ = 1 with a plot and q_t without. Events are enumerated best first with Murty's k-best
//   assignment on costs -log of the factors above, at most max_hypotheses per cluster, so a dense
//   cluster never blows up (exact whenever the cluster has no more events than that).
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "tracking/gating.h"

namespace rampart::tracking {

struct TrackAssociation {
  std::vector<std::pair<int, double>> plot_weights;  ///< (plot index, weight), weight > 0
  double miss_weight = 1.0;                          ///< weight of "no plot"; all sum to one
  int map_plot = -1;  ///< the track's plot in the most likely joint event, or -1
  double existence = 1.0;  ///< posterior existence probability r+ (JPDA; GNN leaves 1)
};

class Associator {
 public:
  virtual ~Associator() = default;
  /// `confirmed[i]` tells whether track i is confirmed.
  virtual std::vector<TrackAssociation> associate(const std::vector<GatedPair>& pairs,
                                                  const std::vector<bool>& confirmed,
                                                  int n_plots) const = 0;
  /// The same with each track's predicted existence probability; associators without a notion
  /// of existence (GNN) ignore it.
  virtual std::vector<TrackAssociation> associate_with_existence(
      const std::vector<GatedPair>& pairs, const std::vector<bool>& confirmed,
      const std::vector<double>& existence, int n_plots) const {
    static_cast<void>(existence);
    return associate(pairs, confirmed, n_plots);
  }
};

std::unique_ptr<Associator> make_gnn_associator();

struct JpdaParameters {
  double detection_probability = 0.9;
  double clutter_density = 1e-6;  ///< false plots per m^2 (2-D plots) or per m^3 (3-D plots)
  double gate_probability = 0.999;
  int max_hypotheses = 100;  ///< joint events per cluster
};

std::unique_ptr<Associator> make_jpda_associator(const JpdaParameters& params);

}  // namespace rampart::tracking
