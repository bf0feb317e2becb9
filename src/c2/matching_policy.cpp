#include "c2/matching_policy.h"

#include "c2/feasible_engagements.h"

namespace rampart::c2 {

AssignmentResult MatchingPolicy::assign(const std::vector<ThreatAssessment>& threats,
                                        const std::map<std::uint32_t, messages::TrackState>& tracks,
                                        const std::vector<WeaponStatus>& weapons,
                                        const AssignmentContext& context) const {
  const FeasibleEngagements engagements = feasible_engagements(threats, tracks, weapons, context);
  const auto weight = [&](const CandidateEngagement& c, const Slot&) {
    return threats[c.threat].score * weapons[c.weapon].type.kill_probability * earlier_intercept_factor(c);
  };
  return orders_for(engagements, best_matching(engagements, threats.size(), weight), threats, weapons);
}

}  // namespace rampart::c2
