// ASTERIX CAT062 (system track data), edition 1.19 as Wireshark's tshark 4.0 decodes it by
// default. No Debian library encodes ASTERIX, so this is written by hand.
//
// Layout (big-endian): a data block is CAT = 62 (1 byte), LEN (2 bytes, the whole block), then
// records. A record is an FSPEC (7 item bits per byte in UAP order, low bit FX = another FSPEC byte
// follows) and the items it announces, in UAP order:
//   FRN 1  I062/010 SAC, SIC                  1 + 1 bytes
//   FRN 3  I062/015 service identification    1 byte
//   FRN 4  I062/070 time of track information 3 bytes unsigned, LSB 1/128 s
//   FRN 5  I062/105 WGS-84 position           lat, lon: 4 bytes signed each, LSB 180/2^25 deg
//   FRN 6  I062/100 Cartesian position        x, y: 3 bytes signed each, LSB 0.5 m
//   FRN 7  I062/185 Cartesian velocity        vx, vy: 2 bytes signed each, LSB 0.25 m/s
//   FRN 12 I062/040 track number              2 bytes
//   FRN 13 I062/080 track status              first octet MON SPI MRH SRC(3) CNF FX (CNF 1 =
//                                             tentative), extended by FX
//   FRN 17 I062/136 measured flight level     2 bytes signed, LSB 1/4 FL
//   FRN 18 I062/130 geometric altitude        2 bytes signed, LSB 6.25 ft
// The decoder skips every other item of the UAP by its length rule (fixed, extended by FX,
// compound with its subfields, repetitive, explicit RE/SP) and skips blocks of other categories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rampart::io {

struct Wgs84Position {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
};

struct CartesianPosition {
  double x_m = 0.0;  ///< east of the system reference point
  double y_m = 0.0;  ///< north of the system reference point
};

struct CartesianVelocity {
  double vx_mps = 0.0;  ///< east
  double vy_mps = 0.0;  ///< north
};

/// One system track at one time: one CAT062 record.
struct Cat062Track {
  std::uint8_t sac = 0;                         ///< I062/010 system area code
  std::uint8_t sic = 0;                         ///< I062/010 system identification code
  std::optional<std::uint8_t> service_id;       ///< I062/015
  double time_of_day_s = 0.0;                   ///< I062/070, seconds since midnight UTC
  std::uint16_t track_number = 0;               ///< I062/040
  bool confirmed = true;                        ///< I062/080 CNF (false: tentative)
  bool monosensor = false;                      ///< I062/080 MON
  std::optional<Wgs84Position> position_wgs84;  ///< I062/105
  std::optional<CartesianPosition> position_xy;  ///< I062/100
  std::optional<CartesianVelocity> velocity;    ///< I062/185
  std::optional<double> measured_flight_level_fl;  ///< I062/136, flight levels (100 ft)
  std::optional<double> geometric_altitude_ft;     ///< I062/130
};

/// Largest data block ASTERIX allows (LEN is 16 bits).
inline constexpr std::size_t kMaxAsterixBlockBytes = 65535;

/// Encodes the tracks as CAT062 data blocks of at most `max_block_bytes` each (a new block starts
/// when the next record would not fit), in input order; no tracks give no blocks. Values are
/// rounded to the nearest LSB; time of day is reduced modulo one day. A value outside its item's
/// range (latitude beyond +-90 deg, x beyond +-4194304 m, speed beyond +-8192 m/s, ...) is an
/// InputError naming the track and item.
std::vector<std::vector<std::uint8_t>> encode_cat062_blocks(
    std::span<const Cat062Track> tracks, std::size_t max_block_bytes = kMaxAsterixBlockBytes);

/// Decodes the CAT062 records of a stream of ASTERIX data blocks (blocks of other categories are
/// skipped whole). Items other than those of Cat062Track are skipped by their length rules. A
/// record must carry I062/010, 070, 040 and 080. Malformed input (truncated block, bad LEN,
/// FSPEC or item running off the record, spare FSPEC bit set) is an InputError
/// "SOURCE: byte N: what is wrong", N counted from the start of `bytes`.
std::vector<Cat062Track> decode_cat062(std::span<const std::uint8_t> bytes, const std::string& source);

/// Reads a raw file of ASTERIX data blocks and decodes it as decode_cat062 does; a file that
/// cannot be read is an InputError.
std::vector<Cat062Track> read_cat062_file(const std::string& path);

}  // namespace rampart::io
