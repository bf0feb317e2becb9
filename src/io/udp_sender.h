// A UDP socket that sends datagrams to one HOST:PORT (IPv4): how ASTERIX leaves Rampart live
// (`rampart track --cat062-udp`, `rampart run --asterix-udp`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace rampart::io {

/// Largest UDP payload over IPv4: an ASTERIX data block sent as one datagram must fit it.
inline constexpr std::size_t kMaxUdpPayloadBytes = 65507;

class UdpSender {
 public:
  /// Resolves `target` (HOST:PORT, HOST a name or an IPv4 address) and opens the socket; a
  /// malformed or unresolvable target is an InputError "OPTION: ..." saying how to fix it.
  UdpSender(const std::string& target, const std::string& option);
  ~UdpSender();
  UdpSender(const UdpSender&) = delete;
  UdpSender& operator=(const UdpSender&) = delete;

  /// Sends one datagram; a failure is an InputError naming the target and the system's reason.
  void send(std::span<const std::uint8_t> payload);

 private:
  std::string target_;
  std::string option_;
  int fd_ = -1;
  std::size_t address_bytes_ = 0;
  alignas(16) unsigned char address_[128] = {};  ///< the resolved sockaddr
};

}  // namespace rampart::io
