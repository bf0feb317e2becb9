// Multi-target metrics: GOSPA, OSPA, RMSE and NEES.
//
// GOSPA (Rahmathullah, Garcia-Fernandez, Svensson 2017), alpha = 2, cut-off c, order p, between
// truths X and estimates Y:
//   GOSPA^p = min over partial assignments gamma of
//             sum_{(i,j) in gamma} d(x_i, y_j)^p + (c^p / 2) (|X| - |gamma| + |Y| - |gamma|),
// where only pairs with d < c are worth assigning (a pair at d >= c costs c^p, exactly what
// leaving both unassigned costs). The parts, as Stone Soup reports them, are in units of m^p and
// add up to GOSPA^p: localisation = sum of assigned d^p, missed = (c^p/2) * missed truths,
// false = (c^p/2) * false estimates.
// OSPA (Schuhmacher, Vo, Vo 2008): OSPA^p = (min_gamma sum min(d, c)^p + c^p ||X| - |Y||) / max(|X|, |Y|)
// (0 when both sets are empty).
// Both are computed with the sparse assignment on the pairs closer than c, found through a
// spatial grid, so they cost about linear time in the number of points.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <vector>

namespace rampart::tracking {

struct GospaResult {
  double gospa = 0.0;         ///< (localisation + missed + false)^(1/p), metres
  double localisation = 0.0;  ///< m^p
  double missed = 0.0;        ///< m^p
  double false_tracks = 0.0;  ///< m^p
  int assigned = 0;
  int missed_count = 0;
  int false_count = 0;
  /// For each truth, the index of its estimate in the optimal assignment, or -1.
  std::vector<int> estimate_for_truth;
};

GospaResult gospa(const std::vector<Eigen::Vector3d>& truths_m,
                  const std::vector<Eigen::Vector3d>& estimates_m, double c_m, double p);

double ospa(const std::vector<Eigen::Vector3d>& truths_m,
            const std::vector<Eigen::Vector3d>& estimates_m, double c_m, double p);

/// Root mean square of the position errors of the pairs in `estimate_for_truth` (0 if none).
double rmse_m(const std::vector<Eigen::Vector3d>& truths_m,
              const std::vector<Eigen::Vector3d>& estimates_m,
              const std::vector<int>& estimate_for_truth);

/// Track breaks and swaps, counted along the GOSPA assignments of successive scans: a truth
/// assigned to track A at its previous scan is a swap if now assigned to another track B, a break
/// if now present but unassigned.
class TrackContinuity {
 public:
  void add(const std::vector<std::int64_t>& truth_ids, const std::vector<std::uint32_t>& track_ids,
           const std::vector<int>& estimate_for_truth);
  int breaks() const { return breaks_; }
  int swaps() const { return swaps_; }

 private:
  std::map<std::int64_t, std::uint32_t> last_track_;  ///< truth -> track at its previous scan
  int breaks_ = 0;
  int swaps_ = 0;
};

/// Normalised estimation error squared e' P^-1 e, e = estimate - truth.
double nees(const Eigen::VectorXd& estimate, const Eigen::MatrixXd& P, const Eigen::VectorXd& truth);

}  // namespace rampart::tracking
