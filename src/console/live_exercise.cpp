#include "console/live_exercise.h"

#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "console/injection.h"
#include "console/layout.h"
#include "console/live_feed.h"
#include "console/training.h"
#include "core/error.h"
#include "sim/pacer.h"
#include "sim/simulation.h"

namespace rampart::console {

LiveExercise::LiveExercise(const scenario::Scenario& s, const LiveOptions& options, Picture& picture,
                           std::mutex& picture_mutex)
    : scenario_(s), options_(options), picture_(picture), picture_mutex_(picture_mutex) {
  sim::RunOptions run_options;
  run_options.seed = options.seed;
  run_options.out_dir = options.out_dir;
  run_options.approval_time_s = options.approval_time_s;
  simulation_ = std::make_unique<sim::Simulation>(s, run_options);
  // The layout as the kernel computes it, so the map shows the sites the run uses.
  layout_ = layout_json(simulation_->layout());
}

LiveExercise::~LiveExercise() = default;

Json LiveExercise::hello(Role role) const {
  Json layout = layout_;
  if (role == Role::kInstructor || !training()) {
    layout["raids"] = Json::array();
    for (const auto& r : scenario_.raids) layout["raids"].push_back(r.name);
  }
  return {{"type", "hello"},
          {"mode", "live"},
          {"role", to_string(role)},
          {"training", training()},
          {"scenario", scenario_.name},
          {"duration_s", scenario_.duration_s},
          {"origin", {{"lat", scenario_.origin.lat_deg}, {"lon", scenario_.origin.lon_deg}}},
          {"limits", {{"approval_time_s", options_.approval_time_s.value_or(0.0)}, {"max_speed", kMaxSpeed}}},
          {"layout", layout}};
}

void LiveExercise::handle(const ClientMessage& message, Role role) {
  Command command{message, std::nullopt};
  if (std::holds_alternative<Seek>(message)) throw InputError("seek is for replays (rampart serve --replay DIR)");
  if (std::holds_alternative<Control>(message) && training() && role == Role::kTrainee)
    throw InputError("in training the instructor controls time");
  if (std::holds_alternative<Decide>(message)) {
    if (!training()) throw InputError("no engagement waits for approval: run with --training");
    if (role != Role::kTrainee) throw InputError("only the trainee decides engagements");
  }
  const std::lock_guard lock(commands_mutex_);
  if (const auto* inject = std::get_if<Inject>(&message)) {
    if (training() && role != Role::kInstructor) throw InputError("only the instructor injects");
    command.injection = injected_event(inject->event, scenario_, injections_ + 1);
    ++injections_;
  }
  commands_.push_back(std::move(command));
  commands_cv_.notify_one();
}

Json LiveExercise::clock(double t_s, double end_s, bool ended) const {
  return {{"paused", paused_}, {"speed", speed_}, {"t_s", std::round(t_s * 100.0) / 100.0}, {"end_s", end_s},
          {"ended", ended}};
}

Json LiveExercise::run(Server& server, const std::atomic<bool>& stop) {
  using WallClock = std::chrono::steady_clock;
  sim::Simulation& simulation = *simulation_;
  LiveFeed feed(picture_, picture_mutex_, scenario_, simulation.layout());
  TrainingScore score;
  simulation.subscribe(feed);
  simulation.subscribe(score);
  std::vector<scenario::ScriptedEvent> injected;  // with the time each took effect

  paused_ = options_.start_paused;
  speed_ = options_.speed;
  std::optional<sim::Pacer> pacer;
  bool stepping = false;  // paused, but stepping up to step_until_s
  double step_until_s = 0.0;
  const double period_s = 1.0 / options_.update_hz;
  auto last_publish = WallClock::now();
  bool changed = true;  // something a client should see since the last delta

  const auto publish = [&](bool ended) {
    Delta delta;
    {
      const std::lock_guard lock(picture_mutex_);
      picture_.set_clock(clock(simulation.next_time_s(), simulation.end_time_s(), ended));
      delta = picture_.take_delta();
    }
    server.broadcast(delta);
    last_publish = WallClock::now();
    changed = false;
  };

  while (!stop && !simulation.done()) {
    std::deque<Command> commands;
    {
      std::unique_lock lock(commands_mutex_);
      if (paused_ && !stepping)
        commands_cv_.wait_for(lock, std::chrono::milliseconds(50), [&] { return !commands_.empty() || stop; });
      commands.swap(commands_);
    }
    for (auto& c : commands) {
      changed = true;
      if (const auto* control = std::get_if<Control>(&c.message)) {
        switch (control->action) {
          case Control::Action::kPause: paused_ = true; break;
          case Control::Action::kResume: paused_ = false; break;
          case Control::Action::kStep:
            if (paused_) {
              stepping = true;
              step_until_s = simulation.next_time_s() + sim::kRecordPeriod_s;
            }
            break;
          case Control::Action::kSpeed: speed_ = control->speed; break;
        }
        pacer.reset();  // pacing starts again from here
      } else if (const auto* d = std::get_if<Decide>(&c.message)) {
        if (!simulation.decide(d->proposal, d->approve))
          spdlog::warn("console: proposal {} is no longer pending; decision ignored", d->proposal);
      } else if (c.injection) {
        c.injection->at_s = simulation.next_time_s();
        injected.push_back(*c.injection);
        simulation.inject(*c.injection);
      }
    }
    if (paused_ && !stepping) {
      if (changed) publish(false);
      continue;
    }
    if (!stepping && !options_.unpaced) {
      if (!pacer) pacer.emplace(speed_);
      pacer->pace(simulation.next_time_s());
    }
    simulation.step();
    changed = true;
    if (stepping && simulation.next_time_s() >= step_until_s - 1e-9) {
      stepping = false;
      publish(false);
    } else if (WallClock::now() - last_publish >= std::chrono::duration<double>(period_s)) {
      publish(false);
    }
  }
  const sim::Summary summary = simulation.finish();
  publish(true);
  Json ended = {{"type", "ended"}, {"t_s", summary.sim_time_s}, {"summary", sim::to_json(summary)}};
  if (training()) {
    const sim::Summary aid = aid_alone(scenario_, options_.seed.value_or(scenario_.random_seed), injected);
    ended["training"] = score.to_json(summary, aid);
  }
  server.send_all(ended.dump());
  return ended;
}

}  // namespace rampart::console
