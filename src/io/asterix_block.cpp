#include "io/asterix_block.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text_file.h"

namespace rampart::io::asterix {
namespace {

constexpr double kSecondsPerDay = 86400.0;

void finish_block(Bytes& block) {
  block[1] = static_cast<std::uint8_t>(block.size() >> 8);
  block[2] = static_cast<std::uint8_t>(block.size());
}

// value / lsb rounded, checked to lie in [lowest, highest] LSBs.
std::int64_t lsbs_within(double value, double lsb, double lowest, double highest, const std::string& who,
                         const char* item) {
  const double scaled = std::round(value / lsb);
  if (!std::isfinite(scaled) || scaled < lowest || scaled > highest) {
    throw InputError(who + ": " + item + " value " + std::to_string(value) + " is outside the item's range [" +
                     std::to_string(lowest * lsb) + ", " + std::to_string(highest * lsb) + "]");
  }
  return static_cast<std::int64_t>(scaled);
}

}  // namespace

std::int64_t signed_lsbs(double value, double lsb, int bits, const std::string& who, const char* item) {
  const double limit = std::ldexp(1.0, bits - 1);
  return lsbs_within(value, lsb, -limit, limit - 1.0, who, item);
}

std::int64_t unsigned_lsbs(double value, double lsb, int bits, const std::string& who, const char* item) {
  return lsbs_within(value, lsb, 0.0, std::ldexp(1.0, bits) - 1.0, who, item);
}

std::int64_t wrapped_angle_lsbs(double angle_deg, int bits, const std::string& who, const char* item) {
  if (!std::isfinite(angle_deg)) throw InputError(who + ": " + item + " is not finite");
  const double full_circle = std::ldexp(1.0, bits);
  const double wrapped_deg = std::fmod(std::fmod(angle_deg, 360.0) + 360.0, 360.0);
  return static_cast<std::int64_t>(std::fmod(std::round(wrapped_deg / 360.0 * full_circle), full_circle));
}

void put(Bytes& out, std::int64_t value, int bytes) {
  const auto bits = static_cast<std::uint64_t>(value);
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

Bytes fspec(std::span<const int> frns) {
  int last_frn = 1;
  for (int f : frns) last_frn = std::max(last_frn, f);
  Bytes out(static_cast<std::size_t>((last_frn + 6) / 7), 0);
  for (int f : frns) out[static_cast<std::size_t>((f - 1) / 7)] |= static_cast<std::uint8_t>(0x80 >> ((f - 1) % 7));
  for (std::size_t i = 0; i + 1 < out.size(); ++i) out[i] |= 0x01;  // FX: another FSPEC byte follows
  return out;
}

void put_time_of_day(Bytes& out, double t_s) {
  RAMPART_DEMAND(std::isfinite(t_s), "time of day must be finite");
  const auto ticks_per_day = static_cast<std::int64_t>(kSecondsPerDay / kTimeOfDayLsb_s);
  // Reduced modulo a day before the conversion (fmod is exact), so any finite time fits.
  const auto ticks = static_cast<std::int64_t>(std::round(std::fmod(t_s, kSecondsPerDay) / kTimeOfDayLsb_s));
  put(out, ((ticks % ticks_per_day) + ticks_per_day) % ticks_per_day, 3);
}

std::vector<Bytes> pack_blocks(std::uint8_t category, std::span<const Bytes> records, std::size_t max_block_bytes) {
  RAMPART_DEMAND(max_block_bytes <= 65535, "a data block's LEN is 16 bits");
  std::vector<Bytes> blocks;
  Bytes block;
  for (const Bytes& record : records) {
    RAMPART_DEMAND(kHeaderBytes + record.size() <= max_block_bytes, "max_block_bytes below one record");
    if (!block.empty() && block.size() + record.size() > max_block_bytes) {
      finish_block(block);
      blocks.push_back(std::move(block));
      block.clear();
    }
    if (block.empty()) block = {category, 0, 0};
    block.insert(block.end(), record.begin(), record.end());
  }
  if (!block.empty()) {
    finish_block(block);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

void RecordReader::fail(std::size_t at, const std::string& what) const {
  throw InputError(source_ + ": byte " + std::to_string(at) + ": " + what);
}

void RecordReader::for_each_record(std::uint8_t category, const std::function<void()>& record) {
  std::size_t pos = 0;
  while (pos < bytes_.size()) {
    const std::size_t left = bytes_.size() - pos;
    if (left < kHeaderBytes) {
      fail(pos, "truncated data block: " + std::to_string(left) + " byte(s) left, a block header needs 3");
    }
    const std::size_t length = static_cast<std::size_t>(bytes_[pos + 1]) << 8 | bytes_[pos + 2];
    if (length < kHeaderBytes) {
      fail(pos + 1, "data block LEN " + std::to_string(length) + " is shorter than the 3-byte block header");
    }
    if (length > left) {
      fail(pos + 1, "data block LEN " + std::to_string(length) + " runs past the end of the input (" +
                        std::to_string(left) + " bytes left): truncated block");
    }
    if (bytes_[pos] == category) {
      end_ = pos + length;
      pos_ = pos + kHeaderBytes;
      while (pos_ < end_) record();
    }
    pos += length;
  }
}

std::vector<int> RecordReader::fspec() {
  const std::size_t start = pos_;
  std::vector<int> frns;
  int fspec_byte = 0;
  bool more = true;
  while (more) {
    if (pos_ >= end_) fail(pos_, "FSPEC runs off the end of the data block (FX set in its last byte)");
    const std::uint8_t b = bytes_[pos_++];
    for (int bit = 0; bit < 7; ++bit) {
      if (b & (0x80 >> bit)) frns.push_back(fspec_byte * 7 + bit + 1);
    }
    more = (b & 0x01) != 0;
    ++fspec_byte;
  }
  if (frns.empty()) fail(start, "record FSPEC announces no item");
  return frns;
}

void RecordReader::need(std::size_t n, const char* item) const {
  if (pos_ + n > end_) {
    fail(pos_, std::string(item) + " needs " + std::to_string(n) + " byte(s) but only " +
                   std::to_string(end_ - pos_) + " are left in the data block");
  }
}

std::uint8_t RecordReader::byte(const char* item) {
  need(1, item);
  return bytes_[pos_++];
}

std::uint64_t RecordReader::unsigned_value(std::size_t n, const char* item) {
  need(n, item);
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = v << 8 | bytes_[pos_++];
  return v;
}

std::int64_t RecordReader::signed_value(std::size_t n, const char* item) {
  const std::uint64_t v = unsigned_value(n, item);
  const std::uint64_t sign = std::uint64_t{1} << (8 * n - 1);
  return static_cast<std::int64_t>(v ^ sign) - static_cast<std::int64_t>(sign);
}

Bytes RecordReader::extended(const char* item) {
  Bytes octets;
  do {
    octets.push_back(byte(item));
  } while (octets.back() & 0x01);
  return octets;
}

void RecordReader::skip(std::size_t n, const char* item) {
  need(n, item);
  pos_ += n;
}

void RecordReader::skip_repetitive(std::size_t bytes_each, const char* item) {
  skip(static_cast<std::size_t>(byte(item)) * bytes_each, item);
}

void RecordReader::skip_compound(std::span<const SubfieldRule> rules, const char* item) {
  const std::size_t primary_at = pos_;
  const Bytes primary = extended(item);
  for (std::size_t i = 0; i < primary.size() * 7; ++i) {
    if (!(primary[i / 7] & (0x80 >> (i % 7)))) continue;
    if (i >= rules.size() || rules[i] == kSpareSubfield) {
      fail(primary_at, std::string(item) + ": primary subfield announces subfield " + std::to_string(i + 1) +
                           ", which is not defined (the item has " + std::to_string(rules.size()) + ")");
    }
    const SubfieldRule rule = rules[i];
    if (rule > 0) {
      skip(static_cast<std::size_t>(rule), item);
    } else if (rule == 0) {
      extended(item);
    } else {
      skip_repetitive(static_cast<std::size_t>(-rule), item);
    }
  }
}

void RecordReader::skip_explicit(const char* item) {
  const std::size_t at = pos_;
  const std::uint8_t length = byte(item);
  if (length < 1) fail(at, std::string(item) + " has length 0; an explicit item counts its length byte");
  skip(length - 1u, item);
}

Bytes read_file(const std::string& path) {
  const auto data = read_text_file(path);
  if (!data) throw InputError(path + ": cannot open the ASTERIX file; check the path");
  return Bytes(data->begin(), data->end());
}

}  // namespace rampart::io::asterix
