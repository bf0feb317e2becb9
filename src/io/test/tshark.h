// Test support: Wireshark's tshark as the judge of what Rampart encodes. Its fields of every
// ASTERIX record in a pcap, column by column, or of every DIS PDU, row by row, and the check that
// no frame is malformed.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace rampart::io::test {

inline bool tshark_installed() { return std::system("command -v tshark >/dev/null 2>&1") == 0; }

/// Runs a shell command and returns what it printed on stdout; fails the test on a non-zero exit.
inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << command;
  return out;
}

inline std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

/// A dissector: the port its datagrams go to (as "decode as") and its name (display filter and
/// prefix of its field names).
struct Protocol {
  const char* decode_as;
  const char* name;
};
inline constexpr Protocol kAsterix{"udp.port==8600,asterix", "asterix"};
inline constexpr Protocol kDis{"udp.port==3000,dis", "dis"};

/// The tshark command reading `pcap` with the protocol's port decoded as the protocol.
inline std::string tshark_read(const std::string& pcap, const Protocol& protocol = kAsterix) {
  return "tshark -n -r '" + pcap + "' -d " + protocol.decode_as + " ";
}

/// What tshark reports as malformed or as a warning in `pcap` (empty when all is well).
inline std::string tshark_problems(const std::string& pcap, const Protocol& protocol = kAsterix) {
  return run(tshark_read(pcap, protocol) + "-Y '_ws.malformed || _ws.expert.severity >= warning' 2>/dev/null");
}

/// The values of the fields `PROTOCOL.NAME` (NAME from `fields`) of every frame of the protocol,
/// one row per frame and one cell per field; a field that occurs several times in a frame (the
/// three entity IDs of a DIS Fire PDU) gives its values comma-joined.
inline std::vector<std::vector<std::string>> tshark_rows(const std::string& pcap, const std::vector<std::string>& fields,
                                                         const Protocol& protocol) {
  std::string command = tshark_read(pcap, protocol) + "-Y " + protocol.name +
                        " -T fields -E separator=/t -E occurrence=a -E aggregator=,";
  for (const std::string& f : fields) command += std::string(" -e ") + protocol.name + "." + f;
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : split(run(command + " 2>/dev/null"), '\n')) {
    rows.push_back(split(line, '\t'));
    rows.back().resize(fields.size());  // getline drops empty trailing cells
  }
  return rows;
}

/// The values of the fields `asterix.NAME` (NAME from `fields`) of the frames matching `filter`:
/// one column per field, holding one value per record in record order across the frames. Every
/// record must carry every field (an empty field would shift the columns).
inline std::vector<std::vector<std::string>> tshark_columns(const std::string& pcap,
                                                            const std::vector<std::string>& fields,
                                                            const std::string& filter = "asterix") {
  std::string command = tshark_read(pcap) + "-Y '" + filter +
                        "' -T fields -E separator=/t -E occurrence=a -E aggregator=,";
  for (const std::string& f : fields) command += " -e asterix." + f;
  const std::string printed = run(command + " 2>/dev/null");
  std::vector<std::vector<std::string>> columns(fields.size());
  for (const std::string& line : split(printed, '\n')) {
    const auto cells = split(line, '\t');
    EXPECT_EQ(cells.size(), fields.size()) << line;
    for (std::size_t c = 0; c < cells.size() && c < fields.size(); ++c) {
      for (const std::string& v : split(cells[c], ',')) columns[c].push_back(v);
    }
  }
  return columns;
}

}  // namespace rampart::io::test
