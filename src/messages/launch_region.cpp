#include "messages/launch_region.h"

#include <algorithm>
#include <array>

namespace rampart::messages {
namespace {

/// The lower grid index of x on `axis` and the weight of the upper one, clamped to the edges.
struct AxisWeight {
  std::size_t lower = 0;
  double upper_weight = 0.0;
};

AxisWeight locate(const std::vector<double>& axis, double x) {
  if (axis.size() < 2 || x <= axis.front()) return {0, 0.0};
  if (x >= axis.back()) return {axis.size() - 2, 1.0};
  const std::size_t upper = static_cast<std::size_t>(std::upper_bound(axis.begin(), axis.end(), x) - axis.begin());
  const std::size_t lower = upper - 1;
  return {lower, (x - axis[lower]) / (axis[upper] - axis[lower])};
}

struct Corner {
  std::size_t cell = 0;
  double weight = 0.0;
};

/// The eight grid cells around `target` with their multilinear weights (summing to 1).
std::array<Corner, 8> corners(const LaunchRegion& lar, const LaunchRegion::Target& target) {
  const AxisWeight h = locate(lar.height_m, target.height_m);
  const AxisWeight i = locate(lar.inbound_mps, target.inbound_mps);
  const AxisWeight c = locate(lar.crossing_mps, target.crossing_mps);
  const auto clamp_index = [](std::size_t index, std::size_t size) { return std::min(index, size - 1); };
  std::array<Corner, 8> out;
  for (std::size_t k = 0; k < 8; ++k) {
    const std::size_t dh = k & 1U, di = (k >> 1) & 1U, dc = (k >> 2) & 1U;
    const double w = (dh ? h.upper_weight : 1.0 - h.upper_weight) * (di ? i.upper_weight : 1.0 - i.upper_weight) *
                     (dc ? c.upper_weight : 1.0 - c.upper_weight);
    out[k] = {lar.cell(clamp_index(h.lower + dh, lar.height_m.size()), clamp_index(i.lower + di, lar.inbound_mps.size()),
                       clamp_index(c.lower + dc, lar.crossing_mps.size())),
              w};
  }
  return out;
}

}  // namespace

double LaunchRegion::max_launch_range_m(const Target& target) const {
  double range_m = 0.0;
  for (const Corner& k : corners(*this, target)) range_m += k.weight * max_range_m[k.cell];
  return range_m;
}

double LaunchRegion::time_of_flight_s_at(const Target& target, double range_m) const {
  const double fraction = std::clamp(range_m / std::max(max_launch_range_m(target), 1.0), 0.0, 1.0);
  const AxisWeight f = locate(range_fraction, fraction);
  const std::size_t samples = range_fraction.size();
  double time_s = 0.0, weight = 0.0;
  for (const Corner& k : corners(*this, target)) {
    if (max_range_m[k.cell] <= 0.0 || k.weight <= 0.0) continue;
    const double* tof = &time_of_flight_s[k.cell * samples];
    time_s += k.weight * ((1.0 - f.upper_weight) * tof[f.lower] + f.upper_weight * tof[std::min(f.lower + 1, samples - 1)]);
    weight += k.weight;
  }
  return weight > 0.0 ? time_s / weight : 0.0;
}

}  // namespace rampart::messages
