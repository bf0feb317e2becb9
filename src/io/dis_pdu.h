// IEEE 1278.1 Distributed Interactive Simulation, protocol version 7 (IEEE 1278.1-2012): the
// Entity State, Fire and Detonation PDUs, encoded and decoded by hand, big-endian. Written here
// because no Debian package implements DIS (Open-DIS and KDIS are not packaged); the layouts are
// those of ../shared/docs/interop.md, checked field by field against Wireshark's dissector.
//
// Every PDU starts with a 12-byte header: protocol version (7), exercise ID, PDU type (1 Entity
// State, 2 Fire, 3 Detonation), protocol family (1 entity information, 2 warfare), timestamp
// (32 bits), length (16 bits, the whole PDU in bytes), PDU status, one pad byte. The timestamp
// counts units of 3600 / 2^31 s past the hour in its upper 31 bits; its low bit is 1 for an
// absolute timestamp (a clock shared by the exercise), 0 for a relative one.
//
// Entity State (144 bytes + 16 per variable parameter record): entity ID, force ID, the number
// of variable parameter records, entity type, alternative entity type, linear velocity (3 float32,
// m/s, ECEF axes), location (3 float64, ECEF metres), orientation (3 float32: psi, theta, phi,
// the Euler angles from the ECEF axes to the entity's body axes, radians), appearance (32 bits),
// dead-reckoning parameters (algorithm, 15 bytes of other parameters, linear acceleration 3
// float32 m/s^2, angular velocity 3 float32 rad/s in body axes), marking (character set 1 = ASCII
// and 11 characters, NUL-padded), capabilities (32 bits), then the variable parameter records.
// Fire (96 bytes): firing, target and munition entity IDs, event ID, fire mission index,
// location (3 float64), burst descriptor (munition type, warhead, fuse, quantity, rate), velocity
// (3 float32), range (float32, metres). Detonation (104 bytes + 16 per variable parameter record):
// firing, target and exploding entity IDs, event ID, velocity, location, burst descriptor,
// location in entity coordinates (3 float32), result (8 bits), number of variable parameter
// records, two pad bytes, then the records.
//
// Reading: protocol versions 5 to 7 are read (the three PDUs have the same layout in 1278.1-1995,
// 1278.1a-1998 and 1278.1-2012); variable parameter records are skipped and counted; PDUs of other
// types are skipped by their length and counted. A PDU that is truncated, whose length field
// disagrees with its type's layout or with the bytes there are, or whose version is not 5-7 is an
// InputError "SOURCE: byte N: what is wrong". Writing never emits variable parameter records.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace rampart::io {

inline constexpr std::uint8_t kDisVersion = 7;
inline constexpr std::uint16_t kDisPort = 3000;  ///< DIS's usual UDP port
inline constexpr std::size_t kDisHeaderBytes = 12;
inline constexpr std::size_t kDisEntityStateBytes = 144;
inline constexpr std::size_t kDisFireBytes = 96;
inline constexpr std::size_t kDisDetonationBytes = 104;
inline constexpr std::size_t kDisVariableParameterBytes = 16;
inline constexpr std::size_t kDisMarkingChars = 11;
/// One timestamp unit: 3600 / 2^31 s (about 1.68 microseconds).
inline constexpr double kDisTimestampUnit_s = 3600.0 / 2147483648.0;

enum class DisPduType : std::uint8_t { kEntityState = 1, kFire = 2, kDetonation = 3 };

/// Force ID: which side an entity fights on.
inline constexpr std::uint8_t kDisForceOther = 0;
inline constexpr std::uint8_t kDisForceFriendly = 1;
inline constexpr std::uint8_t kDisForceOpposing = 2;

/// Dead-reckoning algorithms used here: 1 static, 2 DRM(F, P, W) (constant velocity, fixed
/// orientation, world coordinates).
inline constexpr std::uint8_t kDisDeadReckoningStatic = 1;
inline constexpr std::uint8_t kDisDeadReckoningFpw = 2;

/// Appearance bits common to platforms: damage (bits 3-4, 3 = destroyed) and state (bit 23,
/// 1 = deactivated).
inline constexpr std::uint32_t kDisAppearanceDestroyed = 3u << 3;
inline constexpr std::uint32_t kDisAppearanceDeactivated = 1u << 23;

/// Detonation results used here (SISO-REF-010): 1 entity impact, 3 ground impact, 5 detonation
/// (no entity hit), 6 none (no detonation).
inline constexpr std::uint8_t kDisResultEntityImpact = 1;
inline constexpr std::uint8_t kDisResultGroundImpact = 3;
inline constexpr std::uint8_t kDisResultDetonation = 5;
inline constexpr std::uint8_t kDisResultNone = 6;

/// Site, application, entity (or, for an event ID, site, application, event number).
struct DisEntityId {
  std::uint16_t site = 0;
  std::uint16_t application = 0;
  std::uint16_t entity = 0;
  bool operator==(const DisEntityId&) const = default;
  auto operator<=>(const DisEntityId&) const = default;
};

struct DisEntityType {
  std::uint8_t kind = 0;    ///< 1 platform, 2 munition, 3 life form, ...
  std::uint8_t domain = 0;  ///< platforms: 1 land, 2 air, 3 surface; munitions: the target domain
  std::uint16_t country = 0;
  std::uint8_t category = 0;
  std::uint8_t subcategory = 0;
  std::uint8_t specific = 0;
  std::uint8_t extra = 0;
  bool operator==(const DisEntityType&) const = default;
};

/// The header fields a PDU's sender chooses (type, family and length follow from the PDU).
struct DisHeader {
  std::uint8_t version = kDisVersion;  ///< as read; always 7 when written
  std::uint8_t exercise_id = 1;
  double timestamp_s = 0.0;  ///< past the hour, [0, 3600); written modulo the hour
  bool timestamp_absolute = true;
  std::uint8_t pdu_status = 0;
};

struct DisEntityState {
  DisHeader header;
  DisEntityId id;
  std::uint8_t force_id = kDisForceOther;
  DisEntityType type;
  DisEntityType alternative_type;
  Eigen::Vector3d v_ecef_mps = Eigen::Vector3d::Zero();
  Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();
  /// psi, theta, phi: the body axes reached from the ECEF axes by turning psi about z, then theta
  /// about the new y, then phi about the new x.
  Eigen::Vector3d orientation_rad = Eigen::Vector3d::Zero();
  std::uint32_t appearance = 0;
  std::uint8_t dead_reckoning_algorithm = kDisDeadReckoningFpw;
  Eigen::Vector3d a_ecef_mps2 = Eigen::Vector3d::Zero();
  Eigen::Vector3d w_body_radps = Eigen::Vector3d::Zero();
  std::string marking;  ///< ASCII, at most 11 characters (longer is cut when written)
  std::uint32_t capabilities = 0;
  /// Read: how many variable parameter records were skipped. Written: none (must be 0).
  std::size_t variable_parameters = 0;
};

/// Burst descriptor of a Fire or Detonation PDU.
struct DisMunitionDescriptor {
  DisEntityType munition;
  std::uint16_t warhead = 0;
  std::uint16_t fuse = 0;
  std::uint16_t quantity = 1;
  std::uint16_t rate = 0;
};

struct DisFire {
  DisHeader header;
  DisEntityId firing;
  DisEntityId target;
  DisEntityId munition;
  DisEntityId event;  ///< site, application, event number: matches the Detonation of the round
  std::uint32_t fire_mission_index = 0;
  Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();  ///< where the round leaves
  DisMunitionDescriptor descriptor;
  Eigen::Vector3d v_ecef_mps = Eigen::Vector3d::Zero();
  double range_m = 0.0;  ///< range the fire-control solution expects
};

struct DisDetonation {
  DisHeader header;
  DisEntityId firing;
  DisEntityId target;
  DisEntityId munition;
  DisEntityId event;
  Eigen::Vector3d v_ecef_mps = Eigen::Vector3d::Zero();
  Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();
  DisMunitionDescriptor descriptor;
  Eigen::Vector3d p_entity_m = Eigen::Vector3d::Zero();  ///< relative to the target, its body axes
  std::uint8_t result = kDisResultNone;
  /// Read: how many variable parameter records were skipped. Written: none (must be 0).
  std::size_t variable_parameters = 0;
};

using DisPdu = std::variant<DisEntityState, DisFire, DisDetonation>;

/// What a stream of PDUs decoded to.
struct DisDecoded {
  std::vector<DisPdu> pdus;
  std::size_t skipped = 0;  ///< well-framed PDUs of other types
};

/// One PDU's bytes. A marking longer than 11 characters is cut to 11; a PDU with variable
/// parameters to write, or a non-finite location, is an InputError naming the entity.
std::vector<std::uint8_t> encode_dis(const DisPdu& pdu);

/// Decodes a stream of PDUs laid end to end (a datagram holds one; a file many), as the header
/// comment says. Malformed input is an InputError "SOURCE: byte N: what is wrong".
DisDecoded decode_dis(std::span<const std::uint8_t> bytes, const std::string& source);

}  // namespace rampart::io
