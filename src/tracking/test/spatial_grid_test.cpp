#include "tracking/spatial_grid.h"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace rampart::tracking {
namespace {

std::vector<int> found_in_box(const SpatialGrid& grid, const Eigen::Vector2d& c, double half_m) {
  std::vector<int> found;
  grid.for_each_in_box(c, half_m, half_m, [&](int i) { found.push_back(i); });
  return found;
}

TEST(SpatialGrid, FindsThePointsInABox) {
  const SpatialGrid grid({{0.0, 0.0}, {150.0, 20.0}, {-1000.0, 5.0}}, 100.0);
  EXPECT_EQ(found_in_box(grid, {100.0, 0.0}, 60.0), (std::vector<int>{1}));
  EXPECT_EQ(found_in_box(grid, {0.0, 0.0}, 200.0), (std::vector<int>{0, 1}));
}

TEST(SpatialGrid, ExtremeCoordinatesAreClampedNotOverflowed) {
  const double huge = 1e308;
  const SpatialGrid grid({{0.0, 0.0}, {huge, -huge}, {-huge, huge}, {5e15, 0.0}}, 10.0);
  EXPECT_EQ(found_in_box(grid, {0.0, 0.0}, 50.0), (std::vector<int>{0}));
  EXPECT_EQ(found_in_box(grid, {huge, -huge}, 1.0), (std::vector<int>{1}));
  EXPECT_EQ(found_in_box(grid, {-huge, huge}, 1e300), (std::vector<int>{2}));
  EXPECT_EQ(found_in_box(grid, {5e15, 0.0}, 1.0), (std::vector<int>{3}));
  EXPECT_TRUE(found_in_box(grid, {std::numeric_limits<double>::quiet_NaN(), 0.0}, 1.0).empty());
}

}  // namespace
}  // namespace rampart::tracking
