// Reports that reach C2 from its own forces: position reports on the data link, and the launch
// reports of the units that fire (the evidence kill assessment starts from).
#pragma once

#include <Eigen/Core>
#include <cstdint>

namespace rampart::messages {

/// One own-force position report.
struct PositionReport {
  std::uint32_t entity_id = 0;
  double t_s = 0.0;  ///< when the position was measured
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_enu_mps = Eigen::Vector3d::Zero();
};

/// What a launching unit (fire unit or fighter) tells C2 about one interceptor it launched.
struct LaunchReport {
  std::uint64_t interceptor_id = 0;
  std::uint32_t track_id = 0;
  double launch_t_s = 0.0;
  double intercept_t_s = 0.0;  ///< when it reaches its aim point
  double kill_probability = 0.0;
  std::uint32_t fighter_entity = 0;  ///< the launching fighter (0 for a fire unit)
};

}  // namespace rampart::messages
