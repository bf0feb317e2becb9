// Test support: a minimal libpcap file of UDP datagrams, so tshark can dissect what Rampart encodes,
// and a reader of the UDP payloads of such a file (for the shared sample captures).
// Written by hand rather than with Debian's libpcap-dev: the format is three fixed headers, and
// linking libpcap would add a build dependency for them.
//
// Layout (libpcap 2.4, little-endian): global header (magic a1b2c3d4, version 2.4, zone 0,
// sigfigs 0, snaplen 65535, link type 1 = Ethernet), then per datagram a record header (seconds,
// microseconds, captured and original length) and an Ethernet II / IPv4 / UDP frame from
// 127.0.0.1 to 127.0.0.1, UDP checksum 0 (none), one datagram a second from t = 0.
#pragma once

#include <cstdint>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace rampart::io::test {

inline void put_le(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

inline void put_be(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

/// Writes `payloads` as UDP datagrams to `port` into the pcap file `path`; false when it cannot.
inline bool write_udp_pcap(const std::string& path, const std::vector<std::vector<std::uint8_t>>& payloads,
                           std::uint16_t port) {
  std::vector<std::uint8_t> file;
  put_le(file, 0xa1b2c3d4u, 4);
  put_le(file, 2, 2);
  put_le(file, 4, 2);
  put_le(file, 0, 4);
  put_le(file, 0, 4);
  put_le(file, 65535, 4);
  put_le(file, 1, 4);
  std::uint32_t second = 0;
  for (const std::vector<std::uint8_t>& payload : payloads) {
    const auto udp_bytes = static_cast<std::uint32_t>(8 + payload.size());
    const std::uint32_t ip_bytes = 20 + udp_bytes;
    std::vector<std::uint8_t> frame = {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0x08, 0x00};  // Ethernet II, IPv4
    const std::size_t ip_at = frame.size();
    put_be(frame, 0x4500, 2);  // version 4, 5 words of header, no TOS
    put_be(frame, ip_bytes, 2);
    put_be(frame, second, 2);   // identification
    put_be(frame, 0x4000, 2);   // don't fragment
    put_be(frame, 0x4011, 2);   // TTL 64, protocol 17 (UDP)
    put_be(frame, 0, 2);        // header checksum, filled below
    put_be(frame, 0x7f000001u, 4);
    put_be(frame, 0x7f000001u, 4);
    std::uint32_t sum = 0;
    for (std::size_t i = ip_at; i < ip_at + 20; i += 2) sum += static_cast<std::uint32_t>(frame[i] << 8 | frame[i + 1]);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    frame[ip_at + 10] = static_cast<std::uint8_t>(~sum >> 8);
    frame[ip_at + 11] = static_cast<std::uint8_t>(~sum);
    put_be(frame, port, 2);
    put_be(frame, port, 2);
    put_be(frame, udp_bytes, 2);
    put_be(frame, 0, 2);  // no UDP checksum
    frame.insert(frame.end(), payload.begin(), payload.end());
    put_le(file, second++, 4);
    put_le(file, 0, 4);
    put_le(file, static_cast<std::uint32_t>(frame.size()), 4);
    put_le(file, static_cast<std::uint32_t>(frame.size()), 4);
    file.insert(file.end(), frame.begin(), frame.end());
  }
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
  return static_cast<bool>(out);
}

/// The UDP payloads of a libpcap file of Ethernet II / IPv4 / UDP frames (as write_udp_pcap
/// writes and as the shared sample captures hold), in file order; frames of other kinds are skipped.
inline std::vector<std::vector<std::uint8_t>> read_udp_payloads(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto le32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(file[at] | file[at + 1] << 8 | file[at + 2] << 16 | file[at + 3] << 24);
  };
  std::vector<std::vector<std::uint8_t>> payloads;
  std::size_t pos = 24;
  while (pos + 16 <= file.size()) {
    const std::size_t captured = le32(pos + 8);
    const std::size_t frame = pos + 16;
    pos = frame + captured;
    if (pos > file.size() || captured < 14 + 20 + 8) break;
    if (file[frame + 12] != 0x08 || file[frame + 13] != 0x00) continue;  // not IPv4
    const std::size_t ip = frame + 14;
    const std::size_t ip_header = static_cast<std::size_t>(file[ip] & 0x0f) * 4;
    if (file[ip + 9] != 17) continue;  // not UDP
    const std::size_t udp = ip + ip_header;
    const std::size_t udp_bytes = static_cast<std::size_t>(file[udp + 4] << 8 | file[udp + 5]);
    if (udp_bytes < 8 || udp + udp_bytes > pos) continue;
    payloads.emplace_back(file.begin() + static_cast<std::ptrdiff_t>(udp + 8),
                          file.begin() + static_cast<std::ptrdiff_t>(udp + udp_bytes));
  }
  return payloads;
}

}  // namespace rampart::io::test
