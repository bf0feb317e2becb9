// Wireshark's DIS dissector as the judge of the DIS codec: every shared sample PDU decodes to
// the values tshark shows for it, and the PDUs we encode, as UDP datagrams to port 3000 in a
// pcap, decode in tshark with no malformed frame or warning and every field equal to what we
// encoded. Skipped only when tshark is absent.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "io/dis_pdu.h"
#include "io/test/dis_samples.h"
#include "io/test/tshark.h"
#include "io/test/udp_pcap.h"

namespace rampart::io {
namespace {

using Bytes = std::vector<std::uint8_t>;
namespace fs = std::filesystem;

// The fields compared, one cell each per frame (tshark's names; interop.md). In a Detonation PDU
// tshark shows the location in entity coordinates under dis.entity_location.
const std::vector<std::string> kFields = {
    "proto_ver", "pdu_type", "exer_id", "timestamp", "entity_id_site", "entity_id_application", "entity_id_entity",
    "force_id", "entityKind", "entityDomain", "country", "entity_location.x", "entity_location.y",
    "entity_location.z", "entity_linear_velocity.x", "entity_linear_velocity.y", "entity_linear_velocity.z",
    "entity_orientation.psi", "entity_orientation.theta", "entity_orientation.phi", "appearance", "entity_marking",
    "fire.location.x", "fire.location.y", "fire.location.z", "linear_velocity.x", "linear_velocity.y",
    "linear_velocity.z", "range", "detonation.location.x", "detonation.location.y", "detonation.location.z",
    "detonation.result", "event_number", "warhead", "fuse"};

enum Field {
  kVersion, kType, kExercise, kTimestamp, kSite, kApplication, kEntity, kForce, kKind, kDomain, kCountry, kX, kY, kZ,
  kVx, kVy, kVz, kPsi, kTheta, kPhi, kAppearance, kMarking, kFireX, kFireY, kFireZ, kWx, kWy, kWz, kRange, kDetX,
  kDetY, kDetZ, kResult, kEvent, kWarhead, kFuse
};

class Row {
 public:
  explicit Row(std::vector<std::string> cells) : cells_(std::move(cells)) {}
  const std::string& text(Field f) const { return cells_.at(f); }
  /// The i-th of the comma-joined values of a field.
  std::string value(Field f, std::size_t i = 0) const {
    const auto parts = test::split(cells_.at(f), ',');
    return i < parts.size() ? parts[i] : "";
  }
  long integer(Field f, std::size_t i = 0) const { return std::stol(value(f, i), nullptr, 0); }
  double real(Field f, std::size_t i = 0) const { return std::stod(value(f, i)); }

 private:
  std::vector<std::string> cells_;
};

std::vector<Row> tshark_rows_of(const std::vector<Bytes>& payloads, const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("rampart_dis_" + name + "_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string pcap = (dir / "dis.pcap").string();
  EXPECT_TRUE(test::write_udp_pcap(pcap, payloads, kDisPort));
  EXPECT_EQ(test::tshark_problems(pcap, test::kDis), "");
  std::vector<Row> rows;
  for (auto& cells : test::tshark_rows(pcap, kFields, test::kDis)) rows.emplace_back(std::move(cells));
  fs::remove_all(dir);
  EXPECT_EQ(rows.size(), payloads.size());
  return rows;
}

// tshark prints float32 to 6 and float64 to 15 significant digits.
void expect_float(double shown, double value) { EXPECT_NEAR(shown, value, 1e-5 * std::max(1.0, std::abs(value))); }
void expect_double(double shown, double value) {
  EXPECT_NEAR(shown, value, 1e-14 * std::max(1.0, std::abs(value)) * 10);
}

void expect_header(const Row& r, const DisHeader& h, DisPduType type) {
  EXPECT_EQ(r.integer(kVersion), h.version);
  EXPECT_EQ(r.integer(kType), static_cast<int>(type));
  EXPECT_EQ(r.integer(kExercise), h.exercise_id);
  // Rounded to a unit (1.68 us) when written; tshark prints whole microseconds.
  EXPECT_NEAR(r.real(kTimestamp), h.timestamp_s, kDisTimestampUnit_s + 1e-6);
}

void expect_ids(const Row& r, const std::vector<DisEntityId>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(r.integer(kSite, i), ids[i].site);
    EXPECT_EQ(r.integer(kApplication, i), ids[i].application);
    EXPECT_EQ(r.integer(kEntity, i), ids[i].entity);
  }
}

void expect_entity_state(const Row& r, const DisEntityState& e) {
  expect_header(r, e.header, DisPduType::kEntityState);
  expect_ids(r, {e.id});
  EXPECT_EQ(r.integer(kForce), e.force_id);
  EXPECT_EQ(r.integer(kKind), e.type.kind);  // first of entity type and alternative type
  EXPECT_EQ(r.integer(kKind, 1), e.alternative_type.kind);
  EXPECT_EQ(r.integer(kDomain), e.type.domain);
  EXPECT_EQ(r.integer(kCountry), e.type.country);
  for (int i = 0; i < 3; ++i) {
    expect_double(r.real(static_cast<Field>(kX + i)), e.p_ecef_m[i]);
    expect_float(r.real(static_cast<Field>(kVx + i)), e.v_ecef_mps[i]);
    expect_float(r.real(static_cast<Field>(kPsi + i)), e.orientation_rad[i]);
  }
  EXPECT_EQ(static_cast<std::uint32_t>(r.integer(kAppearance)), e.appearance);
  EXPECT_EQ(r.text(kMarking), e.marking);
}

void expect_fire(const Row& r, const DisFire& f) {
  expect_header(r, f.header, DisPduType::kFire);
  expect_ids(r, {f.firing, f.target, f.munition});
  EXPECT_EQ(r.integer(kEvent), f.event.entity);
  EXPECT_EQ(r.integer(kKind), f.descriptor.munition.kind);
  EXPECT_EQ(r.integer(kDomain), f.descriptor.munition.domain);
  EXPECT_EQ(r.integer(kWarhead), f.descriptor.warhead);
  EXPECT_EQ(r.integer(kFuse), f.descriptor.fuse);
  for (int i = 0; i < 3; ++i) {
    expect_double(r.real(static_cast<Field>(kFireX + i)), f.p_ecef_m[i]);
    expect_float(r.real(static_cast<Field>(kWx + i)), f.v_ecef_mps[i]);
  }
  expect_float(r.real(kRange), f.range_m);
}

void expect_detonation(const Row& r, const DisDetonation& d) {
  expect_header(r, d.header, DisPduType::kDetonation);
  expect_ids(r, {d.firing, d.target, d.munition});
  EXPECT_EQ(r.integer(kEvent), d.event.entity);
  EXPECT_EQ(r.integer(kWarhead), d.descriptor.warhead);
  for (int i = 0; i < 3; ++i) {
    expect_double(r.real(static_cast<Field>(kDetX + i)), d.p_ecef_m[i]);
    expect_float(r.real(static_cast<Field>(kWx + i)), d.v_ecef_mps[i]);
    expect_float(r.real(static_cast<Field>(kX + i)), d.p_entity_m[i]);
  }
  EXPECT_EQ(r.integer(kResult), d.result);
}

void expect_pdu(const Row& r, const DisPdu& pdu) {
  if (const auto* e = std::get_if<DisEntityState>(&pdu)) expect_entity_state(r, *e);
  if (const auto* f = std::get_if<DisFire>(&pdu)) expect_fire(r, *f);
  if (const auto* d = std::get_if<DisDetonation>(&pdu)) expect_detonation(r, *d);
}

TEST(DisTshark, EverySharedSampleDecodesToWhatTsharkShows) {
  if (!test::tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  if (!test::dis_samples_present()) GTEST_SKIP() << "shared data absent: " << test::dis_samples_dir();
  const std::vector<std::string> names = test::dis_sample_names();
  ASSERT_EQ(names.size(), 8u);
  std::vector<Bytes> payloads;
  for (const auto& name : names) payloads.push_back(test::dis_sample(name));
  const std::vector<Row> rows = tshark_rows_of(payloads, "samples");
  ASSERT_EQ(rows.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    SCOPED_TRACE(names[i]);
    const DisDecoded decoded = decode_dis(payloads[i], names[i]);
    ASSERT_EQ(decoded.pdus.size(), 1u);
    expect_pdu(rows[i], decoded.pdus[0]);
    if (const auto* e = std::get_if<DisEntityState>(&decoded.pdus[0])) {
      EXPECT_GT(e->variable_parameters, 0u);  // every sample entity carries records
    }
  }
}

TEST(DisTshark, TsharkDecodesOurPdusToTheValuesWeEncoded) {
  if (!test::tshark_installed()) GTEST_SKIP() << "tshark is not installed (scripts/setup.sh installs it)";
  std::vector<DisPdu> pdus;
  for (int i = 0; i < 3; ++i) {
    DisEntityState e = test::entity_state();
    e.header.exercise_id = static_cast<std::uint8_t>(1 + i);
    e.header.timestamp_s += 1000.0 * i;
    e.id.entity = static_cast<std::uint16_t>(10 + i);
    e.force_id = static_cast<std::uint8_t>(1 + i % 2);
    e.type.category = static_cast<std::uint8_t>(1 + i);
    e.p_ecef_m.x() += 0.123456 * i;  // float64: tshark shows 15 digits
    e.orientation_rad.x() += i;
    e.appearance = i == 2 ? kDisAppearanceDeactivated : 0u;
    e.marking = "RAID-" + std::to_string(i);
    pdus.emplace_back(e);
  }
  pdus.emplace_back(test::fire());
  pdus.emplace_back(test::detonation());
  std::vector<Bytes> payloads;
  for (const auto& p : pdus) payloads.push_back(encode_dis(p));
  const std::vector<Row> rows = tshark_rows_of(payloads, "ours");
  ASSERT_EQ(rows.size(), pdus.size());
  for (std::size_t i = 0; i < pdus.size(); ++i) {
    SCOPED_TRACE("PDU " + std::to_string(i));
    expect_pdu(rows[i], pdus[i]);
  }
}

}  // namespace
}  // namespace rampart::io
