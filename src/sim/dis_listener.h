// Federation over DIS (`rampart run --dis-listen PORT`): another simulator's Entity State PDUs
// (io/dis_pdu.h), received on a UDP port, bring its entities into this run as external entities
// (World::add_external) that the sensors see like any other.
//
// Before each step the run drains the socket (drain()): every datagram waiting is decoded, and
// each Entity State PDU (of any exercise) of an air entity (dis_entity_types.h: its kind and notional radar
// cross-section) updates the entity with that entity ID, or brings it in at the step about to
// run: side friendly for force ID 1 and hostile otherwise, secure IFF for a friendly, name its
// marking. Its ECEF location and velocity at the time of receipt (simulated time of the step
// about to run: the federates' clocks are not compared) are its fix, dead-reckoned by its
// ExternalMover until the next. Appearance 'destroyed' ends it as killed, 'deactivated' as
// departed, and so does silence longer than kTimeout_s (IEEE 1278.1's default, 2.4 heartbeats
// of 5 s). Entities that are not in the air, PDUs of other types, our own (the site and
// application this run sends with), entities without a finite location, and datagrams that do not decode are counted and left out:
// a network feed is not the user's input, so a bad datagram does not stop the run (the first is
// logged). Without --dis-listen nothing of this runs and results are as before.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "io/dis_pdu.h"
#include "sim/simulation.h"

namespace rampart::sim {

class DisListener {
 public:
  static constexpr double kTimeout_s = 12.0;

  struct Counts {
    std::size_t datagrams = 0;
    std::size_t entity_states = 0;  ///< applied to an entity
    std::size_t entities = 0;       ///< brought into the run
    std::size_t left_out = 0;       ///< PDUs of other types, of other entities, of ended ones, and our own
    std::size_t malformed = 0;      ///< datagrams that did not decode
  };

  /// Binds UDP `port` on every IPv4 address; a port that cannot be bound is an InputError
  /// "--dis-listen: ...". PDUs from `own` (site, application) are left out.
  DisListener(std::uint16_t port, std::optional<io::DisEntityId> own);
  ~DisListener();
  DisListener(const DisListener&) = delete;
  DisListener& operator=(const DisListener&) = delete;

  /// Applies every datagram waiting to `simulation` as of its next step, then ends the
  /// entities not heard for kTimeout_s.
  void drain(Simulation& simulation);
  /// Applies one datagram received at simulated time t_s (drain()'s work, socket aside).
  void apply(std::span<const std::uint8_t> datagram, double t_s, Simulation& simulation);

  const Counts& counts() const { return counts_; }

 private:
  struct Federate {
    std::uint32_t entity_id = 0;  ///< in the world
    double heard_t_s = 0.0;
    bool ended = false;
  };
  struct Socket;

  void apply(const io::DisEntityState& pdu, double t_s, Simulation& simulation);

  std::unique_ptr<Socket> socket_;
  std::optional<io::DisEntityId> own_;  ///< entity number unused
  std::map<io::DisEntityId, Federate> federates_;
  Counts counts_;
};

}  // namespace rampart::sim
