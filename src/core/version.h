// The project's version, from CMake's project(VERSION): MAJOR.MINOR.PATCH.
#pragma once

#include <string_view>

namespace rampart {

std::string_view project_version();

}  // namespace rampart
