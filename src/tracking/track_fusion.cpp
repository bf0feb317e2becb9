#include "tracking/track_fusion.h"

#include <Eigen/Dense>
#include <cmath>

#include "core/assignment.h"
#include "tracking/chi_square.h"
#include "tracking/gating.h"

namespace rampart::tracking {
namespace {

CvState intersect(const CvState& a, const CvState& b, double w) {
  const Matrix6d Ia = a.P.inverse();
  const Matrix6d Ib = b.P.inverse();
  CvState out;
  out.P = (w * Ia + (1.0 - w) * Ib).inverse();
  out.x = out.P * (w * Ia * a.x + (1.0 - w) * Ib * b.x);
  out.P = 0.5 * (out.P + out.P.transpose()).eval();
  return out;
}

}  // namespace

CovarianceIntersection covariance_intersection(const CvState& a, const CvState& b) {
  const auto cost = [&](double w) { return intersect(a, b, w).P.determinant(); };
  const double golden = 0.5 * (std::sqrt(5.0) - 1.0);
  double lo = 0.0;
  double hi = 1.0;
  double x1 = hi - golden * (hi - lo);
  double x2 = lo + golden * (hi - lo);
  double f1 = cost(x1);
  double f2 = cost(x2);
  while (hi - lo > 1e-6) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - golden * (hi - lo);
      f1 = cost(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + golden * (hi - lo);
      f2 = cost(x2);
    }
  }
  const double w = 0.5 * (lo + hi);
  return {intersect(a, b, w), w};
}

TrackFusionResult fuse_track_lists(const std::vector<TrackState>& local,
                                   const std::vector<TrackState>& remote, double q_m2ps3,
                                   double gate_probability) {
  const double gamma = chi2_quantile(gate_probability, 3);
  AssignmentProblem problem;
  problem.rows = static_cast<int>(local.size());
  problem.cols = static_cast<int>(remote.size());
  problem.unassigned_cost.assign(local.size(), 0.0);
  std::vector<std::vector<CvState>> remote_at(local.size());
  for (std::size_t i = 0; i < local.size(); ++i) {
    for (std::size_t j = 0; j < remote.size(); ++j) {
      remote_at[i].push_back(predict_to({{remote[j].x, remote[j].P}, remote[j].t_s}, local[i].t_s, q_m2ps3));
      const Eigen::Vector3d d = local[i].position_enu_m() - remote_at[i][j].x.head<3>();
      const Eigen::Matrix3d S = local[i].P.topLeftCorner<3, 3>() + remote_at[i][j].P.topLeftCorner<3, 3>();
      const double d2 = d.dot(S.ldlt().solve(d));
      if (d2 <= gamma) problem.edges.push_back({static_cast<int>(i), static_cast<int>(j), d2 - gamma});
    }
  }
  const AssignmentSolution match = solve_assignment(problem);
  TrackFusionResult result;
  std::vector<char> matched(remote.size(), 0);
  for (std::size_t i = 0; i < local.size(); ++i) {
    TrackState t = local[i];
    const int j = match.col_for_row[i];
    if (j >= 0) {
      matched[j] = 1;
      const CvState fused = covariance_intersection({t.x, t.P}, remote_at[i][j]).fused;
      t.x = fused.x;
      t.P = fused.P;
    }
    result.fused.push_back(t);
  }
  for (std::size_t j = 0; j < remote.size(); ++j) {
    if (!matched[j]) result.unmatched_remote.push_back(remote[j].id);
  }
  return result;
}

}  // namespace rampart::tracking
