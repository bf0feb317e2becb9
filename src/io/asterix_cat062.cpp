#include "io/asterix_cat062.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/error.h"
#include "core/text_file.h"

namespace rampart::io {
namespace {

constexpr std::uint8_t kCategory = 62;
constexpr std::size_t kHeaderBytes = 3;
constexpr double kTimeLsb_s = 1.0 / 128.0;
constexpr double kSecondsPerDay = 86400.0;
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

// value / lsb rounded to the nearest integer, checked against a signed field of `bits` bits.
std::int64_t signed_lsbs(double value, double lsb, int bits, const Cat062Track& t, const char* item) {
  const double scaled = std::round(value / lsb);
  const double limit = std::ldexp(1.0, bits - 1);
  if (!std::isfinite(scaled) || scaled < -limit || scaled > limit - 1.0) {
    throw InputError("CAT062 track " + std::to_string(t.track_number) + ": " + item + " value " +
                     std::to_string(value) + " is outside the item's range [" + std::to_string(-limit * lsb) +
                     ", " + std::to_string((limit - 1.0) * lsb) + "]");
  }
  return static_cast<std::int64_t>(scaled);
}

// Appends the low `bytes` bytes of `value`, most significant first (two's complement for negatives).
void put(std::vector<std::uint8_t>& out, std::int64_t value, int bytes) {
  const auto bits = static_cast<std::uint64_t>(value);
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
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

  int last_frn = 0;
  for (int f : frns) last_frn = std::max(last_frn, f);
  std::vector<std::uint8_t> out(static_cast<std::size_t>((last_frn + 6) / 7), 0);
  for (int f : frns) out[static_cast<std::size_t>((f - 1) / 7)] |= static_cast<std::uint8_t>(0x80 >> ((f - 1) % 7));
  for (std::size_t i = 0; i + 1 < out.size(); ++i) out[i] |= 0x01;  // FX: another FSPEC byte follows

  out.push_back(t.sac);
  out.push_back(t.sic);
  if (t.service_id) out.push_back(*t.service_id);
  const auto ticks_per_day = static_cast<std::int64_t>(kSecondsPerDay / kTimeLsb_s);
  // Reduced modulo a day before the conversion (fmod is exact), so any finite time fits.
  const auto ticks = static_cast<std::int64_t>(std::round(std::fmod(t.time_of_day_s, kSecondsPerDay) / kTimeLsb_s));
  put(out, ((ticks % ticks_per_day) + ticks_per_day) % ticks_per_day, 3);
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

void finish_block(std::vector<std::uint8_t>& block) {
  block[1] = static_cast<std::uint8_t>(block.size() >> 8);
  block[2] = static_cast<std::uint8_t>(block.size());
}

// ---- decoding ----

// Length rule of one subfield of a compound item: > 0 fixed bytes; 0 extended by FX;
// < 0 repetitive, a 1-byte count then count * (-rule) bytes.
using SubfieldRule = int;

constexpr std::array<SubfieldRule, 28> kRules380 = {3, 6, 2, 2, 2, 2, 2,  0, -15, 2, 2, 7, 2, 2,
                                                   2, 2, 2, 2, 1, 8, 1,  6, 2,   1, -8, 2, 2, 2};
constexpr std::array<SubfieldRule, 10> kRules290 = {1, 1, 1, 1, 2, 1, 1, 1, 1, 1};
constexpr std::array<SubfieldRule, 31> kRules295 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                                   1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
constexpr std::array<SubfieldRule, 18> kRules390 = {2, 7, 4, 1, 4, 1, 4, 4, 3, 2, 2, -4, 6, 1, 7, 7, 2, 7};
constexpr std::array<SubfieldRule, 7> kRules110 = {1, 4, 6, 2, 2, 1, 1};
constexpr std::array<SubfieldRule, 8> kRules500 = {4, 2, 4, 1, 1, 2, 2, 1};
constexpr std::array<SubfieldRule, 6> kRules340 = {2, 4, 2, 2, 2, 1};

class Reader {
 public:
  Reader(std::span<const std::uint8_t> bytes, const std::string& source) : bytes_(bytes), source_(source) {}

  [[noreturn]] void fail(std::size_t at, const std::string& what) const {
    throw InputError(source_ + ": byte " + std::to_string(at) + ": " + what);
  }

  std::vector<Cat062Track> decode() {
    std::vector<Cat062Track> tracks;
    std::size_t pos = 0;
    while (pos < bytes_.size()) {
      const std::size_t left = bytes_.size() - pos;
      if (left < kHeaderBytes) {
        fail(pos, "truncated data block: " + std::to_string(left) + " byte(s) left, a block header needs 3");
      }
      const std::uint8_t category = bytes_[pos];
      const std::size_t length = static_cast<std::size_t>(bytes_[pos + 1]) << 8 | bytes_[pos + 2];
      if (length < kHeaderBytes) {
        fail(pos + 1, "data block LEN " + std::to_string(length) + " is shorter than the 3-byte block header");
      }
      if (length > left) {
        fail(pos + 1, "data block LEN " + std::to_string(length) + " runs past the end of the input (" +
                          std::to_string(left) + " bytes left): truncated block");
      }
      if (category == kCategory) {
        end_ = pos + length;
        pos_ = pos + kHeaderBytes;
        while (pos_ < end_) tracks.push_back(record());
      }
      pos += length;
    }
    return tracks;
  }

 private:
  void need(std::size_t n, const char* item) const {
    if (pos_ + n > end_) {
      fail(pos_, std::string(item) + " needs " + std::to_string(n) + " byte(s) but only " +
                     std::to_string(end_ - pos_) + " are left in the data block");
    }
  }

  std::uint8_t byte(const char* item) {
    need(1, item);
    return bytes_[pos_++];
  }

  std::uint64_t unsigned_value(std::size_t n, const char* item) {
    need(n, item);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v << 8 | bytes_[pos_++];
    return v;
  }

  std::int64_t signed_value(std::size_t n, const char* item) {
    const std::uint64_t v = unsigned_value(n, item);
    const std::uint64_t sign = std::uint64_t{1} << (8 * n - 1);
    return static_cast<std::int64_t>(v ^ sign) - static_cast<std::int64_t>(sign);
  }

  // A signed field of n bytes times its LSB.
  double scaled(std::size_t n, double lsb, const char* item) {
    return static_cast<double>(signed_value(n, item)) * lsb;
  }

  // Reads bytes while their low bit (FX) is set; returns them.
  std::vector<std::uint8_t> extended(const char* item) {
    std::vector<std::uint8_t> octets;
    do {
      octets.push_back(byte(item));
    } while (octets.back() & 0x01);
    return octets;
  }

  void skip(std::size_t n, const char* item) {
    need(n, item);
    pos_ += n;
  }

  // I062/510: 3-byte parts, FX in the low bit of each part's last byte.
  void skip_extended_by_3(const char* item) {
    bool more = true;
    while (more) {
      skip(2, item);
      more = (byte(item) & 0x01) != 0;
    }
  }

  void skip_compound(std::span<const SubfieldRule> rules, const char* item) {
    const std::size_t primary_at = pos_;
    const std::vector<std::uint8_t> primary = extended(item);
    for (std::size_t i = 0; i < primary.size() * 7; ++i) {
      if (!(primary[i / 7] & (0x80 >> (i % 7)))) continue;
      if (i >= rules.size()) {
        fail(primary_at, std::string(item) + ": primary subfield announces subfield " + std::to_string(i + 1) +
                             ", which is not defined (the item has " + std::to_string(rules.size()) + ")");
      }
      const SubfieldRule rule = rules[i];
      if (rule > 0) {
        skip(static_cast<std::size_t>(rule), item);
      } else if (rule == 0) {
        extended(item);
      } else {
        skip(static_cast<std::size_t>(byte(item)) * static_cast<std::size_t>(-rule), item);
      }
    }
  }

  // RE and SP: a length byte counting itself, then the data.
  void skip_explicit(const char* item) {
    const std::size_t at = pos_;
    const std::uint8_t length = byte(item);
    if (length < 1) fail(at, std::string(item) + " has length 0; an explicit item counts its length byte");
    skip(length - 1u, item);
  }

  Cat062Track record() {
    const std::size_t start = pos_;
    std::vector<int> frns;
    std::size_t fspec_byte = 0;
    bool more = true;
    while (more) {
      if (pos_ >= end_) {
        fail(pos_, "FSPEC runs off the end of the data block (FX set in its last byte)");
      }
      const std::uint8_t b = bytes_[pos_++];
      for (int bit = 0; bit < 7; ++bit) {
        if (b & (0x80 >> bit)) frns.push_back(static_cast<int>(fspec_byte) * 7 + bit + 1);
      }
      more = (b & 0x01) != 0;
      ++fspec_byte;
    }
    if (frns.empty()) fail(start, "record FSPEC announces no item");

    Cat062Track t;
    bool has_010 = false;
    bool has_070 = false;
    bool has_040 = false;
    bool has_080 = false;
    for (int frn : frns) {
      switch (frn) {
        case kFrn010:
          t.sac = byte("I062/010");
          t.sic = byte("I062/010");
          has_010 = true;
          break;
        case kFrn015: t.service_id = byte("I062/015"); break;
        case kFrn070:
          t.time_of_day_s = static_cast<double>(unsigned_value(3, "I062/070")) * kTimeLsb_s;
          has_070 = true;
          break;
        // A braced initialiser list evaluates left to right, so the fields are read in order.
        case kFrn105:
          t.position_wgs84 = Wgs84Position{scaled(4, kWgs84Lsb_deg, "I062/105"), scaled(4, kWgs84Lsb_deg, "I062/105")};
          break;
        case kFrn100:
          t.position_xy = CartesianPosition{scaled(3, kXyLsb_m, "I062/100"), scaled(3, kXyLsb_m, "I062/100")};
          break;
        case kFrn185:
          t.velocity = CartesianVelocity{scaled(2, kVelocityLsb_mps, "I062/185"), scaled(2, kVelocityLsb_mps, "I062/185")};
          break;
        case 8: skip(2, "I062/210"); break;
        case 9: skip(2, "I062/060"); break;
        case 10: skip(7, "I062/245"); break;
        case 11: skip_compound(kRules380, "I062/380"); break;
        case kFrn040:
          t.track_number = static_cast<std::uint16_t>(unsigned_value(2, "I062/040"));
          has_040 = true;
          break;
        case kFrn080: {
          const std::vector<std::uint8_t> status = extended("I062/080");
          t.monosensor = (status[0] & kStatusMon) != 0;
          t.confirmed = (status[0] & kStatusCnf) == 0;
          has_080 = true;
          break;
        }
        case 14: skip_compound(kRules290, "I062/290"); break;
        case 15: skip(1, "I062/200"); break;
        case 16: skip_compound(kRules295, "I062/295"); break;
        case kFrn136:
          t.measured_flight_level_fl = scaled(2, kFlightLevelLsb, "I062/136");
          break;
        case kFrn130:
          t.geometric_altitude_ft = scaled(2, kAltitudeLsb_ft, "I062/130");
          break;
        case 19: skip(2, "I062/135"); break;
        case 20: skip(2, "I062/220"); break;
        case 21: skip_compound(kRules390, "I062/390"); break;
        case 22: extended("I062/270"); break;
        case 23: skip(1, "I062/300"); break;
        case 24: skip_compound(kRules110, "I062/110"); break;
        case 25: skip(2, "I062/120"); break;
        case 26: skip_extended_by_3("I062/510"); break;
        case 27: skip_compound(kRules500, "I062/500"); break;
        case 28: skip_compound(kRules340, "I062/340"); break;
        case 34: skip_explicit("I062 RE"); break;
        case kLastFrn: skip_explicit("I062 SP"); break;
        default:
          fail(start, "FSPEC sets field reference number " + std::to_string(frn) +
                          ", which is spare or beyond the CAT062 UAP (items 2 and 29-33 are spare, 35 is the last)");
      }
    }
    const char* missing = !has_010 ? "I062/010 data source"
                          : !has_070 ? "I062/070 time of track information"
                          : !has_040 ? "I062/040 track number"
                          : !has_080 ? "I062/080 track status"
                                     : nullptr;
    if (missing) fail(start, std::string("record lacks the mandatory item ") + missing);
    return t;
  }

  std::span<const std::uint8_t> bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

}  // namespace

std::vector<std::vector<std::uint8_t>> encode_cat062_blocks(std::span<const Cat062Track> tracks,
                                                            std::size_t max_block_bytes) {
  RAMPART_DEMAND(max_block_bytes <= kMaxAsterixBlockBytes, "a data block's LEN is 16 bits");
  std::vector<std::vector<std::uint8_t>> blocks;
  std::vector<std::uint8_t> block;
  for (const Cat062Track& t : tracks) {
    const std::vector<std::uint8_t> record = encode_record(t);
    RAMPART_DEMAND(kHeaderBytes + record.size() <= max_block_bytes, "max_block_bytes below one record");
    if (!block.empty() && block.size() + record.size() > max_block_bytes) {
      finish_block(block);
      blocks.push_back(std::move(block));
      block.clear();
    }
    if (block.empty()) block = {kCategory, 0, 0};
    block.insert(block.end(), record.begin(), record.end());
  }
  if (!block.empty()) {
    finish_block(block);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

std::vector<Cat062Track> decode_cat062(std::span<const std::uint8_t> bytes, const std::string& source) {
  return Reader(bytes, source).decode();
}

std::vector<Cat062Track> read_cat062_file(const std::string& path) {
  const auto data = read_text_file(path);
  if (!data) throw InputError(path + ": cannot open the ASTERIX file; check the path");
  const std::vector<std::uint8_t> bytes(data->begin(), data->end());
  return decode_cat062(bytes, path);
}

}  // namespace rampart::io
