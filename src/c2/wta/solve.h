// Solvers for the static weapon-target assignment problem of instance.h: minimise
// F(x) = sum_j V_j prod_i (1 - p_ij)^{x_ij} subject to sum_j x_ij = mu, x_ij in {0, 1, ..., mu}.
//
// Heuristic (real time, anytime): the better of two constructions, maximum marginal return (each
// weapon in turn goes where it removes the most expected value) and a Lagrangian one (prices on
// the weapon types, found by subgradient steps, let each target choose its weapons alone; the
// choices are then repaired into an assignment), then iterated local search: descent over "move
// one weapon" and "swap two weapons of different types", then very large-scale neighbourhood
// search (Ahuja et al. 2007): one weapon off most engaged targets, all of them re-matched at once by
// an optimal assignment over each type's candidate targets (every cyclic and path exchange of one
// weapon per target); kicked by random reassignments of a few weapons, keeping the best assignment
// found. Status kFeasible, no bound. Deterministic for a seed when stopped by max_kicks and
// lagrangian_iterations rather than by the clock. It stops before its time limit when more search
// cannot help: an instance with few enough assignments (prod_i C(n + mu - 1, mu) of them, see
// enumeration_limit) is enumerated instead, and an assignment leaving no value (F = 0, the least F
// can be; in double precision, so also when a thousand or more weapons on every target underflow
// it) ends the search; both return kOptimal with bound = objective. Every loop over weapons reads
// the clock, so the time limit holds however many weapons there are: a 1 s limit ended within
// 20 ms on instances of 10^6 weapons, the largest the reader accepts.
//
// Exact: branch and cut over CBC. Let w_ijk in {0,1} mean "the k-th weapon of type i is on target
// j" (w_ij1 >= w_ij2 >= ...), and z_j >= V_j prod_i q_ij^{x_ij} with q = 1 - p the survival of
// target j; minimise sum_j z_j. The killed value V_j (1 - prod q) is a submodular set function of
// the weapons on j, so for any reference counts t on j (S = V_j prod_i q_i^{t_i}) the two
// Nemhauser-Wolsey inequalities (see cuts.h)
//     z_j >= S + sum_{k <= t_i} (S p_i / q_i)(1 - w_ijk) - sum_{k > t_i} V_j p_i q_i^{k-1} w_ijk
//     z_j >= S - sum_{k > t_i} S p_i q_i^{k-1-t_i} w_ijk
// are valid for every integer w and tight at t; so is the tangent of the convex V_j exp(sum ln(q) w)
// at any point. These cuts are separated lazily at every branch-and-bound node (t = the rounded LP
// point) and at every candidate solution; every row is valid, so the LP bound is a certified lower
// bound. CBC accepts some candidates without calling the cuts, and a search whose incumbent has z
// below F there proves nothing: the cuts tight at that incumbent then become rows and the search
// runs again, until the incumbent's z is its F. Seeded with the heuristic (without its
// enumeration: the proof is the LP bound's); deterministic with ExactOptions::warm_start_kicks
// unless stopped by the time limit.
// The model has m * n * mu binaries; more than kMaxExactBinaries is an InputError.
// Not real time: Clp's presolve of the root LP and CBC's set-up do not read the clock, so on the
// largest models the limit is overrun by seconds (a 2 s limit took 3.4 to 4 s at 300x600x3).
#pragma once

#include <cstdint>
#include <string>

#include "c2/wta/instance.h"

namespace rampart::wta {

/// The longest time limit either solver accepts (a day): a larger one is a mistake, not a plan.
constexpr double kMaxTimeLimit_s = 86'400.0;
/// The largest exact model (binaries w_ijk, m * n * mu); the public 300x600x3 has 540,000.
constexpr long long kMaxExactBinaries = 1'000'000;

enum class Status {
  kOptimal,     ///< proven optimal: within ExactOptions::relative_gap, or by the heuristic (see above)
  kFeasible,    ///< a feasible assignment, no proof (the heuristic)
  kTimeLimit,   ///< the exact method hit its time limit; objective and bound are valid
  kInfeasible,  ///< no assignment exists (weapons but no targets)
};

std::string to_string(Status status);

struct Result {
  Status status = Status::kInfeasible;
  double objective = 0.0;  ///< F(assignment), the expected surviving value; 0 when infeasible
  /// A certified lower bound on the optimum (exact method); NaN when none was computed.
  double bound = 0.0;
  /// (objective - bound) / max(objective, 1e-12); NaN without a bound.
  double gap = 0.0;
  double wall_time_s = 0.0;
  Assignment assignment;     ///< x_ij at [i * n + j]; empty when infeasible
  /// Local-search kicks or assignments enumerated (heuristic), branch-and-bound nodes (exact).
  long long iterations = 0;

  /// One line: status, objective, bound, gap, time.
  std::string summary() const;
};

struct HeuristicOptions {
  double time_limit_s = 1.0;   ///< wall-clock budget, in (0, kMaxTimeLimit_s]
  long long max_kicks = -1;    ///< stop after this many kicks; -1 = until the time limit
  int kick_size = 3;           ///< weapons reassigned at random per kick, >= 1
  double rematch_share = 0.6;  ///< chance that an engaged target gives a weapon to a re-matching, (0, 1]
  int patience = 2;            ///< failed re-matchings in a row before the next kick, >= 0
  /// A weapon type's candidate targets in re-matchings: its best this many by kill probability and
  /// its best this many by value killed, >= 1.
  int candidates_per_type = 24;
  /// Subgradient iterations of the Lagrangian construction (0: maximum marginal return only), >= 0;
  /// they stop earlier at a fifth of the time limit.
  int lagrangian_iterations = 600;
  std::uint64_t seed = 1;  ///< random stream of the kicks and re-matchings
  /// Enumerate every assignment, and so prove the best optimal, when their number times m * n (the
  /// work of evaluating one) is at most this; 2e6 takes a few milliseconds. 0: never. >= 0.
  double enumeration_limit = 2e6;

  /// Empty when valid, else what is wrong.
  std::string invalid_reason() const;
};

struct ExactOptions {
  double time_limit_s = 600.0;  ///< wall-clock budget, in (0, kMaxTimeLimit_s]
  double relative_gap = 1e-6;   ///< stop when (objective - bound) <= relative_gap * objective
  /// The warm-start heuristic runs for warm_start_share of the limit, but at most
  /// warm_start_s_per_binary per variable w_ijk (small instances are proven before a long warm start
  /// would end). Both >= 0; the heuristic always gets at least 1 ms.
  double warm_start_share = 0.02;
  double warm_start_s_per_binary = 2e-5;
  /// >= 0: the warm start stops after this many kicks instead, with the whole time limit as its
  /// clock budget, so that it (and with it the search, unless stopped by the limit) is the same
  /// under any machine load; -1: the wall-time budget above.
  long long warm_start_kicks = -1;
  std::uint64_t seed = 1;  ///< seed of the warm-start heuristic

  std::string invalid_reason() const;
};

/// Throws rampart::InputError when options are invalid, or (exact) the model would have more than
/// kMaxExactBinaries binaries.
Result solve_heuristic(const Instance& instance, const HeuristicOptions& options = {});
Result solve_exact(const Instance& instance, const ExactOptions& options = {});

}  // namespace rampart::wta
