// `rampart wta FILE`: solve a static weapon-target assignment instance (format of
// ../shared/data/wta/README.md, plain or gzip) and print the result, readable or as JSON.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "c2/wta/instance.h"
#include "c2/wta/solve.h"
#include "commands.h"
#include "core/error.h"

namespace rampart::app {
namespace {

struct WtaOptions {
  std::string path;
  std::string solver = "auto";
  double time_limit_s = 10.0;
  std::uint64_t seed = 1;
  bool json = false;
};

// `auto` proves optimality when the model is small enough to usually finish, else runs the heuristic.
constexpr long long kAutoExactMaxBinaries = 20'000;

nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); }

// --time-limit: seconds in (0, wta::kMaxTimeLimit_s]. CLI::PositiveNumber lets nan and inf through,
// and a limit of 1e308 s is a run that never ends.
std::string check_time_limit(std::string& text) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !(v > 0.0 && v <= wta::kMaxTimeLimit_s)) {
    return fmt::format("must be a number of seconds in (0, {}], found '{}'", wta::kMaxTimeLimit_s, text);
  }
  return {};
}

// One row per target: its value, the probability it survives the weapons on it, the expected value
// left, and those weapons by type.
void print_assignment(const wta::Instance& instance, const wta::Assignment& x) {
  const int n = instance.targets;
  std::printf("%6s %12s %9s %12s  %s\n", "target", "value", "survival", "value_left", "weapons (type x count)");
  for (int j = 0; j < n; ++j) {
    std::string weapons;
    for (int i = 0; i < instance.weapon_types; ++i) {
      if (const int count = x[static_cast<std::size_t>(i) * n + j]; count > 0) {
        weapons += fmt::format("{}type {} x{}", weapons.empty() ? "" : ", ", i, count);
      }
    }
    const double survival = wta::survival_probability(instance, x, j);
    std::printf("%6d %12.6g %9.6f %12.6f  %s\n", j, instance.value[j], survival, instance.value[j] * survival,
                weapons.empty() ? "none" : weapons.c_str());
  }
}

int run_wta(const WtaOptions& options) {
  const wta::Instance instance = wta::read_instance(options.path);
  const long long binaries = static_cast<long long>(instance.weapons()) * instance.targets;
  const bool exact =
      options.solver == "exact" || (options.solver == "auto" && binaries <= kAutoExactMaxBinaries);
  if (exact && binaries > wta::kMaxExactBinaries) {
    throw InputError(fmt::format(
        "{}: --solver exact: the model of this instance needs {} binaries (m * mu * n), more than the {} the "
        "exact solver accepts; use --solver heuristic",
        options.path, binaries, wta::kMaxExactBinaries));
  }
  if (!options.json) {
    std::fprintf(stderr, "rampart wta: %d weapon types x %d on %d targets, %s solver, limit %g s\n",
                 instance.weapon_types, instance.weapons_per_type, instance.targets,
                 exact ? "exact" : "heuristic", options.time_limit_s);
  }
  wta::Result result;
  if (exact) {
    wta::ExactOptions exact_options;
    exact_options.time_limit_s = options.time_limit_s;
    exact_options.seed = options.seed;
    result = wta::solve_exact(instance, exact_options);
  } else {
    wta::HeuristicOptions heuristic_options;
    heuristic_options.time_limit_s = options.time_limit_s;
    heuristic_options.seed = options.seed;
    result = wta::solve_heuristic(instance, heuristic_options);
  }

  const int n = instance.targets;
  if (options.json) {
    nlohmann::json assignment = nlohmann::json::array();
    for (std::size_t k = 0; k < result.assignment.size(); ++k) {
      if (result.assignment[k] == 0) continue;
      assignment.push_back({{"weapon_type", static_cast<int>(k) / n},
                            {"target", static_cast<int>(k) % n},
                            {"weapons", result.assignment[k]}});
    }
    const nlohmann::json out = {
        {"instance", options.path},
        {"solver", exact ? "exact" : "heuristic"},
        {"weapon_types", instance.weapon_types},
        {"targets", n},
        {"weapons_per_type", instance.weapons_per_type},
        {"status", wta::to_string(result.status)},
        {"objective", result.objective},
        {"bound", number_or_null(result.bound)},
        {"gap", number_or_null(result.gap)},
        {"wall_time_s", result.wall_time_s},
        {"iterations", result.iterations},
        {"assignment", assignment},
    };
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    double total = 0.0;
    for (double v : instance.value) total += v;
    int engaged = 0;
    for (int j = 0; j < n; ++j) {
      for (int i = 0; i < instance.weapon_types; ++i) {
        if (!result.assignment.empty() && result.assignment[static_cast<std::size_t>(i) * n + j] > 0) {
          ++engaged;
          break;
        }
      }
    }
    std::printf("%s\n", result.summary().c_str());
    std::printf("expected surviving value %.6f of %.6f total; %d of %d targets engaged\n", result.objective,
                total, engaged, n);
    if (!result.assignment.empty()) print_assignment(instance, result.assignment);
  }
  return 0;
}

}  // namespace

void add_wta_command(CLI::App& app) {
  auto options = std::make_shared<WtaOptions>();
  CLI::App* sub = app.add_subcommand("wta", "Solve a static weapon-target assignment instance");
  sub->add_option("FILE", options->path, "Instance file (plain or .gz): m n mu / V_j / i j p_ij")->required();
  sub->add_option("--solver", options->solver, "exact (proves optimality), heuristic (real time) or auto")
      ->check(CLI::IsMember({"exact", "heuristic", "auto"}))
      ->capture_default_str();
  sub->add_option("--time-limit", options->time_limit_s,
                  fmt::format("Wall-clock limit in seconds, in (0, {}]", wta::kMaxTimeLimit_s))
      ->check(CLI::Validator(check_time_limit, "SECONDS"))
      ->capture_default_str();
  sub->add_option("--seed", options->seed, "Seed of the heuristic's random kicks")->capture_default_str();
  sub->add_flag("--json", options->json,
                "Print status, objective, bound, gap, wall_time_s, iterations, assignment as JSON");
  add_command(app, sub, [options] { return run_wta(*options); });
}

}  // namespace rampart::app
