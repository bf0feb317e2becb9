// Test support: the shared DIS sample PDUs (../shared/data/interop-samples/dis/), one raw PDU a file.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace rampart::io::test {

inline std::string dis_samples_dir() { return std::string(RAMPART_SHARED_DIR) + "/data/interop-samples/dis"; }

/// The bytes of one sample file.
inline std::vector<std::uint8_t> dis_sample(const std::string& name) {
  std::ifstream in(dis_samples_dir() + "/" + name, std::ios::binary);
  return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// Every sample file's name, sorted.
inline std::vector<std::string> dis_sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dis_samples_dir())) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace rampart::io::test
