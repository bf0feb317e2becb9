#include "sim/events.h"

namespace rampart::sim {

const char* to_string(Decision decision) {
  switch (decision) {
    case Decision::kApproved: return "approved";
    case Decision::kRejected: return "rejected";
    case Decision::kLapsed: return "lapsed";
  }
  return "?";
}

}  // namespace rampart::sim
