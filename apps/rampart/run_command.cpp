// rampart run [SCENARIO] [--seed N] [--json] [--out DIR]
#include <charconv>
#include <cstdio>
#include <memory>

#include "commands.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace rampart::app {

void add_run_command(CLI::App& app) {
  struct Options {
    std::string scenario = RAMPART_DEFAULT_SCENARIO;
    std::optional<std::uint64_t> seed;
    bool json = false;
    bool explain = false;
    std::optional<std::string> out_dir;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("run", "Simulate a scenario and print its summary");
  sub->add_option("scenario", options->scenario, "Scenario file (default: the shipped default scenario)");
  sub->add_option("--seed", options->seed, "Random seed, overriding the scenario's random_seed")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            std::uint64_t seed = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
            if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
              return "'" + text + "' is not a seed; give a whole number from 0 to 18446744073709551615";
            }
            return "";
          },
          "whole number 0 to 2^64 - 1"));
  sub->add_flag("--json", options->json, "Print the summary as one JSON object");
  sub->add_flag("--explain", options->explain,
                "Also print why each engagement was ordered (threat rank, value, timing) or blocked");
  sub->add_option("--out", options->out_dir, "Write truth.csv, plots.csv, tracks.csv, events.csv, identities.csv here");
  add_command(app, sub, [options] {
    const scenario::Scenario s = scenario::load_scenario_file(options->scenario);
    sim::Simulation simulation(s, {options->seed, options->out_dir, options->explain});
    const sim::Summary summary = simulation.run();
    if (options->json) {
      auto j = sim::to_json(summary);
      if (options->explain) j["explanations"] = simulation.explanations();
      std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
      std::printf("%s", sim::to_text(summary).c_str());
      if (options->explain) {
        std::printf("\nC2 decisions:\n");
        for (const auto& line : simulation.explanations()) std::printf("  %s\n", line.c_str());
      }
    }
    return 0;
  });
}

}  // namespace rampart::app
