#include "io/asterix_cat034.h"

#include <array>
#include <cmath>

#include "core/error.h"
#include "io/asterix_block.h"

namespace rampart::io {
namespace {

using asterix::Bytes;
using asterix::kSpareSubfield;
using asterix::SubfieldRule;

constexpr std::uint8_t kCategory = 34;
constexpr double kSectorLsb_deg = 360.0 / 256.0;
constexpr double kPeriodLsb_s = 1.0 / 128.0;

constexpr int kFrn010 = 1;
constexpr int kFrn000 = 2;
constexpr int kFrn030 = 3;
constexpr int kFrn020 = 4;
constexpr int kFrn041 = 5;

Bytes encode_record(const Cat034Message& m) {
  const std::string who = "CAT034 message of SAC " + std::to_string(m.sac) + " SIC " + std::to_string(m.sic);
  if (!std::isfinite(m.time_of_day_s)) throw InputError(who + ": time of day is not finite");
  std::vector<int> frns = {kFrn010, kFrn000, kFrn030};
  if (m.sector_azimuth_deg) frns.push_back(kFrn020);
  if (m.antenna_rotation_period_s) frns.push_back(kFrn041);
  Bytes out = asterix::fspec(frns);
  out.push_back(m.sac);
  out.push_back(m.sic);
  out.push_back(m.message_type);
  asterix::put_time_of_day(out, m.time_of_day_s);
  if (m.sector_azimuth_deg) {
    asterix::put(out, asterix::wrapped_angle_lsbs(*m.sector_azimuth_deg, 8, who, "I034/020 sector azimuth (deg)"), 1);
  }
  if (m.antenna_rotation_period_s) {
    asterix::put(out, asterix::unsigned_lsbs(*m.antenna_rotation_period_s, kPeriodLsb_s, 16, who,
                                             "I034/041 antenna rotation period (s)"), 2);
  }
  return out;
}

// I034/050 and /060: COM, two spares, PSR, SSR, MDS, a spare.
constexpr std::array<SubfieldRule, 7> kRules050 = {1, kSpareSubfield, kSpareSubfield, 1, 1, 2, kSpareSubfield};
constexpr std::array<SubfieldRule, 7> kRules060 = {1, kSpareSubfield, kSpareSubfield, 1, 1, 1, kSpareSubfield};

Cat034Message read_record(asterix::RecordReader& in) {
  const std::size_t start = in.position();
  const std::vector<int> frns = in.fspec();
  Cat034Message m;
  bool has_010 = false;
  bool has_000 = false;
  bool has_030 = false;
  for (int frn : frns) {
    switch (frn) {
      case kFrn010:
        m.sac = in.byte("I034/010");
        m.sic = in.byte("I034/010");
        has_010 = true;
        break;
      case kFrn000:
        m.message_type = in.byte("I034/000");
        has_000 = true;
        break;
      case kFrn030:
        m.time_of_day_s = in.time_of_day_s("I034/030");
        has_030 = true;
        break;
      case kFrn020: m.sector_azimuth_deg = static_cast<double>(in.byte("I034/020")) * kSectorLsb_deg; break;
      case kFrn041:
        m.antenna_rotation_period_s = static_cast<double>(in.unsigned_value(2, "I034/041")) * kPeriodLsb_s;
        break;
      case 6: in.skip_compound(kRules050, "I034/050"); break;
      case 7: in.skip_compound(kRules060, "I034/060"); break;
      case 8: in.skip_repetitive(2, "I034/070"); break;
      case 9: in.skip(8, "I034/100"); break;
      case 10: in.skip(1, "I034/110"); break;
      case 11: in.skip(8, "I034/120"); break;
      case 12: in.skip(2, "I034/090"); break;
      case 13: in.skip_explicit("I034 RE"); break;
      case 14: in.skip_explicit("I034 SP"); break;
      default:
        in.fail(start, "FSPEC sets field reference number " + std::to_string(frn) +
                           ", which is beyond the CAT034 UAP (14 is the last)");
    }
  }
  const char* missing = !has_010   ? "I034/010 data source"
                        : !has_000 ? "I034/000 message type"
                        : !has_030 ? "I034/030 time of day"
                                   : nullptr;
  if (missing) in.fail(start, std::string("record lacks the mandatory item ") + missing);
  return m;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> encode_cat034_blocks(std::span<const Cat034Message> messages,
                                                            std::size_t max_block_bytes) {
  return asterix::encode_blocks(kCategory, messages, encode_record, max_block_bytes);
}

std::vector<Cat034Message> decode_cat034(std::span<const std::uint8_t> bytes, const std::string& source) {
  return asterix::decode_records<Cat034Message>(kCategory, bytes, source, read_record);
}

}  // namespace rampart::io
