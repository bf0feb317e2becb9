// The DIS codec (dis_pdu.h): round trips of the three PDUs, the timestamp worked by hand, the
// shared sample PDUs read to the values Wireshark shows for them, and malformed input.
#include "io/dis_pdu.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.h"
#include "io/test/dis_samples.h"

namespace rampart::io {
namespace {

using Bytes = std::vector<std::uint8_t>;

using test::detonation;
using test::entity_state;
using test::fire;

template <typename Pdu>
Pdu round_trip(const Pdu& pdu, std::size_t bytes) {
  const Bytes encoded = encode_dis(pdu);
  EXPECT_EQ(encoded.size(), bytes);
  const DisDecoded decoded = decode_dis(encoded, "test");
  EXPECT_EQ(decoded.skipped, 0u);
  EXPECT_EQ(decoded.pdus.size(), 1u);
  return std::get<Pdu>(decoded.pdus.at(0));
}

void expect_header(const DisHeader& got, const DisHeader& want) {
  EXPECT_EQ(got.version, 7);
  EXPECT_EQ(got.exercise_id, want.exercise_id);
  EXPECT_NEAR(got.timestamp_s, want.timestamp_s, kDisTimestampUnit_s);
  EXPECT_EQ(got.timestamp_absolute, want.timestamp_absolute);
}

TEST(DisPdu, EntityStateRoundTrips) {
  const DisEntityState in = entity_state();
  const DisEntityState out = round_trip(in, 144);
  expect_header(out.header, in.header);
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.force_id, in.force_id);
  EXPECT_EQ(out.type, in.type);
  EXPECT_EQ(out.alternative_type, in.alternative_type);
  EXPECT_EQ(out.v_ecef_mps, in.v_ecef_mps);  // every value chosen exact in float32
  EXPECT_EQ(out.p_ecef_m, in.p_ecef_m);
  EXPECT_EQ(out.orientation_rad, in.orientation_rad);
  EXPECT_EQ(out.appearance, in.appearance);
  EXPECT_EQ(out.dead_reckoning_algorithm, kDisDeadReckoningFpw);
  EXPECT_EQ(out.a_ecef_mps2, in.a_ecef_mps2);
  EXPECT_EQ(out.w_body_radps, in.w_body_radps);
  EXPECT_EQ(out.marking, "RAID-1");
  EXPECT_EQ(out.variable_parameters, 0u);
}

TEST(DisPdu, FireRoundTrips) {
  const DisFire in = fire();
  const DisFire out = round_trip(in, 96);
  expect_header(out.header, in.header);
  EXPECT_EQ(out.firing, in.firing);
  EXPECT_EQ(out.target, in.target);
  EXPECT_EQ(out.munition, in.munition);
  EXPECT_EQ(out.event, in.event);
  EXPECT_EQ(out.fire_mission_index, 3u);
  EXPECT_EQ(out.p_ecef_m, in.p_ecef_m);
  EXPECT_EQ(out.descriptor.munition, in.descriptor.munition);
  EXPECT_EQ(out.descriptor.warhead, 1000);
  EXPECT_EQ(out.descriptor.fuse, 100);
  EXPECT_EQ(out.descriptor.quantity, 1);
  EXPECT_EQ(out.v_ecef_mps, in.v_ecef_mps);
  EXPECT_EQ(out.range_m, 25000.0);
}

TEST(DisPdu, DetonationRoundTrips) {
  const DisDetonation in = detonation();
  const DisDetonation out = round_trip(in, 104);
  expect_header(out.header, in.header);
  EXPECT_EQ(out.firing, in.firing);
  EXPECT_EQ(out.target, in.target);
  EXPECT_EQ(out.event, in.event);
  EXPECT_EQ(out.v_ecef_mps, in.v_ecef_mps);
  EXPECT_EQ(out.p_ecef_m, in.p_ecef_m);
  EXPECT_EQ(out.p_entity_m, in.p_entity_m);
  EXPECT_EQ(out.result, kDisResultEntityImpact);
}

TEST(DisPdu, HeaderAndMarkingBytesByHand) {
  DisEntityState e = entity_state();
  e.marking = "ABCDEFGHIJKLMN";  // cut to 11
  e.header.timestamp_s = 3600.0 + 1800.0;  // the hour wraps: half past, 2^30 units
  const Bytes b = encode_dis(e);
  EXPECT_EQ(Bytes(b.begin(), b.begin() + 12), (Bytes{7, 9, 1, 1, 0x80, 0x00, 0x00, 0x01, 0x00, 0x90, 0, 0}));
  EXPECT_EQ(b[128], 1);  // ASCII
  EXPECT_EQ(std::string(b.begin() + 129, b.begin() + 140), "ABCDEFGHIJK");
  EXPECT_EQ(std::get<DisEntityState>(decode_dis(b, "test").pdus[0]).marking, "ABCDEFGHIJK");
}

TEST(DisPdu, TimestampCountsUnitsOf3600Over2To31SecondsPastTheHour) {
  // 0xC64703F8 (the DI_AK74 sample): relative (low bit 0), 0x632381FC = 1663271420 units,
  // 1663271420 * 3600 / 2^31 = 2788.2759987... s, which tshark prints as 46:28.275999.
  Bytes b = encode_dis(entity_state());
  b[4] = 0xC6, b[5] = 0x47, b[6] = 0x03, b[7] = 0xF8;
  const DisHeader h = std::get<DisEntityState>(decode_dis(b, "test").pdus[0]).header;
  EXPECT_FALSE(h.timestamp_absolute);
  EXPECT_NEAR(h.timestamp_s, 1663271420.0 * 3600.0 / 2147483648.0, 1e-9);
  EXPECT_NEAR(h.timestamp_s, 2788.275999, 1e-6);
}

TEST(DisPdu, AStreamOfPdusDecodesInOrderAndSkipsOtherTypes) {
  Bytes stream = encode_dis(fire());
  Bytes other = encode_dis(detonation());
  other[2] = 20;  // a Data PDU: skipped by its length
  stream.insert(stream.end(), other.begin(), other.end());
  const Bytes es = encode_dis(entity_state());
  stream.insert(stream.end(), es.begin(), es.end());
  const DisDecoded d = decode_dis(stream, "test");
  ASSERT_EQ(d.pdus.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<DisFire>(d.pdus[0]));
  EXPECT_TRUE(std::holds_alternative<DisEntityState>(d.pdus[1]));
  EXPECT_EQ(d.skipped, 1u);
}

TEST(DisPdu, VariableParameterRecordsAreSkippedAndCounted) {
  Bytes b = encode_dis(entity_state());
  b[19] = 2;  // two records
  b[9] = 144 + 32;
  b.insert(b.end(), 32, 0xAB);
  const Bytes tail = encode_dis(fire());
  b.insert(b.end(), tail.begin(), tail.end());
  const DisDecoded d = decode_dis(b, "test");
  ASSERT_EQ(d.pdus.size(), 2u);
  EXPECT_EQ(std::get<DisEntityState>(d.pdus[0]).variable_parameters, 2u);
  EXPECT_EQ(std::get<DisEntityState>(d.pdus[0]).marking, "RAID-1");
  EXPECT_TRUE(std::holds_alternative<DisFire>(d.pdus[1]));
}

void expect_error(const Bytes& b, const std::string& message) {
  try {
    decode_dis(b, "feed.dis");
    ADD_FAILURE() << "no error; expected " << message;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("feed.dis: byte ", 0), 0u) << e.what();
  }
}

TEST(DisPdu, MalformedInputIsAnInputErrorSayingWhereAndWhat) {
  const Bytes es = encode_dis(entity_state());
  expect_error(Bytes(es.begin(), es.begin() + 7), "byte 0: truncated PDU: 7 byte(s) left, a DIS header needs 12");
  expect_error(Bytes(es.begin(), es.end() - 1), "byte 8: PDU length 144 runs past the end of the input (143");
  Bytes version = es;
  version[0] = 4;
  expect_error(version, "byte 0: protocol version 4 is not DIS 5 to 7");
  Bytes short_length = es;
  short_length[8] = 0, short_length[9] = 8;
  expect_error(short_length, "PDU length 8 is shorter than the 12-byte header");
  Bytes short_es = es;
  short_es[9] = 100;
  expect_error(short_es, "Entity State PDU length 100 is shorter than its 144 bytes");
  Bytes records = es;
  records[19] = 1;  // one record announced, none there
  expect_error(records, "Entity State PDU length 144 does not match its 1 variable parameter record(s) (160 bytes)");
  Bytes long_fire = encode_dis(fire());
  long_fire[9] = 100;
  long_fire.insert(long_fire.end(), 4, 0);
  expect_error(long_fire, "Fire PDU length 100 is not 96");
  Bytes detonation_records = encode_dis(detonation());
  detonation_records[101] = 3;
  expect_error(detonation_records, "Detonation PDU length 104 does not match its 3 variable parameter record(s)");
  Bytes second = es;  // the error names the byte of the second PDU
  second.insert(second.end(), es.begin(), es.begin() + 5);
  expect_error(second, "byte 144: truncated PDU");
  EXPECT_TRUE(decode_dis(Bytes{}, "empty").pdus.empty());
}

TEST(DisPdu, EncodingRefusesWhatItCannotWrite) {
  DisEntityState e = entity_state();
  e.p_ecef_m.x() = std::nan("");
  EXPECT_THROW(encode_dis(e), InputError);
  e = entity_state();
  e.variable_parameters = 1;
  EXPECT_THROW(encode_dis(e), InputError);
}

// The shared sample PDUs, read to the values Wireshark's tshark 4.0.17 showed for them (worked
// once by hand; dis_tshark_test.cpp compares every sample with tshark at test time).
Bytes sample(const std::string& name) { return test::dis_sample(name); }

TEST(DisPdu, SharedSamplesDecodeToWhatTsharkShows) {
  if (!test::dis_samples_present()) GTEST_SKIP() << "shared data absent: " << test::dis_samples_dir();
  const auto es = std::get<DisEntityState>(decode_dis(sample("001_entity_state.DI_AK74"), "DI_AK74").pdus.at(0));
  EXPECT_EQ(es.id, (DisEntityId{50, 126, 28}));
  EXPECT_EQ(es.force_id, 2);
  EXPECT_EQ(es.variable_parameters, 3u);
  EXPECT_EQ(es.type, (DisEntityType{3, 1, 222, 1, 206, 1, 0}));
  EXPECT_NEAR(es.p_ecef_m.x(), 1864059.80708959, 1e-8);
  EXPECT_NEAR(es.p_ecef_m.y(), 4918545.04671998, 1e-8);
  EXPECT_NEAR(es.p_ecef_m.z(), 3598531.78370962, 1e-8);
  EXPECT_NEAR(es.orientation_rad.x(), -1.93306, 1e-5);
  EXPECT_NEAR(es.orientation_rad.y(), -0.970795, 1e-6);
  EXPECT_EQ(es.appearance, 0x02010000u);
  EXPECT_EQ(es.dead_reckoning_algorithm, kDisDeadReckoningStatic);
  EXPECT_EQ(es.marking, "RM/A/SQD4");
  const auto m1 = std::get<DisEntityState>(decode_dis(sample("001_entity_state.M1A2"), "M1A2").pdus.at(0));
  EXPECT_EQ(m1.variable_parameters, 7u);
  EXPECT_EQ(m1.marking, "WM/1/M1A2");
  const auto f = std::get<DisFire>(decode_dis(sample("002_fire.40MM"), "40MM").pdus.at(0));
  EXPECT_EQ(f.firing, (DisEntityId{50, 126, 39}));
  EXPECT_EQ(f.target, (DisEntityId{50, 126, 20}));
  EXPECT_EQ(f.event.entity, 9);
  EXPECT_NEAR(f.header.timestamp_s, 35.079999, 1e-6);
  EXPECT_NEAR(f.p_ecef_m.x(), 1864437.08931695, 1e-8);
  EXPECT_EQ(f.descriptor.munition, (DisEntityType{2, 9, 222, 2, 48, 0, 0}));
  EXPECT_NEAR(f.v_ecef_mps.x(), -201.432, 1e-3);
  EXPECT_NEAR(f.range_m, 211.098, 1e-3);
  const auto d = std::get<DisDetonation>(decode_dis(sample("003_detonation.M799"), "M799").pdus.at(0));
  EXPECT_EQ(d.firing, (DisEntityId{50, 126, 5}));
  EXPECT_NEAR(d.p_ecef_m.x(), 1864319.82464798, 1e-8);
  EXPECT_EQ(d.descriptor.warhead, 1200);
  EXPECT_EQ(d.descriptor.quantity, 20);
  EXPECT_NEAR(d.p_entity_m.y(), 0.037298, 1e-6);
  EXPECT_EQ(d.result, kDisResultEntityImpact);
}

}  // namespace
}  // namespace rampart::io
