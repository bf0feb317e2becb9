#include "core/version.h"

namespace rampart {

std::string_view project_version() { return RAMPART_VERSION; }

}  // namespace rampart
