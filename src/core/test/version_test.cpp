#include "core/version.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace rampart {
namespace {

TEST(ProjectVersion, IsMajorMinorPatchFromCMake) {
  EXPECT_TRUE(std::regex_match(std::string(project_version()), std::regex(R"(\d+\.\d+\.\d+)")))
      << project_version();
}

}  // namespace
}  // namespace rampart
