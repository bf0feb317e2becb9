#include "io/dis_pdu.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "core/error.h"

namespace rampart::io {
namespace {

using Bytes = std::vector<std::uint8_t>;

constexpr std::uint8_t kFamilyEntityInformation = 1;
constexpr std::uint8_t kFamilyWarfare = 2;
constexpr std::uint8_t kMarkingAscii = 1;
constexpr std::uint8_t kOldestVersionRead = 5;
constexpr std::uint8_t kNewestVersionRead = 7;
constexpr std::size_t kDeadReckoningOtherBytes = 15;
constexpr double kSecondsPerHour = 3600.0;
constexpr std::uint32_t kTimestampUnits = 1u << 31;  // units in an hour

// ---- writing ----

class Writer {
 public:
  void u8(std::uint64_t v) { put(v, 1); }
  void u16(std::uint64_t v) { put(v, 2); }
  void u32(std::uint64_t v) { put(v, 4); }
  void f32(double v) { u32(std::bit_cast<std::uint32_t>(static_cast<float>(v))); }
  void f64(double v) { put(std::bit_cast<std::uint64_t>(v), 8); }
  void zeros(std::size_t n) { out_.insert(out_.end(), n, 0); }
  void id(const DisEntityId& id) {
    u16(id.site);
    u16(id.application);
    u16(id.entity);
  }
  void type(const DisEntityType& t) {
    u8(t.kind);
    u8(t.domain);
    u16(t.country);
    u8(t.category);
    u8(t.subcategory);
    u8(t.specific);
    u8(t.extra);
  }
  void vector32(const Eigen::Vector3d& v) {
    for (int i = 0; i < 3; ++i) f32(v[i]);
  }
  void vector64(const Eigen::Vector3d& v) {
    for (int i = 0; i < 3; ++i) f64(v[i]);
  }
  void descriptor(const DisMunitionDescriptor& d) {
    type(d.munition);
    u16(d.warhead);
    u16(d.fuse);
    u16(d.quantity);
    u16(d.rate);
  }
  void header(const DisHeader& h, DisPduType type, std::uint8_t family, std::size_t length) {
    u8(kDisVersion);
    u8(h.exercise_id);
    u8(static_cast<std::uint8_t>(type));
    u8(family);
    // Units past the hour, the hour wrapped; the absolute flag in the low bit.
    const double units = std::floor(std::fmod(h.timestamp_s, kSecondsPerHour) / kDisTimestampUnit_s + 0.5);
    const auto wrapped = static_cast<std::uint32_t>(std::fmod(units + kTimestampUnits, kTimestampUnits));
    u32(static_cast<std::uint64_t>(wrapped) << 1 | (h.timestamp_absolute ? 1u : 0u));
    u16(length);
    u8(h.pdu_status);
    u8(0);
  }
  Bytes take() { return std::move(out_); }

 private:
  void put(std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  Bytes out_;
};

std::string who(const DisEntityId& id) {
  return "DIS entity " + std::to_string(id.site) + ":" + std::to_string(id.application) + ":" +
         std::to_string(id.entity);
}

void check_header(const DisHeader& h, const DisEntityId& id) {
  if (!std::isfinite(h.timestamp_s)) throw InputError(who(id) + ": timestamp is not finite");
}

void check_location(const Eigen::Vector3d& p_ecef_m, const DisEntityId& id) {
  if (!p_ecef_m.allFinite()) throw InputError(who(id) + ": location is not finite");
}

void check_no_variable_parameters(std::size_t n, const DisEntityId& id) {
  if (n != 0) throw InputError(who(id) + ": writing variable parameter records is not supported; set 0");
}

Bytes encode(const DisEntityState& e) {
  check_header(e.header, e.id);
  check_location(e.p_ecef_m, e.id);
  check_no_variable_parameters(e.variable_parameters, e.id);
  Writer w;
  w.header(e.header, DisPduType::kEntityState, kFamilyEntityInformation, kDisEntityStateBytes);
  w.id(e.id);
  w.u8(e.force_id);
  w.u8(0);
  w.type(e.type);
  w.type(e.alternative_type);
  w.vector32(e.v_ecef_mps);
  w.vector64(e.p_ecef_m);
  w.vector32(e.orientation_rad);
  w.u32(e.appearance);
  w.u8(e.dead_reckoning_algorithm);
  w.zeros(kDeadReckoningOtherBytes);
  w.vector32(e.a_ecef_mps2);
  w.vector32(e.w_body_radps);
  w.u8(kMarkingAscii);
  const std::string marking = e.marking.substr(0, kDisMarkingChars);
  for (const char c : marking) w.u8(static_cast<std::uint8_t>(c));
  w.zeros(kDisMarkingChars - marking.size());
  w.u32(e.capabilities);
  return w.take();
}

/// A Fire or Detonation PDU's header and the four IDs that open it: firing, target, munition, event.
template <typename Warfare>
Writer open_warfare(const Warfare& p, DisPduType type, std::size_t length) {
  check_header(p.header, p.firing);
  check_location(p.p_ecef_m, p.firing);
  Writer w;
  w.header(p.header, type, kFamilyWarfare, length);
  for (const DisEntityId& id : {p.firing, p.target, p.munition, p.event}) w.id(id);
  return w;
}

Bytes encode(const DisFire& f) {
  Writer w = open_warfare(f, DisPduType::kFire, kDisFireBytes);
  w.u32(f.fire_mission_index);
  w.vector64(f.p_ecef_m);
  w.descriptor(f.descriptor);
  w.vector32(f.v_ecef_mps);
  w.f32(f.range_m);
  return w.take();
}

Bytes encode(const DisDetonation& d) {
  check_no_variable_parameters(d.variable_parameters, d.firing);
  Writer w = open_warfare(d, DisPduType::kDetonation, kDisDetonationBytes);
  w.vector32(d.v_ecef_mps);
  w.vector64(d.p_ecef_m);
  w.descriptor(d.descriptor);
  w.vector32(d.p_entity_m);
  w.u8(d.result);
  w.u8(0);
  w.u16(0);
  return w.take();
}

// ---- reading ----

class Reader {
 public:
  Reader(std::span<const std::uint8_t> bytes, const std::string& source) : bytes_(bytes), source_(source) {}

  [[noreturn]] void fail(std::size_t at, const std::string& what) const {
    throw InputError(source_ + ": byte " + std::to_string(at) + ": " + what);
  }
  std::size_t position() const { return pos_; }
  std::size_t left() const { return bytes_.size() - pos_; }
  void seek(std::size_t pos) { pos_ = pos; }

  std::uint64_t unsigned_value(std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v << 8 | bytes_[pos_ + i];
    pos_ += n;
    return v;
  }
  std::uint8_t u8() { return static_cast<std::uint8_t>(unsigned_value(1)); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(unsigned_value(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(unsigned_value(4)); }
  double f32() { return std::bit_cast<float>(u32()); }
  double f64() { return std::bit_cast<double>(unsigned_value(8)); }
  // A braced list is evaluated left to right: the fields in wire order.
  DisEntityId id() { return {u16(), u16(), u16()}; }
  DisEntityType type() { return {u8(), u8(), u16(), u8(), u8(), u8(), u8()}; }
  Eigen::Vector3d vector32() { return Eigen::Vector3d{f32(), f32(), f32()}; }
  Eigen::Vector3d vector64() { return Eigen::Vector3d{f64(), f64(), f64()}; }
  DisMunitionDescriptor descriptor() { return {type(), u16(), u16(), u16(), u16()}; }

 private:
  std::span<const std::uint8_t> bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
};

DisEntityState read_entity_state(Reader& in, const DisHeader& header, std::size_t start, std::size_t length) {
  DisEntityState e;
  e.header = header;
  e.id = in.id();
  e.force_id = in.u8();
  e.variable_parameters = in.u8();
  const std::size_t expected = kDisEntityStateBytes + e.variable_parameters * kDisVariableParameterBytes;
  if (length != expected) {
    in.fail(start + 8, "Entity State PDU length " + std::to_string(length) + " does not match its " +
                           std::to_string(e.variable_parameters) + " variable parameter record(s) (" +
                           std::to_string(expected) + " bytes)");
  }
  e.type = in.type();
  e.alternative_type = in.type();
  e.v_ecef_mps = in.vector32();
  e.p_ecef_m = in.vector64();
  e.orientation_rad = in.vector32();
  e.appearance = in.u32();
  e.dead_reckoning_algorithm = in.u8();
  in.seek(in.position() + kDeadReckoningOtherBytes);
  e.a_ecef_mps2 = in.vector32();
  e.w_body_radps = in.vector32();
  in.u8();  // character set: the characters are taken as they are
  for (std::size_t i = 0; i < kDisMarkingChars; ++i) {
    const char c = static_cast<char>(in.u8());
    if (c == '\0') {
      in.seek(in.position() + kDisMarkingChars - i - 1);
      break;
    }
    e.marking.push_back(c);
  }
  e.capabilities = in.u32();
  return e;
}

/// The header and the four IDs that open a Fire or Detonation PDU.
template <typename Warfare>
Warfare read_warfare_ids(Reader& in, const DisHeader& header) {
  Warfare p;
  p.header = header;
  p.firing = in.id();
  p.target = in.id();
  p.munition = in.id();
  p.event = in.id();
  return p;
}

DisFire read_fire(Reader& in, const DisHeader& header) {
  DisFire f = read_warfare_ids<DisFire>(in, header);
  f.fire_mission_index = in.u32();
  f.p_ecef_m = in.vector64();
  f.descriptor = in.descriptor();
  f.v_ecef_mps = in.vector32();
  f.range_m = in.f32();
  return f;
}

DisDetonation read_detonation(Reader& in, const DisHeader& header, std::size_t start, std::size_t length) {
  DisDetonation d = read_warfare_ids<DisDetonation>(in, header);
  d.v_ecef_mps = in.vector32();
  d.p_ecef_m = in.vector64();
  d.descriptor = in.descriptor();
  d.p_entity_m = in.vector32();
  d.result = in.u8();
  d.variable_parameters = in.u8();
  const std::size_t expected = kDisDetonationBytes + d.variable_parameters * kDisVariableParameterBytes;
  if (length != expected) {
    in.fail(start + 8, "Detonation PDU length " + std::to_string(length) + " does not match its " +
                           std::to_string(d.variable_parameters) + " variable parameter record(s) (" +
                           std::to_string(expected) + " bytes)");
  }
  return d;
}

}  // namespace

std::vector<std::uint8_t> encode_dis(const DisPdu& pdu) {
  return std::visit([](const auto& p) { return encode(p); }, pdu);
}

DisDecoded decode_dis(std::span<const std::uint8_t> bytes, const std::string& source) {
  DisDecoded out;
  Reader in(bytes, source);
  while (in.left() > 0) {
    const std::size_t start = in.position();
    if (in.left() < kDisHeaderBytes) {
      in.fail(start, "truncated PDU: " + std::to_string(in.left()) + " byte(s) left, a DIS header needs 12");
    }
    DisHeader h;
    h.version = in.u8();
    if (h.version < kOldestVersionRead || h.version > kNewestVersionRead) {
      in.fail(start, "protocol version " + std::to_string(h.version) +
                         " is not DIS 5 to 7 (send IEEE 1278.1 version 7 PDUs)");
    }
    h.exercise_id = in.u8();
    const std::uint8_t type = in.u8();
    in.u8();  // protocol family: follows from the type
    const std::uint32_t timestamp = in.u32();
    h.timestamp_s = static_cast<double>(timestamp >> 1) * kDisTimestampUnit_s;
    h.timestamp_absolute = (timestamp & 1u) != 0;
    const std::size_t length = in.u16();
    h.pdu_status = in.u8();
    in.u8();
    if (length < kDisHeaderBytes) {
      in.fail(start + 8, "PDU length " + std::to_string(length) + " is shorter than the 12-byte header");
    }
    if (length > in.left() + kDisHeaderBytes) {
      in.fail(start + 8, "PDU length " + std::to_string(length) + " runs past the end of the input (" +
                             std::to_string(in.left() + kDisHeaderBytes) + " byte(s) there)");
    }
    const auto need = [&](std::size_t layout_bytes, const char* what) {
      if (length < layout_bytes) {
        in.fail(start + 8, std::string(what) + " PDU length " + std::to_string(length) + " is shorter than its " +
                               std::to_string(layout_bytes) + " bytes");
      }
    };
    switch (type) {
      case static_cast<std::uint8_t>(DisPduType::kEntityState):
        need(kDisEntityStateBytes, "Entity State");
        out.pdus.emplace_back(read_entity_state(in, h, start, length));
        break;
      case static_cast<std::uint8_t>(DisPduType::kFire):
        if (length != kDisFireBytes) in.fail(start + 8, "Fire PDU length " + std::to_string(length) + " is not 96");
        out.pdus.emplace_back(read_fire(in, h));
        break;
      case static_cast<std::uint8_t>(DisPduType::kDetonation):
        need(kDisDetonationBytes, "Detonation");
        out.pdus.emplace_back(read_detonation(in, h, start, length));
        break;
      default: ++out.skipped; break;
    }
    in.seek(start + length);  // past the variable parameter records, or the PDU skipped
  }
  return out;
}

}  // namespace rampart::io
