#include "tracking/spatial_grid.h"

#include <algorithm>
#include <numeric>

#include "core/error.h"

namespace rampart::tracking {

SpatialGrid::SpatialGrid(const std::vector<Eigen::Vector2d>& points_en_m, double cell_m)
    : points_(points_en_m), cell_m_(cell_m), order_(points_en_m.size()) {
  RAMPART_DEMAND(cell_m > 0.0, "grid cell size must be positive");
  std::vector<std::uint64_t> keys(points_.size());
  for (std::size_t i = 0; i < points_.size(); ++i) {
    keys[i] = key(cell_index(points_[i].x()), cell_index(points_[i].y()));
  }
  std::iota(order_.begin(), order_.end(), 0);
  std::sort(order_.begin(), order_.end(), [&](int a, int b) {
    return keys[a] != keys[b] ? keys[a] < keys[b] : a < b;
  });
  cells_.reserve(points_.size());
  for (int k = 0; k < static_cast<int>(order_.size());) {
    int end = k;
    while (end < static_cast<int>(order_.size()) && keys[order_[end]] == keys[order_[k]]) ++end;
    cells_.emplace(keys[order_[k]], std::make_pair(k, end));
    k = end;
  }
}

}  // namespace rampart::tracking
