#include "c2/wta_policy.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "c2/feasible_engagements.h"
#include "c2/wta/instance.h"
#include "c2/wta/solve.h"

namespace rampart::c2 {
namespace {

/// p_sj of the header: the slot's kill probability, times the earlier intercept's preference.
double engagement_p(const CandidateEngagement& candidate, const Slot& slot, const std::vector<WeaponStatus>& weapons) {
  return slot_kill_probability(weapons[candidate.weapon], rounds_fired(candidate, slot)) *
         earlier_intercept_factor(candidate);
}

/// The cycle as a static WTA instance, and the way back from its indices to the engagements.
struct CycleInstance {
  wta::Instance instance;
  std::vector<int> slot_of_type;  ///< weapon type i -> slot
  std::vector<int> candidate;     ///< [i * n + j] -> candidate engagement, -1 where p_ij = 0
};

CycleInstance to_instance(const FeasibleEngagements& engagements, const std::vector<ThreatAssessment>& threats,
                          const std::vector<WeaponStatus>& weapons) {
  std::vector<int> target_of_threat(threats.size(), -1);
  std::vector<char> weapon_engages(weapons.size(), 0);
  CycleInstance cycle;
  wta::Instance& instance = cycle.instance;
  for (const CandidateEngagement& c : engagements.candidates) {
    weapon_engages[c.weapon] = 1;
    if (target_of_threat[c.threat] < 0) {
      target_of_threat[c.threat] = static_cast<int>(instance.value.size());
      instance.value.push_back(threats[c.threat].score);
    }
  }
  instance.value.push_back(0.0);  // hold fire
  instance.targets = static_cast<int>(instance.value.size());
  for (std::size_t s = 0; s < engagements.slots.size(); ++s) {
    if (weapon_engages[engagements.slots[s].weapon]) cycle.slot_of_type.push_back(static_cast<int>(s));
  }
  instance.weapon_types = static_cast<int>(cycle.slot_of_type.size());
  instance.weapons_per_type = 1;
  const std::size_t pairs = static_cast<std::size_t>(instance.weapon_types) * instance.targets;
  instance.kill_probability.assign(pairs, 0.0);
  cycle.candidate.assign(pairs, -1);
  for (int i = 0; i < instance.weapon_types; ++i) {
    const Slot& slot = engagements.slots[static_cast<std::size_t>(cycle.slot_of_type[static_cast<std::size_t>(i)])];
    for (std::size_t c = 0; c < engagements.candidates.size(); ++c) {
      const CandidateEngagement& candidate = engagements.candidates[c];
      if (candidate.weapon != slot.weapon) continue;
      const std::size_t at = static_cast<std::size_t>(i) * instance.targets + target_of_threat[candidate.threat];
      instance.kill_probability[at] = engagement_p(candidate, slot, weapons);
      cycle.candidate[at] = static_cast<int>(c);
    }
  }
  return cycle;
}

/// x, or nothing when the solver's result would depend on the clock (see the header).
std::optional<wta::Assignment> solve(const wta::Instance& instance, WtaSolver solver) {
  const double binaries = static_cast<double>(instance.weapons()) * instance.targets;
  if (solver == WtaSolver::kExact && binaries <= wta::kMaxExactBinaries) {
    wta::ExactOptions options;
    options.time_limit_s = WtaPolicy::kTimeLimit_s;
    options.warm_start_kicks = WtaPolicy::kMaxKicks;
    const wta::Result exact = wta::solve_exact(instance, options);
    if (exact.status == wta::Status::kOptimal) return exact.assignment;
    // Stopped by the clock: CBC's best so far depends on when, the heuristic's result does not.
  }
  wta::HeuristicOptions options;
  options.time_limit_s = WtaPolicy::kTimeLimit_s;
  options.max_kicks = WtaPolicy::kMaxKicks;
  options.lagrangian_iterations = WtaPolicy::kLagrangianIterations;
  const wta::Result heuristic = wta::solve_heuristic(instance, options);
  // Stopped by the clock rather than by its kick count: the caller falls back to the matching.
  if (heuristic.wall_time_s >= options.time_limit_s) return std::nullopt;
  return heuristic.assignment;
}

}  // namespace

AssignmentResult WtaPolicy::assign(const std::vector<ThreatAssessment>& threats,
                                   const std::map<std::uint32_t, messages::TrackState>& tracks,
                                   const std::vector<WeaponStatus>& weapons, const AssignmentContext& context) const {
  const FeasibleEngagements engagements = feasible_engagements(threats, tracks, weapons, context);
  const auto one_slot_per_threat = [&] {
    return best_matching(engagements, threats.size(), [&](const CandidateEngagement& c, const Slot& slot) {
      return threats[c.threat].score * engagement_p(c, slot, weapons);
    });
  };
  if (engagements.candidates.empty() || !context.doctrine->multiple_engagements_per_track()) {
    return orders_for(engagements, one_slot_per_threat(), threats, weapons);
  }
  const CycleInstance cycle = to_instance(engagements, threats, weapons);
  const std::optional<wta::Assignment> x = solve(cycle.instance, solver_);
  if (!x) return orders_for(engagements, one_slot_per_threat(), threats, weapons);
  std::vector<Shot> shots;
  const int n = cycle.instance.targets;
  for (int i = 0; i < cycle.instance.weapon_types; ++i) {
    for (int j = 0; j < n; ++j) {
      const std::size_t at = static_cast<std::size_t>(i) * n + j;
      if ((*x)[at] > 0 && cycle.candidate[at] >= 0 && cycle.instance.kill_probability[at] > 0.0) {
        shots.push_back({cycle.candidate[at], cycle.slot_of_type[static_cast<std::size_t>(i)]});
      }
    }
  }
  // In the order of the threats, as matching gives them.
  std::sort(shots.begin(), shots.end(),
            [](const Shot& a, const Shot& b) { return std::tie(a.candidate, a.slot) < std::tie(b.candidate, b.slot); });
  return orders_for(engagements, shots, threats, weapons);
}

}  // namespace rampart::c2
