// A recorded run (`rampart run --out DIR` or `rampart serve --out DIR`) played back on the
// console, with pause, step, speed and seeking.
//
// The record gives the picture C2 had: tracks.csv (1 Hz), events.csv (orders, launches, kill
// assessments, a trainee's decisions...), truth.csv for the analyst's overlay, layout.csv for the
// map. Playing forwards adds the events as their time passes; seeking rebuilds the picture at the
// new time (tracks of the last sample, the events up to then, the interceptors in flight) and
// every client gets a snapshot. A record does not hold the threat ranking or the fire units'
// inventories, so a replay shows neither.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "console/picture.h"
#include "console/server.h"
#include "sim/layout.h"

namespace rampart::console {

/// One recorded run, read and checked (InputError naming FILE:LINE for malformed files).
struct Recording {
  std::string scenario;
  Geodetic origin;
  std::vector<sim::LayoutItem> layout;
  std::map<double, std::vector<Json>> tracks;  ///< TRACK objects by sample time
  std::map<double, Json> truth;                ///< TRUTH arrays by sample time
  struct Event {
    double t_s = 0.0;
    Json event;  ///< EVENT object
    EventAudience audience = EventAudience::kAll;
    std::optional<Json> launched;           ///< INTERCEPTOR, for a launch
    std::optional<std::uint64_t> resolved;  ///< the interceptor that ended, for an intercept
  };
  std::vector<Event> events;  ///< in time order (stable)
  double end_s = 0.0;
};

Recording read_recording(const std::string& dir);

class ReplayExercise : public Exercise {
 public:
  ReplayExercise(Recording recording, double speed, double update_hz, Picture& picture, std::mutex& picture_mutex);

  Json hello(Role role) const override;
  void handle(const ClientMessage& message, Role role) override;
  /// Plays until `stop` is set (the last moment stays on show once reached).
  void run(Server& server, const std::atomic<bool>& stop);

 private:
  /// The picture at t_s from scratch (a seek).
  void rebuild(double t_s);
  /// Moves the picture forwards from t_ to t_s.
  void advance(double t_s);

  const Recording recording_;
  const double update_hz_;
  Picture& picture_;
  std::mutex& picture_mutex_;

  std::mutex commands_mutex_;
  std::deque<ClientMessage> commands_;

  // On the replay thread only.
  double t_s_ = 0.0;
  std::size_t next_event_ = 0;
  bool paused_ = false;
  double speed_ = 1.0;
};

}  // namespace rampart::console
