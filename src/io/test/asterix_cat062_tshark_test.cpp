// Wireshark's ASTERIX dissector as the judge of the CAT062 encoder: the tracks go into a pcap as
// UDP datagrams to port 8600 and tshark must decode every encoded field to the encoded value.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "io/asterix_cat062.h"
#include "io/test/tshark.h"
#include "io/test/udp_pcap.h"

namespace rampart::io {
namespace {

using test::tshark_installed;

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

  EXPECT_EQ(test::tshark_problems(pcap), "");
  const std::vector<std::string> fields = {
      "062_010_SAC", "062_010_SIC", "062_015_VALUE", "062_070_VALUE", "062_105_LAT",
      "062_105_LON", "062_100_X",   "062_100_Y",     "062_185_VX",    "062_185_VY",
      "062_040_VALUE", "062_080_MON", "062_080_CNF", "062_136_VALUE", "062_130_VALUE"};
  const auto columns = test::tshark_columns(pcap, fields);
  std::filesystem::remove_all(dir);
  for (const auto& column : columns) ASSERT_EQ(column.size(), tracks.size());

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
