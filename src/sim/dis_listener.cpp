#include "sim/dis_listener.h"

#include <array>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/error.h"
#include "core/geodesy.h"
#include "sim/dis_entity_types.h"

namespace rampart::sim {

namespace net = boost::asio;

struct DisListener::Socket {
  net::io_context io;
  net::ip::udp::socket socket{io};
};

DisListener::DisListener(std::uint16_t port, std::optional<io::DisEntityId> own)
    : socket_(std::make_unique<Socket>()), own_(own) {
  boost::system::error_code error;
  socket_->socket.open(net::ip::udp::v4(), error);
  if (!error) socket_->socket.set_option(net::socket_base::reuse_address(true), error);
  if (!error) socket_->socket.bind({net::ip::udp::v4(), port}, error);
  if (!error) socket_->socket.non_blocking(true, error);
  if (error) {
    throw InputError(fmt::format("--dis-listen: cannot listen on UDP port {}: {}; choose a free port", port,
                                 error.message()));
  }
}

DisListener::~DisListener() = default;

void DisListener::drain(Simulation& simulation) {
  const double t_s = simulation.next_time_s();
  std::array<std::uint8_t, 65536> buffer;
  for (;;) {
    boost::system::error_code error;
    const std::size_t n = socket_->socket.receive(net::buffer(buffer), 0, error);
    if (error == net::error::would_block || error == net::error::try_again) break;
    if (error) {
      spdlog::warn("--dis-listen: receiving failed: {}", error.message());
      break;
    }
    apply(std::span<const std::uint8_t>(buffer.data(), n), t_s, simulation);
  }
  for (auto& [id, federate] : federates_) {
    if (federate.ended || t_s - federate.heard_t_s <= kTimeout_s) continue;
    simulation.end_external(federate.entity_id, world::EntityState::kDeparted);
    federate.ended = true;
  }
}

void DisListener::apply(std::span<const std::uint8_t> datagram, double t_s, Simulation& simulation) {
  ++counts_.datagrams;
  io::DisDecoded decoded;
  try {
    decoded = io::decode_dis(datagram, "--dis-listen datagram");
  } catch (const InputError& e) {
    if (counts_.malformed++ == 0) spdlog::warn("{} (left out; later ones are counted)", e.what());
    return;
  }
  counts_.left_out += decoded.skipped;
  for (const io::DisPdu& pdu : decoded.pdus) {
    if (const auto* state = std::get_if<io::DisEntityState>(&pdu)) {
      apply(*state, t_s, simulation);
    } else {
      ++counts_.left_out;
    }
  }
}

void DisListener::apply(const io::DisEntityState& pdu, double t_s, Simulation& simulation) {
  const bool own = own_ && pdu.id.site == own_->site && pdu.id.application == own_->application;
  if (own || !pdu.p_ecef_m.allFinite() || !pdu.v_ecef_mps.allFinite()) {
    ++counts_.left_out;
    return;
  }
  const world::ExternalFix fix{t_s, pdu.p_ecef_m, pdu.v_ecef_mps};
  const bool destroyed = (pdu.appearance & io::kDisAppearanceDestroyed) == io::kDisAppearanceDestroyed;
  const bool deactivated = (pdu.appearance & io::kDisAppearanceDeactivated) != 0;
  const auto known = federates_.find(pdu.id);
  if (known != federates_.end()) {
    Federate& federate = known->second;
    if (federate.ended) {
      ++counts_.left_out;
      return;
    }
    ++counts_.entity_states;
    federate.heard_t_s = t_s;
    if (destroyed || deactivated) {
      simulation.end_external(federate.entity_id, destroyed ? world::EntityState::kKilled : world::EntityState::kDeparted);
      federate.ended = true;
    } else {
      simulation.report_external(federate.entity_id, fix);
    }
    return;
  }
  const std::optional<ExternalKind> kind = external_kind(pdu.type);
  if (!kind || destroyed || deactivated) {
    ++counts_.left_out;
    return;
  }
  const bool friendly = pdu.force_id == io::kDisForceFriendly;
  world::Entity e{.name = pdu.marking.empty()
                              ? fmt::format("DIS-{}:{}:{}", pdu.id.site, pdu.id.application, pdu.id.entity)
                              : pdu.marking,
                  .side = friendly ? world::Side::kFriendly : world::Side::kHostile,
                  .kind = kind->kind,
                  .rcs_m2 = kind->rcs_m2,
                  .iff_on = friendly};
  federates_[pdu.id] = {simulation.add_external(std::move(e), fix), t_s, false};
  ++counts_.entity_states;
  ++counts_.entities;
}

}  // namespace rampart::sim
