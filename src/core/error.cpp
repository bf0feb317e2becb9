#include "core/error.h"

#include <cstdio>
#include <cstdlib>

namespace rampart {

void demand_failed(const char* condition, const char* file, int line, const std::string& message) {
  std::fprintf(stderr, "rampart: internal error at %s:%d: %s (%s)\n", file, line, message.c_str(),
               condition);
  std::abort();
}

}  // namespace rampart
