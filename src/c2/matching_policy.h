// The matching policy (scenario `c2: assignment: matching`, the default): the cycle's slots and
// threats matched to maximise
//   sum over engagements of  score(threat) x Pk(unit) x (1 - 1e-6 x time of flight in s),
// Pk the unit's single-round kill probability whatever the slot's rounds, the last factor
// preferring the earlier intercept between equal engagements (earlier_intercept_factor); each
// threat takes at most one slot. An optimal linear assignment (best_matching,
// feasible_engagements.h).
#pragma once

#include "c2/assignment.h"

namespace rampart::c2 {

class MatchingPolicy final : public AssignmentPolicy {
 public:
  AssignmentResult assign(const std::vector<ThreatAssessment>& threats,
                          const std::map<std::uint32_t, messages::TrackState>& tracks,
                          const std::vector<WeaponStatus>& weapons, const AssignmentContext& context) const override;
};

}  // namespace rampart::c2
