#include "world/route.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/units.h"

namespace rampart::world {

Route::Route(std::vector<scenario::Point2> waypoints, double speed_mps, bool repeat)
    : points_(std::move(waypoints)), speed_mps_(speed_mps), repeat_(repeat) {
  RAMPART_DEMAND(points_.size() >= 2, "a route needs two waypoints");
  RAMPART_DEMAND(speed_mps_ > 0.0, "a route needs a positive speed");
  if (repeat_) points_.push_back(points_.front());
  cumulative_m_.push_back(0.0);
  for (std::size_t i = 1; i < points_.size(); ++i) {
    cumulative_m_.push_back(cumulative_m_.back() + std::hypot(points_[i].east_m - points_[i - 1].east_m,
                                                              points_[i].north_m - points_[i - 1].north_m));
  }
}

RoutePoint Route::at(double flight_time_s) const {
  double s = std::max(0.0, flight_time_s) * speed_mps_;
  RoutePoint out;
  const double total = cumulative_m_.back();
  if (total <= 0.0) {
    out.east_m = points_.front().east_m;
    out.north_m = points_.front().north_m;
    out.finished = !repeat_;
    return out;
  }
  if (repeat_) {
    s = std::fmod(s, total);
  } else if (s >= total) {
    out.finished = true;
    s = total;
  }
  // The leg containing s: the first cumulative distance strictly beyond s (clamped to the last leg).
  const auto it = std::upper_bound(cumulative_m_.begin(), cumulative_m_.end(), s);
  std::size_t leg = static_cast<std::size_t>(std::distance(cumulative_m_.begin(), it));
  leg = std::clamp<std::size_t>(leg, 1, points_.size() - 1);
  const auto& a = points_[leg - 1];
  const auto& b = points_[leg];
  const double leg_length = cumulative_m_[leg] - cumulative_m_[leg - 1];
  const double f = leg_length > 0.0 ? (s - cumulative_m_[leg - 1]) / leg_length : 0.0;
  out.east_m = a.east_m + f * (b.east_m - a.east_m);
  out.north_m = a.north_m + f * (b.north_m - a.north_m);
  out.heading_rad = azimuth_rad(b.east_m - a.east_m, b.north_m - a.north_m);
  return out;
}

}  // namespace rampart::world
