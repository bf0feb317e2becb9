// An IFF interrogator co-located with a surveillance radar.
//
// C2 challenges a track's estimated position; the interrogator (a sensor, so it may read truth)
// receives a reply when a flying entity whose transponder is on lies in the challenged
// resolution cell and answers, with the configured reply probability. C2 learns only whether a
// valid reply came back, never which entity sent it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "sensors/radar.h"
#include "world/world.h"

namespace rampart::sensors {

class IffInterrogator {
 public:
  /// `cell_m`: half-size of the challenged cell around the track position.
  IffInterrogator(const SurveillanceRadar& radar, std::uint64_t seed, double cell_m = 2000.0);

  /// Whether the challenged position can be interrogated at all (in range and above the horizon
  /// of a target at the challenged height).
  bool covers(const Eigen::Vector3d& p_enu_m) const;

  /// Challenges the position; `challenge_key` identifies the challenge (track and challenge
  /// number) so draws do not depend on the order of challenges.
  bool challenge(const Eigen::Vector3d& p_enu_m, std::uint64_t challenge_key,
                 const std::vector<world::Entity>& truth) const;

 private:
  const SurveillanceRadar& radar_;
  std::uint64_t seed_;
  double cell_m_;
};

}  // namespace rampart::sensors
