#include "io/asterix_cat048.h"

#include <cmath>

#include "core/error.h"
#include "io/asterix_block.h"

namespace rampart::io {
namespace {

using asterix::Bytes;
using asterix::put;

constexpr std::uint8_t kCategory = 48;
constexpr double kRangeLsb_nm = 1.0 / 256.0;
constexpr double kAngleLsb_deg = 360.0 / 65536.0;
constexpr double kFlightLevelLsb = 0.25;
constexpr double kSpeedLsb_nm_per_s = 1.0 / 16384.0;  // 2^-14

// Field reference numbers (UAP order).
constexpr int kFrn010 = 1;
constexpr int kFrn140 = 2;
constexpr int kFrn020 = 3;
constexpr int kFrn040 = 4;
constexpr int kFrn070 = 5;
constexpr int kFrn090 = 6;
constexpr int kFrn130 = 7;
constexpr int kFrn220 = 8;
constexpr int kFrn161 = 11;
constexpr int kFrn200 = 13;
constexpr int kFrn120 = 20;

// I048/020 first octet.
constexpr int kTypShift = 5;
constexpr std::uint8_t kSim = 0x10;
// I048/130 primary subfield: SRL SRR SAM PRL PAM RPD APD FX.
constexpr std::uint8_t kSrr = 0x40;
constexpr std::uint8_t kSam = 0x20;
constexpr std::uint8_t kPam = 0x08;
// I048/120 primary subfield: CAL RDS spare(5) FX; CAL's value is 10 bits two's complement.
constexpr std::uint8_t kCal = 0x80;
constexpr int kCalBits = 10;

constexpr std::uint16_t kMaxCode = 07777;
constexpr std::uint16_t kMaxTrackNumber = 4095;
constexpr std::uint32_t kMaxAddress = 0xFFFFFF;

Bytes encode_record(const Cat048Report& r) {
  const std::string who = "CAT048 report of SAC " + std::to_string(r.sac) + " SIC " + std::to_string(r.sic);
  if (!std::isfinite(r.time_of_day_s)) throw InputError(who + ": time of day is not finite");
  if (r.range_nm.has_value() != r.azimuth_deg.has_value()) {
    throw InputError(who + ": I048/040 needs both range and azimuth");
  }
  if (r.mode3a_code && *r.mode3a_code > kMaxCode) {
    throw InputError(who + ": I048/070 Mode-3/A code " + std::to_string(*r.mode3a_code) + " is above octal 7777");
  }
  if (r.track_number && *r.track_number > kMaxTrackNumber) {
    throw InputError(who + ": I048/161 track number " + std::to_string(*r.track_number) + " is above 4095");
  }
  if (r.aircraft_address && *r.aircraft_address > kMaxAddress) {
    throw InputError(who + ": I048/220 aircraft address " + std::to_string(*r.aircraft_address) +
                     " does not fit 24 bits");
  }
  const bool has_characteristics =
      r.characteristics && (r.characteristics->ssr_replies || r.characteristics->ssr_amplitude_dbm ||
                            r.characteristics->psr_amplitude_dbm);
  std::vector<int> frns = {kFrn010, kFrn140, kFrn020};
  if (r.range_nm) frns.push_back(kFrn040);
  if (r.mode3a_code) frns.push_back(kFrn070);
  if (r.flight_level_fl) frns.push_back(kFrn090);
  if (has_characteristics) frns.push_back(kFrn130);
  if (r.aircraft_address) frns.push_back(kFrn220);
  if (r.track_number) frns.push_back(kFrn161);
  if (r.velocity) frns.push_back(kFrn200);
  if (r.radial_doppler_speed_mps) frns.push_back(kFrn120);

  Bytes out = asterix::fspec(frns);
  out.push_back(r.sac);
  out.push_back(r.sic);
  asterix::put_time_of_day(out, r.time_of_day_s);
  out.push_back(static_cast<std::uint8_t>(static_cast<int>(r.detection) << kTypShift | (r.simulated ? kSim : 0)));
  if (r.range_nm) {
    put(out, asterix::unsigned_lsbs(*r.range_nm, kRangeLsb_nm, 16, who, "I048/040 range (NM)"), 2);
    put(out, asterix::wrapped_angle_lsbs(*r.azimuth_deg, 16, who, "I048/040 azimuth (deg)"), 2);
  }
  if (r.mode3a_code) put(out, *r.mode3a_code, 2);  // V = 0 validated, G = 0, L = 0 from this scan's reply
  if (r.flight_level_fl) {
    const std::int64_t quarters = asterix::signed_lsbs(*r.flight_level_fl, kFlightLevelLsb, 14, who, "I048/090 flight level (FL)");
    put(out, quarters & 0x3FFF, 2);  // V = 0, G = 0
  }
  if (has_characteristics) {
    const Cat048PlotCharacteristics& c = *r.characteristics;
    out.push_back(static_cast<std::uint8_t>((c.ssr_replies ? kSrr : 0) | (c.ssr_amplitude_dbm ? kSam : 0) |
                                            (c.psr_amplitude_dbm ? kPam : 0)));
    if (c.ssr_replies) out.push_back(*c.ssr_replies);
    if (c.ssr_amplitude_dbm) out.push_back(static_cast<std::uint8_t>(*c.ssr_amplitude_dbm));
    if (c.psr_amplitude_dbm) out.push_back(static_cast<std::uint8_t>(*c.psr_amplitude_dbm));
  }
  if (r.aircraft_address) put(out, *r.aircraft_address, 3);
  if (r.track_number) put(out, *r.track_number, 2);
  if (r.velocity) {
    put(out, asterix::unsigned_lsbs(r.velocity->ground_speed_nm_per_s, kSpeedLsb_nm_per_s, 16, who,
                                    "I048/200 ground speed (NM/s)"), 2);
    put(out, asterix::wrapped_angle_lsbs(r.velocity->heading_deg, 16, who, "I048/200 heading (deg)"), 2);
  }
  if (r.radial_doppler_speed_mps) {
    out.push_back(kCal);
    const std::int64_t lsbs =
        asterix::signed_lsbs(*r.radial_doppler_speed_mps, 1.0, kCalBits, who, "I048/120 Doppler speed (m/s)");
    put(out, lsbs & ((1 << kCalBits) - 1), 2);  // D = 0: valid
  }
  return out;
}

// ---- decoding ----

Cat048PlotCharacteristics read_characteristics(asterix::RecordReader& in) {
  const char* item = "I048/130";
  const std::size_t primary_at = in.position();
  const Bytes primary = in.extended(item);
  Cat048PlotCharacteristics c;
  for (std::size_t i = 0; i < primary.size() * 7; ++i) {
    if (!(primary[i / 7] & (0x80 >> (i % 7)))) continue;
    switch (i) {
      case 1: c.ssr_replies = in.byte(item); break;
      case 2: c.ssr_amplitude_dbm = static_cast<std::int8_t>(in.byte(item)); break;
      case 4: c.psr_amplitude_dbm = static_cast<std::int8_t>(in.byte(item)); break;
      case 0: case 3: case 5: case 6: in.skip(1, item); break;  // SRL, PRL, RPD, APD
      default:
        in.fail(primary_at, std::string(item) + ": primary subfield announces subfield " + std::to_string(i + 1) +
                                ", which is not defined (the item has 7)");
    }
  }
  return c;
}

/// I048/120: the CAL subfield's speed when present (RDS is skipped).
std::optional<double> read_doppler_speed(asterix::RecordReader& in) {
  const char* item = "I048/120";
  const std::size_t primary_at = in.position();
  const Bytes primary = in.extended(item);
  if (primary.size() > 1 || (primary[0] & 0x3E)) {
    in.fail(primary_at, std::string(item) + ": primary subfield announces subfields beyond CAL and RDS");
  }
  std::optional<double> speed_mps;
  if (primary[0] & kCal) {
    const auto bits = static_cast<std::int64_t>(in.unsigned_value(2, item) & ((1 << kCalBits) - 1));
    speed_mps = static_cast<double>((bits ^ (1 << (kCalBits - 1))) - (1 << (kCalBits - 1)));
  }
  if (primary[0] & 0x40) in.skip_repetitive(6, item);  // RDS: DOP, AMB, FRQ per repetition
  return speed_mps;
}

Cat048Report read_record(asterix::RecordReader& in) {
  const std::size_t start = in.position();
  const std::vector<int> frns = in.fspec();
  Cat048Report r;
  bool has_010 = false;
  bool has_140 = false;
  bool has_020 = false;
  for (int frn : frns) {
    switch (frn) {
      case kFrn010:
        r.sac = in.byte("I048/010");
        r.sic = in.byte("I048/010");
        has_010 = true;
        break;
      case kFrn140:
        r.time_of_day_s = in.time_of_day_s("I048/140");
        has_140 = true;
        break;
      case kFrn020: {
        const Bytes descriptor = in.extended("I048/020");
        r.detection = static_cast<Cat048DetectionType>(descriptor[0] >> kTypShift);
        r.simulated = (descriptor[0] & kSim) != 0;
        has_020 = true;
        break;
      }
      case kFrn040:
        r.range_nm = static_cast<double>(in.unsigned_value(2, "I048/040")) * kRangeLsb_nm;
        r.azimuth_deg = static_cast<double>(in.unsigned_value(2, "I048/040")) * kAngleLsb_deg;
        break;
      case kFrn070: r.mode3a_code = static_cast<std::uint16_t>(in.unsigned_value(2, "I048/070") & kMaxCode); break;
      case kFrn090: {
        const auto bits = static_cast<std::int64_t>(in.unsigned_value(2, "I048/090") & 0x3FFF);
        r.flight_level_fl = static_cast<double>((bits ^ 0x2000) - 0x2000) * kFlightLevelLsb;  // 14-bit two's complement
        break;
      }
      case kFrn130: r.characteristics = read_characteristics(in); break;
      case kFrn220: r.aircraft_address = static_cast<std::uint32_t>(in.unsigned_value(3, "I048/220")); break;
      case 9: in.skip(6, "I048/240"); break;
      case 10: in.skip_repetitive(8, "I048/250"); break;
      case kFrn161:
        r.track_number = static_cast<std::uint16_t>(in.unsigned_value(2, "I048/161") & kMaxTrackNumber);
        break;
      case 12: in.skip(4, "I048/042"); break;
      case kFrn200:
        r.velocity = Cat048TrackVelocity{static_cast<double>(in.unsigned_value(2, "I048/200")) * kSpeedLsb_nm_per_s,
                                         static_cast<double>(in.unsigned_value(2, "I048/200")) * kAngleLsb_deg};
        break;
      case 14: in.extended("I048/170"); break;
      case 15: in.skip(4, "I048/210"); break;
      case 16: in.extended("I048/030"); break;
      case 17: in.skip(2, "I048/080"); break;
      case 18: in.skip(4, "I048/100"); break;
      case 19: in.skip(2, "I048/110"); break;
      case kFrn120: r.radial_doppler_speed_mps = read_doppler_speed(in); break;
      case 21: in.skip(2, "I048/230"); break;
      case 22: in.skip(7, "I048/260"); break;
      case 23: in.skip(1, "I048/055"); break;
      case 24: in.skip(2, "I048/050"); break;
      case 25: in.skip(1, "I048/065"); break;
      case 26: in.skip(2, "I048/060"); break;
      case 27: in.skip_explicit("I048 SP"); break;
      case 28: in.skip_explicit("I048 RE"); break;
      default:
        in.fail(start, "FSPEC sets field reference number " + std::to_string(frn) +
                           ", which is beyond the CAT048 UAP (28 is the last)");
    }
  }
  const char* missing = !has_010   ? "I048/010 data source"
                        : !has_140 ? "I048/140 time of day"
                        : !has_020 ? "I048/020 target report descriptor"
                                   : nullptr;
  if (missing) in.fail(start, std::string("record lacks the mandatory item ") + missing);
  return r;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> encode_cat048_blocks(std::span<const Cat048Report> reports,
                                                            std::size_t max_block_bytes) {
  return asterix::encode_blocks(kCategory, reports, encode_record, max_block_bytes);
}

std::vector<Cat048Report> decode_cat048(std::span<const std::uint8_t> bytes, const std::string& source) {
  return asterix::decode_records<Cat048Report>(kCategory, bytes, source, read_record);
}

}  // namespace rampart::io
