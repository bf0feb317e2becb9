// What every ASTERIX category shares: the data-block framing, the FSPEC, big-endian fields with
// their LSBs, and the length rules by which a decoder skips items it does not carry. The category
// codecs (asterix_cat034, asterix_cat048, asterix_cat062) are built on these; internal to src/io.
//
// A data block is CAT (1 byte), LEN (2 bytes, the whole block, big-endian), then records. A record
// is an FSPEC (7 item bits per byte in the category's UAP order, low bit FX = another FSPEC byte
// follows) and the items it announces, in UAP order. Malformed input is an InputError
// "SOURCE: byte N: what is wrong", N counted from the start of the decoded bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace rampart::io::asterix {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::size_t kHeaderBytes = 3;
inline constexpr double kTimeOfDayLsb_s = 1.0 / 128.0;  ///< I0xx/140, /030, /070 time of day

// ---- encoding ----

/// value / lsb rounded to the nearest integer, checked against a signed field of `bits` bits; out
/// of range is an InputError "WHO: ITEM value V is outside the item's range [MIN, MAX]".
std::int64_t signed_lsbs(double value, double lsb, int bits, const std::string& who, const char* item);

/// value / lsb rounded to the nearest integer, checked against an unsigned field of `bits` bits.
std::int64_t unsigned_lsbs(double value, double lsb, int bits, const std::string& who, const char* item);

/// An angle in degrees wrapped into [0, 360) as LSBs of 360/2^bits (an unsigned field of `bits`
/// bits); a non-finite angle is an InputError "WHO: ITEM is not finite".
std::int64_t wrapped_angle_lsbs(double angle_deg, int bits, const std::string& who, const char* item);

/// Appends the low `bytes` bytes of `value`, most significant first (two's complement for negatives).
void put(Bytes& out, std::int64_t value, int bytes);

/// Starts a record: the FSPEC announcing the field reference numbers `frns` (1-based, any order),
/// with FX on every byte but the last.
Bytes fspec(std::span<const int> frns);

/// Appends a 3-byte time of day, LSB 1/128 s, reduced modulo one day; t_s must be finite.
void put_time_of_day(Bytes& out, double t_s);

/// Packs records into data blocks of category `category` of at most `max_block_bytes` each (a
/// new block starts when the next record would not fit), in order; no records give no blocks.
std::vector<Bytes> pack_blocks(std::uint8_t category, std::span<const Bytes> records, std::size_t max_block_bytes);

// ---- decoding ----

/// Length rule of one subfield of a compound item: > 0 fixed bytes; 0 extended by FX;
/// < 0 repetitive, a 1-byte count then count * (-rule) bytes.
using SubfieldRule = int;
/// A spare subfield: announcing it is an error.
inline constexpr SubfieldRule kSpareSubfield = -1000;

/// Reads the records of one category out of a stream of data blocks.
class RecordReader {
 public:
  /// `bytes` and `source` must outlive the reader.
  RecordReader(std::span<const std::uint8_t> bytes, const std::string& source) : bytes_(bytes), source_(source) {}

  /// Checks the framing of every block and calls `record` once per record of blocks of
  /// `category` (other categories are skipped whole); `record` reads exactly one record.
  void for_each_record(std::uint8_t category, const std::function<void()>& record);

  [[noreturn]] void fail(std::size_t at, const std::string& what) const;
  std::size_t position() const { return pos_; }

  /// The field reference numbers the record's FSPEC announces, in order; none is an error.
  std::vector<int> fspec();
  std::uint8_t byte(const char* item);
  std::uint64_t unsigned_value(std::size_t n, const char* item);
  std::int64_t signed_value(std::size_t n, const char* item);
  /// A signed field of n bytes times its LSB.
  double scaled(std::size_t n, double lsb, const char* item) {
    return static_cast<double>(signed_value(n, item)) * lsb;
  }
  /// A 3-byte time of day, LSB 1/128 s.
  double time_of_day_s(const char* item) { return static_cast<double>(unsigned_value(3, item)) * kTimeOfDayLsb_s; }
  /// Bytes while their low bit (FX) is set; returns them.
  Bytes extended(const char* item);
  void skip(std::size_t n, const char* item);
  /// A 1-byte count, then count * `bytes_each` bytes.
  void skip_repetitive(std::size_t bytes_each, const char* item);
  void skip_compound(std::span<const SubfieldRule> rules, const char* item);
  /// RE and SP: a length byte counting itself, then the data.
  void skip_explicit(const char* item);

 private:
  void need(std::size_t n, const char* item) const;

  std::span<const std::uint8_t> bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

/// Encodes each value with `encode` (value -> record bytes) and packs the records as pack_blocks does.
template <typename Value, typename Encode>
std::vector<Bytes> encode_blocks(std::uint8_t category, std::span<const Value> values, Encode encode,
                                 std::size_t max_block_bytes) {
  std::vector<Bytes> records;
  records.reserve(values.size());
  for (const Value& v : values) records.push_back(encode(v));
  return pack_blocks(category, records, max_block_bytes);
}

/// The records of blocks of `category` in `bytes`, each read by `read` (RecordReader& -> Value).
template <typename Value, typename Read>
std::vector<Value> decode_records(std::uint8_t category, std::span<const std::uint8_t> bytes,
                                  const std::string& source, Read read) {
  std::vector<Value> values;
  RecordReader in(bytes, source);
  in.for_each_record(category, [&] { values.push_back(read(in)); });
  return values;
}

/// The bytes of a raw file of ASTERIX data blocks; a file that cannot be read is an InputError.
Bytes read_file(const std::string& path);

}  // namespace rampart::io::asterix
