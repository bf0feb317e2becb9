// A replication observer for the tests: counts the missiles launched; its record is "ended N" once
// the run has ended ("running N" before).
#pragma once

#include <string>

#include "analysis/monte_carlo.h"

namespace rampart::analysis {

class CountingObserver : public ReplicationObserver {
 public:
  void on(const sim::InterceptorLaunched&) override { ++launches_; }
  void on(const sim::RunEnded&) override { ended_ = true; }
  std::string record() override { return (ended_ ? "ended " : "running ") + std::to_string(launches_); }

 private:
  int launches_ = 0;
  bool ended_ = false;
};

}  // namespace rampart::analysis
