#include "sim/dis_entity_types.h"

#include <array>

namespace rampart::sim {
namespace {

struct Row {
  const char* kind;
  io::DisEntityType type;
  double rcs_m2;
};

constexpr std::uint8_t kPlatform = 1;
constexpr std::uint8_t kMunition = 2;
constexpr std::uint8_t kAir = 2;

constexpr std::array<Row, 7> kTable = {{
    {"strike_aircraft", {kPlatform, kAir, 0, 2, 0, 0, 0}, 5.0},
    {"fighter", {kPlatform, kAir, 0, 1, 0, 0, 0}, 3.0},
    {"airborne_early_warning", {kPlatform, kAir, 0, 8, 0, 0, 0}, 50.0},
    {"transport", {kPlatform, kAir, 0, 4, 0, 0, 0}, 30.0},
    {"helicopter", {kPlatform, kAir, 0, 20, 0, 0, 0}, 8.0},
    {"drone", {kPlatform, kAir, 0, 50, 0, 0, 0}, 0.05},
    {"cruise_missile", {kMunition, 11, 0, 1, 0, 0, 0}, 0.1},
}};

const Row& row_of(const char* kind) {
  for (const Row& r : kTable)
    if (std::string(r.kind) == kind) return r;
  return kTable[0];
}

}  // namespace

io::DisEntityType dis_entity_type(const std::string& kind) {
  for (const Row& r : kTable)
    if (r.kind == kind) return r.type;
  return {kPlatform, kAir, 0, 0, 0, 0, 0};
}

std::optional<ExternalKind> external_kind(const io::DisEntityType& type) {
  for (const Row& r : kTable) {
    if (r.type.kind == type.kind && r.type.domain == type.domain && r.type.category == type.category) {
      return ExternalKind{r.kind, r.rcs_m2};
    }
  }
  if (type.kind == kPlatform && type.domain == kAir) return ExternalKind{"strike_aircraft", row_of("strike_aircraft").rcs_m2};
  if (type.kind == kMunition) return ExternalKind{"cruise_missile", row_of("cruise_missile").rcs_m2};
  return std::nullopt;
}

}  // namespace rampart::sim
