// The static weapon-target assignment policies (scenario `c2: assignment: wta_heuristic` and
// `wta_exact`). The cycle's feasible engagements (feasible_engagements.h) become the static WTA
// instance of c2/wta/instance.h:
//   targets       the threats with a candidate engagement, V_j = score(threat) (asset value at
//                 risk per second of warning, threat_evaluation.h), and one "hold fire" target of
//                 value 0;
//   weapon types  the slots of the fire units with a candidate engagement, mu = 1 each;
//   p_sj          1 - (1 - Pk)^rounds of slot s where its unit may engage threat j, else 0 (and 0
//                 on hold fire), times 1 - 1e-6 x time of flight in s, which prefers the earlier
//                 intercept between engagements otherwise equal, as matching does (a change of
//                 F of at most 1e-4 of its value for flights of up to 100 s).
// Minimising F(x) = sum_j V_j prod_s (1 - p_sj)^{x_sj}, the expected score left, fires the slots
// that remove the most; a slot on hold fire, or on a threat it has p = 0 on, fires nothing. Unlike
// matching, F may put several slots on one valuable threat when no single engagement is sure to
// kill it. The doctrine decides whether it may (Doctrine::multiple_engagements_per_track, the
// scenario's multiple_units_per_track):
//   - allowed: several slots on one threat, of one unit or of several (a unit's second slot on a
//     track is the engagement that matching would order there one cycle later, when the track is
//     open again under that setting);
//   - not allowed (the default): one slot per threat, as the battle manager keeps one engagement
//     per track across cycles. F = sum_j V_j (1 - p_{s(j)j}) is then linear, and its minimum is the
//     optimal matching with weights V_j p_sj, which both policies solve exactly (best_matching):
//     the matching policy but for the rounds of a salvo, which it counts as one.
// Deterministic: solve_heuristic stops after kMaxKicks kicks and kLagrangianIterations prices,
// from a fixed seed (instances with few assignments are enumerated); solve_exact's warm start is
// that search too (ExactOptions::warm_start_kicks). Both run under a time limit, kTimeLimit_s, far
// beyond the milliseconds a cycle takes; only a run whose clock reaches it could depend on the
// machine's load, and then the policy falls back to a result that does not: exact not proven
// optimal -> the heuristic's assignment; heuristic stopped by the clock -> the one-slot-per-threat
// matching above.
#pragma once

#include "c2/assignment.h"

namespace rampart::c2 {

enum class WtaSolver { kHeuristic, kExact };

class WtaPolicy final : public AssignmentPolicy {
 public:
  static constexpr long long kMaxKicks = 100;
  static constexpr int kLagrangianIterations = 100;
  static constexpr double kTimeLimit_s = 10.0;

  explicit WtaPolicy(WtaSolver solver) : solver_(solver) {}
  AssignmentResult assign(const std::vector<ThreatAssessment>& threats,
                          const std::map<std::uint32_t, messages::TrackState>& tracks,
                          const std::vector<WeaponStatus>& weapons, const AssignmentContext& context) const override;

 private:
  WtaSolver solver_;
};

}  // namespace rampart::c2
