// The loader's size limits (loader.cpp): hostile scenarios get FILE:LINE:COL, never exhaust memory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include <filesystem>
#include <fstream>

#include "core/text_file.h"
#include "scenario/loader.h"

namespace rampart::scenario {
namespace {

const std::filesystem::path kMinimal =
    std::filesystem::path(RAMPART_SOURCE_DIR) / "src/scenario/test/data/minimal.yaml";

std::string problems_of_file(const std::string& path) {
  Diagnostics d(path);
  read_scenario_file(path, d);
  return d.format();
}

TEST(ScenarioLimits, ListLongerThanTenThousandItemsIsReportedAtTheList) {
  std::string text = read_text_file(kMinimal.string()).value();
  std::string route = "[";
  for (int i = 0; i <= 10'000; ++i) route += (i ? ", " : "") + std::string("{east_m: 0, north_m: 0}");
  route += "]";
  const std::string old_route = "    route:\n      - {east_m: 0, north_m: 60000}\n      - {east_m: 0, north_m: 0}\n";
  const auto at = text.find(old_route);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, old_route.size(), "    route: " + route + "\n");
  Diagnostics d("big.yaml");
  parse_scenario(text, d);
  const auto line = std::count(text.begin(), text.begin() + static_cast<long>(text.find("route: [")), '\n') + 1;
  EXPECT_NE(d.format().find("big.yaml:" + std::to_string(line) +
                            ":12: 'route' in raid 'Raid' has 10001 items, more than the 10000"),
            std::string::npos)
      << d.format();
}

TEST(ScenarioLimits, DeviceFifoAndOversizedFilesAreProblemsNotHangs) {
  EXPECT_EQ(problems_of_file("/dev/zero"),
            "/dev/zero:1:1: not a regular file (a folder, FIFO or device); give the path of a file\n");
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_limits_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto fifo = dir / "fifo.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(problems_of_file(fifo.string()).find("not a regular file"), std::string::npos);
  const auto big = dir / "big.yaml";
  std::ofstream(big) << "name: x\n";
  std::filesystem::resize_file(big, (std::size_t{16} << 20) + 1);
  EXPECT_NE(problems_of_file(big.string()).find("big.yaml:1:1: the file has 16777217 bytes, more than the 16 MiB"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rampart::scenario
