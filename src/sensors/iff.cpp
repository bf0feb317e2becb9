#include "sensors/iff.h"

#include <cmath>

#include "core/random.h"
#include "core/units.h"

namespace rampart::sensors {

IffInterrogator::IffInterrogator(const SurveillanceRadar& radar, std::uint64_t seed) : radar_(radar), seed_(seed) {}

bool IffInterrogator::covers(const Eigen::Vector3d& p_enu_m) const {
  const double range_m = (p_enu_m - radar_.position_enu_m()).norm();
  const double height_m = radar_.frame().origin().alt_m + (p_enu_m - radar_.position_enu_m()).z();
  return range_m <= radar_.spec().max_range_m && range_m <= radar_.horizon_range_m(height_m);
}

bool IffInterrogator::correlates(const world::Entity& e, const IffTrack& track) const {
  const auto& spec = radar_.spec();
  const Eigen::Vector3d d_track = track.p_enu_m - radar_.position_enu_m();
  const Eigen::Vector3d d_entity = e.p_enu_m - radar_.position_enu_m();
  const Eigen::Vector3d u_r = d_track.normalized();
  const double rho_m = d_track.head<2>().norm();
  const Eigen::Vector3d u_c = Eigen::Vector3d(-d_track.y(), d_track.x(), 0.0) / rho_m;
  const double sigma_r_m = std::sqrt(u_r.dot(track.p_cov_m2 * u_r));
  const double sigma_c_m = std::sqrt(u_c.dot(track.p_cov_m2 * u_c));
  if (std::abs(d_entity.norm() - d_track.norm()) > spec.iff_range_resolution_m + 3.0 * sigma_r_m) return false;
  const double d_az_rad = wrap_pi(azimuth_rad(d_entity.x(), d_entity.y()) - azimuth_rad(d_track.x(), d_track.y()));
  if (std::abs(d_az_rad) > deg_to_rad(spec.iff_azimuth_resolution_deg) / 2.0 + 3.0 * sigma_c_m / rho_m) return false;
  if (!track.has_height) return true;
  const double dh_m = e.p_enu_m.z() - track.p_enu_m.z() +
                      (e.p_enu_m.head<2>().squaredNorm() - track.p_enu_m.head<2>().squaredNorm()) / (2.0 * kEarthRadius_m);
  return std::abs(dh_m) <= spec.iff_altitude_tolerance_m + 2.0 * std::sqrt(track.p_cov_m2(2, 2));
}

IffInterrogator::Answer IffInterrogator::challenge(const IffTrack& track, std::uint64_t challenge_key,
                                                   const std::vector<world::Entity>& truth) const {
  Answer answer;
  if (!radar_.spec().iff_interrogator || !covers(track.p_enu_m)) return answer;
  bool secure_in_cell = false;
  std::optional<int> code_in_cell;
  for (const auto& e : truth) {
    if (!e.flying() || (!e.iff_on && !e.mode3a_code) || !correlates(e, track)) continue;
    secure_in_cell = secure_in_cell || e.iff_on;
    if (!code_in_cell) code_in_cell = e.mode3a_code;
  }
  RandomStream draw(seed_, entity_key(static_cast<std::uint64_t>(radar_.id()), challenge_key), Purpose::kIff);
  const double p = radar_.spec().iff_reply_probability;
  answer.secure = draw.bernoulli(p) && secure_in_cell;  // the first draw is the secure mode's, as ever
  if (code_in_cell && draw.bernoulli(p)) answer.mode3a_code = code_in_cell;
  return answer;
}

}  // namespace rampart::sensors
