// Internal to the solvers: the option check and the wall clock both of them start with.
#pragma once

#include <chrono>
#include <string>

#include "core/error.h"

namespace rampart::wta {

/// Throws InputError "WHAT options: REASON" unless options.invalid_reason() is empty.
template <class Options>
void require_valid(const Options& options, const char* what) {
  if (const std::string reason = options.invalid_reason(); !reason.empty()) {
    throw InputError(std::string(what) + " options: " + reason);
  }
}

/// Wall-clock seconds since construction.
class Stopwatch {
 public:
  double elapsed_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace rampart::wta
