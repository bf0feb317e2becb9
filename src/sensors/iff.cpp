#include "sensors/iff.h"

#include "core/random.h"

namespace rampart::sensors {

IffInterrogator::IffInterrogator(const SurveillanceRadar& radar, std::uint64_t seed, double cell_m)
    : radar_(radar), seed_(seed), cell_m_(cell_m) {}

bool IffInterrogator::covers(const Eigen::Vector3d& p_enu_m) const {
  const double range_m = (p_enu_m - radar_.position_enu_m()).norm();
  const double height_m = radar_.frame().origin().alt_m + (p_enu_m - radar_.position_enu_m()).z();
  return range_m <= radar_.spec().max_range_m && range_m <= radar_.horizon_range_m(height_m);
}

bool IffInterrogator::challenge(const Eigen::Vector3d& p_enu_m, std::uint64_t challenge_key,
                                const std::vector<world::Entity>& truth) const {
  if (!radar_.spec().iff_interrogator || !covers(p_enu_m)) return false;
  bool transponder_in_cell = false;
  for (const auto& e : truth) {
    if (e.flying() && e.iff_on && (e.p_enu_m - p_enu_m).head<2>().norm() <= cell_m_) {
      transponder_in_cell = true;
      break;
    }
  }
  if (!transponder_in_cell) return false;
  RandomStream draw(seed_, entity_key(static_cast<std::uint64_t>(radar_.id()), challenge_key), Purpose::kIff);
  return draw.bernoulli(radar_.spec().iff_reply_probability);
}

}  // namespace rampart::sensors
