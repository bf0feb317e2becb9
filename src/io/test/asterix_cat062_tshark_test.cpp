// Wireshark's ASTERIX dissector as the judge of the CAT062 encoder: the tracks go into a pcap as
// UDP datagrams to port 8600 and tshark must decode every encoded field to the encoded value.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "io/asterix_cat062.h"
#include "io/test/udp_pcap.h"

namespace rampart::io {
namespace {

bool tshark_installed() { return std::system("command -v tshark >/dev/null 2>&1") == 0; }

// Runs a shell command and returns what it printed on stdout; fails the test on a non-zero exit.
std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << command;
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

std::vector<Cat062Track> scenario_tracks() {
  std::vector<Cat062Track> tracks;
  for (int i = 0; i < 7; ++i) {
    Cat062Track t;
    t.sac = 25;
    t.sic = static_cast<std::uint8_t>(100 + i);
    t.service_id = static_cast<std::uint8_t>(i + 1);
    t.time_of_day_s = 43200.0 + 1.37 * i;
    t.track_number = static_cast<std::uint16_t>(1000 * i + 7);
    t.confirmed = i % 3 != 0;
    t.monosensor = i % 2 == 0;
    t.position_wgs84 = Wgs84Position{-60.0 + 21.123457 * i, 170.0 - 55.55555 * i};
    t.position_xy = CartesianPosition{-300000.3 + 98765.4 * i, 250000.6 - 77777.7 * i};
    t.velocity = CartesianVelocity{-400.1 + 123.4 * i, 300.3 - 99.9 * i};
    t.measured_flight_level_fl = -10.1 + 60.3 * i;
    t.geometric_altitude_ft = -600.0 + 6001.3 * i;
    tracks.push_back(t);
  }
  return tracks;
}

TEST(AsterixCat062Tshark, TsharkDecodesEveryEncodedFieldToTheEncodedValue) {
  if (!tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  const std::vector<Cat062Track> tracks = scenario_tracks();
  // A record with every item is 34 bytes: three per block, so several datagrams of several records.
  const auto blocks = encode_cat062_blocks(tracks, 3 + 3 * 34);
  ASSERT_EQ(blocks.size(), 3u);
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_cat062_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string pcap = (dir / "tracks.pcap").string();
  ASSERT_TRUE(test::write_udp_pcap(pcap, blocks, 8600));

  const std::string read = "tshark -n -r '" + pcap + "' -d udp.port==8600,asterix ";
  EXPECT_EQ(run(read + "-Y '_ws.malformed || _ws.expert.severity >= warning' 2>/dev/null"), "");
  const std::vector<std::string> fields = {
      "062_010_SAC", "062_010_SIC", "062_015_VALUE", "062_070_VALUE", "062_105_LAT",
      "062_105_LON", "062_100_X",   "062_100_Y",     "062_185_VX",    "062_185_VY",
      "062_040_VALUE", "062_080_MON", "062_080_CNF", "062_136_VALUE", "062_130_VALUE"};
  std::string command = read + "-Y asterix -T fields -E separator=/t -E occurrence=a -E aggregator=,";
  for (const std::string& f : fields) command += " -e asterix." + f;
  const std::string printed = run(command + " 2>/dev/null");
  std::filesystem::remove_all(dir);

  // column -> one value per record, in record order across the datagrams
  std::vector<std::vector<std::string>> columns(fields.size());
  const auto lines = split(printed, '\n');
  ASSERT_EQ(lines.size(), blocks.size()) << printed;
  for (const std::string& line : lines) {
    const auto cells = split(line, '\t');
    ASSERT_EQ(cells.size(), fields.size()) << line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      for (const std::string& v : split(cells[c], ',')) columns[c].push_back(v);
    }
  }
  for (const auto& column : columns) ASSERT_EQ(column.size(), tracks.size()) << printed;

  const auto integer = [&](std::size_t column, std::size_t record) {
    return std::stol(columns[column][record], nullptr, 0);  // tshark prints some as 0x..
  };
  const auto real = [&](std::size_t column, std::size_t record) { return std::stod(columns[column][record]); };
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const Cat062Track& t = tracks[i];
    SCOPED_TRACE("record " + std::to_string(i));
    EXPECT_EQ(integer(0, i), t.sac);
    EXPECT_EQ(integer(1, i), t.sic);
    EXPECT_EQ(integer(2, i), *t.service_id);
    EXPECT_NEAR(real(3, i), t.time_of_day_s, 0.5 / 128);
    EXPECT_NEAR(real(4, i), t.position_wgs84->lat_deg, 90.0 / 33554432.0 + 1e-13);
    EXPECT_NEAR(real(5, i), t.position_wgs84->lon_deg, 90.0 / 33554432.0 + 1e-13);
    EXPECT_NEAR(real(6, i), t.position_xy->x_m, 0.25);
    EXPECT_NEAR(real(7, i), t.position_xy->y_m, 0.25);
    EXPECT_NEAR(real(8, i), t.velocity->vx_mps, 0.125);
    EXPECT_NEAR(real(9, i), t.velocity->vy_mps, 0.125);
    EXPECT_EQ(integer(10, i), t.track_number);
    EXPECT_EQ(integer(11, i), t.monosensor ? 1 : 0);
    EXPECT_EQ(integer(12, i), t.confirmed ? 0 : 1);  // CNF 1 = tentative
    EXPECT_NEAR(real(13, i), *t.measured_flight_level_fl, 0.125);
    EXPECT_NEAR(real(14, i), *t.geometric_altitude_ft, 3.125);
  }
}

}  // namespace
}  // namespace rampart::io
