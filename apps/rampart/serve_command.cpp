// rampart serve [SCENARIO] [--port 8080] [--bind 127.0.0.1] [--replay DIR] [--training [--approval-time S]]
//               [--speed X] [--paused] [--unpaced] [--update-hz H] [--seed N] [--out DIR] [--web-root DIR]
//               [--exit-at-end]
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "commands.h"
#include "console/live_exercise.h"
#include "console/replay_exercise.h"
#include "console/server.h"
#include "core/error.h"
#include "scenario/loader.h"
#include "sim/summary.h"

namespace rampart::app {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

}  // namespace

void add_serve_command(CLI::App& app) {
  struct Options {
    std::string scenario = RAMPART_DEFAULT_SCENARIO;
    std::optional<std::string> replay_dir;
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;
    bool training = false;
    double approval_time_s = 20.0;
    double speed = 1.0;
    bool paused = false;
    double update_hz = 4.0;
    std::optional<std::uint64_t> seed;
    std::optional<std::string> out_dir;
    std::string web_root = RAMPART_WEB_ROOT;
    bool exit_at_end = false;
    bool unpaced = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "serve", "Serve the live air picture (or a replay) to browsers: HTTP and WebSocket (docs/console-protocol.md)");
  sub->add_option("scenario", options->scenario, "Scenario file (default: the shipped default scenario)");
  sub->add_option("--replay", options->replay_dir, "Replay the run recorded in DIR (rampart run --out DIR)")
      ->check(CLI::ExistingDirectory);
  sub->add_option("--bind", options->bind, "Address to listen on (default 127.0.0.1: this machine only)");
  sub->add_option("--port", options->port, "TCP port (default 8080; 0: any free port)");
  sub->add_flag("--training", options->training,
                "Training: the trainee approves each engagement the decision aid proposes, the instructor "
                "(instructor.html) steers; no truth is shown");
  sub->add_option("--approval-time", options->approval_time_s,
                  "Training: simulated seconds a proposal waits for the trainee before it lapses (default 20)")
      ->check(CLI::Range(1.0, 600.0));
  sub->add_option("--speed", options->speed, "Simulated seconds per wall second at the start, 0.1 to 100 (default 1)")
      ->check(CLI::Range(console::kMinSpeed, console::kMaxSpeed));
  sub->add_flag("--paused", options->paused, "Start paused (a client resumes)");
  sub->add_option("--update-hz", options->update_hz, "Picture updates sent per wall second, 0.5 to 30 (default 4)")
      ->check(CLI::Range(0.5, 30.0));
  sub->add_option("--seed", options->seed, "Random seed, overriding the scenario's random_seed")
      ->check(seed_validator());
  sub->add_option("--out", options->out_dir, "Record the exercise here as rampart run --out does (replay it later)");
  sub->add_option("--web-root", options->web_root, "The built page (default: web/dist of the source tree)");
  sub->add_flag("--exit-at-end", options->exit_at_end,
                "Stop serving when the run ends (after the clients got the `ended` message), printing the summary");
  sub->add_flag("--unpaced", options->unpaced,
                "Run as fast as the machine allows, whatever the speed (to measure the server's cost)");
  add_command(app, sub, [options] {
    if (!std::filesystem::is_regular_file(std::filesystem::path(options->web_root) / "index.html"))
      throw InputError(options->web_root + ": the page is not built (no index.html); run `bash scripts/setup.sh` "
                       "(it runs npm ci and npm run build in web/) or give --web-root");
    if (options->replay_dir && (options->training || options->out_dir))
      throw InputError("--replay plays a record back: --training and --out are for live exercises");
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::mutex picture_mutex;
    console::Picture picture;
    const console::ServerOptions server_options{options->bind, options->port, options->web_root, options->training};

    if (options->replay_dir) {
      console::ReplayExercise replay(console::read_recording(*options->replay_dir), options->speed,
                                     options->update_hz, picture, picture_mutex);
      console::Server server(server_options, replay, picture, picture_mutex);
      server.start(1);
      std::printf("rampart serve: listening on http://%s:%u/ (replay of %s)\n", options->bind.c_str(), server.port(),
                  options->replay_dir->c_str());
      std::fflush(stdout);
      replay.run(server, g_stop);
      server.stop();
      return 0;
    }

    const scenario::Scenario s = scenario::load_scenario_file(options->scenario);
    console::LiveOptions live;
    live.seed = options->seed;
    live.speed = options->speed;
    live.update_hz = options->update_hz;
    live.start_paused = options->paused;
    live.unpaced = options->unpaced;
    if (options->training) live.approval_time_s = options->approval_time_s;
    live.out_dir = options->out_dir;
    console::LiveExercise exercise(s, live, picture, picture_mutex);
    console::Server server(server_options, exercise, picture, picture_mutex);
    server.start(1);
    std::printf("rampart serve: listening on http://%s:%u/%s\n", options->bind.c_str(), server.port(),
                options->training ? " (training: trainees at /?role=trainee, the instructor at /instructor.html)" : "");
    std::fflush(stdout);
    const auto ended = exercise.run(server, g_stop);
    std::printf("%s", sim::to_text(sim::summary_from_json(ended.at("summary"))).c_str());
    if (ended.contains("training")) std::printf("training: %s\n", ended.at("training").dump().c_str());
    std::fflush(stdout);
    // Let the clients read the end; keep serving the final picture until told to stop.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    while (!options->exit_at_end && !g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    return 0;
  });
}

}  // namespace rampart::app
