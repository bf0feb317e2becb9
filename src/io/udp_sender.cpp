#include "io/udp_sender.h"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/error.h"

namespace rampart::io {

UdpSender::UdpSender(const std::string& target, const std::string& option) : target_(target), option_(option) {
  const auto colon = target.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == target.size()) {
    throw InputError(option + ": '" + target + "' is not HOST:PORT (for example 127.0.0.1:8600)");
  }
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const int resolved = ::getaddrinfo(target.substr(0, colon).c_str(), target.substr(colon + 1).c_str(), &hints, &found);
  if (resolved != 0) throw InputError(option + ": cannot resolve '" + target + "': " + ::gai_strerror(resolved));
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> address(found, &::freeaddrinfo);
  RAMPART_DEMAND(address->ai_addrlen <= sizeof address_, "an IPv4 sockaddr fits");
  std::memcpy(address_, address->ai_addr, address->ai_addrlen);
  address_bytes_ = address->ai_addrlen;
  fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
  if (fd_ < 0) throw InputError(option + ": cannot open a UDP socket: " + std::strerror(errno));
}

UdpSender::~UdpSender() {
  if (fd_ >= 0) ::close(fd_);
}

void UdpSender::send(std::span<const std::uint8_t> payload) {
  if (::sendto(fd_, payload.data(), payload.size(), 0, reinterpret_cast<const sockaddr*>(address_),
               static_cast<socklen_t>(address_bytes_)) < 0) {
    throw InputError(option_ + ": sending to " + target_ + " failed: " + std::strerror(errno));
  }
}

}  // namespace rampart::io
