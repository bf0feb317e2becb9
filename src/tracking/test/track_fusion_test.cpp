#include "tracking/track_fusion.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>

#include "core/random.h"

namespace rampart::tracking {
namespace {

CvState estimate(const Vector6d& x, const Vector6d& sigmas) {
  return {x, sigmas.array().square().matrix().asDiagonal()};
}

TEST(CovarianceIntersection, IsConsistentWhateverTheCorrelation) {
  // Two estimates of the same truth whose errors share a common part (correlation unknown to
  // the fusion): the CI covariance must bound the actual error covariance.
  Vector6d sa, sb;
  sa << 10, 100, 50, 2, 20, 5;
  sb << 100, 10, 50, 20, 2, 5;
  const CvState a = estimate(Vector6d::Zero(), sa);
  const CvState b = estimate(Vector6d::Zero(), sb);
  const CovarianceIntersection ci = covariance_intersection(a, b);
  // The fused error is linear in the two errors: e = P w Pa^-1 ea + P (1 - w) Pb^-1 eb.
  const Matrix6d Ka = ci.fused.P * ci.omega * a.P.inverse();
  const Matrix6d Kb = ci.fused.P * (1.0 - ci.omega) * b.P.inverse();
  RandomStream rng(41, 1, Purpose::kTest);
  Matrix6d scatter = Matrix6d::Zero();
  const int n = 20'000;
  for (int k = 0; k < n; ++k) {
    Vector6d common, own_a, own_b;
    for (int i = 0; i < 6; ++i) {
      common(i) = rng.normal();
      own_a(i) = rng.normal();
      own_b(i) = rng.normal();
    }
    // Errors with the stated marginal covariances and correlation 0.9 per component.
    const Vector6d ea = sa.cwiseProduct(std::sqrt(0.9) * common + std::sqrt(0.1) * own_a);
    const Vector6d eb = sb.cwiseProduct(std::sqrt(0.9) * common + std::sqrt(0.1) * own_b);
    const Vector6d e = Ka * ea + Kb * eb;
    scatter += e * e.transpose() / n;
  }
  const Eigen::SelfAdjointEigenSolver<Matrix6d> eig(ci.fused.P - scatter);
  EXPECT_GT(eig.eigenvalues().minCoeff(), -0.05 * ci.fused.P.diagonal().minCoeff());
  EXPECT_GT(ci.omega, 0.0);
  EXPECT_LT(ci.omega, 1.0);
}

TEST(CovarianceIntersection, OmegaMinimisesTheDeterminant) {
  Vector6d sa, sb;
  sa << 5, 40, 30, 1, 8, 3;
  sb << 30, 6, 30, 7, 2, 3;
  const CovarianceIntersection ci =
      covariance_intersection(estimate(Vector6d::Zero(), sa), estimate(Vector6d::Ones(), sb));
  const double best = ci.fused.P.determinant();
  for (double w = 0.0; w <= 1.0; w += 0.01) {
    const Matrix6d Ia = estimate(Vector6d::Zero(), sa).P.inverse();
    const Matrix6d Ib = estimate(Vector6d::Zero(), sb).P.inverse();
    EXPECT_GE((w * Ia + (1.0 - w) * Ib).inverse().determinant(), best * (1.0 - 1e-6)) << w;
  }
}

TEST(TrackFusion, FusesMatchedTracksAndReportsTheRest) {
  Vector6d s;
  s << 30, 30, 30, 5, 5, 5;
  TrackState local;
  local.id = 1;
  local.t_s = 10.0;
  local.x << 1000, 2000, 3000, 100, 0, 0;
  local.P = estimate(local.x, s).P;
  TrackState near = local;
  near.id = 7;
  near.t_s = 9.0;  // one second older: predicted forward by 100 m before matching
  near.x << 920, 2010, 2990, 100, 0, 0;
  Vector6d accurate;  // the remote sensor sees east and north better
  accurate << 10, 10, 60, 3, 3, 8;
  near.P = estimate(near.x, accurate).P;
  TrackState far = near;
  far.id = 8;
  far.x(0) += 5000.0;
  const TrackFusionResult r = fuse_track_lists({local}, {near, far}, 1.0, 0.999);
  ASSERT_EQ(r.fused.size(), 1u);
  EXPECT_EQ(r.fused[0].id, 1u);
  EXPECT_LT(r.fused[0].P.determinant(), local.P.determinant());
  EXPECT_LT(r.fused[0].P(0, 0), local.P(0, 0));
  EXPECT_EQ(r.unmatched_remote, std::vector<std::uint32_t>{8});
}

}  // namespace
}  // namespace rampart::tracking
