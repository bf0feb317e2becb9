// Maximum-marginal-return and Lagrangian constructions, then iterated local search over moves,
// swaps and re-matchings (very large-scale neighbourhood search), see solve.h.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "c2/wta/linear_assignment.h"
#include "c2/wta/solve.h"
#include "c2/wta/solver_support.h"
#include "core/error.h"
#include "core/random.h"

namespace rampart::wta {
namespace {

// The assignment as one target per weapon, with each target's survival kept as the product of its
// non-zero factors q_ij and a count of zero factors, so that removing a weapon with p = 1 is exact.
class State {
 public:
  explicit State(const Instance& instance)
      : instance_(instance),
        n_(instance.targets),
        target_of_(static_cast<std::size_t>(instance.weapons()), -1),
        product_(n_, 1.0),
        zeros_(n_, 0) {}

  int type_of(int w) const { return w / instance_.weapons_per_type; }
  /// The k-th weapon of type i (weapons are numbered type by type).
  int weapon(int i, int k) const { return i * instance_.weapons_per_type + k; }
  int target_of(int w) const { return target_of_[w]; }
  int weapons() const { return static_cast<int>(target_of_.size()); }

  double q(int i, int j) const { return 1.0 - instance_.p(i, j); }
  double survival(int j) const { return zeros_[j] > 0 ? 0.0 : product_[j]; }
  double survival_without(int j, int i) const {
    const double factor = q(i, j);
    if (factor == 0.0) return zeros_[j] == 1 ? product_[j] : 0.0;
    return zeros_[j] > 0 ? 0.0 : product_[j] / factor;
  }
  /// Expected value left on j.
  double cost(int j) const { return instance_.value[j] * survival(j); }

  void place(int w, int j) {
    target_of_[w] = j;
    const double factor = q(type_of(w), j);
    if (factor == 0.0) {
      ++zeros_[j];
    } else {
      product_[j] *= factor;
    }
  }
  void remove(int w) {
    const int j = target_of_[w];
    const double factor = q(type_of(w), j);
    if (factor == 0.0) {
      --zeros_[j];
    } else {
      product_[j] /= factor;
    }
    target_of_[w] = -1;
  }
  void move(int w, int j) {
    remove(w);
    place(w, j);
  }

  /// Recomputes every product from the assignment, clearing the drift of repeated divisions.
  void refresh() {
    std::fill(product_.begin(), product_.end(), 1.0);
    std::fill(zeros_.begin(), zeros_.end(), 0);
    for (int w = 0; w < weapons(); ++w) place(w, target_of_[w]);
  }

  double objective() const {
    double total = 0.0;
    for (int j = 0; j < n_; ++j) total += cost(j);
    return total;
  }

  Assignment assignment() const {
    Assignment x(static_cast<std::size_t>(instance_.weapon_types) * n_, 0);
    for (int w = 0; w < weapons(); ++w) ++x[static_cast<std::size_t>(type_of(w)) * n_ + target_of_[w]];
    return x;
  }

  const std::vector<int>& targets() const { return target_of_; }
  void set_targets(const std::vector<int>& targets) {
    target_of_ = targets;
    refresh();
  }

 private:
  const Instance& instance_;
  int n_;
  std::vector<int> target_of_;
  std::vector<double> product_;
  std::vector<int> zeros_;
};

// The clock is read once per this many iterations of a loop whose iterations are cheap.
constexpr int kClockStride = 256;

// Places every weapon not yet placed: each step gives one more weapon, of any type with weapons
// unplaced, to the target where it removes the most expected value. best[i] caches type i's best
// target; a step changes one target's survival only, so only the types whose best was that target
// are rescanned. Out of time, the weapons left go to their type's best target as it stands, without
// rescans, so the assignment is always complete.
void place_by_marginal_return(const Instance& instance, State& state, const std::function<bool()>& out_of_time) {
  const int m = instance.weapon_types;
  const int n = instance.targets;
  std::vector<std::vector<int>> unplaced(m);
  int to_place = 0;
  for (int w = state.weapons() - 1; w >= 0; --w) {
    if (state.target_of(w) < 0) {
      unplaced[state.type_of(w)].push_back(w);
      ++to_place;
    }
  }
  std::vector<int> best(m, 0);
  std::vector<double> best_gain(m, 0.0);
  auto rescan = [&](int i) {
    best_gain[i] = -1.0;
    for (int j = 0; j < n; ++j) {
      const double gain = state.cost(j) * instance.p(i, j);
      if (gain > best_gain[i]) {
        best_gain[i] = gain;
        best[i] = j;
      }
    }
  };
  for (int i = 0; i < m; ++i) {
    if (!unplaced[i].empty()) rescan(i);
  }
  for (int step = 0; step < to_place; ++step) {
    if (out_of_time()) break;  // every step: one can rescan every type's n targets
    int pick = -1;
    for (int i = 0; i < m; ++i) {
      if (!unplaced[i].empty() && (pick < 0 || best_gain[i] > best_gain[pick])) pick = i;
    }
    const int j = best[pick];
    state.place(unplaced[pick].back(), j);
    unplaced[pick].pop_back();
    for (int i = 0; i < m; ++i) {
      if (!unplaced[i].empty() && best[i] == j) rescan(i);
    }
  }
  for (int i = 0; i < m; ++i) {
    for (const int w : unplaced[i]) state.place(w, best[i]);
  }
}

// The `count` indices in [0, size) ranking first by `before` (a strict order), appended to `out`
// unless `taken` already holds them.
template <typename Before>
void append_best(int size, int count, Before before, std::vector<char>& taken, std::vector<int>& out) {
  std::vector<int> order(size);
  for (int k = 0; k < size; ++k) order[k] = k;
  count = std::min(count, size);
  std::partial_sort(order.begin(), order.begin() + count, order.end(), before);
  for (int t = 0; t < count; ++t) {
    if (!taken[order[t]]) {
      taken[order[t]] = 1;
      out.push_back(order[t]);
    }
  }
}

// Lagrangian construction. Relaxing "mu weapons of each type" with prices lambda_i splits the
// problem by target: target j alone takes the set S of at most two weapons, from its
// kRelaxedTypesPerTarget most lethal types, minimising V_j prod_S q_ij + sum_S lambda_i (one of each
// type, or two of one type when mu >= 2). Subgradient steps on lambda (Polyak's step towards
// `upper_bound`, halved after 10 steps without a better relaxed value) make the types' use
// approach mu. The targets' choices under the best prices are then made feasible: their weapons are
// placed in order of the value they kill while their type has weapons left, and the rest are placed
// by marginal return. Restricted to a few types and two weapons per target, the relaxed value is
// no certified bound; it only steers the construction.
constexpr int kRelaxedTypesPerTarget = 12;

void construct_lagrangian(const Instance& instance, State& state, double upper_bound, int iterations,
                          const std::function<bool()>& construction_over,
                          const std::function<bool()>& out_of_time) {
  const int m = instance.weapon_types;
  const int n = instance.targets;
  const int mu = instance.weapons_per_type;
  const int l = std::min(kRelaxedTypesPerTarget, m);
  std::vector<int> types;  // target j's candidate types at [j * l, (j + 1) * l)
  for (int j = 0; j < n; ++j) {
    std::vector<char> taken(m, 0);
    append_best(
        m, l, [&](int a, int b) { return instance.p(a, j) > instance.p(b, j); }, taken, types);
  }
  // Starting prices: a small share of each type's best single-shot kill, the order of magnitude of
  // the marginal kill of the last weapons in a good assignment; the steps correct the scale.
  constexpr double kStartingPriceShare = 0.01;
  std::vector<double> lambda(m, 0.0);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j)
      lambda[i] = std::max(lambda[i], kStartingPriceShare * instance.value[j] * instance.p(i, j));
  }
  std::vector<int> first(n), second(n), used(m);
  const auto choose = [&](const std::vector<double>& price) {  // returns the relaxed value
    double relaxed = 0.0;
    std::fill(used.begin(), used.end(), 0);
    for (int j = 0; j < n; ++j) {
      const int* t = &types[static_cast<std::size_t>(j) * l];
      double best = instance.value[j];
      first[j] = second[j] = -1;
      for (int x = 0; x < l; ++x) {
        const int a = t[x];
        const double after_a = instance.value[j] * (1.0 - instance.p(a, j));
        if (after_a + price[a] < best) {
          best = after_a + price[a];
          first[j] = a;
          second[j] = -1;
        }
        for (int y = mu >= 2 ? x : x + 1; y < l; ++y) {
          const int b = t[y];
          const double both = after_a * (1.0 - instance.p(b, j)) + price[a] + price[b];
          if (both < best) {
            best = both;
            first[j] = a;
            second[j] = b;
          }
        }
      }
      if (first[j] >= 0) ++used[first[j]];
      if (second[j] >= 0) ++used[second[j]];
      relaxed += best;
    }
    for (int i = 0; i < m; ++i) relaxed -= mu * price[i];
    return relaxed;
  };
  std::vector<double> best_lambda = lambda;
  double best_relaxed = -std::numeric_limits<double>::infinity();
  double step_share = 1.0;
  for (int it = 0, stalled = 0; it < iterations && !construction_over(); ++it) {
    const double relaxed = choose(lambda);
    if (relaxed > best_relaxed) {
      best_relaxed = relaxed;
      best_lambda = lambda;
      stalled = 0;
    } else if (++stalled == 10) {
      step_share *= 0.5;
      stalled = 0;
    }
    double norm = 0.0;
    for (int i = 0; i < m; ++i) norm += static_cast<double>(used[i] - mu) * (used[i] - mu);
    if (norm == 0.0) break;  // the relaxed choice uses every type exactly mu times
    const double step = step_share * std::max(upper_bound - relaxed, 0.0) / norm;
    for (int i = 0; i < m; ++i) lambda[i] += step * (used[i] - mu);
  }
  choose(best_lambda);
  struct Pick {
    double kill;  // expected value this weapon kills on its target, given the ones before it
    int type;
    int target;
  };
  std::vector<Pick> picks;
  for (int j = 0; j < n; ++j) {
    if (first[j] < 0) continue;
    const double p_first = instance.p(first[j], j);
    picks.push_back({instance.value[j] * p_first, first[j], j});
    if (second[j] >= 0) {
      picks.push_back({instance.value[j] * (1.0 - p_first) * instance.p(second[j], j), second[j], j});
    }
  }
  std::stable_sort(picks.begin(), picks.end(), [](const Pick& a, const Pick& b) { return a.kill > b.kill; });
  for (int w = 0; w < state.weapons(); ++w) {
    if (state.target_of(w) >= 0) state.remove(w);
  }
  std::vector<int> placed(m, 0);
  for (const Pick& pick : picks) {
    if (placed[pick.type] < mu) state.place(state.weapon(pick.type, placed[pick.type]++), pick.target);
  }
  place_by_marginal_return(instance, state, out_of_time);
}

// The targets a weapon of each type may be re-matched to: its best `count` by kill probability and
// its best `count` by value killed (V_j p_ij). Good assignments pair few weapons beyond these: in
// our best assignments of ../shared/data/wta's 300x600x3, no weapon is on a target outside its
// type's 26 most lethal.
std::vector<std::vector<int>> candidate_targets(const Instance& instance, int count) {
  std::vector<std::vector<int>> candidates(instance.weapon_types);
  for (int i = 0; i < instance.weapon_types; ++i) {
    std::vector<char> taken(instance.targets, 0);
    append_best(
        instance.targets, count, [&](int a, int b) { return instance.p(i, a) > instance.p(i, b); }, taken,
        candidates[i]);
    append_best(
        instance.targets, count,
        [&](int a, int b) {
          return instance.value[a] * instance.p(i, a) > instance.value[b] * instance.p(i, b);
        },
        taken, candidates[i]);
  }
  return candidates;
}

// The descent's memory of weapons with nothing to gain: settled[i * n + c] == changes when the
// weapons of type i on target c were found so since the last change (popping a target counts as
// one, as its loops ask another question). Kept from call to call, with `changes` only rising, so
// no call has to clear it.
struct Settled {
  std::vector<long long> settled;
  long long changes = 0;
  explicit Settled(const Instance& instance)
      : settled(static_cast<std::size_t>(instance.weapon_types) * instance.targets, -1) {}
};

// First-improvement descent over moves (one weapon to another target) and swaps (two weapons of
// different types exchange targets). Only targets whose survival changed since they were last
// examined ("dirty") are searched: a move or swap not touching a dirty target was already checked.
// Weapons of one type on one target are interchangeable, so once one of them is found with nothing
// to gain, the others are skipped until the assignment changes: with many weapons per type, the
// work per target scales with the types, not the weapons. The clock is read inside the loops over
// weapons, so one target's work cannot outlast the time limit.
void descend(const Instance& instance, State& state, std::vector<char>& dirty, Settled& memory, double tolerance,
             const std::function<bool()>& out_of_time) {
  const int n = instance.targets;
  const int weapons = state.weapons();
  std::vector<int> queue;
  for (int j = 0; j < n; ++j) {
    if (dirty[j]) queue.push_back(j);
  }
  std::vector<long long>& settled = memory.settled;
  long long& changes = memory.changes;
  auto class_of = [&](int w) { return static_cast<std::size_t>(state.type_of(w)) * n + state.target_of(w); };
  auto touch = [&](int j) {
    ++changes;
    if (!dirty[j]) {
      dirty[j] = 1;
      queue.push_back(j);
    }
  };
  bool stopped = false;
  auto clock_check = [&](int k) {
    stopped = stopped || (k % kClockStride == 0 && out_of_time());
    return stopped;
  };
  auto loss_of = [&](int w) {
    const int a = state.target_of(w);
    return instance.value[a] * (state.survival_without(a, state.type_of(w)) - state.survival(a));
  };
  auto try_swap = [&](int w1, int w2) {
    const int i1 = state.type_of(w1);
    const int i2 = state.type_of(w2);
    const int a = state.target_of(w1);
    const int b = state.target_of(w2);
    if (i1 == i2 || a == b) return false;
    const double delta =
        instance.value[a] * (state.survival_without(a, i1) * state.q(i2, a) - state.survival(a)) +
        instance.value[b] * (state.survival_without(b, i2) * state.q(i1, b) - state.survival(b));
    if (delta >= -tolerance) return false;
    state.move(w1, b);
    state.move(w2, a);
    touch(a);
    touch(b);
    return true;
  };
  while (!queue.empty() && !stopped && !out_of_time()) {
    const int a = queue.back();
    queue.pop_back();
    dirty[a] = 0;
    ++changes;
    // Weapons elsewhere that would rather be on a.
    for (int w = 0; w < weapons && !clock_check(w); ++w) {
      const int c = state.target_of(w);
      if (c == a || settled[class_of(w)] == changes) continue;
      if (state.cost(a) * instance.p(state.type_of(w), a) > loss_of(w) + tolerance) {
        state.move(w, a);
        touch(c);
        touch(a);
      } else {
        settled[class_of(w)] = changes;
      }
    }
    // Weapons on a that would rather be elsewhere, alone or in exchange for another weapon.
    for (int w1 = 0; w1 < weapons && !clock_check(w1); ++w1) {
      if (state.target_of(w1) != a || settled[class_of(w1)] == changes) continue;
      const int i1 = state.type_of(w1);
      int best = -1;
      double best_gain = loss_of(w1) + tolerance;
      for (int b = 0; b < n; ++b) {
        const double gain = state.cost(b) * instance.p(i1, b);
        if (b != a && gain > best_gain) {
          best_gain = gain;
          best = b;
        }
      }
      if (best >= 0) {
        state.move(w1, best);
        touch(a);
        touch(best);
        continue;
      }
      bool swapped = false;
      for (int w2 = 0; w2 < weapons && !swapped && !clock_check(w2); ++w2) swapped = try_swap(w1, w2);
      if (!swapped) settled[class_of(w1)] = changes;
    }
  }
  state.refresh();
}

// Very large-scale neighbourhood search (Ahuja et al. 2007's cyclic and path multi-exchanges,
// searched exactly): take one weapon, chosen at random, off each engaged target with probability
// `share`, then give the taken weapons back, at most one per target, by the assignment maximising
// the sum of V_j S'_j p_ij (S'_j the survival of j without its taken weapon), improved from "every
// weapon back where it was", so the result is never worse. Targets that gave no weapon can still
// take one, so a target may also gain a weapon. Returns true when it improved by more than
// `tolerance`.
bool rematch(const Instance& instance, const std::vector<std::vector<int>>& candidates, State& state,
             RandomStream& random, std::vector<char>& dirty, double share, double tolerance) {
  const int n = instance.targets;
  std::vector<int> taken(n, -1), seen(n, 0);
  for (int w = 0; w < state.weapons(); ++w) {  // reservoir sampling: uniform among j's weapons
    const int j = state.target_of(w);
    if (random.below(static_cast<std::uint64_t>(++seen[j])) == 0) taken[j] = w;
  }
  std::vector<int> weapons;
  for (int j = 0; j < n; ++j) {
    if (taken[j] >= 0 && random.bernoulli(share)) weapons.push_back(taken[j]);
  }
  const double before = state.objective();
  std::vector<int> origin(weapons.size());
  for (std::size_t r = 0; r < weapons.size(); ++r) {
    origin[r] = state.target_of(weapons[r]);
    state.remove(weapons[r]);
  }
  CandidateGains gains;
  gains.columns = n;
  for (std::size_t r = 0; r < weapons.size(); ++r) {
    const int i = state.type_of(weapons[r]);
    const auto& targets = candidates[i];
    for (const int j : targets) gains.add(j, state.cost(j) * instance.p(i, j));
    if (std::find(targets.begin(), targets.end(), origin[r]) == targets.end()) {
      gains.add(origin[r], state.cost(origin[r]) * instance.p(i, origin[r]));
    }
    gains.end_row();
  }
  std::vector<int> columns = origin;
  maximise_assignment(gains, columns, tolerance);
  for (std::size_t r = 0; r < weapons.size(); ++r) state.place(weapons[r], columns[r]);
  if (state.objective() < before - tolerance) {
    for (std::size_t r = 0; r < weapons.size(); ++r) {
      if (columns[r] != origin[r]) {
        dirty[origin[r]] = 1;
        dirty[columns[r]] = 1;
      }
    }
    return true;
  }
  for (std::size_t r = 0; r < weapons.size(); ++r) state.move(weapons[r], origin[r]);
  return false;
}

// At most this share of the time limit goes to the Lagrangian construction's iterations.
constexpr double kLagrangianTimeShare = 0.2;

// The number of assignments, prod_i C(n + mu - 1, mu) (the mu interchangeable weapons of a type
// form a multiset of targets), times m * n, the work of evaluating each; anything above `cap` is
// reported as infinite.
double enumeration_work(const Instance& instance, double cap) {
  const int n = instance.targets;
  const int mu = instance.weapons_per_type;
  double per_type = 1.0;  // C(n + mu - 1, mu) = prod_{k=1..mu} (n - 1 + k) / k, exact in double here
  for (int k = 1; k <= mu && per_type <= cap; ++k) per_type = per_type * (n - 1 + k) / k;
  double work = static_cast<double>(instance.weapon_types) * n;
  for (int i = 0; i < instance.weapon_types && work <= cap; ++i) work *= per_type;
  return work <= cap ? work : std::numeric_limits<double>::infinity();
}

// Steps counts c[0..n), which sum to mu, to the next composition of mu into n parts, in the order
// (mu, 0, ..., 0), (mu - 1, 1, 0, ...), ..., (0, ..., 0, mu); after the last, back to the first,
// returning false.
bool next_composition(int* c, int n) {
  const int last = c[n - 1];
  c[n - 1] = 0;
  int p = n - 2;
  while (p >= 0 && c[p] == 0) --p;
  if (p < 0) {
    c[0] = last;
    return false;
  }
  --c[p];
  c[p + 1] = last + 1;
  return true;
}

// Every assignment in turn: each type's row of counts (x_i0, ..., x_i(n-1)) is a wheel of an
// odometer turning through the compositions of mu into n parts; the best goes to `best`. Returns the number of assignments
// evaluated, or -1 when the clock ran out before the last.
long long enumerate(const Instance& instance, Assignment& best, const std::function<bool()>& out_of_time) {
  const int m = instance.weapon_types;
  const int n = instance.targets;
  Assignment x(static_cast<std::size_t>(m) * n, 0);
  for (int i = 0; i < m; ++i) x[static_cast<std::size_t>(i) * n] = instance.weapons_per_type;
  double best_objective = std::numeric_limits<double>::infinity();
  for (long long visited = 1;; ++visited) {
    if (visited % kClockStride == 0 && out_of_time()) return -1;
    const double objective = expected_survival(instance, x);
    if (objective < best_objective) {
      best_objective = objective;
      best = x;
    }
    int i = 0;
    while (i < m && !next_composition(&x[static_cast<std::size_t>(i) * n], n)) ++i;
    if (i == m) return visited;
  }
}

}  // namespace

std::string HeuristicOptions::invalid_reason() const {
  if (!(time_limit_s > 0.0 && time_limit_s <= kMaxTimeLimit_s)) {
    return fmt::format("time_limit_s must be in (0, {}], found {}", kMaxTimeLimit_s, time_limit_s);
  }
  if (max_kicks < -1) return "max_kicks must be >= 0, or -1 for no limit";
  if (kick_size < 1) return "kick_size must be >= 1";
  if (patience < 0) return "patience must be >= 0";
  if (!(rematch_share > 0.0 && rematch_share <= 1.0)) return "rematch_share must be in (0, 1]";
  if (candidates_per_type < 1) return "candidates_per_type must be >= 1";
  if (lagrangian_iterations < 0) return "lagrangian_iterations must be >= 0";
  if (!(enumeration_limit >= 0.0)) return "enumeration_limit must be >= 0";
  return {};
}

Result solve_heuristic(const Instance& instance, const HeuristicOptions& options) {
  require_valid(options, "heuristic");
  const Stopwatch clock;
  Result result;
  result.bound = std::numeric_limits<double>::quiet_NaN();
  result.gap = std::numeric_limits<double>::quiet_NaN();
  if (instance.targets == 0) {
    result.status = Status::kInfeasible;
    result.wall_time_s = clock.elapsed_s();
    return result;
  }
  const auto out_of_time = [&] { return clock.elapsed_s() >= options.time_limit_s; };
  const auto proven_optimal = [&](long long iterations) {
    result.status = Status::kOptimal;
    result.objective = expected_survival(instance, result.assignment);
    result.bound = result.objective;
    result.gap = 0.0;
    result.iterations = iterations;
    result.wall_time_s = clock.elapsed_s();
    return result;
  };
  if (enumeration_work(instance, options.enumeration_limit) <= options.enumeration_limit) {
    if (const long long assignments = enumerate(instance, result.assignment, out_of_time); assignments > 0) {
      return proven_optimal(assignments);
    }
  }
  State state(instance);
  double scale = 0.0;
  for (double v : instance.value) scale += v;
  const double tolerance = 1e-12 * std::max(scale, 1.0);
  const auto finish = [&](long long kicks) {
    result.assignment = state.assignment();
    if (state.objective() == 0.0) return proven_optimal(kicks);
    result.status = Status::kFeasible;
    result.objective = expected_survival(instance, result.assignment);
    result.iterations = kicks;
    result.wall_time_s = clock.elapsed_s();
    return result;
  };
  place_by_marginal_return(instance, state, out_of_time);
  if (out_of_time()) return finish(0);  // a million weapons can take the whole limit to place
  if (options.lagrangian_iterations > 0) {  // the better of the two constructions
    const std::vector<int> marginal_return = state.targets();
    const double marginal_return_objective = state.objective();
    const auto construction_over = [&] {
      return clock.elapsed_s() >= kLagrangianTimeShare * options.time_limit_s;
    };
    construct_lagrangian(instance, state, marginal_return_objective, options.lagrangian_iterations,
                         construction_over, out_of_time);
    if (state.objective() >= marginal_return_objective) state.set_targets(marginal_return);
  }
  const std::vector<std::vector<int>> candidates = candidate_targets(instance, options.candidates_per_type);
  RandomStream random(options.seed, entity_key(instance.weapons(), instance.targets), Purpose::kAssignment);
  std::vector<char> dirty(instance.targets, 1);
  Settled settled(instance);
  // Local optimum of moves and swaps, then of re-matchings, until `patience` re-matchings in a row fail.
  const auto improve = [&] {
    descend(instance, state, dirty, settled, tolerance, out_of_time);
    for (int failures = 0; failures < options.patience && !out_of_time();) {
      if (rematch(instance, candidates, state, random, dirty, options.rematch_share, tolerance)) {
        descend(instance, state, dirty, settled, tolerance, out_of_time);
        failures = 0;
      } else {
        ++failures;
      }
    }
  };
  improve();
  std::vector<int> best = state.targets();
  double best_objective = state.objective();

  const int weapons = state.weapons();
  const int kick = std::min(options.kick_size, weapons);
  long long kicks = 0;
  // Nothing improves on no surviving value (F >= 0), and with one target there is nothing to kick.
  while ((options.max_kicks < 0 || kicks < options.max_kicks) && !out_of_time() && best_objective > 0.0 &&
         instance.targets > 1) {
    ++kicks;
    for (int k = 0; k < kick; ++k) {
      const auto w = static_cast<int>(random.below(static_cast<std::uint64_t>(weapons)));
      const auto j = static_cast<int>(random.below(static_cast<std::uint64_t>(instance.targets)));
      dirty[state.target_of(w)] = 1;
      dirty[j] = 1;
      state.move(w, j);
    }
    improve();
    const double objective = state.objective();
    if (objective < best_objective - tolerance) {
      best_objective = objective;
      best = state.targets();
    } else {
      state.set_targets(best);
    }
  }
  state.set_targets(best);
  return finish(kicks);
}

}  // namespace rampart::wta
