#include "io/asterix_cat062.h"

#include <array>
#include <cmath>

#include "core/error.h"
#include "io/asterix_block.h"

namespace rampart::io {
namespace {

using asterix::Bytes;
using asterix::put;
using asterix::SubfieldRule;

constexpr std::uint8_t kCategory = 62;
constexpr double kWgs84Lsb_deg = 180.0 / 33554432.0;  // 180 / 2^25
constexpr double kXyLsb_m = 0.5;
constexpr double kVelocityLsb_mps = 0.25;
constexpr double kFlightLevelLsb = 0.25;
constexpr double kAltitudeLsb_ft = 6.25;

// Field reference numbers of the items Cat062Track carries (UAP order).
constexpr int kFrn010 = 1;
constexpr int kFrn015 = 3;
constexpr int kFrn070 = 4;
constexpr int kFrn105 = 5;
constexpr int kFrn100 = 6;
constexpr int kFrn185 = 7;
constexpr int kFrn040 = 12;
constexpr int kFrn080 = 13;
constexpr int kFrn136 = 17;
constexpr int kFrn130 = 18;
constexpr int kLastFrn = 35;  // SP; 34 is RE

// I062/080 first octet.
constexpr std::uint8_t kStatusMon = 0x80;
constexpr std::uint8_t kStatusCnf = 0x02;

// ---- encoding ----

std::int64_t signed_lsbs(double value, double lsb, int bits, const Cat062Track& t, const char* item) {
  return asterix::signed_lsbs(value, lsb, bits, "CAT062 track " + std::to_string(t.track_number), item);
}

std::vector<std::uint8_t> encode_record(const Cat062Track& t) {
  if (!std::isfinite(t.time_of_day_s)) {
    throw InputError("CAT062 track " + std::to_string(t.track_number) + ": time of day is not finite");
  }
  if (t.position_wgs84 && (std::abs(t.position_wgs84->lat_deg) > 90.0 ||
                           std::abs(t.position_wgs84->lon_deg) > 180.0)) {
    throw InputError("CAT062 track " + std::to_string(t.track_number) +
                     ": I062/105 latitude must be within +-90 deg and longitude within +-180 deg");
  }
  std::vector<int> frns = {kFrn010, kFrn070, kFrn040, kFrn080};
  if (t.service_id) frns.push_back(kFrn015);
  if (t.position_wgs84) frns.push_back(kFrn105);
  if (t.position_xy) frns.push_back(kFrn100);
  if (t.velocity) frns.push_back(kFrn185);
  if (t.measured_flight_level_fl) frns.push_back(kFrn136);
  if (t.geometric_altitude_ft) frns.push_back(kFrn130);

  Bytes out = asterix::fspec(frns);

  out.push_back(t.sac);
  out.push_back(t.sic);
  if (t.service_id) out.push_back(*t.service_id);
  asterix::put_time_of_day(out, t.time_of_day_s);
  if (t.position_wgs84) {
    put(out, signed_lsbs(t.position_wgs84->lat_deg, kWgs84Lsb_deg, 32, t, "I062/105 latitude (deg)"), 4);
    put(out, signed_lsbs(t.position_wgs84->lon_deg, kWgs84Lsb_deg, 32, t, "I062/105 longitude (deg)"), 4);
  }
  if (t.position_xy) {
    put(out, signed_lsbs(t.position_xy->x_m, kXyLsb_m, 24, t, "I062/100 x (m)"), 3);
    put(out, signed_lsbs(t.position_xy->y_m, kXyLsb_m, 24, t, "I062/100 y (m)"), 3);
  }
  if (t.velocity) {
    put(out, signed_lsbs(t.velocity->vx_mps, kVelocityLsb_mps, 16, t, "I062/185 vx (m/s)"), 2);
    put(out, signed_lsbs(t.velocity->vy_mps, kVelocityLsb_mps, 16, t, "I062/185 vy (m/s)"), 2);
  }
  put(out, t.track_number, 2);
  out.push_back(static_cast<std::uint8_t>((t.monosensor ? kStatusMon : 0) | (t.confirmed ? 0 : kStatusCnf)));
  if (t.measured_flight_level_fl) {
    put(out, signed_lsbs(*t.measured_flight_level_fl, kFlightLevelLsb, 16, t, "I062/136 flight level (FL)"), 2);
  }
  if (t.geometric_altitude_ft) {
    put(out, signed_lsbs(*t.geometric_altitude_ft, kAltitudeLsb_ft, 16, t, "I062/130 altitude (ft)"), 2);
  }
  return out;
}

// ---- decoding ----

constexpr std::array<SubfieldRule, 28> kRules380 = {3, 6, 2, 2, 2, 2, 2,  0, -15, 2, 2, 7, 2, 2,
                                                   2, 2, 2, 2, 1, 8, 1,  6, 2,   1, -8, 2, 2, 2};
constexpr std::array<SubfieldRule, 10> kRules290 = {1, 1, 1, 1, 2, 1, 1, 1, 1, 1};
constexpr std::array<SubfieldRule, 31> kRules295 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                                   1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
constexpr std::array<SubfieldRule, 18> kRules390 = {2, 7, 4, 1, 4, 1, 4, 4, 3, 2, 2, -4, 6, 1, 7, 7, 2, 7};
constexpr std::array<SubfieldRule, 7> kRules110 = {1, 4, 6, 2, 2, 1, 1};
constexpr std::array<SubfieldRule, 8> kRules500 = {4, 2, 4, 1, 1, 2, 2, 1};
constexpr std::array<SubfieldRule, 6> kRules340 = {2, 4, 2, 2, 2, 1};

// I062/510: 3-byte parts, FX in the low bit of each part's last byte.
void skip_extended_by_3(asterix::RecordReader& in, const char* item) {
  bool more = true;
  while (more) {
    in.skip(2, item);
    more = (in.byte(item) & 0x01) != 0;
  }
}

Cat062Track read_record(asterix::RecordReader& in) {
  const std::size_t start = in.position();
  const std::vector<int> frns = in.fspec();

  Cat062Track t;
  bool has_010 = false;
  bool has_070 = false;
  bool has_040 = false;
  bool has_080 = false;
  for (int frn : frns) {
    switch (frn) {
      case kFrn010:
        t.sac = in.byte("I062/010");
        t.sic = in.byte("I062/010");
        has_010 = true;
        break;
      case kFrn015: t.service_id = in.byte("I062/015"); break;
      case kFrn070:
        t.time_of_day_s = in.time_of_day_s("I062/070");
        has_070 = true;
        break;
      // A braced initialiser list evaluates left to right, so the fields are read in order.
      case kFrn105:
        t.position_wgs84 = Wgs84Position{in.scaled(4, kWgs84Lsb_deg, "I062/105"), in.scaled(4, kWgs84Lsb_deg, "I062/105")};
        break;
      case kFrn100:
        t.position_xy = CartesianPosition{in.scaled(3, kXyLsb_m, "I062/100"), in.scaled(3, kXyLsb_m, "I062/100")};
        break;
      case kFrn185:
        t.velocity = CartesianVelocity{in.scaled(2, kVelocityLsb_mps, "I062/185"), in.scaled(2, kVelocityLsb_mps, "I062/185")};
        break;
      case 8: in.skip(2, "I062/210"); break;
      case 9: in.skip(2, "I062/060"); break;
      case 10: in.skip(7, "I062/245"); break;
      case 11: in.skip_compound(kRules380, "I062/380"); break;
      case kFrn040:
        t.track_number = static_cast<std::uint16_t>(in.unsigned_value(2, "I062/040"));
        has_040 = true;
        break;
      case kFrn080: {
        const std::vector<std::uint8_t> status = in.extended("I062/080");
        t.monosensor = (status[0] & kStatusMon) != 0;
        t.confirmed = (status[0] & kStatusCnf) == 0;
        has_080 = true;
        break;
      }
      case 14: in.skip_compound(kRules290, "I062/290"); break;
      case 15: in.skip(1, "I062/200"); break;
      case 16: in.skip_compound(kRules295, "I062/295"); break;
      case kFrn136:
        t.measured_flight_level_fl = in.scaled(2, kFlightLevelLsb, "I062/136");
        break;
      case kFrn130:
        t.geometric_altitude_ft = in.scaled(2, kAltitudeLsb_ft, "I062/130");
        break;
      case 19: in.skip(2, "I062/135"); break;
      case 20: in.skip(2, "I062/220"); break;
      case 21: in.skip_compound(kRules390, "I062/390"); break;
      case 22: in.extended("I062/270"); break;
      case 23: in.skip(1, "I062/300"); break;
      case 24: in.skip_compound(kRules110, "I062/110"); break;
      case 25: in.skip(2, "I062/120"); break;
      case 26: skip_extended_by_3(in, "I062/510"); break;
      case 27: in.skip_compound(kRules500, "I062/500"); break;
      case 28: in.skip_compound(kRules340, "I062/340"); break;
      case 34: in.skip_explicit("I062 RE"); break;
      case kLastFrn: in.skip_explicit("I062 SP"); break;
      default:
        in.fail(start, "FSPEC sets field reference number " + std::to_string(frn) +
                        ", which is spare or beyond the CAT062 UAP (items 2 and 29-33 are spare, 35 is the last)");
    }
  }
  const char* missing = !has_010 ? "I062/010 data source"
                        : !has_070 ? "I062/070 time of track information"
                        : !has_040 ? "I062/040 track number"
                        : !has_080 ? "I062/080 track status"
                                   : nullptr;
  if (missing) in.fail(start, std::string("record lacks the mandatory item ") + missing);
  return t;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> encode_cat062_blocks(std::span<const Cat062Track> tracks,
                                                            std::size_t max_block_bytes) {
  return asterix::encode_blocks(kCategory, tracks, encode_record, max_block_bytes);
}

std::vector<Cat062Track> decode_cat062(std::span<const std::uint8_t> bytes, const std::string& source) {
  return asterix::decode_records<Cat062Track>(kCategory, bytes, source, read_record);
}

std::vector<Cat062Track> read_cat062_file(const std::string& path) {
  return decode_cat062(asterix::read_file(path), path);
}

}  // namespace rampart::io
