#include <fmt/format.h>

#include <cmath>

#include "c2/wta/solve.h"

namespace rampart::wta {

std::string to_string(Status status) {
  switch (status) {
    case Status::kOptimal:
      return "optimal";
    case Status::kFeasible:
      return "feasible";
    case Status::kTimeLimit:
      return "time_limit";
    case Status::kInfeasible:
      return "infeasible";
  }
  return "unknown";
}

std::string Result::summary() const {
  std::string line = fmt::format("{}: objective {:.6f}", to_string(status), objective);
  if (!std::isnan(bound)) line += fmt::format(", bound {:.6f}, gap {:.4f}%", bound, 100.0 * gap);
  return line + fmt::format(", {:.3f} s", wall_time_s);
}

}  // namespace rampart::wta
