// Runs the rampart program as a user would and captures what it printed; reads back the ASTERIX
// it writes (to a file or to a loopback UDP socket).
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <thread>
#include <vector>
#include <sys/wait.h>

#include "core/text_file.h"

namespace rampart::test {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) { return read_text_file(p.string()).value_or(""); }

/// Runs `rampart ARGS` (ARGS already shell-quoted), after `launcher` when given (`mpirun -np 2`),
/// and returns its exit status and output.
inline CommandResult run_rampart(const std::string& args, const std::string& launcher = "") {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rampart_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  const std::string command = launcher + (launcher.empty() ? "" : " ") + RAMPART_BINARY + " " + args + " >" +
                              (dir / "out").string() + " 2>" + (dir / "err").string() + " </dev/null";
  const int raw = std::system(command.c_str());
  CommandResult r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir / "out"), slurp(dir / "err")};
  std::filesystem::remove_all(dir);
  return r;
}

/// The command refused its input cleanly: exit status 2, `message` on stderr, no internal error.
inline void expect_bad_input(const CommandResult& r, const std::string& message, const std::string& args) {
  EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << args << "\n" << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << args << "\n" << r.err;
}

/// The bytes of a file (empty when it cannot be read).
inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// The data blocks of a raw ASTERIX stream, split by their LEN fields (up to a malformed one).
inline std::vector<std::vector<std::uint8_t>> asterix_blocks(const std::vector<std::uint8_t>& stream) {
  std::vector<std::vector<std::uint8_t>> blocks;
  for (std::size_t pos = 0; pos + 3 <= stream.size();) {
    const std::size_t length = static_cast<std::size_t>(stream[pos + 1] << 8 | stream[pos + 2]);
    if (length < 3 || pos + length > stream.size()) break;
    blocks.emplace_back(stream.begin() + static_cast<std::ptrdiff_t>(pos),
                        stream.begin() + static_cast<std::ptrdiff_t>(pos + length));
    pos += length;
  }
  return blocks;
}

/// A UDP socket bound to 127.0.0.1 on a free port: what a command sends to target() is collected
/// by receive_while().
class LoopbackUdpReceiver {
 public:
  LoopbackUdpReceiver() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    EXPECT_GE(fd_, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // any free port
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    EXPECT_EQ(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length), 0);
    port_ = ntohs(address.sin_port);
    const timeval wait{0, 200000};  // a receive gives up after 0.2 s
    EXPECT_EQ(::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait), 0);
    const int buffer_bytes = 4 << 20;  // the kernel caps it at rmem_max
    EXPECT_EQ(::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &buffer_bytes, sizeof buffer_bytes), 0);
  }
  ~LoopbackUdpReceiver() { ::close(fd_); }
  LoopbackUdpReceiver(const LoopbackUdpReceiver&) = delete;
  LoopbackUdpReceiver& operator=(const LoopbackUdpReceiver&) = delete;

  std::string target() const { return "127.0.0.1:" + std::to_string(port_); }

  /// Runs `during` while a thread receives (so more datagrams than the socket buffer holds are
  /// kept), then what is still queued; the datagrams in arrival order.
  std::vector<std::vector<std::uint8_t>> receive_while(const std::function<void()>& during) {
    std::atomic<bool> done{false};
    std::vector<std::vector<std::uint8_t>> datagrams;
    std::thread receiver([&] {
      std::vector<std::uint8_t> buffer(65536);
      for (;;) {
        const ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), 0);
        if (n >= 0) {
          datagrams.emplace_back(buffer.begin(), buffer.begin() + n);
        } else if (done) {
          break;
        }
      }
    });
    during();
    done = true;
    receiver.join();
    return datagrams;
  }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace rampart::test
