// Uniform-grid spatial index of points in the horizontal (east, north) plane, so that gating
// looks only at the plots near a track: building is O(n log n), a box query costs the number of
// cells it covers plus the points found there. Cell indices are clamped to +-2^40 (and NaN to
// the lowest) before the conversion to an integer, so any coordinate, even 1e308, is defined
// behaviour; points in the clamped edge cells are still tested exactly.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rampart::tracking {

class SpatialGrid {
 public:
  /// Indexes points_en_m[i] (east, north in metres) in square cells of side cell_m > 0.
  SpatialGrid(const std::vector<Eigen::Vector2d>& points_en_m, double cell_m);

  /// Calls visit(i) for every point i in the box |east - c.east| <= half_e_m,
  /// |north - c.north| <= half_n_m, in increasing order of i within each cell.
  template <class Visit>
  void for_each_in_box(const Eigen::Vector2d& c, double half_e_m, double half_n_m,
                       Visit&& visit) const;

 private:
  static std::uint64_t key(std::int64_t ix, std::int64_t iy) {
    return (static_cast<std::uint64_t>(ix) << 32) ^ (static_cast<std::uint64_t>(iy) & 0xffffffffu);
  }
  static constexpr double kMaxCellIndex = 1099511627776.0;  // 2^40
  std::int64_t cell_index(double coordinate_m) const {
    const double index = std::floor(coordinate_m / cell_m_);
    if (!(index > -kMaxCellIndex)) return -static_cast<std::int64_t>(kMaxCellIndex);
    if (!(index < kMaxCellIndex)) return static_cast<std::int64_t>(kMaxCellIndex);
    return static_cast<std::int64_t>(index);
  }

  std::vector<Eigen::Vector2d> points_;
  double cell_m_;
  std::vector<int> order_;  ///< point indices sorted by cell
  std::unordered_map<std::uint64_t, std::pair<int, int>> cells_;  ///< key -> [begin, end) in order_
};

template <class Visit>
void SpatialGrid::for_each_in_box(const Eigen::Vector2d& c, double half_e_m, double half_n_m,
                                  Visit&& visit) const {
  const auto inside = [&](int i) {
    return std::abs(points_[i].x() - c.x()) <= half_e_m &&
           std::abs(points_[i].y() - c.y()) <= half_n_m;
  };
  const std::int64_t x0 = cell_index(c.x() - half_e_m);
  const std::int64_t x1 = cell_index(c.x() + half_e_m);
  const std::int64_t y0 = cell_index(c.y() - half_n_m);
  const std::int64_t y1 = cell_index(c.y() + half_n_m);
  const double box_cells = static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1);
  if (box_cells > static_cast<double>(cells_.size())) {
    for (int i = 0; i < static_cast<int>(points_.size()); ++i) {
      if (inside(i)) visit(i);
    }
    return;
  }
  for (std::int64_t ix = x0; ix <= x1; ++ix) {
    for (std::int64_t iy = y0; iy <= y1; ++iy) {
      const auto found = cells_.find(key(ix, iy));
      if (found == cells_.end()) continue;
      for (int k = found->second.first; k < found->second.second; ++k) {
        if (inside(order_[k])) visit(order_[k]);
      }
    }
  }
}

}  // namespace rampart::tracking
