// The shape of the system, checked: which folder may include which. Truth (world) is read only
// by the sensors, the engagement physics and the simulation (scoring); the tracker and C2 see
// plots and tracks only; the stages talk through src/messages, not to each other.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "core/text_file.h"

namespace rampart {
namespace {

const std::filesystem::path kRoot(RAMPART_SOURCE_DIR);

/// Folder (under src/, or a top-level folder) -> the folders its files may include from, besides
/// itself. A folder missing here is an error: every folder states its place.
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"core", {}},
    {"messages", {"core"}},
    // Terrain, propagation and electronic attack: physics that sensors and weapons read, with its
    // own plain parameters (the scenario loader reads terrain files through it).
    {"environment", {"core"}},
    {"scenario", {"core", "messages", "environment"}},
    {"world", {"core", "messages", "scenario", "environment"}},
    {"sensors", {"core", "messages", "scenario", "world", "environment"}},
    {"tracking", {"core", "messages"}},
    {"c2/wta", {"core"}},
    {"c2", {"core", "messages", "scenario", "c2/wta"}},
    {"engagement", {"core", "messages", "scenario", "world", "environment"}},
    {"io", {"core", "messages"}},
    {"sim", {"core", "messages", "environment", "scenario", "world", "sensors", "tracking", "c2", "engagement", "io"}},
    {"analysis", {"core", "scenario", "io", "c2", "sim"}},  // io: SQLite; c2: the names of identities
    // The console shows what the kernel publishes; c2 and engagement only for the names of
    // identities, judgements and outcomes.
    {"console", {"core", "messages", "scenario", "world", "c2", "engagement", "sim"}},
};

/// The folder a project include names: "c2/wta/solve.h" -> c2/wta, "tracking/types.h" -> tracking.
std::string folder_of_include(const std::string& path) {
  if (path.rfind("c2/wta/", 0) == 0) return "c2/wta";
  return path.substr(0, path.find('/'));
}

TEST(Architecture, EveryFolderIncludesOnlyWhatItsRowAllows) {
  const std::regex include(R"re(#include\s+"([a-z0-9_]+/[^"]+)")re");
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / "src")) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    const std::string relative = std::filesystem::relative(entry.path(), kRoot / "src").generic_string();
    const std::string folder = relative.rfind("c2/wta/", 0) == 0 ? "c2/wta" : relative.substr(0, relative.find('/'));
    const auto row = kAllowed.find(folder);
    ASSERT_NE(row, kAllowed.end()) << "src/" << folder << " has no row in the dependency table";
    const std::string text = read_text_file(entry.path().string()).value();
    ++files;
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
      const std::string target = folder_of_include((*it)[1]);
      if (target == folder || !kAllowed.count(target)) continue;  // itself, or a library's header
      EXPECT_TRUE(row->second.count(target)) << "src/" << relative << " includes " << (*it)[1] << ", but src/"
                                             << folder << " may include only from its row";
    }
  }
  EXPECT_GT(files, 100);
}

TEST(Architecture, TheTrackerAndC2NeverSeeTruth) {
  for (const char* stage : {"tracking", "c2", "c2/wta", "messages"}) {
    for (const char* truth : {"world", "sensors", "environment", "engagement", "sim"})
      EXPECT_FALSE(kAllowed.at(stage).count(truth)) << stage << " may not depend on " << truth;
  }
}

}  // namespace
}  // namespace rampart
