// Shared by the libFuzzer targets: the readers under test take a path, so each input is written
// to one scratch file per process first (read_text_file reads regular files only).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace rampart::fuzz {

inline std::string scratch_file(const std::uint8_t* data, std::size_t size, const char* suffix) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("rampart_fuzz_" + std::to_string(::getpid()) + suffix)).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                static_cast<std::streamsize>(size));
  return path;
}

}  // namespace rampart::fuzz
