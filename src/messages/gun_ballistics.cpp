#include "messages/gun_ballistics.h"

#include <cmath>

namespace rampart::messages {

double GunCharacteristics::time_of_flight_s(double range_m) const {
  const double ks = drag_per_m() * range_m;
  // expm1 keeps the precision of the drag-free limit s / v_0 for a small k s.
  return ks > 0.0 ? std::expm1(ks) / (drag_per_m() * muzzle_velocity_mps) : range_m / muzzle_velocity_mps;
}

double GunCharacteristics::speed_at_mps(double range_m) const {
  return muzzle_velocity_mps * std::exp(-drag_per_m() * range_m);
}

double GunCharacteristics::burst_s() const { return (burst_rounds - 1) * 60.0 / rate_of_fire_rpm; }

std::optional<BurstArrival> burst_arrival(const GunCharacteristics& gun, const Eigen::Vector3d& p_rel_m,
                                          const Eigen::Vector3d& v_mps) {
  const double half_burst_s = gun.burst_s() / 2.0;
  double t_s = half_burst_s + gun.time_of_flight_s(p_rel_m.norm());
  for (int k = 0; k < 50; ++k) {
    const double range_m = (p_rel_m + v_mps * t_s).norm();
    const double tof_s = gun.time_of_flight_s(range_m);
    const double next_s = half_burst_s + tof_s;
    if (std::abs(next_s - t_s) < 1e-6) return BurstArrival{next_s, tof_s, range_m};
    t_s = next_s;
  }
  return std::nullopt;
}

}  // namespace rampart::messages
