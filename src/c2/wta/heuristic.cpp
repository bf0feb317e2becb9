// Maximum-marginal-return construction, then iterated local search over moves, swaps and
// re-matchings (very large-scale neighbourhood search), see solve.h.
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

// Each step gives one more weapon, of any type with weapons left, to the target where it removes
// the most expected value. best_[i] caches type i's best target; a step changes one target's
// survival only, so only the types whose best was that target are rescanned.
void construct_maximum_marginal_return(const Instance& instance, State& state) {
  const int m = instance.weapon_types;
  const int n = instance.targets;
  std::vector<int> left(m, instance.weapons_per_type);
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
  for (int i = 0; i < m; ++i) rescan(i);
  for (int step = 0; step < instance.weapons(); ++step) {
    int pick = -1;
    for (int i = 0; i < m; ++i) {
      if (left[i] > 0 && (pick < 0 || best_gain[i] > best_gain[pick])) pick = i;
    }
    const int j = best[pick];
    const int w = pick * instance.weapons_per_type + (instance.weapons_per_type - left[pick]);
    --left[pick];
    state.place(w, j);
    for (int i = 0; i < m; ++i) {
      if (left[i] > 0 && best[i] == j) rescan(i);
    }
  }
}

// First-improvement descent over moves (one weapon to another target) and swaps (two weapons of
// different types exchange targets). Only targets whose survival changed since they were last
// examined ("dirty") are searched: a move or swap not touching a dirty target was already checked.
void descend(const Instance& instance, State& state, std::vector<char>& dirty, double tolerance,
             const std::function<bool()>& out_of_time) {
  const int n = instance.targets;
  const int weapons = state.weapons();
  std::vector<int> queue;
  for (int j = 0; j < n; ++j) {
    if (dirty[j]) queue.push_back(j);
  }
  auto touch = [&](int j) {
    if (!dirty[j]) {
      dirty[j] = 1;
      queue.push_back(j);
    }
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
  while (!queue.empty() && !out_of_time()) {
    const int a = queue.back();
    queue.pop_back();
    dirty[a] = 0;
    // Weapons elsewhere that would rather be on a.
    for (int w = 0; w < weapons; ++w) {
      const int c = state.target_of(w);
      if (c != a && state.cost(a) * instance.p(state.type_of(w), a) > loss_of(w) + tolerance) {
        state.move(w, a);
        touch(c);
        touch(a);
      }
    }
    // Weapons on a that would rather be elsewhere, alone or in exchange for another weapon.
    for (int w1 = 0; w1 < weapons; ++w1) {
      if (state.target_of(w1) != a) continue;
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
      for (int w2 = 0; w2 < weapons; ++w2) {
        if (try_swap(w1, w2)) break;
      }
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
bool rematch(const Instance& instance, State& state, RandomStream& random, std::vector<char>& dirty,
             double share, double tolerance) {
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
  const auto rows = static_cast<int>(weapons.size());
  std::vector<double> gain(static_cast<std::size_t>(rows) * n);
  for (int r = 0; r < rows; ++r) {
    const int i = state.type_of(weapons[r]);
    for (int j = 0; j < n; ++j) gain[static_cast<std::size_t>(r) * n + j] = state.cost(j) * instance.p(i, j);
  }
  std::vector<int> columns = origin;
  maximise_assignment(gain, rows, n, columns, tolerance);
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

}  // namespace

std::string HeuristicOptions::invalid_reason() const {
  if (!(time_limit_s > 0.0)) return "time_limit_s must be > 0";
  if (max_kicks < -1) return "max_kicks must be >= 0, or -1 for no limit";
  if (kick_size < 1) return "kick_size must be >= 1";
  if (patience < 0) return "patience must be >= 0";
  if (!(rematch_share > 0.0 && rematch_share <= 1.0)) return "rematch_share must be in (0, 1]";
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
  State state(instance);
  double scale = 0.0;
  for (double v : instance.value) scale += v;
  const double tolerance = 1e-12 * std::max(scale, 1.0);
  construct_maximum_marginal_return(instance, state);
  RandomStream random(options.seed, entity_key(instance.weapons(), instance.targets), Purpose::kAssignment);
  const auto out_of_time = [&] { return clock.elapsed_s() >= options.time_limit_s; };
  std::vector<char> dirty(instance.targets, 1);
  // Local optimum of moves and swaps, then of re-matchings, until `patience` re-matchings in a row fail.
  const auto improve = [&] {
    descend(instance, state, dirty, tolerance, out_of_time);
    for (int failures = 0; failures < options.patience && !out_of_time();) {
      if (rematch(instance, state, random, dirty, options.rematch_share, tolerance)) {
        descend(instance, state, dirty, tolerance, out_of_time);
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
  while ((options.max_kicks < 0 || kicks < options.max_kicks) && !out_of_time() && instance.targets > 1) {
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
  result.status = Status::kFeasible;
  result.assignment = state.assignment();
  result.objective = expected_survival(instance, result.assignment);
  result.iterations = kicks;
  result.wall_time_s = clock.elapsed_s();
  return result;
}

}  // namespace rampart::wta
