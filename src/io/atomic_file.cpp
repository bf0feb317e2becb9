#include "io/atomic_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace rampart::io {

AtomicFile::AtomicFile(const std::string& path) : path_(path), partial_path_(path + ".partial") {
  file_ = std::fopen(partial_path_.c_str(), "w");
  if (file_ == nullptr) {
    throw InputError(fmt::format("{}: cannot write this file: {} (check that the folder exists and is writable)",
                                 partial_path_, std::strerror(errno)));
  }
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void AtomicFile::write(std::string_view text) {
  RAMPART_DEMAND(file_ != nullptr, "write after commit()");
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail("cannot write", errno);
}

void AtomicFile::commit() {
  RAMPART_DEMAND(file_ != nullptr, "file committed twice");
  if (std::fflush(file_) != 0) fail("cannot write", errno);
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) fail("cannot write", errno);
  if (std::rename(partial_path_.c_str(), path_.c_str()) != 0) fail("cannot rename it to " + path_, errno);
}

void AtomicFile::fail(const std::string& what, int error_number) const {
  throw Error(fmt::format("{}: {}: {}; the output is incomplete (free disk space or write it elsewhere)",
                          partial_path_, what, std::strerror(error_number)));
}

}  // namespace rampart::io
