// Branch and cut over CBC with lazily separated submodular (Nemhauser-Wolsey) cuts, see solve.h.
#include <CbcModel.hpp>
#include <CglCutGenerator.hpp>
#include <CoinMessageHandler.hpp>
#include <OsiClpSolverInterface.hpp>
#include <OsiCuts.hpp>
#include <OsiRowCut.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "c2/wta/cuts.h"
#include "c2/wta/solve.h"
#include "c2/wta/solver_support.h"
#include "core/error.h"

namespace rampart::wta {
namespace {

// Counts t_i of target j in a (possibly fractional) column solution, rounded.
std::vector<int> counts_at(const Layout& layout, const double* x, int j) {
  std::vector<int> t(layout.m, 0);
  for (int i = 0; i < layout.m; ++i) {
    double sum = 0.0;
    for (int k = 0; k < layout.mu; ++k) sum += x[layout.w(i, j, k)];
    t[i] = std::clamp(static_cast<int>(std::lround(sum)), 0, layout.mu);
  }
  return t;
}

OsiRowCut to_row_cut(const Cut& cut) {
  OsiRowCut row;
  row.setRow(static_cast<int>(cut.index.size()), cut.index.data(), cut.coef.data());
  row.setLb(cut.rhs);
  row.setUb(COIN_DBL_MAX);
  row.setGloballyValid(true);
  return row;
}

// Separates, at the current LP or candidate solution, the submodular cuts tight at each target's
// rounded counts and the tangent cut at its point, where z_j lies below them. Called at every node
// and at every candidate solution, which it rejects by returning a violated cut: that is what
// makes z_j = F_j at accepted solutions.
class SubmodularCutGenerator : public CglCutGenerator {
 public:
  SubmodularCutGenerator(const Instance& instance, Layout layout, double tolerance)
      : instance_(instance), layout_(layout), tolerance_(tolerance) {}

  void generateCuts(const OsiSolverInterface& solver, OsiCuts& cuts, const CglTreeInfo) override {
    const double* x = solver.getColSolution();
    for (int j = 0; j < layout_.n; ++j) {
      const std::vector<int> t = counts_at(layout_, x, j);
      for (const CutKind kind : {CutKind::kRemovalExact, CutKind::kAdditionExact}) {
        const Cut cut = submodular_cut(instance_, layout_, j, t, kind);
        if (cut.slack(x) < -tolerance_) cuts.insert(to_row_cut(cut));
      }
      if (const auto cut = tangent_cut(instance_, layout_, j, x); cut && cut->slack(x) < -tolerance_) {
        cuts.insert(to_row_cut(*cut));
      }
    }
  }
  CglCutGenerator* clone() const override { return new SubmodularCutGenerator(*this); }

 private:
  const Instance& instance_;
  Layout layout_;
  double tolerance_;
};

// Counts x_ij from a 0/1 column solution.
Assignment assignment_of(const Layout& layout, const double* x) {
  Assignment a(static_cast<std::size_t>(layout.m) * layout.n, 0);
  for (int i = 0; i < layout.m; ++i) {
    for (int j = 0; j < layout.n; ++j) {
      for (int k = 0; k < layout.mu; ++k)
        a[static_cast<std::size_t>(i) * layout.n + j] += x[layout.w(i, j, k)] > 0.5;
    }
  }
  return a;
}

// Constraint rows in CSR form for one OsiSolverInterface::addRows call.
struct RowBatch {
  std::vector<CoinBigIndex> start{0};
  std::vector<int> index;
  std::vector<double> coef, lower, upper;
  /// Ends the row whose entries were appended to index and coef since the last close.
  void close(double row_lower, double row_upper) {
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    lower.push_back(row_lower);
    upper.push_back(row_upper);
  }
};

std::vector<int> counts_of(const Layout& layout, const Assignment& a, int j) {
  std::vector<int> t(layout.m);
  for (int i = 0; i < layout.m; ++i) t[i] = a[static_cast<std::size_t>(i) * layout.n + j];
  return t;
}

}  // namespace

std::string ExactOptions::invalid_reason() const {
  if (!(time_limit_s > 0.0 && time_limit_s <= kMaxTimeLimit_s)) {
    return fmt::format("time_limit_s must be in (0, {}], found {}", kMaxTimeLimit_s, time_limit_s);
  }
  if (!(relative_gap >= 0.0)) return "relative_gap must be >= 0";
  if (!(warm_start_share >= 0.0 && warm_start_share <= 1.0)) return "warm_start_share must be in [0, 1]";
  if (!(warm_start_s_per_binary >= 0.0)) return "warm_start_s_per_binary must be >= 0";
  if (warm_start_kicks < -1) return "warm_start_kicks must be >= 0, or -1 for the wall-time budget";
  return {};
}

Result solve_exact(const Instance& instance, const ExactOptions& options) {
  require_valid(options, "exact");
  const Stopwatch clock;
  const double binaries = static_cast<double>(instance.weapons()) * instance.targets;
  if (binaries > kMaxExactBinaries) {
    throw InputError(fmt::format(
        "the exact model of {} weapon types x {} on {} targets needs {:.0f} binaries, more than the {} it "
        "accepts (its memory grows with them); use the heuristic",
        instance.weapon_types, instance.weapons_per_type, instance.targets, binaries, kMaxExactBinaries));
  }

  HeuristicOptions warm;
  warm.enumeration_limit = 0.0;
  if (options.warm_start_kicks >= 0) {
    warm.max_kicks = options.warm_start_kicks;
    warm.time_limit_s = options.time_limit_s;
  } else {
    warm.time_limit_s = std::max(1e-3, std::min(options.warm_start_share * options.time_limit_s,
                                                options.warm_start_s_per_binary * binaries));
  }
  warm.seed = options.seed;
  const Result incumbent = solve_heuristic(instance, warm);
  if (incumbent.status == Status::kInfeasible) {
    Result result = incumbent;
    result.wall_time_s = clock.elapsed_s();
    return result;
  }

  const Layout layout{instance.weapon_types, instance.targets, instance.weapons_per_type};
  const int columns = layout.columns();
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  {
    std::vector<double> lower(columns, 0.0), upper(columns, 1.0), objective(columns, 0.0);
    for (int j = 0; j < layout.n; ++j) {
      upper[layout.z(j)] = COIN_DBL_MAX;
      objective[layout.z(j)] = 1.0;
    }
    CoinPackedMatrix empty(false, 0, 0);
    empty.setDimensions(0, columns);
    solver.loadProblem(empty, lower.data(), upper.data(), objective.data(), nullptr, nullptr);
  }
  for (int c = 0; c < layout.m * layout.n * layout.mu; ++c) solver.setInteger(c);
  // All rows go in with one addRows call: added one at a time, CoinPackedMatrix grows by copying,
  // which is quadratic in the m*n*(mu-1) ordering rows (minutes at 300x600x3).
  RowBatch rows;
  for (int i = 0; i < layout.m; ++i) {  // sum_jk w_ijk = mu
    for (int j = 0; j < layout.n; ++j) {
      for (int k = 0; k < layout.mu; ++k) rows.index.push_back(layout.w(i, j, k));
    }
    rows.coef.resize(rows.index.size(), 1.0);
    rows.close(layout.mu, layout.mu);
  }
  for (int i = 0; i < layout.m; ++i) {  // w_ijk >= w_ij(k+1): the k-th weapon only after the (k-1)-th
    for (int j = 0; j < layout.n; ++j) {
      for (int k = 0; k + 1 < layout.mu; ++k) {
        rows.index.insert(rows.index.end(), {layout.w(i, j, k), layout.w(i, j, k + 1)});
        rows.coef.insert(rows.coef.end(), {1.0, -1.0});
        rows.close(0.0, COIN_DBL_MAX);
      }
    }
  }
  // The two submodular cuts of every target tight at the counts of `a`.
  const auto add_cuts_at = [&](RowBatch& batch, const Assignment& a) {
    for (int j = 0; j < layout.n; ++j) {
      for (const CutKind kind : {CutKind::kRemovalExact, CutKind::kAdditionExact}) {
        const Cut cut = submodular_cut(instance, layout, j, counts_of(layout, a, j), kind);
        batch.index.insert(batch.index.end(), cut.index.begin(), cut.index.end());
        batch.coef.insert(batch.coef.end(), cut.coef.begin(), cut.coef.end());
        batch.close(cut.rhs, COIN_DBL_MAX);
      }
    }
  };
  const auto add_rows = [&](const RowBatch& batch) {
    solver.addRows(static_cast<int>(batch.lower.size()), batch.start.data(), batch.index.data(), batch.coef.data(),
                   batch.lower.data(), batch.upper.data());
  };
  add_cuts_at(rows, Assignment(static_cast<std::size_t>(layout.m) * layout.n, 0));  // tight at "no weapon"
  add_cuts_at(rows, incumbent.assignment);
  add_rows(rows);

  double scale = 0.0;
  for (double v : instance.value) scale += v;
  const double absolute_tolerance = 1e-9 * std::max(scale, 1.0);
  Result result;
  result.assignment = incumbent.assignment;
  result.objective = incumbent.objective;
  const auto closed = [&](double bound) {
    return result.objective - bound <= std::max(absolute_tolerance, options.relative_gap * result.objective);
  };
  // CBC can accept an integral solution without calling the cut generator at it (turning strong
  // branching off made that rarer, not rare), so that a z_j below F_j becomes its incumbent and the
  // search "proves" it optimal: 0.040857 for an optimum of 0.040525 on a 4x3x2 instance, and on the
  // random 4x3x2 instances of the tests about one search in ten when the warm start is poor (as a
  // wall-time warm start is under load). Its bound stays valid (every row is), its proof does not.
  // So a search counts only if its incumbent's z equals F there; if not, the cuts tight at that
  // assignment become rows and the search runs again (that assignment cannot slip through again).
  double bound = 0.0;  // F >= 0 bounds every instance, should CBC stop before its first LP bound
  bool proven = false, stopped = false;
  long long nodes = 0;
  while (!proven && !stopped) {
    SubmodularCutGenerator generator(instance, layout, absolute_tolerance);
    CbcModel model(solver);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.solver()->messageHandler()->setLogLevel(0);
    model.addCutGenerator(&generator, 1, "submodular", true, true);
    model.setMaximumSeconds(std::max(1e-3, options.time_limit_s - clock.elapsed_s()));
    model.setUseElapsedTime(true);
    model.setAllowableFractionGap(options.relative_gap);
    model.setAllowableGap(absolute_tolerance);
    // CBC prunes nodes whose bound is within the cutoff increment of the incumbent (1e-5 by default,
    // absolute: a whole per cent of an objective of 1e-3).
    model.setCutoffIncrement(absolute_tolerance);
    // The root LP is solved before CBC learns the incumbent: with it, CBC would hand Clp the dual
    // objective limit "incumbent - increment", and a root LP whose bound reaches the incumbent (the
    // warm start already optimal) would stop there as "primal infeasible", which proves the
    // incumbent optimal but gives neither a bound nor an LP solution to branch from. CBC checks its
    // clock between LP solves only, and the root LP of a large instance can outlast the whole
    // budget, so Clp gets the limit for the root. A root LP stopped early bounds nothing.
    auto* clp = dynamic_cast<OsiClpSolverInterface*>(model.solver());
    RAMPART_DEMAND(clp != nullptr, "CBC's solver is Clp");
    clp->getModelPtr()->setMaximumWallSeconds(std::max(1e-3, options.time_limit_s - clock.elapsed_s()));
    model.initialSolve();
    if (!clp->isProvenOptimal()) break;
    clp->getModelPtr()->setMaximumWallSeconds(-1.0);
    // Every row is valid for every assignment, so the root LP's value bounds the optimum.
    bound = std::max(bound, clp->getObjValue());
    if (closed(bound)) {
      proven = true;
      break;
    }
    {
      std::vector<double> start_solution(columns, 0.0);
      for (int i = 0; i < layout.m; ++i) {
        for (int j = 0; j < layout.n; ++j) {
          for (int k = 0; k < result.assignment[static_cast<std::size_t>(i) * layout.n + j]; ++k) {
            start_solution[layout.w(i, j, k)] = 1.0;
          }
        }
      }
      for (int j = 0; j < layout.n; ++j) {  // the addition cut's right-hand side at t is V_j prod q^t
        start_solution[layout.z(j)] =
            submodular_cut(instance, layout, j, counts_of(layout, result.assignment, j), CutKind::kAdditionExact)
                .rhs;
      }
      model.setBestSolution(start_solution.data(), columns, result.objective);
    }
    model.branchAndBound();
    nodes += model.getNodeCount();
    bound = std::max(bound, model.getBestPossibleObjValue());
    stopped = !model.isProvenOptimal();
    RAMPART_DEMAND(model.bestSolution() != nullptr, "CBC keeps at least the incumbent it was given");
    Assignment found = assignment_of(layout, model.bestSolution());
    RAMPART_DEMAND(is_feasible(instance, found), "CBC returned an assignment that breaks sum_j x_ij = mu");
    const double value = expected_survival(instance, found);
    double z_total = 0.0;
    for (int j = 0; j < layout.n; ++j) z_total += model.bestSolution()[layout.z(j)];
    if (value < result.objective) {
      result.objective = value;
      result.assignment = found;
    }
    if (z_total >= value - absolute_tolerance) {
      proven = !stopped;
    } else {
      RowBatch missing;
      add_cuts_at(missing, found);
      add_rows(missing);
    }
  }
  result.bound = std::min(bound, result.objective);
  result.gap = (result.objective - result.bound) / std::max(result.objective, 1e-12);
  result.status = proven ? Status::kOptimal : Status::kTimeLimit;
  result.iterations = nodes;
  result.wall_time_s = clock.elapsed_s();
  return result;
}

}  // namespace rampart::wta
