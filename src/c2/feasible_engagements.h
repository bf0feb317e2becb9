// What one C2 cycle can fire, shared by every assignment policy (assignment.h).
//
// A fire unit launches `order_delay_s` (the link to the unit) plus its reaction time after C2's
// order, so the intercept is predicted from the track extrapolated by that lead: from the weapon
// type's launch acceptability region (messages/launch_region.h: the target within 85 % of the
// maximum launch range for its height, inbound and crossing speeds, a margin for the track's
// error and the target's manoeuvres; the time of flight from the table),
// for a gun the arrival of its burst's middle round (messages/gun_ballistics.h: the projectile's
// time of flight with drag; the gun's max_range_m then bounds the range at that arrival),
// or for a weapon without either (air-to-air) the collision triangle at its mean speed
// (intercept.h). A threat C2 takes for a ballistic missile (ThreatAssessment::ballistic) is
// offered only to fire units whose weapon engages ballistic missiles (engages_ballistic), at the
// collision point on its predicted trajectory (ballistic.h), no lower than the weapon's
// min_ballistic_intercept_altitude_m (the debris floor) instead of its min_altitude_m; any
// other threat only to units whose weapon engages air-breathing targets (engages_air_breathing). A fire unit can take a threat when the predicted intercept point lies inside
// its envelope (range, and altitude
// when the track has height, with one standard deviation of the track's height to spare at the
// floor and the ceiling: the warhead cannot kill outside them) and is reached (lead + time of
// flight) before the threat reaches its asset, when the rules of engagement permit the track's
// identity at that point, when the unit's fire-control radar sees that point over the terrain
// and, for a unit with a fire-control radar of its own, holds it in its sector (C2's map:
// AssignmentContext::in_sight), and when no friendly track is within the deconfliction radius of that
// point (such a pair is blocked and reported). Each fire unit that is ready (WeaponStatus::ready:
// not marching, emplacing or packing up) offers one slot per engagement it can start now: its
// free fire-control channels and ready rounds split into engagements of the doctrine's
// rounds_per_engagement for the class of target it engages (doctrine.h: a ballistic salvo
// against a ballistic missile; a unit that engages both classes sizes its slots for the larger,
// and an engagement of the other class fires fewer and leaves the rest for the next cycle), the
// last one smaller when fewer are left. An engagement fires rounds_fired = min(the doctrine's
// rounds for its threat, the slot's), ballistic_salvo_interval_s apart against a ballistic
// missile; r rounds of a unit whose single round kills with Pk kill with 1 - (1 - Pk)^r
// (independent rounds).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "c2/assignment.h"
#include "c2/intercept.h"

namespace rampart::c2 {

/// One engagement a fire unit can start now.
struct Slot {
  std::size_t weapon = 0;  ///< index into the cycle's weapons
  int rounds = 1;
};

/// A (threat, fire unit) pair the unit may engage now.
struct CandidateEngagement {
  std::size_t threat = 0;  ///< index into the cycle's threats
  std::size_t weapon = 0;  ///< index into the cycle's weapons
  Intercept intercept;
  int rounds = 1;                 ///< the doctrine's rounds per engagement of this threat
  double round_interval_s = 0.0;  ///< and the time between their launches
};

struct FeasibleEngagements {
  std::vector<Slot> slots;
  std::vector<std::vector<int>> slots_of_weapon;  ///< indices into slots, per weapon
  std::vector<CandidateEngagement> candidates;     ///< by threat, then by weapon; units with slots only
  std::vector<BlockedEngagement> blocked;
};

FeasibleEngagements feasible_engagements(const std::vector<ThreatAssessment>& threats,
                                         const std::map<std::uint32_t, messages::TrackState>& tracks,
                                         const std::vector<WeaponStatus>& weapons, const AssignmentContext& context);

/// The rounds `candidate` fires with `slot`: min(candidate.rounds, slot.rounds).
int rounds_fired(const CandidateEngagement& candidate, const Slot& slot);

/// 1 - (1 - Pk)^rounds: the kill probability of `rounds` independent rounds of `weapon`.
double slot_kill_probability(const WeaponStatus& weapon, int rounds);

/// 1 - 1e-6 x time of flight in s: a weight's factor that prefers, between engagements otherwise
/// equal, the earlier intercept (more time to look and fire again), and changes nothing else.
double earlier_intercept_factor(const CandidateEngagement& candidate);

/// A candidate engagement fired with one slot of its unit.
struct Shot {
  int candidate = 0;
  int slot = 0;
};

/// The fire orders of `shots`, in their order, with the cycle's blocked engagements.
AssignmentResult orders_for(const FeasibleEngagements& engagements, const std::vector<Shot>& shots,
                            const std::vector<ThreatAssessment>& threats, const std::vector<WeaponStatus>& weapons);

/// The shots, each threat at most one slot and each slot at most one threat, maximising the sum
/// of weight(candidate, slot) (pairs of weight <= 0 are never fired): an optimal linear
/// assignment solved by solve_assignment (core/assignment.h); shots in the order of the threats.
std::vector<Shot> best_matching(const FeasibleEngagements& engagements, std::size_t threats,
                                const std::function<double(const CandidateEngagement&, const Slot&)>& weight);

}  // namespace rampart::c2
