// Track-to-track fusion of tracks received from another node, by covariance intersection
// (Julier and Uhlmann 1997), which stays consistent whatever the unknown correlation between
// the two estimates (shared process noise, shared plots):
//   P^-1 = w Pa^-1 + (1 - w) Pb^-1,   x = P (w Pa^-1 xa + (1 - w) Pb^-1 xb),
// with w in [0, 1] minimising det P (golden-section search, to 1e-6 in w).
// Track lists are associated by global nearest neighbour on the chi-square gate of the
// difference of the two position estimates, d2 = (pa - pb)' (Pa_pp + Pb_pp)^-1 (pa - pb), with
// the remote tracks first predicted (constant velocity, white acceleration q) to each local
// track's time.
#pragma once

#include <vector>

#include "tracking/kalman.h"
#include "tracking/types.h"

namespace rampart::tracking {

struct CovarianceIntersection {
  CvState fused;
  double omega = 0.0;  ///< weight of the first estimate
};

CovarianceIntersection covariance_intersection(const CvState& a, const CvState& b);

struct TrackFusionResult {
  std::vector<TrackState> fused;  ///< every local track, fused with its remote match if any
  std::vector<std::uint32_t> unmatched_remote;  ///< ids of remote tracks no local track matched
};

TrackFusionResult fuse_track_lists(const std::vector<TrackState>& local,
                                   const std::vector<TrackState>& remote, double q_m2ps3,
                                   double gate_probability);

}  // namespace rampart::tracking
