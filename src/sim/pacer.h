// Paces a run against the wall clock: simulated time t_s is released at wall time
// start + t_s / factor, so a run at factor 1 goes in real time and at factor 10 ten times faster.
// The pacer only waits; when the simulation is slower than the factor allows it falls behind and
// the pacer does not wait until it has caught up. The clock and the wait are given, so tests can
// drive the pacer on a clock of their own.
#pragma once

#include <functional>

namespace rampart::sim {

class Pacer {
 public:
  using Clock = std::function<double()>;      ///< wall time in seconds, any origin, non-decreasing
  using Wait = std::function<void(double)>;   ///< waits this many seconds

  /// `factor`: simulated seconds per wall second (> 0). Defaults: the steady clock and a sleep.
  explicit Pacer(double factor, Clock clock = {}, Wait wait = {});

  /// Returns when the wall clock has reached the time at which `t_s` is due.
  void pace(double t_s);
  /// Simulated seconds the run is behind the wall clock at `t_s` (0 when on time).
  double lag_s(double t_s) const;

 private:
  double factor_;
  Clock clock_;
  Wait wait_;
  double start_wall_s_ = 0.0;
  double start_sim_s_ = 0.0;
  bool started_ = false;
};

}  // namespace rampart::sim
