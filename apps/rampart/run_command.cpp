// rampart run [SCENARIO] [--seed N] [--json] [--explain] [--out DIR] [--asterix FILE] [--asterix-udp HOST:PORT]
//             [--dis HOST:PORT] [--dis-file FILE] [--dis-site N] [--dis-application N] [--dis-threshold M]
//             [--dis-listen PORT] [--realtime [FACTOR]]
#include <charconv>
#include <chrono>
#include <cstdio>
#include <memory>

#include "commands.h"
#include "scenario/loader.h"
#include "sim/asterix_recorder.h"
#include "sim/dis_listener.h"
#include "sim/dis_sender.h"
#include "sim/pacer.h"
#include "sim/simulation.h"

namespace rampart::app {

void add_run_command(CLI::App& app) {
  struct Options {
    std::string scenario = RAMPART_DEFAULT_SCENARIO;
    std::optional<std::uint64_t> seed;
    bool json = false;
    bool explain = false;
    std::optional<std::string> out_dir;
    std::optional<std::string> asterix_path;
    std::optional<std::string> asterix_udp;
    std::optional<std::string> dis_udp;
    std::optional<std::string> dis_path;
    sim::DisOptions dis;
    std::optional<std::uint16_t> dis_listen_port;
    std::optional<double> realtime_factor;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("run", "Simulate a scenario and print its summary");
  sub->add_option("scenario", options->scenario, "Scenario file (default: the shipped default scenario)");
  sub->add_option("--seed", options->seed, "Random seed, overriding the scenario's random_seed")
      ->check(seed_validator());
  sub->add_flag("--json", options->json, "Print the summary as one JSON object");
  sub->add_flag("--explain", options->explain,
                "Also print why each engagement was ordered (threat rank, value, timing) or blocked");
  sub->add_option("--out", options->out_dir, "Write the CSV record here (docs/outputs.md: layout, truth, plots, angles, tracks, events, identities)");
  sub->add_option("--asterix", options->asterix_path,
                  "Write every radar plot as ASTERIX CAT048 and the antennas' north markers and sector crossings "
                  "as CAT034, raw data blocks in time order, to this file (docs/outputs.md)");
  sub->add_option("--asterix-udp", options->asterix_udp,
                  "Send the same ASTERIX data blocks live, each as one UDP datagram, to HOST:PORT "
                  "(ASTERIX's usual port is 8600)");
  sub->add_option("--dis", options->dis_udp,
                  "Send the run over DIS (IEEE 1278.1 v7), one PDU a UDP datagram, to HOST:PORT (DIS's usual port is "
                  "3000): Entity State PDUs of every entity in the air and of the fire units, a Fire PDU for every "
                  "launch and a Detonation PDU for every intercept or impact (docs/dis.md)");
  sub->add_option("--dis-file", options->dis_path, "Write the same DIS PDUs, laid end to end, to this file");
  sub->add_option("--dis-site", options->dis.site, "DIS site number of this simulation's entities")
      ->default_val(1)
      ->check(CLI::Range(1, 65534));
  sub->add_option("--dis-application", options->dis.application, "DIS application number of this simulation")
      ->default_val(1)
      ->check(CLI::Range(1, 65534));
  sub->add_option("--dis-threshold", options->dis.position_threshold_m,
                  "Dead-reckoning position threshold in metres: an Entity State PDU goes out when the position "
                  "dead-reckoned from the last one is further than this from the truth")
      ->default_val(1.0)
      ->check(CLI::Range(1e-3, 1e6));
  sub->add_option("--dis-listen", options->dis_listen_port,
                  "Federate: Entity State PDUs received on this UDP port bring another simulator's air entities "
                  "into the run, seen by the sensors like any other (use with --realtime)")
      ->check(CLI::Range(1, 65535));
  sub->add_option("--realtime", options->realtime_factor,
                  "Pace the run against the wall clock: FACTOR simulated seconds per second (default 1)")
      ->expected(0, 1)
      ->default_str("1")
      ->check(CLI::Range(1e-3, 1e6));
  add_command(app, sub, [options] {
    const scenario::Scenario s = scenario::load_scenario_file(options->scenario);
    std::optional<sim::AsterixRecorder> asterix;  // opened first: a bad path fails before the run
    if (options->asterix_path || options->asterix_udp) asterix.emplace(options->asterix_path, options->asterix_udp, s.radars);
    std::optional<sim::DisSender> dis;
    if (options->dis_udp || options->dis_path) dis.emplace(options->dis_path, options->dis_udp, s, options->dis);
    std::optional<sim::DisListener> listener;
    if (options->dis_listen_port) {
      std::optional<io::DisEntityId> own;
      if (dis) own = io::DisEntityId{options->dis.site, options->dis.application, 0};
      listener.emplace(*options->dis_listen_port, own);
    }
    sim::Simulation simulation(s, {options->seed, options->out_dir, options->explain});
    if (asterix) simulation.subscribe(*asterix);
    if (dis) simulation.subscribe(*dis);
    std::optional<sim::Pacer> pacer;
    if (options->realtime_factor) pacer.emplace(*options->realtime_factor);
    // Progress on stderr every 10 s of wall time, for long runs.
    using Clock = std::chrono::steady_clock;
    auto next_report = Clock::now() + std::chrono::seconds(10);
    while (!simulation.done()) {
      if (pacer) pacer->pace(simulation.next_time_s());
      if (listener) listener->drain(simulation);
      simulation.step();
      if (Clock::now() >= next_report) {
        std::fprintf(stderr, "rampart run: %.0f of %.0f s simulated\n", simulation.next_time_s(),
                     simulation.end_time_s());
        next_report += std::chrono::seconds(10);
      }
    }
    const sim::Summary summary = simulation.finish();
    if (listener) {
      const auto& c = listener->counts();
      std::fprintf(stderr, "rampart run: DIS: %zu datagrams, %zu entities federated, %zu entity states, %zu left out, "
                   "%zu malformed\n", c.datagrams, c.entities, c.entity_states, c.left_out, c.malformed);
    }
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
