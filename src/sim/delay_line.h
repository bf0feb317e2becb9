// Messages in transit: each sent with the time it arrives, received in order of arrival (and of
// sending, for equal times). The kernel carries plots to the tracker, position reports and launch
// reports to C2, and orders to the fire units through delay lines, so every link has its latency.
#pragma once

#include <map>
#include <vector>

namespace rampart::sim {

template <typename T>
class DelayLine {
 public:
  void send(double arrival_t_s, T message) { pending_.emplace(arrival_t_s, std::move(message)); }
  /// The messages that have arrived by t_s, taken off the line.
  std::vector<T> receive(double t_s) {
    std::vector<T> arrived;
    const auto end = pending_.upper_bound(t_s);
    for (auto it = pending_.begin(); it != end; ++it) arrived.push_back(std::move(it->second));
    pending_.erase(pending_.begin(), end);
    return arrived;
  }
  /// The messages still in transit, in order of arrival.
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& [t_s, message] : pending_) f(message);
  }

 private:
  std::multimap<double, T> pending_;  ///< a multimap keeps equal keys in insertion order
};

}  // namespace rampart::sim
