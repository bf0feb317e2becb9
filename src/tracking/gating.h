// Chi-square gating of plots against tracks behind a spatial index.
//
// Each track is predicted (constant velocity) to the time of each candidate plot; the pair
// passes the gate when d2 = nu' S^-1 nu <= gamma, gamma = chi2_quantile(gate_probability, m),
// m = 3 for a plot with elevation and 2 for one without. Candidates come from a uniform grid
// over the plots' east/north positions, queried with a box that holds the whole gate, so the
// cost grows about linearly with the number of plots and tracks.
#pragma once

#include <vector>

#include "tracking/kalman.h"
#include "tracking/types.h"

namespace rampart::tracking {

/// A filter state together with its time.
struct TimedState {
  CvState state;
  double t_s = 0.0;
};

/// The state's Gaussian at t_s: predicted forward, or retrodicted (kalman.h) for a time before
/// the state's (an out-of-sequence plot).
CvState predict_to(const TimedState& track, double t_s, double q_m2ps3);

/// The track updated with the plot, at the later of the two times (an out-of-sequence plot
/// updates the state at its own time, kalman.h).
TimedState update_with_plot(const TimedState& track, const Plot& plot, double q_m2ps3);

struct GatedPair {
  int track = 0;
  int plot = 0;
  double d2 = 0.0;              ///< squared Mahalanobis distance
  double gamma = 0.0;           ///< the gate threshold used for this pair (d2 <= gamma)
  double log_likelihood = 0.0;  ///< log N(nu; 0, S)
};

struct GateParameters {
  double q_m2ps3 = 25.0;
  double gate_probability = 0.999;
};

/// Every (track, plot) pair inside the gate, sorted by track and then plot.
std::vector<GatedPair> gate_plots(const std::vector<TimedState>& tracks,
                                  const std::vector<Plot>& plots, const GateParameters& params);

}  // namespace rampart::tracking
