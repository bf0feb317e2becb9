#include "tracking/gnn_association.h"

#include <algorithm>

#include "core/assignment.h"
#include "tracking/association.h"

namespace rampart::tracking {

std::vector<int> gnn_associate(const std::vector<GatedPair>& pairs, int n_tracks, int n_plots,
                               const std::vector<int>& priority) {
  std::vector<int> plot_for_track(n_tracks, -1);
  std::vector<char> plot_taken(n_plots, 0);
  std::vector<int> levels(priority);
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  std::vector<int> row_of_track(n_tracks, -1);
  for (const int level : levels) {
    std::vector<int> tracks;
    for (int i = 0; i < n_tracks; ++i) {
      if (priority[i] == level) {
        row_of_track[i] = static_cast<int>(tracks.size());
        tracks.push_back(i);
      }
    }
    AssignmentProblem problem;
    problem.rows = static_cast<int>(tracks.size());
    problem.cols = n_plots;
    problem.unassigned_cost.assign(tracks.size(), 0.0);
    for (const GatedPair& p : pairs) {
      if (priority[p.track] == level && !plot_taken[p.plot]) {
        problem.edges.push_back({row_of_track[p.track], p.plot, p.d2 - p.gamma});
      }
    }
    const AssignmentSolution solution = solve_assignment(problem);
    for (int r = 0; r < problem.rows; ++r) {
      const int plot = solution.col_for_row[r];
      if (plot >= 0) {
        plot_for_track[tracks[r]] = plot;
        plot_taken[plot] = 1;
      }
    }
  }
  return plot_for_track;
}

namespace {

class GnnAssociator final : public Associator {
 public:
  std::vector<TrackAssociation> associate(const std::vector<GatedPair>& pairs,
                                          const std::vector<bool>& confirmed,
                                          int n_plots) const override {
    std::vector<int> priority(confirmed.size());
    for (std::size_t i = 0; i < confirmed.size(); ++i) priority[i] = confirmed[i] ? 0 : 1;
    const std::vector<int> plot_for_track =
        gnn_associate(pairs, static_cast<int>(confirmed.size()), n_plots, priority);
    std::vector<TrackAssociation> out(confirmed.size());
    for (std::size_t i = 0; i < confirmed.size(); ++i) {
      if (plot_for_track[i] < 0) continue;
      out[i] = {{{plot_for_track[i], 1.0}}, 0.0, plot_for_track[i]};
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Associator> make_gnn_associator() { return std::make_unique<GnnAssociator>(); }

}  // namespace rampart::tracking
