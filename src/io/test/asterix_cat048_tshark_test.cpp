// Wireshark's ASTERIX dissector as the judge of the CAT048 and CAT034 encoders: the records go
// into a pcap as UDP datagrams to port 8600 and tshark must decode every encoded field to the
// encoded value, with no frame malformed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "io/asterix_cat034.h"
#include "io/asterix_cat048.h"
#include "io/test/tshark.h"
#include "io/test/udp_pcap.h"

namespace rampart::io {
namespace {

std::vector<Cat048Report> reports() {
  std::vector<Cat048Report> out;
  for (int i = 0; i < 6; ++i) {
    Cat048Report r;
    r.sac = 25;
    r.sic = static_cast<std::uint8_t>(10 + i);
    r.time_of_day_s = 3600.0 + 1.37 * i;
    r.detection = static_cast<Cat048DetectionType>(1 + i);
    r.simulated = i % 2 == 0;
    r.range_nm = 3.3 + 41.7 * i;
    r.azimuth_deg = 359.9 - 61.3 * i;
    r.mode3a_code = static_cast<std::uint16_t>(01234 + 0321 * i);
    r.flight_level_fl = 10.25 + 70.5 * i;  // positive: tshark 4.0 shows negatives as unsigned
    r.characteristics = Cat048PlotCharacteristics{static_cast<std::uint8_t>(i + 1),
                                                  static_cast<std::int8_t>(-60 - i), static_cast<std::int8_t>(-40 + i)};
    r.aircraft_address = 0x3C660Cu + static_cast<std::uint32_t>(i);
    r.track_number = static_cast<std::uint16_t>(100 * i + 7);
    r.velocity = Cat048TrackVelocity{0.01 + 0.02 * i, 12.5 + 50.0 * i};
    r.radial_doppler_speed_mps = -500.0 + 199.0 * i;  // both signs, to the ends of the 10 bits
    out.push_back(r);
  }
  return out;
}

TEST(AsterixCat048Tshark, TsharkDecodesEveryEncodedFieldToTheEncodedValue) {
  if (!test::tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  const std::vector<Cat048Report> in = reports();
  auto blocks = encode_cat048_blocks(in, 3 + 2 * 39);  // a full record is 38 or 39 bytes: several datagrams
  ASSERT_GT(blocks.size(), 1u);
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_cat048_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string pcap = (dir / "plots.pcap").string();
  ASSERT_TRUE(test::write_udp_pcap(pcap, blocks, 8600));
  EXPECT_EQ(test::tshark_problems(pcap), "");
  const auto c = test::tshark_columns(
      pcap, {"048_010_SAC", "048_010_SIC", "048_140_VALUE", "048_020_TYP", "048_020_SIM", "048_040_RHO",
             "048_040_THETA", "048_070_MODE3A", "048_090_FL", "048_130_SRR_VALUE", "048_130_SAM_VALUE",
             "048_130_PAM_VALUE", "048_220_VALUE", "048_161_TRN", "048_200_GSP", "048_200_HDG", "048_120_CAL_CAL"});
  std::filesystem::remove_all(dir);
  for (const auto& column : c) ASSERT_EQ(column.size(), in.size());
  const auto integer = [&](std::size_t column, std::size_t i) { return std::stol(c[column][i], nullptr, 0); };
  const auto real = [&](std::size_t column, std::size_t i) { return std::stod(c[column][i]); };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const Cat048Report& r = in[i];
    SCOPED_TRACE("record " + std::to_string(i));
    EXPECT_EQ(integer(0, i), r.sac);
    EXPECT_EQ(integer(1, i), r.sic);
    EXPECT_NEAR(real(2, i), r.time_of_day_s, 0.5 / 128);
    EXPECT_EQ(integer(3, i), static_cast<int>(r.detection));
    EXPECT_EQ(integer(4, i), r.simulated ? 1 : 0);
    EXPECT_NEAR(real(5, i), *r.range_nm, 0.5 / 256);
    EXPECT_NEAR(real(6, i), *r.azimuth_deg, 0.5 * 360.0 / 65536);
    EXPECT_EQ(integer(7, i), *r.mode3a_code);  // tshark: the 12 code bits as a decimal integer
    EXPECT_NEAR(real(8, i), *r.flight_level_fl, 0.125);
    EXPECT_EQ(integer(9, i), *r.characteristics->ssr_replies);
    EXPECT_EQ(integer(10, i), *r.characteristics->ssr_amplitude_dbm);
    EXPECT_EQ(integer(11, i), *r.characteristics->psr_amplitude_dbm);
    EXPECT_EQ(integer(12, i), *r.aircraft_address);
    EXPECT_EQ(integer(13, i), *r.track_number);
    EXPECT_NEAR(real(14, i), r.velocity->ground_speed_nm_per_s, 0.5 / 16384);
    EXPECT_NEAR(real(15, i), r.velocity->heading_deg, 0.5 * 360.0 / 65536);
    EXPECT_DOUBLE_EQ(real(16, i), *r.radial_doppler_speed_mps);
  }
}

TEST(AsterixCat034Tshark, TsharkDecodesNorthMarkersAndSectorCrossings) {
  if (!test::tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  std::vector<Cat034Message> in;
  for (int k = 0; k < 32; ++k) {
    Cat034Message m;
    m.sac = 0;
    m.sic = 3;
    m.message_type = k == 0 ? kCat034NorthMarker : kCat034SectorCrossing;
    m.time_of_day_s = 100.0 + 6.0 * k / 32.0;
    m.sector_azimuth_deg = 11.25 * k;
    m.antenna_rotation_period_s = 6.0;
    in.push_back(m);
  }
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_cat034_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string pcap = (dir / "service.pcap").string();
  ASSERT_TRUE(test::write_udp_pcap(pcap, encode_cat034_blocks(in, 3 + 8 * 13), 8600));
  EXPECT_EQ(test::tshark_problems(pcap), "");
  const auto c = test::tshark_columns(
      pcap, {"034_010_SAC", "034_010_SIC", "034_000_VALUE", "034_030_VALUE", "034_020_VALUE", "034_041_VALUE"});
  std::filesystem::remove_all(dir);
  for (const auto& column : c) ASSERT_EQ(column.size(), in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    SCOPED_TRACE("record " + std::to_string(i));
    EXPECT_EQ(std::stol(c[1][i], nullptr, 0), 3);
    EXPECT_EQ(std::stol(c[2][i]), in[i].message_type);
    EXPECT_NEAR(std::stod(c[3][i]), in[i].time_of_day_s, 0.5 / 128);
    EXPECT_DOUBLE_EQ(std::stod(c[4][i]), *in[i].sector_azimuth_deg);
    EXPECT_DOUBLE_EQ(std::stod(c[5][i]), 6.0);
  }
}

}  // namespace
}  // namespace rampart::io
