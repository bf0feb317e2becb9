// Figures of the exact static WTA solver (issue 4), printed as tables:
//
//   wta_exact_bench public [LIMIT_S] [SIZE...]   mu = 1 instances of ../shared/data/wta (default all six
//                                                sizes, 600 s each): status, objective against the
//                                                best-known value, time
//   wta_exact_bench ahuja [SEEDS]                Ahuja et al. instances (weapons = targets): median time
//                                                to prove 20x20 and 30x30 optimal, gap after 60 s at
//                                                50x50 and 100x100
//   wta_exact_bench compare [LIMIT_S] [SEEDS]    the same instances through a plain CBC outer-approximation
//                                                loop (log-linearised objective, tangent cuts, MIP re-solved
//                                                until its bound meets the incumbent) and through ours; the
//                                                time ratio
#include <CbcModel.hpp>
#include <CoinMessageHandler.hpp>
#include <OsiClpSolverInterface.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "c2/wta/instance.h"
#include "c2/wta/solve.h"

namespace {

using rampart::wta::Instance;
using rampart::wta::Result;
using Clock = std::chrono::steady_clock;

struct Known {
  const char* size;
  double best;  // best-known mu = 1 value, ../shared/data/wta/README.md (Andersen et al. 2022)
};
constexpr Known kPublic[] = {{"50x100", 1734.302278},  {"100x200", 2862.302805}, {"150x300", 3740.417477},
                             {"200x400", 4970.363583}, {"250x500", 6689.831917}, {"300x600", 8136.879137}};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t k = v.size() / 2;
  return v.size() % 2 == 1 ? v[k] : 0.5 * (v[k - 1] + v[k]);
}

Result exact(const Instance& instance, double limit_s) {
  rampart::wta::ExactOptions options;
  options.time_limit_s = limit_s;
  return rampart::wta::solve_exact(instance, options);
}

int run_public(double limit_s, std::vector<std::string> sizes) {
  const std::filesystem::path dir = std::filesystem::path(RAMPART_SHARED_DIR) / "data/wta";
  if (sizes.empty()) {
    for (const Known& k : kPublic) sizes.emplace_back(k.size);
  }
  std::printf("exact, mu = 1, limit %.0f s per instance\n", limit_s);
  std::printf("%-10s %-11s %14s %14s %10s %9s %8s\n", "instance", "status", "objective", "best-known", "gap",
              "time_s", "match");
  for (const std::string& size : sizes) {
    const auto known =
        std::find_if(std::begin(kPublic), std::end(kPublic), [&](const Known& k) { return size == k.size; });
    const std::filesystem::path file = dir / ("wta_" + size + "x1.txt.gz");
    if (known == std::end(kPublic) || !std::filesystem::exists(file)) {
      std::fprintf(stderr, "wta_exact_bench: no instance %s (looked for %s)\n", size.c_str(), file.c_str());
      return 2;
    }
    const Result r = exact(rampart::wta::read_instance(file), limit_s);
    std::printf("%-10s %-11s %14.6f %14.6f %9.4f%% %9.2f %8s\n", size.c_str(), to_string(r.status).c_str(),
                r.objective, known->best, 100.0 * r.gap, r.wall_time_s,
                std::abs(r.objective - known->best) <= 1e-6 * known->best ? "yes" : "no");
    std::fflush(stdout);
  }
  return 0;
}

int run_ahuja(int seeds) {
  std::printf(
      "exact on Ahuja et al. instances (weapons = targets, V ~ U[25,100], p ~ U[0.6,0.9]), seeds 1..%d\n",
      seeds);
  std::printf("%-8s %-6s %10s %10s %10s %10s\n", "size", "limit", "optimal", "median_s", "max_s",
              "worst_gap");
  for (const auto& [size, limit_s] :
       {std::pair{20, 60.0}, std::pair{30, 60.0}, std::pair{50, 60.0}, std::pair{100, 60.0}}) {
    std::vector<double> times;
    double worst_gap = 0.0;
    int optimal = 0;
    for (int seed = 1; seed <= seeds; ++seed) {
      const Result r = exact(rampart::wta::generate_ahuja(size, static_cast<std::uint64_t>(seed)), limit_s);
      times.push_back(r.wall_time_s);
      worst_gap = std::max(worst_gap, r.gap);
      optimal += r.status == rampart::wta::Status::kOptimal;
    }
    std::printf("%3dx%-4d %5.0fs %7d/%-2d %10.3f %10.3f %9.4f%%\n", size, size, limit_s, optimal, seeds,
                median(times), *std::max_element(times.begin(), times.end()), 100.0 * worst_gap);
    std::fflush(stdout);
  }
  return 0;
}

// The plain formulation: x_ij integer in [0, mu], z_j >= V_j exp(sum_i ln(q_ij) x_ij) by tangent cuts,
// first at y = 0 and at each single weapon; the MIP is solved to optimality, tangents are added at
// its solution, and it is solved again until its bound reaches the best assignment seen. Needs
// every p_ij < 1 (true of Ahuja instances).
struct BaselineResult {
  bool optimal = false;
  double objective = 0.0;
  double wall_time_s = 0.0;
  int rounds = 0;
};

BaselineResult plain_cbc_outer_approximation(const Instance& instance, double limit_s, double relative_gap) {
  const auto start = Clock::now();
  const auto elapsed_s = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const int m = instance.weapon_types;
  const int n = instance.targets;
  const int xs = m * n;
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  for (int c = 0; c < xs; ++c) solver.addCol(0, nullptr, nullptr, 0.0, instance.weapons_per_type, 0.0);
  for (int j = 0; j < n; ++j) solver.addCol(0, nullptr, nullptr, 0.0, COIN_DBL_MAX, 1.0);
  for (int c = 0; c < xs; ++c) solver.setInteger(c);
  for (int i = 0; i < m; ++i) {
    std::vector<int> index(n);
    for (int j = 0; j < n; ++j) index[j] = i * n + j;
    const std::vector<double> ones(n, 1.0);
    solver.addRow(n, index.data(), ones.data(), instance.weapons_per_type, instance.weapons_per_type);
  }
  const auto add_tangent = [&](int j, double y0) {
    const double slope = instance.value[j] * std::exp(y0);
    std::vector<int> index{xs + j};
    std::vector<double> coef{1.0};
    for (int i = 0; i < m; ++i) {
      index.push_back(i * n + j);
      coef.push_back(-slope * std::log(1.0 - instance.p(i, j)));
    }
    solver.addRow(static_cast<int>(index.size()), index.data(), coef.data(), slope * (1.0 - y0),
                  COIN_DBL_MAX);
  };
  for (int j = 0; j < n; ++j) {  // tangents at no weapon and at every single weapon on j
    add_tangent(j, 0.0);
    for (int i = 0; i < m; ++i) add_tangent(j, std::log(1.0 - instance.p(i, j)));
  }
  BaselineResult result;
  result.objective = INFINITY;
  while (elapsed_s() < limit_s) {
    ++result.rounds;
    CbcModel model(solver);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.setUseElapsedTime(true);
    model.setMaximumSeconds(std::max(1e-3, limit_s - elapsed_s()));
    model.initialSolve();
    model.branchAndBound();
    if (model.bestSolution() == nullptr) break;
    const double bound = model.getBestPossibleObjValue();
    rampart::wta::Assignment x(xs);
    for (int c = 0; c < xs; ++c) x[c] = static_cast<int>(std::lround(model.bestSolution()[c]));
    result.objective = std::min(result.objective, rampart::wta::expected_survival(instance, x));
    if (model.isProvenOptimal() && result.objective - bound <= relative_gap * result.objective) {
      result.optimal = true;
      break;
    }
    for (int j = 0; j < n; ++j) {
      double y = 0.0;
      for (int i = 0; i < m; ++i) y += std::log(1.0 - instance.p(i, j)) * x[i * n + j];
      add_tangent(j, y);
    }
  }
  result.wall_time_s = elapsed_s();
  return result;
}

int run_compare(double limit_s, int seeds) {
  std::printf("plain CBC outer approximation against ours, same instances, limit %.0f s each, seeds 1..%d\n",
              limit_s, seeds);
  std::printf("%-8s %5s %12s %8s %8s %7s %12s %8s %10s\n", "size", "seed", "plain_obj", "plain_s", "optimal",
              "rounds", "ours_obj", "ours_s", "ratio");
  for (const int size : {10, 15, 20, 30}) {
    std::vector<double> plain_times, our_times;
    for (int seed = 1; seed <= seeds; ++seed) {
      const Instance instance = rampart::wta::generate_ahuja(size, static_cast<std::uint64_t>(seed));
      const BaselineResult plain = plain_cbc_outer_approximation(instance, limit_s, 1e-6);
      const Result ours = exact(instance, limit_s);
      plain_times.push_back(plain.wall_time_s);
      our_times.push_back(ours.wall_time_s);
      std::printf("%3dx%-4d %5d %12.6f %8.3f %8s %7d %12.6f %8.3f %9.1fx\n", size, size, seed,
                  plain.objective, plain.wall_time_s, plain.optimal ? "yes" : "no", plain.rounds,
                  ours.objective, ours.wall_time_s, plain.wall_time_s / ours.wall_time_s);
      std::fflush(stdout);
    }
    std::printf("%3dx%-4d median plain %.3f s, ours %.3f s, ratio %.1fx%s\n", size, size, median(plain_times),
                median(our_times), median(plain_times) / median(our_times),
                *std::max_element(plain_times.begin(), plain_times.end()) >= limit_s
                    ? " (plain hit the limit: ratio is a lower bound)"
                    : "");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "public") {
    std::vector<std::string> sizes(argv + std::min(argc, 3), argv + argc);
    return run_public(argc > 2 ? std::atof(argv[2]) : 600.0, sizes);
  }
  if (mode == "ahuja") return run_ahuja(argc > 2 ? std::atoi(argv[2]) : 5);
  if (mode == "compare")
    return run_compare(argc > 2 ? std::atof(argv[2]) : 60.0, argc > 3 ? std::atoi(argv[3]) : 3);
  std::fprintf(
      stderr,
      "usage: wta_exact_bench public [LIMIT_S] [SIZE...] | ahuja [SEEDS] | compare [LIMIT_S] [SEEDS]\n");
  return 2;
}
