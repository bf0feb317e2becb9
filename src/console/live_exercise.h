// A live run shown on the console: the kernel stepped on its own thread, paced to the wall clock
// at the chosen speed, with the clients' controls, decisions and injections applied between steps.
//
// Clients' messages arrive on the server's threads: handle() checks them (role, shape, names) at
// once, so a refused one gets its error, and queues the rest for the simulation thread, which
// applies them at the start of its next step through the kernel's seams (inject, decide). The
// picture goes out as a delta at most update_hz times a wall second, and after every change a
// paused client should see (a step, a decision). In training, fire orders wait for the trainee
// (RunOptions::approval_time_s); at the end the `ended` message carries the trainee's score.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "console/picture.h"
#include "console/server.h"
#include "scenario/scenario.h"
#include "sim/summary.h"

namespace rampart::sim {
class Simulation;
}

namespace rampart::console {

struct LiveOptions {
  std::optional<std::uint64_t> seed;
  double speed = 1.0;          ///< simulated seconds per wall second, kMinSpeed to kMaxSpeed
  double update_hz = 4.0;      ///< deltas per wall second at most
  bool start_paused = false;
  bool unpaced = false;        ///< as fast as the machine allows (benchmarks), whatever the speed
  std::optional<double> approval_time_s;  ///< training: the trainee decides each engagement
  std::optional<std::string> out_dir;     ///< the CSV record, for replay
};

class LiveExercise : public Exercise {
 public:
  LiveExercise(const scenario::Scenario& s, const LiveOptions& options, Picture& picture, std::mutex& picture_mutex);
  ~LiveExercise() override;

  Json hello(Role role) const override;
  void handle(const ClientMessage& message, Role role) override;

  /// Runs the exercise (once) on this thread until the scenario ends (then the `ended` message goes to
  /// every client) or `stop` is set; returns the `ended` message's summary and training score.
  Json run(Server& server, const std::atomic<bool>& stop);

 private:
  struct Command {
    ClientMessage message;
    std::optional<scenario::ScriptedEvent> injection;
  };

  bool training() const { return options_.approval_time_s.has_value(); }
  Json clock(double t_s, double end_s, bool ended) const;

  const scenario::Scenario scenario_;
  const LiveOptions options_;
  Picture& picture_;
  std::mutex& picture_mutex_;
  std::unique_ptr<sim::Simulation> simulation_;  ///< stepped by run() only
  Json layout_;

  std::mutex commands_mutex_;
  std::condition_variable commands_cv_;
  std::deque<Command> commands_;
  int injections_ = 0;  ///< numbers injected raids (guarded by commands_mutex_)

  // Read by clock() on the simulation thread only.
  bool paused_ = false;
  double speed_ = 1.0;
};

}  // namespace rampart::console
