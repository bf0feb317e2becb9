// Dynamic weapon-target assignment of the walking skeleton: greedy, most urgent threat first.
//
// For each ranked threat not already engaged, every fire unit with a free fire-control channel and
// a ready round is tried; the unit is feasible when the predicted intercept point (on the track)
// lies inside its envelope (range and altitude) and is reached before the threat reaches its
// asset. The feasible unit with the earliest intercept fires.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <vector>

#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"
#include "tracking/types.h"

namespace rampart::c2 {

/// C2's view of one fire unit at the moment of assignment.
struct WeaponStatus {
  std::size_t fire_unit = 0;
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  scenario::WeaponType type;
  int free_channels = 0;
  int ready_rounds = 0;
};

struct FireOrder {
  std::size_t fire_unit = 0;
  std::uint32_t track_id = 0;
  int rounds = 1;
  double time_of_flight_s = 0.0;
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();
};

/// `ranked` must be in priority order; `tracks` gives each track's state by id.
std::vector<FireOrder> assign_greedy(const std::vector<ThreatAssessment>& ranked,
                                     const std::map<std::uint32_t, tracking::TrackState>& tracks,
                                     std::vector<WeaponStatus> weapons, int rounds_per_engagement,
                                     double origin_alt_m);

}  // namespace rampart::c2
