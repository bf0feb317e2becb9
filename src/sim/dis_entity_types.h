// How Rampart's kinds of entity appear in DIS (IEEE 1278.1 entity types, enumerations of
// SISO-REF-010), both ways: what the DIS sink (dis_sender.h) sends for our entities and what the
// listener (dis_listener.h) makes of another simulator's. Country 0 (other): every platform
// here is notional.
//
//   our kind                 kind        domain            category
//   strike_aircraft          1 platform  2 air             2 attack/strike
//   fighter                  1 platform  2 air             1 fighter/air defence
//   airborne_early_warning   1 platform  2 air             8 surveillance/C2 (AEW)
//   transport                1 platform  2 air             4 cargo/tanker
//   helicopter               1 platform  2 air             20 attack helicopter
//   drone                    1 platform  2 air             50 unmanned
//   cruise_missile           2 munition  11 tactical       1 guided
//   (a fire unit)            1 platform  1 land            28 air defence / missile defence
//   (an interceptor, burst)  2 munition  1 anti-air        1 guided
// A kind not in the table goes out as an air platform of category 0 (other).
//
// Reading, by (kind, domain, category) in the table; any other air platform is taken as a
// strike_aircraft, any other munition as a cruise_missile, and anything else (land, sea, life
// forms, ...) is not an air entity and is left out. Radar cross-sections, which DIS does not
// carry, are notional per kind: 5 m^2 strike aircraft, 3 fighter, 50 AEW, 30 transport,
// 8 helicopter, 0.05 drone, 0.1 cruise missile.
#pragma once

#include <optional>
#include <string>

#include "io/dis_pdu.h"

namespace rampart::sim {

inline constexpr io::DisEntityType kDisFireUnitType{1, 1, 0, 28, 0, 0, 0};
inline constexpr io::DisEntityType kDisInterceptorType{2, 1, 0, 1, 0, 0, 0};

/// The entity type our `kind` (world::Entity::kind) is sent as.
io::DisEntityType dis_entity_type(const std::string& kind);

/// What an entity of another simulator is taken for: our kind and its radar cross-section.
struct ExternalKind {
  std::string kind;
  double rcs_m2 = 0.0;
};
/// Our kind for a DIS entity type; none for an entity that is not in the air.
std::optional<ExternalKind> external_kind(const io::DisEntityType& type);

}  // namespace rampart::sim
