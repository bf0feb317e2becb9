#include "tracking/gating.h"

#include <algorithm>
#include <cmath>

#include "tracking/chi_square.h"
#include "tracking/spatial_grid.h"

namespace rampart::tracking {

CvState predict_to(const TimedState& track, double t_s, double q_m2ps3) {
  const double dt_s = t_s - track.t_s;
  if (dt_s > 0.0) return predict_cv(track.state, dt_s, q_m2ps3);
  if (dt_s < 0.0) return retrodict_cv(track.state, -dt_s, q_m2ps3);
  return track.state;
}

TimedState update_with_plot(const TimedState& track, const Plot& plot, double q_m2ps3) {
  if (plot.t_s >= track.t_s) {
    const CvState predicted = predict_to(track, plot.t_s, q_m2ps3);
    return {update_position(predicted, measurement_of(plot, predicted)), plot.t_s};
  }
  const PositionMeasurement z = measurement_of(plot, predict_to(track, plot.t_s, q_m2ps3));
  return {update_position_lagged(track.state, z, track.t_s - plot.t_s, q_m2ps3), track.t_s};
}

std::vector<GatedPair> gate_plots(const std::vector<TimedState>& tracks,
                                  const std::vector<Plot>& plots, const GateParameters& params) {
  std::vector<GatedPair> pairs;
  if (tracks.empty() || plots.empty()) return pairs;
  const double gamma2 = chi2_quantile(params.gate_probability, 2);
  const double gamma3 = chi2_quantile(params.gate_probability, 3);

  // A 2-D plot moves towards its sensor when placed at a track's height (measurement_of): the
  // gate box of each track grows by that move, taken at the nearest range the box reaches.
  const auto two_d = std::find_if(plots.begin(), plots.end(),
                                  [](const Plot& p) { return !p.has_elevation && p.range_m > 0.0; });
  double t_first_s = plots.front().t_s;
  double t_last_s = plots.front().t_s;
  Eigen::Vector2d max_plot_var = Eigen::Vector2d::Zero();
  std::vector<Eigen::Vector2d> points(plots.size());
  for (std::size_t j = 0; j < plots.size(); ++j) {
    t_first_s = std::min(t_first_s, plots[j].t_s);
    t_last_s = std::max(t_last_s, plots[j].t_s);
    max_plot_var = max_plot_var.cwiseMax(plots[j].p_cov_m2.diagonal().head<2>());
    points[j] = plots[j].p_enu_m.head<2>();
  }
  const double span_s = t_last_s - t_first_s;

  // The box around a track's position at t_last_s that holds its gate for any plot time.
  std::vector<CvState> at_last(tracks.size());
  std::vector<Eigen::Vector2d> half_m(tracks.size());
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    at_last[i] = predict_to(tracks[i], t_last_s, params.q_m2ps3);
    const Eigen::Vector2d var = at_last[i].P.diagonal().head<2>() + max_plot_var;
    const Eigen::Vector2d speed =
        at_last[i].x.segment<2>(3).cwiseAbs() + 4.0 * at_last[i].P.diagonal().segment<2>(3).cwiseSqrt();
    half_m[i] = (gamma3 * var).cwiseSqrt() + span_s * speed;
    if (two_d != plots.end()) {
      const Eigen::Vector3d d_m = at_last[i].x.head<3>() - two_d->sensor_enu_m;
      const double dh_m = d_m.dot(two_d->sensor_up_enu);
      const double nearest_m = std::max(std::abs(dh_m), d_m.norm() - half_m[i].norm());
      half_m[i].array() += ground_range_shortening_m(nearest_m, dh_m);
    }
  }
  std::vector<double> widths(tracks.size());
  for (std::size_t i = 0; i < tracks.size(); ++i) widths[i] = half_m[i].maxCoeff();
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const SpatialGrid grid(points, std::max(1.0, widths[widths.size() / 2]));

  for (int i = 0; i < static_cast<int>(tracks.size()); ++i) {
    const std::size_t first = pairs.size();
    grid.for_each_in_box(at_last[i].x.head<2>(), half_m[i].x(), half_m[i].y(), [&](int j) {
      const Plot& plot = plots[j];
      const CvState predicted = plot.t_s == t_last_s
                                    ? at_last[i]
                                    : predict_to(tracks[i], plot.t_s, params.q_m2ps3);
      const InnovationStats stats = innovation_stats(predicted, measurement_of(plot, predicted));
      const double gamma = plot.has_elevation ? gamma3 : gamma2;
      if (stats.d2 <= gamma) pairs.push_back({i, j, stats.d2, gamma, stats.log_likelihood()});
    });
    std::sort(pairs.begin() + static_cast<std::ptrdiff_t>(first), pairs.end(),
              [](const GatedPair& a, const GatedPair& b) { return a.plot < b.plot; });
  }
  return pairs;
}

}  // namespace rampart::tracking
