#include "io/asterix_cat062.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"

namespace rampart::io {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes single_block(const std::vector<Cat062Track>& tracks) {
  const auto blocks = encode_cat062_blocks(tracks);
  EXPECT_EQ(blocks.size(), 1u);
  return blocks.empty() ? Bytes{} : blocks.front();
}

// The message of the InputError that decoding `bytes` raises, or "no error".
std::string decode_error(const Bytes& bytes) {
  try {
    decode_cat062(bytes, "in.ast");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

Cat062Track full_track() {
  Cat062Track t;
  t.sac = 25;
  t.sic = 200;
  t.service_id = 7;
  t.time_of_day_s = 43200.5;
  t.track_number = 4660;
  t.confirmed = false;
  t.monosensor = true;
  t.position_wgs84 = Wgs84Position{-33.856789, -151.215432};
  t.position_xy = CartesianPosition{-123456.7, -98765.3};
  t.velocity = CartesianVelocity{-250.3, 12.1};
  t.measured_flight_level_fl = -5.1;
  t.geometric_altitude_ft = 35312.4;
  return t;
}

// The CAT062 example record of docs/interop.md, verified there against tshark.
const Bytes kInteropExample = {0x3E, 0x00, 0x19, 0x9B, 0x0C, 0x19, 0xC8, 0x54, 0x60, 0x40, 0x00, 0x80, 0x00,
                               0x00, 0xFF, 0xD0, 0x00, 0x00, 0xFE, 0x1F, 0x03, 0x22, 0x12, 0x34, 0x08};

TEST(AsterixCat062, EncodesTheInteropExampleByteForByte) {
  Cat062Track t;
  t.sac = 0x19;
  t.sic = 0xC8;
  t.time_of_day_s = 43200.5;
  t.position_wgs84 = Wgs84Position{45.0, -16.875};
  t.velocity = CartesianVelocity{-120.25, 200.5};
  t.track_number = 0x1234;
  Bytes expected = kInteropExample;
  expected.back() = 0x00;  // I062/080: the example sets SRC = 3-D radar, which Cat062Track does not carry
  EXPECT_EQ(single_block({t}), expected);
}

TEST(AsterixCat062, DecodesTheInteropExample) {
  const auto tracks = decode_cat062(kInteropExample, "example");
  ASSERT_EQ(tracks.size(), 1u);
  const Cat062Track& t = tracks[0];
  EXPECT_EQ(t.sac, 0x19);
  EXPECT_EQ(t.sic, 0xC8);
  EXPECT_FALSE(t.service_id.has_value());
  EXPECT_DOUBLE_EQ(t.time_of_day_s, 43200.5);
  ASSERT_TRUE(t.position_wgs84.has_value());
  EXPECT_DOUBLE_EQ(t.position_wgs84->lat_deg, 45.0);
  EXPECT_DOUBLE_EQ(t.position_wgs84->lon_deg, -16.875);
  EXPECT_FALSE(t.position_xy.has_value());
  ASSERT_TRUE(t.velocity.has_value());
  EXPECT_DOUBLE_EQ(t.velocity->vx_mps, -120.25);
  EXPECT_DOUBLE_EQ(t.velocity->vy_mps, 200.5);
  EXPECT_EQ(t.track_number, 0x1234);
  EXPECT_TRUE(t.confirmed);
  EXPECT_FALSE(t.monosensor);
}

TEST(AsterixCat062, RoundTripKeepsEveryFieldWithinHalfAnLsb) {
  const Cat062Track in = full_track();
  const auto out = decode_cat062(single_block({in}), "round trip");
  ASSERT_EQ(out.size(), 1u);
  const Cat062Track& t = out[0];
  EXPECT_EQ(t.sac, in.sac);
  EXPECT_EQ(t.sic, in.sic);
  EXPECT_EQ(t.service_id, in.service_id);
  EXPECT_NEAR(t.time_of_day_s, in.time_of_day_s, 0.5 / 128);
  EXPECT_EQ(t.track_number, in.track_number);
  EXPECT_FALSE(t.confirmed);
  EXPECT_TRUE(t.monosensor);
  const double wgs84_lsb_deg = 180.0 / 33554432.0;
  EXPECT_NEAR(t.position_wgs84->lat_deg, in.position_wgs84->lat_deg, wgs84_lsb_deg / 2);
  EXPECT_NEAR(t.position_wgs84->lon_deg, in.position_wgs84->lon_deg, wgs84_lsb_deg / 2);
  EXPECT_NEAR(t.position_xy->x_m, in.position_xy->x_m, 0.25);
  EXPECT_NEAR(t.position_xy->y_m, in.position_xy->y_m, 0.25);
  EXPECT_NEAR(t.velocity->vx_mps, in.velocity->vx_mps, 0.125);
  EXPECT_NEAR(t.velocity->vy_mps, in.velocity->vy_mps, 0.125);
  EXPECT_NEAR(*t.measured_flight_level_fl, *in.measured_flight_level_fl, 0.125);
  EXPECT_NEAR(*t.geometric_altitude_ft, *in.geometric_altitude_ft, 3.125);
}

TEST(AsterixCat062, RoundsToTheNearestLsbAndWritesNegativesInTwosComplement) {
  Cat062Track t;
  t.time_of_day_s = 0.0040;  // 0.512 LSB -> 1
  t.position_xy = CartesianPosition{0.74, -0.76};  // 1.48 -> 1, -1.52 -> -2
  t.velocity = CartesianVelocity{-0.13, 8191.75};  // -0.52 -> -1, largest positive
  t.measured_flight_level_fl = -5.0;  // -20 LSB
  const Bytes b = single_block({t});
  // FSPEC 97 0D 20 (010 070 100 185 | 040 080 | 136), 010, then:
  const Bytes expected = {0x3E, 0x00, 0x1A, 0x97, 0x0D, 0x20, 0x00, 0x00, 0x00, 0x00, 0x01,
                          0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0x7F, 0xFF,
                          0x00, 0x00, 0x00, 0xFF, 0xEC};
  EXPECT_EQ(b, expected);
}

TEST(AsterixCat062, ReducesTimeOfDayModuloOneDayAndEncodesWgs84Lsb) {
  Cat062Track t;
  t.time_of_day_s = 86400.25;
  t.position_wgs84 = Wgs84Position{90.0, -180.0};
  const Bytes b = single_block({t});
  ASSERT_EQ(b.size(), 3u + 2 + 2 + 3 + 8 + 2 + 1);
  EXPECT_EQ(Bytes(b.begin() + 7, b.begin() + 10), (Bytes{0x00, 0x00, 0x20}));  // 0.25 s
  EXPECT_EQ(Bytes(b.begin() + 10, b.begin() + 18), (Bytes{0x01, 0x00, 0x00, 0x00, 0xFE, 0x00, 0x00, 0x00}));
}

TEST(AsterixCat062, HugeTimesWrapToADayAndHugePositionsAreInputErrors) {
  Cat062Track t;
  t.time_of_day_s = 1e300;  // converted to ticks only after reduction modulo a day
  t.position_xy = CartesianPosition{0.0, 0.0};
  const auto decoded = decode_cat062(single_block({t}), "t.ast");
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_NEAR(decoded[0].time_of_day_s, std::fmod(1e300, 86400.0), 0.5 / 128);
  t.time_of_day_s = -1e300;
  EXPECT_NO_THROW(encode_cat062_blocks(std::vector<Cat062Track>{t}));
  t.position_xy = CartesianPosition{1e308, -1e308};
  EXPECT_THROW(encode_cat062_blocks(std::vector<Cat062Track>{t}), InputError);
  t.position_xy.reset();
  t.velocity = CartesianVelocity{-1e308, 0.0};
  EXPECT_THROW(encode_cat062_blocks(std::vector<Cat062Track>{t}), InputError);
}

TEST(AsterixCat062, RejectsValuesOutsideAnItemsRange) {
  Cat062Track t;
  t.position_xy = CartesianPosition{4194303.5, -4194304.0};  // the extremes of 24 bits at 0.5 m
  EXPECT_NO_THROW(encode_cat062_blocks(std::vector<Cat062Track>{t}));
  t.position_xy->x_m = 4194304.0;
  t.track_number = 42;
  try {
    encode_cat062_blocks(std::vector<Cat062Track>{t});
    ADD_FAILURE() << "x beyond 24 bits was encoded";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "CAT062 track 42: I062/100 x (m) value 4194304.000000 is outside the item's range "
                           "[-4194304.000000, 4194303.500000]");
  }
  t.position_xy.reset();
  t.velocity = CartesianVelocity{0.0, -8192.25};
  EXPECT_THROW(encode_cat062_blocks(std::vector<Cat062Track>{t}), InputError);
  t.velocity.reset();
  t.position_wgs84 = Wgs84Position{90.5, 0.0};
  EXPECT_THROW(encode_cat062_blocks(std::vector<Cat062Track>{t}), InputError);
}

TEST(AsterixCat062, FspecGrowsWithFxOnlyAsFarAsTheLastItem) {
  Cat062Track t;
  t.service_id = 1;
  // 010 015 070 | 040 080: two FSPEC bytes, FX on the first only.
  Bytes b = single_block({t});
  EXPECT_EQ(b[3], 0xB1);
  EXPECT_EQ(b[4], 0x0C);
  // I062/130 is FRN 18, in the third FSPEC byte: FX on the first two.
  t.geometric_altitude_ft = 1000.0;
  b = single_block({t});
  EXPECT_EQ(b[3], 0xB1);
  EXPECT_EQ(b[4], 0x0D);
  EXPECT_EQ(b[5], 0x10);
  EXPECT_DOUBLE_EQ(*decode_cat062(b, "fx")[0].geometric_altitude_ft, 1000.0);
}

TEST(AsterixCat062, SkipsItemsItDoesNotCarryByTheirLengthRules) {
  // FSPEC: 010 070 | 380 040 080 290 | 270 510 | RE SP
  const Bytes block = {
      0x3E, 0x00, 0x00,
      0x91, 0x1F, 0x01, 0x89, 0x06,
      0x19, 0xC8,                    // 010
      0x00, 0x00, 0x80,              // 070: 1 s
      0x81, 0x40,                    // 380 primary: ADR and FX, then TID
      0x12, 0x34, 0x56,              // 380 ADR
      0x02,                          // 380 TID: 2 repetitions of 15 bytes
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
      0x01, 0x02,                    // 040
      0x03, 0x00,                    // 080: two octets
      0x08,                          // 290 primary: ADS (2 bytes)
      0x12, 0x34,
      0x03, 0x05, 0x04,              // 270: three octets by FX
      0x00, 0x01, 0x01, 0x00, 0x02, 0x00,  // 510: two 3-byte parts
      0x03, 0xAA, 0xBB,              // RE: length 3
      0x01,                          // SP: length 1, no data
  };
  Bytes with_length = block;
  with_length[2] = static_cast<std::uint8_t>(block.size());
  const auto tracks = decode_cat062(with_length, "skip");
  ASSERT_EQ(tracks.size(), 1u);
  EXPECT_EQ(tracks[0].track_number, 0x0102);
  EXPECT_DOUBLE_EQ(tracks[0].time_of_day_s, 1.0);
  EXPECT_FALSE(tracks[0].confirmed);
  EXPECT_EQ(tracks[0].sic, 0xC8);
}

TEST(AsterixCat062, SplitsIntoBlocksOfAtMostTheGivenSize) {
  std::vector<Cat062Track> tracks(100);
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    tracks[i].track_number = static_cast<std::uint16_t>(i);
    tracks[i].position_xy = CartesianPosition{static_cast<double>(i), -static_cast<double>(i)};
  }
  const auto blocks = encode_cat062_blocks(tracks, 200);
  EXPECT_GT(blocks.size(), 1u);
  Bytes stream;
  for (const Bytes& b : blocks) {
    EXPECT_LE(b.size(), 200u);
    EXPECT_EQ(static_cast<std::size_t>(b[1] << 8 | b[2]), b.size());
    stream.insert(stream.end(), b.begin(), b.end());
  }
  const auto decoded = decode_cat062(stream, "split");
  ASSERT_EQ(decoded.size(), tracks.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) EXPECT_EQ(decoded[i].track_number, i);
  EXPECT_TRUE(encode_cat062_blocks(std::vector<Cat062Track>{}).empty());
}

TEST(AsterixCat062Malformed, EachIsAnInputErrorSayingWhereAndWhat) {
  EXPECT_EQ(decode_error({0x3E, 0x00}),
            "in.ast: byte 0: truncated data block: 2 byte(s) left, a block header needs 3");
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x02}),
            "in.ast: byte 1: data block LEN 2 is shorter than the 3-byte block header");
  Bytes cut = kInteropExample;
  cut.pop_back();
  EXPECT_EQ(decode_error(cut),
            "in.ast: byte 1: data block LEN 25 runs past the end of the input (24 bytes left): truncated block");
  Bytes second_cut = kInteropExample;
  second_cut.insert(second_cut.end(), {0x3E, 0x00});
  EXPECT_EQ(decode_error(second_cut),
            "in.ast: byte 25: truncated data block: 2 byte(s) left, a block header needs 3");
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x05, 0x81, 0x01}),
            "in.ast: byte 5: FSPEC runs off the end of the data block (FX set in its last byte)");
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x08, 0x90, 0x19, 0xC8, 0x54, 0x60}),
            "in.ast: byte 6: I062/070 needs 3 byte(s) but only 2 are left in the data block");
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x06, 0xC0, 0x19, 0xC8}),
            "in.ast: byte 3: FSPEC sets field reference number 2, which is spare or beyond the CAT062 UAP "
            "(items 2 and 29-33 are spare, 35 is the last)");
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x0B, 0x91, 0x04, 0x19, 0xC8, 0x54, 0x60, 0x40, 0x00}),
            "in.ast: byte 3: record lacks the mandatory item I062/040 track number");
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x04, 0x00}), "in.ast: byte 3: record FSPEC announces no item");
  // I062/340 (FRN 28) announcing its undefined seventh subfield.
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x0A, 0x81, 0x01, 0x01, 0x02, 0x19, 0xC8, 0x02}),
            "in.ast: byte 9: I062/340: primary subfield announces subfield 7, which is not defined (the item has 6)");
  // RE (FRN 34) with a length byte of 0.
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x0B, 0x81, 0x01, 0x01, 0x01, 0x04, 0x19, 0xC8, 0x00}),
            "in.ast: byte 10: I062 RE has length 0; an explicit item counts its length byte");
  // A compound item whose repetitive subfield runs off the block: I062/380 TID, 1 repetition, 3 bytes.
  EXPECT_EQ(decode_error({0x3E, 0x00, 0x0B, 0x01, 0x10, 0x01, 0x40, 0x01, 0x01, 0x02, 0x03}),
            "in.ast: byte 8: I062/380 needs 15 byte(s) but only 3 are left in the data block");
  EXPECT_THROW(read_cat062_file("/nonexistent/tracks.ast"), InputError);
}

// Values read from these files with tshark 4.0.17 (Debian 12), the files wrapped as UDP port 8600:
//   tshark -n -r F.pcap -d udp.port==8600,asterix -T fields -e asterix.062_010_SAC ...
// The samples are editions 1.12 and (Croatia Control) unknown; tshark decodes them as 1.19, and
// none of the items compared here changed meaning between those editions.
std::filesystem::path sample(const std::string& name) {
  return std::filesystem::path(RAMPART_SHARED_DIR) / "data/interop-samples/asterix" / name;
}

TEST(AsterixCat062Samples, JasterixEdition112RecordMatchesTshark) {
  const auto path = sample("cat062ed1.12.bin");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  const auto tracks = read_cat062_file(path.string());
  ASSERT_EQ(tracks.size(), 1u);
  const Cat062Track& t = tracks[0];
  EXPECT_EQ(t.sac, 0x00);
  EXPECT_EQ(t.sic, 0x04);
  EXPECT_EQ(t.service_id, std::optional<std::uint8_t>(0xe1));
  EXPECT_DOUBLE_EQ(t.time_of_day_s, 33502.5);
  EXPECT_NEAR(t.position_wgs84->lat_deg, 45.4652237892151, 1e-12);
  EXPECT_NEAR(t.position_wgs84->lon_deg, 17.3324990272522, 1e-12);
  EXPECT_DOUBLE_EQ(t.position_xy->x_m, 260661);
  EXPECT_DOUBLE_EQ(t.position_xy->y_m, -220711.5);
  EXPECT_DOUBLE_EQ(t.velocity->vx_mps, 207.5);
  EXPECT_DOUBLE_EQ(t.velocity->vy_mps, -120.5);
  EXPECT_EQ(t.track_number, 0x13de);
  EXPECT_FALSE(t.monosensor);  // MON 0
  EXPECT_TRUE(t.confirmed);    // CNF 0
  EXPECT_DOUBLE_EQ(*t.measured_flight_level_fl, 349.75);
  EXPECT_FALSE(t.geometric_altitude_ft.has_value());
}

TEST(AsterixCat062Samples, CroatiaControlRecordsMatchTsharkAndTheCat065BlockIsSkipped) {
  const auto path = sample("croatiacontrol_cat062cat065.raw");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  const auto tracks = read_cat062_file(path.string());
  ASSERT_EQ(tracks.size(), 2u);
  struct Expected {
    double tod_s, lat_deg, lon_deg, x_m, y_m, vx_mps, vy_mps;
    std::uint16_t track_number;
    double fl, alt_ft;
  };
  const Expected expected[] = {
      {30911.6640625, 44.7344130277634, 13.0415278673172, -239083, -106114, -51.25, 170, 0x1374, 157, 43300},
      {30911.828125, 45.4008078575134, 15.1331841945648, -72564.5, -36106.5, 141.5, -170.75, 0x1f29, 350, 35312.5},
  };
  for (std::size_t i = 0; i < 2; ++i) {
    const Cat062Track& t = tracks[i];
    const Expected& e = expected[i];
    EXPECT_EQ(t.sac, 0x19);
    EXPECT_EQ(t.sic, 0x64);
    EXPECT_EQ(t.service_id, std::optional<std::uint8_t>(0x04));
    EXPECT_DOUBLE_EQ(t.time_of_day_s, e.tod_s);
    EXPECT_NEAR(t.position_wgs84->lat_deg, e.lat_deg, 1e-12);
    EXPECT_NEAR(t.position_wgs84->lon_deg, e.lon_deg, 1e-12);
    EXPECT_DOUBLE_EQ(t.position_xy->x_m, e.x_m);
    EXPECT_DOUBLE_EQ(t.position_xy->y_m, e.y_m);
    EXPECT_DOUBLE_EQ(t.velocity->vx_mps, e.vx_mps);
    EXPECT_DOUBLE_EQ(t.velocity->vy_mps, e.vy_mps);
    EXPECT_EQ(t.track_number, e.track_number);
    EXPECT_TRUE(t.confirmed);
    EXPECT_FALSE(t.monosensor);
    EXPECT_DOUBLE_EQ(*t.measured_flight_level_fl, e.fl);
    EXPECT_DOUBLE_EQ(*t.geometric_altitude_ft, e.alt_ft);
  }
}

}  // namespace
}  // namespace rampart::io
