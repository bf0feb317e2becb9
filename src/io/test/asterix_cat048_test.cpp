// CAT048 and CAT034 codecs: hand-worked bytes, round trips, the shared sample files (values
// read with tshark 4.0.17) and malformed input.
#include "io/asterix_cat048.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "io/asterix_block.h"
#include "io/asterix_cat034.h"
#include "io/test/udp_pcap.h"

namespace rampart::io {
namespace {

using Bytes = std::vector<std::uint8_t>;

template <typename Decode>
std::string error_of(Decode decode, const Bytes& bytes) {
  try {
    decode(bytes, "in.ast");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string cat048_error(const Bytes& bytes) { return error_of(decode_cat048, bytes); }
std::string cat034_error(const Bytes& bytes) { return error_of(decode_cat034, bytes); }

Bytes single_block(const std::vector<Cat048Report>& reports) {
  const auto blocks = encode_cat048_blocks(reports);
  EXPECT_EQ(blocks.size(), 1u);
  return blocks.empty() ? Bytes{} : blocks.front();
}

// A plot at 100 NM, 45 deg, FL 350 with Mode-3/A 7000, worked out by hand from the specification:
//   30 0012            CAT 48, LEN 18
//   FC                 FSPEC: 010 140 020 040 070 090, no FX
//   19 64              SAC 25, SIC 100
//   54 60 40           43200.5 s * 128 = 5529664
//   60                 TYP 3 (SSR + PSR) << 5, SIM 0
//   64 00 20 00        RHO 100 * 256 = 25600; THETA 45 / 360 * 65536 = 8192
//   0E 00              octal 7000 = 111 000 000 000
//   05 78              FL 350 * 4 = 1400
const Bytes kHandWorked = {0x30, 0x00, 0x12, 0xFC, 0x19, 0x64, 0x54, 0x60, 0x40,
                           0x60, 0x64, 0x00, 0x20, 0x00, 0x0E, 0x00, 0x05, 0x78};

Cat048Report hand_worked_report() {
  Cat048Report r;
  r.sac = 25;
  r.sic = 100;
  r.time_of_day_s = 43200.5;
  r.detection = Cat048DetectionType::kSsrPlusPsr;
  r.range_nm = 100.0;
  r.azimuth_deg = 45.0;
  r.mode3a_code = 07000;
  r.flight_level_fl = 350.0;
  return r;
}

TEST(AsterixCat048, EncodesTheHandWorkedPlotByteForByte) {
  EXPECT_EQ(single_block({hand_worked_report()}), kHandWorked);
  const auto decoded = decode_cat048(kHandWorked, "hand");
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].mode3a_code, std::optional<std::uint16_t>(07000));
  EXPECT_DOUBLE_EQ(*decoded[0].range_nm, 100.0);
  EXPECT_DOUBLE_EQ(*decoded[0].azimuth_deg, 45.0);
  EXPECT_DOUBLE_EQ(*decoded[0].flight_level_fl, 350.0);
  EXPECT_EQ(decoded[0].detection, Cat048DetectionType::kSsrPlusPsr);
}

// The CAT048 example of docs/interop.md, verified there against tshark.
TEST(AsterixCat048, DecodesTheInteropExample) {
  const Bytes example = {0x30, 0x00, 0x15, 0xFD, 0x10, 0x19, 0x64, 0x54, 0x60, 0x40, 0x60,
                         0x32, 0x80, 0x58, 0x00, 0x02, 0x9C, 0x05, 0x79, 0x04, 0xD2};
  const auto decoded = decode_cat048(example, "example");
  ASSERT_EQ(decoded.size(), 1u);
  const Cat048Report& r = decoded[0];
  EXPECT_EQ(r.sac, 0x19);
  EXPECT_EQ(r.sic, 0x64);
  EXPECT_DOUBLE_EQ(r.time_of_day_s, 43200.5);
  EXPECT_DOUBLE_EQ(*r.range_nm, 50.5);
  EXPECT_DOUBLE_EQ(*r.azimuth_deg, 123.75);
  EXPECT_EQ(*r.mode3a_code, 01234);
  EXPECT_DOUBLE_EQ(*r.flight_level_fl, 350.25);
  EXPECT_EQ(*r.track_number, 1234);
  // Re-encoded, the same bytes.
  EXPECT_EQ(single_block({r}), example);
}

TEST(AsterixCat048, RoundTripKeepsEveryItemWithinHalfAnLsb) {
  Cat048Report in = hand_worked_report();
  in.detection = Cat048DetectionType::kModeSRollCallPlusPsr;
  in.simulated = true;
  in.range_nm = 255.99;
  in.azimuth_deg = -0.01;  // wraps to 359.99
  in.flight_level_fl = -5.0;  // two's complement in 14 bits
  in.characteristics = Cat048PlotCharacteristics{std::uint8_t{4}, std::int8_t{-63}, std::int8_t{-70}};
  in.aircraft_address = 0xAB4CBD;
  in.track_number = 4095;
  in.velocity = Cat048TrackVelocity{0.128662109375, 32.6};
  in.radial_doppler_speed_mps = -512.0;  // the least of the 10 bits
  const auto out = decode_cat048(single_block({in}), "round trip");
  ASSERT_EQ(out.size(), 1u);
  const Cat048Report& r = out[0];
  EXPECT_EQ(r.detection, in.detection);
  EXPECT_TRUE(r.simulated);
  EXPECT_NEAR(*r.range_nm, 255.99, 0.5 / 256);
  EXPECT_NEAR(*r.azimuth_deg, 359.99, 0.5 * 360.0 / 65536);
  EXPECT_DOUBLE_EQ(*r.flight_level_fl, -5.0);
  EXPECT_EQ(r.characteristics->ssr_replies, std::optional<std::uint8_t>(4));
  EXPECT_EQ(r.characteristics->ssr_amplitude_dbm, std::optional<std::int8_t>(-63));
  EXPECT_EQ(r.characteristics->psr_amplitude_dbm, std::optional<std::int8_t>(-70));
  EXPECT_EQ(r.aircraft_address, in.aircraft_address);
  EXPECT_EQ(r.track_number, in.track_number);
  EXPECT_DOUBLE_EQ(r.velocity->ground_speed_nm_per_s, 0.128662109375);
  EXPECT_NEAR(r.velocity->heading_deg, 32.6, 0.5 * 360.0 / 65536);
  EXPECT_EQ(r.radial_doppler_speed_mps, std::optional<double>(-512.0));
}

TEST(AsterixCat048, RejectsValuesOutsideAnItemsRange) {
  Cat048Report r = hand_worked_report();
  r.range_nm = 256.0;
  try {
    encode_cat048_blocks(std::vector<Cat048Report>{r});
    ADD_FAILURE() << "256 NM was encoded";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "CAT048 report of SAC 25 SIC 100: I048/040 range (NM) value 256.000000 is outside the "
                           "item's range [0.000000, 255.996094]");
  }
  r = hand_worked_report();
  r.mode3a_code = 010000;
  EXPECT_THROW(encode_cat048_blocks(std::vector<Cat048Report>{r}), InputError);
  r = hand_worked_report();
  r.flight_level_fl = 2048.0;
  EXPECT_THROW(encode_cat048_blocks(std::vector<Cat048Report>{r}), InputError);
  r = hand_worked_report();
  r.azimuth_deg.reset();
  EXPECT_THROW(encode_cat048_blocks(std::vector<Cat048Report>{r}), InputError);
  r = hand_worked_report();
  r.track_number = 4096;
  EXPECT_THROW(encode_cat048_blocks(std::vector<Cat048Report>{r}), InputError);
  r = hand_worked_report();
  r.radial_doppler_speed_mps = 512.0;  // 10 bits two's complement end at 511 m/s
  EXPECT_THROW(encode_cat048_blocks(std::vector<Cat048Report>{r}), InputError);
}

TEST(AsterixCat048Malformed, EachIsAnInputErrorSayingWhereAndWhat) {
  EXPECT_EQ(cat048_error({0x30, 0x00}), "in.ast: byte 0: truncated data block: 2 byte(s) left, a block header needs 3");
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x01}), "in.ast: byte 1: data block LEN 1 is shorter than the 3-byte block header");
  Bytes cut = kHandWorked;
  cut.pop_back();
  EXPECT_EQ(cat048_error(cut),
            "in.ast: byte 1: data block LEN 18 runs past the end of the input (17 bytes left): truncated block");
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x05, 0xFD, 0x01}),
            "in.ast: byte 5: FSPEC runs off the end of the data block (FX set in its last byte)");
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x08, 0xC0, 0x19, 0x64, 0x54, 0x60}),
            "in.ast: byte 6: I048/140 needs 3 byte(s) but only 2 are left in the data block");
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x09, 0xC0, 0x19, 0x64, 0x54, 0x60, 0x40}),
            "in.ast: byte 3: record lacks the mandatory item I048/020 target report descriptor");
  // FRN 29 (fifth FSPEC byte) is beyond the UAP.
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x08, 0x01, 0x01, 0x01, 0x01, 0x80}),
            "in.ast: byte 3: FSPEC sets field reference number 29, which is beyond the CAT048 UAP (28 is the last)");
  // I048/130 announcing its undefined eighth subfield (second primary octet).
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x06, 0x02, 0x01, 0x80}),
            "in.ast: byte 4: I048/130: primary subfield announces subfield 8, which is not defined (the item has 7)");
  // I048/120 (FRN 20, third FSPEC byte) with a spare bit of its primary subfield set.
  EXPECT_EQ(cat048_error({0x30, 0x00, 0x07, 0x01, 0x01, 0x04, 0xA0}),
            "in.ast: byte 6: I048/120: primary subfield announces subfields beyond CAL and RDS");
}

// I048 items Rampart does not carry are skipped by their length rules: 240 (6 bytes), 250
// (repetitive, 8 bytes each), 042 (4), 170 (extended), 120's RDS (repetitive), SP; 120's CAL is read.
TEST(AsterixCat048, SkipsItemsItDoesNotCarry) {
  Bytes block = {0x30, 0x00, 0x00,
                 0xE1, 0x6B, 0x05, 0x04,  // 010 140 020 | 240 250 042 170 | 120 | SP
                 0x01, 0x02, 0x00, 0x01, 0x00, 0x20,  // 010, 140 (2 s), 020 TYP 1
                 1, 2, 3, 4, 5, 6,                    // 240
                 0x01, 1, 2, 3, 4, 5, 6, 7, 8,        // 250: one repetition
                 0, 0, 0, 0,                          // 042
                 0x01, 0x00,                          // 170: two octets
                 0xC0, 0x12, 0x34, 0x01, 1, 2, 3, 4, 5, 6,  // 120: CAL 0x234 = -460 m/s, RDS with one repetition
                 0x02, 0xFF};                          // SP: length 2
  block[2] = static_cast<std::uint8_t>(block.size());
  const auto decoded = decode_cat048(block, "skip");
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].sac, 1);
  EXPECT_EQ(decoded[0].sic, 2);
  EXPECT_DOUBLE_EQ(decoded[0].time_of_day_s, 2.0);
  EXPECT_FALSE(decoded[0].range_nm.has_value());
  EXPECT_EQ(decoded[0].radial_doppler_speed_mps, std::optional<double>(-460.0));
}

// CAT034 examples of docs/interop.md.
const Bytes kNorthMarker = {0x22, 0x00, 0x0C, 0xE8, 0x19, 0x64, 0x01, 0x54, 0x60, 0x40, 0x02, 0x00};
const Bytes kSectorCrossing = {0x22, 0x00, 0x0B, 0xF0, 0x19, 0x64, 0x02, 0x54, 0x60, 0x40, 0x40};

TEST(AsterixCat034, EncodesAndDecodesTheInteropExamples) {
  Cat034Message north;
  north.sac = 0x19;
  north.sic = 0x64;
  north.message_type = kCat034NorthMarker;
  north.time_of_day_s = 43200.5;
  north.antenna_rotation_period_s = 4.0;
  Cat034Message sector = north;
  sector.message_type = kCat034SectorCrossing;
  sector.antenna_rotation_period_s.reset();
  sector.sector_azimuth_deg = 90.0;
  EXPECT_EQ(encode_cat034_blocks(std::vector<Cat034Message>{north}).front(), kNorthMarker);
  EXPECT_EQ(encode_cat034_blocks(std::vector<Cat034Message>{sector}).front(), kSectorCrossing);
  Bytes both = kNorthMarker;
  both.insert(both.end(), kHandWorked.begin(), kHandWorked.end());  // a CAT048 block between is skipped
  both.insert(both.end(), kSectorCrossing.begin(), kSectorCrossing.end());
  const auto decoded = decode_cat034(both, "both");
  ASSERT_EQ(decoded.size(), 2u);
  EXPECT_EQ(decoded[0].message_type, kCat034NorthMarker);
  EXPECT_DOUBLE_EQ(*decoded[0].antenna_rotation_period_s, 4.0);
  EXPECT_FALSE(decoded[0].sector_azimuth_deg.has_value());
  EXPECT_EQ(decoded[1].message_type, kCat034SectorCrossing);
  EXPECT_DOUBLE_EQ(*decoded[1].sector_azimuth_deg, 90.0);
  EXPECT_DOUBLE_EQ(decoded[1].time_of_day_s, 43200.5);
  EXPECT_EQ(decode_cat048(both, "both").size(), 1u);  // and the CAT034 blocks are skipped by CAT048
}

TEST(AsterixCat034, SectorAzimuthWrapsAndRoundsToItsLsb) {
  Cat034Message m;
  m.message_type = kCat034SectorCrossing;
  m.sector_azimuth_deg = 348.75 - 360.0;
  const auto decoded = decode_cat034(encode_cat034_blocks(std::vector<Cat034Message>{m}).front(), "wrap");
  EXPECT_DOUBLE_EQ(*decoded.at(0).sector_azimuth_deg, 348.75);
  m.antenna_rotation_period_s = 512.0;  // beyond 16 bits at 1/128 s
  EXPECT_THROW(encode_cat034_blocks(std::vector<Cat034Message>{m}), InputError);
}

TEST(AsterixCat034Malformed, EachIsAnInputErrorSayingWhereAndWhat) {
  EXPECT_EQ(cat034_error({0x22, 0x00, 0x07, 0xC0, 0x19, 0x64, 0x01}),
            "in.ast: byte 3: record lacks the mandatory item I034/030 time of day");
  EXPECT_EQ(cat034_error({0x22, 0x00, 0x04, 0x01}),
            "in.ast: byte 4: FSPEC runs off the end of the data block (FX set in its last byte)");
  EXPECT_EQ(cat034_error({0x22, 0x00, 0x05, 0x01, 0x01}),
            "in.ast: byte 5: FSPEC runs off the end of the data block (FX set in its last byte)");
  EXPECT_EQ(cat034_error({0x22, 0x00, 0x06, 0x01, 0x01, 0x80}),
            "in.ast: byte 3: FSPEC sets field reference number 15, which is beyond the CAT034 UAP (14 is the last)");
  // I034/050 announcing a spare subfield (the second).
  EXPECT_EQ(cat034_error({0x22, 0x00, 0x05, 0x04, 0x40}),
            "in.ast: byte 4: I034/050: primary subfield announces subfield 2, which is not defined (the item has 7)");
}

// ---- the shared samples; expected values read with tshark 4.0.17 (Debian 12), each file wrapped
// as UDP datagrams to port 8600 (one data block each) and read with
//   tshark -n -r F.pcap -d udp.port==8600,asterix -T fields -e asterix.048_010_SAC ...
std::filesystem::path sample(const std::string& name) {
  return std::filesystem::path(RAMPART_SHARED_DIR) / "data/interop-samples/asterix" / name;
}

// cat048ed1.15.bin and ed1.23.bin hold one record each (the second with RHO at its largest and
// an RE item); 250 (three BDS registers), 240, 170 and 230 are skipped.
TEST(AsterixCat048Samples, JasterixRecordsMatchTshark) {
  for (const auto& [name, rho_nm] : {std::pair{"cat048ed1.15.bin", 73.921875}, std::pair{"cat048ed1.23.bin", 255.99609375}}) {
    const auto path = sample(name);
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
    SCOPED_TRACE(name);
    const auto reports = decode_cat048(asterix::read_file(path.string()), path.string());
    ASSERT_EQ(reports.size(), 1u);
    const Cat048Report& r = reports[0];
    EXPECT_EQ(r.sac, 0x00);
    EXPECT_EQ(r.sic, 0x01);
    EXPECT_DOUBLE_EQ(r.time_of_day_s, 33499.8359375);
    EXPECT_EQ(r.detection, Cat048DetectionType::kModeSRollCall);  // TYP 5
    EXPECT_FALSE(r.simulated);
    EXPECT_DOUBLE_EQ(*r.range_nm, rho_nm);
    EXPECT_DOUBLE_EQ(*r.azimuth_deg, 89.67041015625);
    EXPECT_EQ(*r.mode3a_code, 312);  // tshark prints the code as a decimal integer
    EXPECT_DOUBLE_EQ(*r.flight_level_fl, 370);
    EXPECT_FALSE(r.characteristics->ssr_replies.has_value());
    EXPECT_EQ(r.characteristics->ssr_amplitude_dbm, std::optional<std::int8_t>(-63));
    EXPECT_FALSE(r.characteristics->psr_amplitude_dbm.has_value());
    EXPECT_EQ(*r.aircraft_address, 0xab4cbdu);
    EXPECT_EQ(*r.track_number, 919);
    EXPECT_DOUBLE_EQ(r.velocity->ground_speed_nm_per_s, 0.128662109375);
    EXPECT_DOUBLE_EQ(r.velocity->heading_deg, 32.607421875);
  }
}

TEST(AsterixCat048Samples, CroatiaControlRecordMatchesTshark) {
  const auto path = sample("croatiacontrol_cat048.raw");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  const auto reports = decode_cat048(asterix::read_file(path.string()), path.string());
  ASSERT_EQ(reports.size(), 1u);
  const Cat048Report& r = reports[0];
  EXPECT_EQ(r.sac, 0x19);
  EXPECT_EQ(r.sic, 0xc9);
  EXPECT_DOUBLE_EQ(r.time_of_day_s, 27354.6015625);
  EXPECT_EQ(r.detection, Cat048DetectionType::kModeSRollCall);
  EXPECT_DOUBLE_EQ(*r.range_nm, 197.68359375);
  EXPECT_DOUBLE_EQ(*r.azimuth_deg, 340.13671875);
  EXPECT_EQ(*r.mode3a_code, 512);
  EXPECT_DOUBLE_EQ(*r.flight_level_fl, 330);
  EXPECT_FALSE(r.characteristics.has_value());
  EXPECT_EQ(*r.aircraft_address, 0x3c660cu);
  EXPECT_EQ(*r.track_number, 3563);
  EXPECT_DOUBLE_EQ(r.velocity->ground_speed_nm_per_s, 0.12066650390625);
  EXPECT_DOUBLE_EQ(r.velocity->heading_deg, 124.002685546875);
}

TEST(AsterixCat034Samples, SectorCrossingsMatchTshark) {
  struct Expected {
    const char* name;
    std::uint8_t sac, sic;
    double tod_s;
  };
  for (const Expected& e : {Expected{"cat034ed1.26.bin", 0x00, 0x02, 33499.84375},
                            Expected{"croatiacontrol_cat034.raw", 0x19, 0x0e, 29906.3359375}}) {
    const auto path = sample(e.name);
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
    SCOPED_TRACE(e.name);
    const auto messages = decode_cat034(asterix::read_file(path.string()), path.string());
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].sac, e.sac);
    EXPECT_EQ(messages[0].sic, e.sic);
    EXPECT_EQ(messages[0].message_type, kCat034SectorCrossing);
    EXPECT_DOUBLE_EQ(messages[0].time_of_day_s, e.tod_s);
    EXPECT_DOUBLE_EQ(*messages[0].sector_azimuth_deg, 90.0);
    EXPECT_FALSE(messages[0].antenna_rotation_period_s.has_value());
  }
}

// The Croatia Control capture: 100 UDP datagrams (each sent to two ports) of CAT048 and CAT034.
// tshark -d udp.port==N,asterix for each port finds 86 CAT048 and 34 CAT034 data blocks; frames 3
// and 5 (the first datagrams to port 22113) as tshark shows them:
TEST(AsterixSamples, CroatiaControlCaptureMatchesTshark) {
  const auto path = sample("croatiacontrol_cat_034_048.pcap");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  const auto datagrams = test::read_udp_payloads(path.string());
  ASSERT_EQ(datagrams.size(), 100u);
  std::size_t cat048_records = 0;
  std::size_t cat034_records = 0;
  for (const Bytes& d : datagrams) {
    cat048_records += decode_cat048(d, "datagram").size();
    cat034_records += decode_cat034(d, "datagram").size();
  }
  EXPECT_GT(cat048_records, 86u);  // several records in some blocks
  EXPECT_EQ(cat034_records, 34u);

  const auto frame3 = decode_cat048(datagrams[2], "frame 3");
  ASSERT_EQ(frame3.size(), 1u);
  EXPECT_EQ(frame3[0].sic, 0x0d);
  EXPECT_DOUBLE_EQ(frame3[0].time_of_day_s, 27355.859375);
  EXPECT_DOUBLE_EQ(*frame3[0].range_nm, 194.82421875);
  EXPECT_DOUBLE_EQ(*frame3[0].azimuth_deg, 128.759765625);
  EXPECT_EQ(*frame3[0].mode3a_code, 1219);
  EXPECT_DOUBLE_EQ(*frame3[0].flight_level_fl, 360);
  const auto sector3 = decode_cat034(datagrams[2], "frame 3");
  ASSERT_EQ(sector3.size(), 1u);
  EXPECT_EQ(sector3[0].message_type, kCat034SectorCrossing);
  EXPECT_DOUBLE_EQ(sector3[0].time_of_day_s, 27355.953125);
  EXPECT_DOUBLE_EQ(*sector3[0].sector_azimuth_deg, 135);

  // Frame 5: four records, one without I048/040 (tshark lists 4 SICs but 3 RHOs).
  const auto frame5 = decode_cat048(datagrams[4], "frame 5");
  ASSERT_EQ(frame5.size(), 4u);
  const double tod_s[] = {27336.2578125, 27356.046875, 27355.9765625, 27356.0234375};
  for (std::size_t i = 0; i < 4; ++i) EXPECT_DOUBLE_EQ(frame5[i].time_of_day_s, tod_s[i]);
  std::vector<double> rho_nm;
  for (const Cat048Report& r : frame5) {
    if (r.range_nm) rho_nm.push_back(*r.range_nm);
  }
  EXPECT_EQ(rho_nm, (std::vector<double>{43.30078125, 99.82421875, 109.6328125}));
  EXPECT_DOUBLE_EQ(*decode_cat034(datagrams[4], "frame 5").at(0).sector_azimuth_deg, 146.25);
}

}  // namespace
}  // namespace rampart::io
