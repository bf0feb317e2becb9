#include "engagement/effector.h"

namespace rampart::engagement {

std::vector<Interceptor> interceptors_for(const messages::FireOrder& order, const std::string& shooter,
                                          const messages::WeaponType& type, double launch_s,
                                          const Eigen::Vector3d& p_launch_enu_m,
                                          const Eigen::Vector3d& v_launcher_enu_mps, std::uint32_t fighter_entity) {
  const Interceptor m{.shooter = shooter,
                      .effector = order.fire_unit,
                      .fighter_entity = fighter_entity,
                      .kill_probability = type.kill_probability,
                      .seeker_basket_m = type.seeker_basket_m,
                      .dynamics = type.dynamics,
                      .track_id = order.track_id,
                      .launch_time_s = launch_s,
                      .intercept_time_s = launch_s + order.time_of_flight_s,
                      .aim_enu_m = order.aim_enu_m,
                      .p_launch_enu_m = p_launch_enu_m,
                      .v_launcher_enu_mps = v_launcher_enu_mps,
                      .estimate_enu_m = order.aim_enu_m,
                      .estimate_t_s = launch_s,
                      .min_altitude_m = type.min_altitude_m,
                      .max_altitude_m = type.max_altitude_m};
  std::vector<Interceptor> rounds(static_cast<std::size_t>(order.rounds), m);
  for (std::size_t k = 1; k < rounds.size(); ++k) {  // a ripple: round k leaves k intervals after the first
    const double delay_s = static_cast<double>(k) * order.round_interval_s;
    rounds[k].launch_time_s += delay_s;
    rounds[k].intercept_time_s += delay_s;
  }
  return rounds;
}

Eigen::Vector3d fire_control_site_m(const scenario::FireUnit& spec) {
  return {spec.position.east_m, spec.position.north_m, spec.site_alt_m + spec.antenna_height_m};
}

}  // namespace rampart::engagement
