// ASTERIX CAT034 (monoradar service messages), edition 1.29 as Wireshark's tshark 4.0 decodes it
// by default; built on asterix_block.h (framing, FSPEC, length rules).
//
// Items carried, in UAP order (big-endian):
//   FRN 1  I034/010 SAC, SIC                    1 + 1 bytes
//   FRN 2  I034/000 message type                1 byte: 1 north marker, 2 sector crossing,
//                                               3 geographical filtering, 4 jamming strobe, ...
//   FRN 3  I034/030 time of day                 3 bytes unsigned, LSB 1/128 s
//   FRN 4  I034/020 sector number               1 byte, LSB 360/2^8 deg (the sector's start azimuth)
//   FRN 5  I034/041 antenna rotation period     2 bytes unsigned, LSB 1/128 s
// Every other item (050, 060, 070, 100, 110, 120, 090, RE, SP) is skipped by its length rule;
// blocks of other categories are skipped whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rampart::io {

/// I034/000 values Rampart writes.
inline constexpr std::uint8_t kCat034NorthMarker = 1;
inline constexpr std::uint8_t kCat034SectorCrossing = 2;

/// One radar service message: one CAT034 record.
struct Cat034Message {
  std::uint8_t sac = 0;  ///< I034/010
  std::uint8_t sic = 0;  ///< I034/010
  std::uint8_t message_type = kCat034NorthMarker;  ///< I034/000
  double time_of_day_s = 0.0;  ///< I034/030, seconds since midnight UTC
  std::optional<double> sector_azimuth_deg;  ///< I034/020, [0, 360), a multiple of 360/256
  std::optional<double> antenna_rotation_period_s;  ///< I034/041
};

/// Encodes the messages as CAT034 data blocks of at most `max_block_bytes` each, in input order.
/// Values are rounded to the nearest LSB; the azimuth wraps into [0, 360). A rotation period
/// outside [0, 512) s is an InputError.
std::vector<std::vector<std::uint8_t>> encode_cat034_blocks(std::span<const Cat034Message> messages,
                                                            std::size_t max_block_bytes = 65535);

/// Decodes the CAT034 records of a stream of ASTERIX data blocks (other categories skipped). A
/// record must carry I034/010, 000 and 030. Malformed input is an InputError
/// "SOURCE: byte N: what is wrong".
std::vector<Cat034Message> decode_cat034(std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace rampart::io
