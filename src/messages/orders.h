// What C2 and the fire units pass each other: the units' status (with their weapon's
// characteristics), and fire orders.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <string>

namespace rampart::messages {

/// A weapon type's characteristics (the scenario's weapon_types), as a fire unit reports them.
struct WeaponType {
  std::string name;
  double min_range_m = 0.0;
  double max_range_m = 0.0;
  double min_altitude_m = 0.0;
  double max_altitude_m = 0.0;
  double interceptor_speed_mps = 0.0;  ///< mean fly-out speed
  double kill_probability = 0.0;       ///< single-shot kill probability inside the envelope
  double seeker_basket_m = 0.0;        ///< the interceptor can home on a target this close to its aim point
  double reload_time_s = 0.0;          ///< to reload one launcher
  int fire_control_channels = 1;       ///< engagements one fire unit can guide at once
  double reaction_time_s = 5.0;        ///< from a fire unit's receipt of an order to the launch
};

/// C2's view of one fire unit at the moment of assignment.
struct WeaponStatus {
  std::size_t fire_unit = 0;
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  WeaponType type;
  int free_channels = 0;
  int ready_rounds = 0;
};

struct FireOrder {
  std::size_t fire_unit = 0;
  std::uint32_t track_id = 0;
  int rounds = 1;
  double time_of_flight_s = 0.0;  ///< from the launch
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();
};

}  // namespace rampart::messages
