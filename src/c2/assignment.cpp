#include "c2/assignment.h"

#include "c2/matching_policy.h"
#include "c2/wta_policy.h"
#include "core/error.h"

namespace rampart::c2 {

std::shared_ptr<const AssignmentPolicy> make_assignment_policy(scenario::AssignmentPolicyKind kind) {
  switch (kind) {
    case scenario::AssignmentPolicyKind::kMatching: return std::make_shared<MatchingPolicy>();
    case scenario::AssignmentPolicyKind::kWtaHeuristic: return std::make_shared<WtaPolicy>(WtaSolver::kHeuristic);
    case scenario::AssignmentPolicyKind::kWtaExact: return std::make_shared<WtaPolicy>(WtaSolver::kExact);
  }
  RAMPART_DEMAND(false, "every assignment policy kind has a policy");
  return nullptr;
}

}  // namespace rampart::c2
