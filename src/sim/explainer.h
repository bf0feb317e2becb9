// Why each engagement was ordered or withheld, as a sink of the event stream: one line per C2
// decision, in time order (`rampart run --explain`).
#pragma once

#include <string>
#include <vector>

#include "sim/events.h"

namespace rampart::sim {

class Explainer : public EventSink {
 public:
  void on(const FireOrdered& e) override;
  void on(const EngagementBlocked& e) override;
  void on(const FighterActed& e) override;
  void on(const KillAssessed& e) override;
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

}  // namespace rampart::sim
