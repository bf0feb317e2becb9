#include "sim/pacer.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "core/error.h"

namespace rampart::sim {

Pacer::Pacer(double factor, Clock clock, Wait wait)
    : factor_(factor), clock_(std::move(clock)), wait_(std::move(wait)) {
  RAMPART_DEMAND(factor > 0.0, "a pacer's factor is positive");
  if (!clock_) {
    clock_ = [] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    };
  }
  if (!wait_) wait_ = [](double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); };
}

void Pacer::pace(double t_s) {
  if (!started_) {
    started_ = true;
    start_wall_s_ = clock_();
    start_sim_s_ = t_s;
    return;
  }
  const double due_wall_s = start_wall_s_ + (t_s - start_sim_s_) / factor_;
  for (double now_s = clock_(); now_s < due_wall_s; now_s = clock_()) wait_(due_wall_s - now_s);
}

double Pacer::lag_s(double t_s) const {
  if (!started_) return 0.0;
  return std::max(0.0, start_sim_s_ + (clock_() - start_wall_s_) * factor_ - t_s);
}

}  // namespace rampart::sim
