// ASTERIX CAT048 (monoradar target reports), edition 1.31 as Wireshark's tshark 4.0 decodes it by
// default; built on asterix_block.h (framing, FSPEC, length rules).
//
// Items carried, in UAP order (big-endian):
//   FRN 1  I048/010 SAC, SIC                       1 + 1 bytes
//   FRN 2  I048/140 time of day                    3 bytes unsigned, LSB 1/128 s
//   FRN 3  I048/020 target report descriptor       TYP(3) SIM RDP SPI RAB FX, extensions by FX
//   FRN 4  I048/040 measured position, polar       RHO 2 bytes LSB 1/256 NM, THETA 2 bytes LSB
//                                                  360/2^16 deg (clockwise from north)
//   FRN 5  I048/070 Mode-3/A code                  V G L spare, 12-bit code (four octal digits)
//   FRN 6  I048/090 flight level                   V G, 14 bits two's complement, LSB 1/4 FL
//   FRN 7  I048/130 radar plot characteristics     compound; SRR (1 byte, count), SAM and PAM (1 byte
//                                                  signed each, dBm) carried, SRL PRL RPD APD skipped
//   FRN 8  I048/220 aircraft address               24 bits
//   FRN 11 I048/161 track number                   4 spare bits, 12-bit number
//   FRN 13 I048/200 calculated track velocity      ground speed 2 bytes LSB 2^-14 NM/s, heading
//                                                  2 bytes LSB 360/2^16 deg
//   FRN 20 I048/120 radial Doppler speed           compound; CAL (2 bytes: D, 5 spare bits, 10 bits
//                                                  two's complement, LSB 1 m/s) carried, RDS skipped
// Every other item of the UAP is skipped by its length rule (fixed, extended by FX, repetitive,
// compound, explicit RE/SP); blocks of other categories are skipped whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rampart::io {

/// I048/020 TYP: what detected the target.
enum class Cat048DetectionType : std::uint8_t {
  kNone = 0,
  kSinglePsr = 1,
  kSingleSsr = 2,
  kSsrPlusPsr = 3,
  kModeSAllCall = 4,
  kModeSRollCall = 5,
  kModeSAllCallPlusPsr = 6,
  kModeSRollCallPlusPsr = 7,
};

/// I048/130 subfields carried (others are skipped when read).
struct Cat048PlotCharacteristics {
  std::optional<std::uint8_t> ssr_replies;        ///< SRR: SSR replies received for the target
  std::optional<std::int8_t> ssr_amplitude_dbm;   ///< SAM: amplitude of the SSR replies
  std::optional<std::int8_t> psr_amplitude_dbm;   ///< PAM: amplitude of the primary plot
};

/// I048/200.
struct Cat048TrackVelocity {
  double ground_speed_nm_per_s = 0.0;
  double heading_deg = 0.0;  ///< clockwise from north, [0, 360)
};

/// One monoradar target report: one CAT048 record.
struct Cat048Report {
  std::uint8_t sac = 0;  ///< I048/010 system area code
  std::uint8_t sic = 0;  ///< I048/010 system identification code
  double time_of_day_s = 0.0;  ///< I048/140, seconds since midnight UTC
  Cat048DetectionType detection = Cat048DetectionType::kSinglePsr;  ///< I048/020 TYP
  bool simulated = false;  ///< I048/020 SIM
  std::optional<double> range_nm;  ///< I048/040 RHO, slant range from the radar; with azimuth_deg
  std::optional<double> azimuth_deg;  ///< I048/040 THETA, clockwise from north, [0, 360)
  std::optional<std::uint16_t> mode3a_code;  ///< I048/070, the 12 code bits (octal 7000 = 07000)
  std::optional<double> flight_level_fl;  ///< I048/090, flight levels (100 ft)
  std::optional<Cat048PlotCharacteristics> characteristics;  ///< I048/130
  std::optional<std::uint32_t> aircraft_address;  ///< I048/220, 24-bit ICAO address
  std::optional<std::uint16_t> track_number;  ///< I048/161, 12 bits
  std::optional<Cat048TrackVelocity> velocity;  ///< I048/200
  /// I048/120 CAL, the calculated Doppler (radial) speed, -512 to 511 m/s; positive receding as
  /// our plots give it (the item fixes no sign; Wireshark shows the value as sent).
  std::optional<double> radial_doppler_speed_mps;
};

/// Encodes the reports as CAT048 data blocks of at most `max_block_bytes` each, in input order;
/// no reports give no blocks. Values are rounded to the nearest LSB; azimuth wraps into
/// [0, 360); time of day is reduced modulo one day. A value outside its item's range (range beyond
/// 256 NM, flight level beyond +-2048, Mode-3/A above octal 7777, ...) is an InputError naming the
/// radar (SAC/SIC) and the item.
std::vector<std::vector<std::uint8_t>> encode_cat048_blocks(std::span<const Cat048Report> reports,
                                                            std::size_t max_block_bytes = 65535);

/// Decodes the CAT048 records of a stream of ASTERIX data blocks (other categories skipped). A
/// record must carry I048/010, 140 and 020. Malformed input is an InputError
/// "SOURCE: byte N: what is wrong".
std::vector<Cat048Report> decode_cat048(std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace rampart::io
