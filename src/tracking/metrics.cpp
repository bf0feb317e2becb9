#include "tracking/metrics.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/assignment.h"
#include "tracking/spatial_grid.h"

namespace rampart::tracking {
namespace {

// The assignment minimising sum over assigned pairs of (d^p - c^p), pairs with d < c only.
AssignmentSolution assign_within_cutoff(const std::vector<Eigen::Vector3d>& truths_m,
                                        const std::vector<Eigen::Vector3d>& estimates_m,
                                        double c_m, double p) {
  RAMPART_DEMAND(c_m > 0.0 && p >= 1.0, "metric needs c > 0 and p >= 1");
  AssignmentProblem problem;
  problem.rows = static_cast<int>(truths_m.size());
  problem.cols = static_cast<int>(estimates_m.size());
  problem.unassigned_cost.assign(truths_m.size(), 0.0);
  std::vector<Eigen::Vector2d> points(estimates_m.size());
  for (std::size_t j = 0; j < estimates_m.size(); ++j) points[j] = estimates_m[j].head<2>();
  const SpatialGrid grid(points, c_m);
  const double c_p = std::pow(c_m, p);
  for (int i = 0; i < problem.rows; ++i) {
    const std::size_t first = problem.edges.size();
    grid.for_each_in_box(truths_m[i].head<2>(), c_m, c_m, [&](int j) {
      const double d_m = (truths_m[i] - estimates_m[j]).norm();
      if (d_m < c_m) problem.edges.push_back({i, j, std::pow(d_m, p) - c_p});
    });
    std::sort(problem.edges.begin() + static_cast<std::ptrdiff_t>(first), problem.edges.end(),
              [](const AssignmentEdge& a, const AssignmentEdge& b) { return a.col < b.col; });
  }
  return solve_assignment(problem);
}

}  // namespace

GospaResult gospa(const std::vector<Eigen::Vector3d>& truths_m,
                  const std::vector<Eigen::Vector3d>& estimates_m, double c_m, double p) {
  const AssignmentSolution solution = assign_within_cutoff(truths_m, estimates_m, c_m, p);
  GospaResult r;
  r.estimate_for_truth = solution.col_for_row;
  for (std::size_t i = 0; i < truths_m.size(); ++i) {
    const int j = solution.col_for_row[i];
    if (j < 0) continue;
    ++r.assigned;
    r.localisation += std::pow((truths_m[i] - estimates_m[j]).norm(), p);
  }
  const double half_c_p = 0.5 * std::pow(c_m, p);
  r.missed_count = static_cast<int>(truths_m.size()) - r.assigned;
  r.false_count = static_cast<int>(estimates_m.size()) - r.assigned;
  r.missed = half_c_p * r.missed_count;
  r.false_tracks = half_c_p * r.false_count;
  r.gospa = std::pow(r.localisation + r.missed + r.false_tracks, 1.0 / p);
  return r;
}

double ospa(const std::vector<Eigen::Vector3d>& truths_m,
            const std::vector<Eigen::Vector3d>& estimates_m, double c_m, double p) {
  const std::size_t n = std::max(truths_m.size(), estimates_m.size());
  if (n == 0) return 0.0;
  const AssignmentSolution solution = assign_within_cutoff(truths_m, estimates_m, c_m, p);
  const double c_p = std::pow(c_m, p);
  const double total = c_p * static_cast<double>(n) + solution.cost;
  return std::pow(std::max(0.0, total) / static_cast<double>(n), 1.0 / p);
}

double rmse_m(const std::vector<Eigen::Vector3d>& truths_m,
              const std::vector<Eigen::Vector3d>& estimates_m,
              const std::vector<int>& estimate_for_truth) {
  double sum_m2 = 0.0;
  int count = 0;
  for (std::size_t i = 0; i < estimate_for_truth.size(); ++i) {
    if (estimate_for_truth[i] < 0) continue;
    sum_m2 += (truths_m[i] - estimates_m[estimate_for_truth[i]]).squaredNorm();
    ++count;
  }
  return count == 0 ? 0.0 : std::sqrt(sum_m2 / count);
}

void TrackContinuity::add(const std::vector<std::int64_t>& truth_ids,
                          const std::vector<std::uint32_t>& track_ids,
                          const std::vector<int>& estimate_for_truth) {
  std::map<std::int64_t, std::uint32_t> now;
  for (std::size_t i = 0; i < truth_ids.size(); ++i) {
    const int j = estimate_for_truth[i];
    const auto before = last_track_.find(truth_ids[i]);
    if (j >= 0) now[truth_ids[i]] = track_ids[j];
    if (before == last_track_.end()) continue;
    if (j < 0) {
      ++breaks_;
    } else if (track_ids[j] != before->second) {
      ++swaps_;
    }
  }
  last_track_ = std::move(now);
}

double nees(const Eigen::VectorXd& estimate, const Eigen::MatrixXd& P, const Eigen::VectorXd& truth) {
  const Eigen::VectorXd e = estimate - truth;
  return e.dot(P.ldlt().solve(e));
}

}  // namespace rampart::tracking
