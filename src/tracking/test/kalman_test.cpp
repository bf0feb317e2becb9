#include "tracking/kalman.h"

#include <gtest/gtest.h>

namespace rampart::tracking {
namespace {

CvState prior() {
  CvState s;
  s.x << 1000.0, 2000.0, 3000.0, 100.0, -50.0, 0.0;
  s.P = Matrix6d::Identity() * 400.0;
  s.P.bottomRightCorner<3, 3>() = Eigen::Matrix3d::Identity() * 100.0;
  return s;
}

PositionMeasurement plot(double e, double n, double u) {
  return {Eigen::Vector3d(e, n, u), Eigen::Matrix3d::Identity() * 25.0, true};
}

struct Orders {
  CvState in_order;
  CvState out_of_order;
  CvState clamped;  // the late plot taken as if simultaneous
};

// Plots at t = 1 and t = 2; in order, then with the t = 1 plot arriving after the t = 2 one.
Orders process(double q) {
  const PositionMeasurement z1 = plot(1110.0, 1945.0, 3004.0);
  const PositionMeasurement z2 = plot(1195.0, 1905.0, 2996.0);
  Orders o;
  o.in_order = update_position(predict_cv(update_position(predict_cv(prior(), 1.0, q), z1), 1.0, q), z2);
  const CvState at_2 = update_position(predict_cv(prior(), 2.0, q), z2);
  o.out_of_order = update_position_lagged(at_2, z1, 1.0, q);
  o.clamped = update_position(at_2, z1);
  return o;
}

TEST(OutOfSequence, IsExactWithoutProcessNoise) {
  const Orders o = process(0.0);
  EXPECT_LT((o.out_of_order.x - o.in_order.x).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_LT((o.out_of_order.P - o.in_order.P).cwiseAbs().maxCoeff(), 1e-9);
}

TEST(OutOfSequence, StaysCloseToTheInOrderResultWithProcessNoise) {
  const Orders o = process(25.0);
  const double lagged_error = (o.out_of_order.x - o.in_order.x).head<3>().norm();
  const double clamped_error = (o.clamped.x - o.in_order.x).head<3>().norm();
  EXPECT_LT(lagged_error, 0.2 * clamped_error) << lagged_error << " vs " << clamped_error;
}

TEST(OutOfSequence, RetrodictionUndoesPredictionWithoutProcessNoise) {
  const CvState back = retrodict_cv(predict_cv(prior(), 3.0, 0.0), 3.0, 0.0);
  EXPECT_LT((back.x - prior().x).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_LT((back.P - prior().P).cwiseAbs().maxCoeff(), 1e-9);
}

}  // namespace
}  // namespace rampart::tracking
