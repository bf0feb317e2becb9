#include "tracking/kalman.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tracking/gating.h"

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

// A 2-D radar 100 m up at the origin sees a target at slant range 50 km due north; the track is
// predicted 9 km above the radar. el = asin(9000 / 50000) = 10.37 deg, so the plot lies
// 50,000 cos(el) = 50,000 x 0.983666 = 49,183.3 m north. Radial variance: 50^2 = 2500 m^2
// stretched by 1 / cos^2 and the track's height variance 400 m^2 through tan^2(el) = 0.033485:
// 2500 + (2500 + 400) x 0.033485 = 2597.1 m^2.
Plot two_d_plot_north(double range_m) {
  Plot p;
  p.range_m = range_m;
  p.range_sigma_m = 50.0;
  p.az_sigma_rad = 0.001;
  p.has_elevation = false;
  p.sensor_enu_m = Eigen::Vector3d(0.0, 0.0, 100.0);
  p.p_enu_m = Eigen::Vector3d(0.0, range_m, 100.0);
  p.p_cov_m2.topLeftCorner<2, 2>() = Eigen::Vector2d(std::pow(range_m * 0.001, 2), 2500.0).asDiagonal();
  return p;
}

TEST(TwoDimensionalPlot, IsPlacedAtTheTracksHeight) {
  CvState track;
  track.x << 0.0, 49'100.0, 9'100.0, 0.0, -200.0, 0.0;
  track.P = Matrix6d::Identity() * 400.0;
  const PositionMeasurement z = measurement_of(two_d_plot_north(50'000.0), track);
  EXPECT_FALSE(z.has_up);
  EXPECT_NEAR(z.z_m.x(), 0.0, 1e-9);
  EXPECT_NEAR(z.z_m.y(), 49'183.3, 0.1);
  EXPECT_NEAR(z.z_m.z(), 9'100.0, 1e-6);
  EXPECT_NEAR(z.R_m2(1, 1), 2597.1, 0.1);
  EXPECT_NEAR(z.R_m2(0, 0), 2500.0, 1e-6);  // across the line of sight: kept
  EXPECT_NEAR(ground_range_shortening_m(50'000.0, 9'000.0), 50'000.0 - 49'183.3, 0.1);
}

TEST(TwoDimensionalPlot, AtTheSensorsOwnHeightOrWithElevationOrWithoutRangeIsUsedAsItIs) {
  CvState level;
  level.x << 0.0, 50'000.0, 100.0, 0.0, 0.0, 0.0;
  const Plot p = two_d_plot_north(50'000.0);
  EXPECT_LT((measurement_of(p, level).z_m - p.p_enu_m).norm(), 1e-9);
  CvState high = level;
  high.x(2) = 9'100.0;
  Plot three_d = p;
  three_d.has_elevation = true;
  EXPECT_TRUE(measurement_of(three_d, high).has_up);
  EXPECT_LT((measurement_of(three_d, high).z_m - p.p_enu_m).norm(), 1e-9);
  Plot position_only = p;
  position_only.range_m = 0.0;
  EXPECT_LT((measurement_of(position_only, high).z_m - p.p_enu_m).norm(), 1e-9);
}

// The target 9 km above a 2-D radar at 60 km across the ground: its plot's slant range is
// 60,671 m, 671 m beyond it at zero elevation, some 13 sigma outside a gate of a 3-D track on it
// with 30 m of position sigma. Placed at the track's height, the plot is where the track is.
TEST(TwoDimensionalPlot, GatesWithAHighTrackOnlyWhenPlacedAtItsHeight) {
  TimedState track;
  track.state.x << 0.0, 60'000.0, 9'100.0, 0.0, -200.0, 0.0;
  track.state.P = Matrix6d::Identity() * 900.0;
  Plot plot = two_d_plot_north(std::hypot(60'000.0, 9'000.0));
  const std::vector<GatedPair> pairs = gate_plots({track}, {plot}, GateParameters{});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_LT(pairs[0].d2, 0.01);
  plot.range_m = 0.0;  // the same plot without its slant range: left at zero elevation
  EXPECT_TRUE(gate_plots({track}, {plot}, GateParameters{}).empty());
}

}  // namespace
}  // namespace rampart::tracking
