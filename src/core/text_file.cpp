#include "core/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <memory>

#include "core/error.h"

namespace rampart {
namespace {

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

struct GzClose {
  void operator()(gzFile file) const { gzclose(file); }
};

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes) {
  max_bytes = std::min(max_bytes, kMaxInputBytes);
  // Non-blocking, so that opening a FIFO with no writer returns at once; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    throw InputError(path + ": not a regular file (a folder, FIFO or device); give the path of a file");
  }
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    ::close(fd);
    throw InputError(path + ": the file has " + std::to_string(info.st_size) + " bytes, more than the " +
                     mib(max_bytes) + " Rampart reads; split or shorten it");
  }
  const std::unique_ptr<gzFile_s, GzClose> file(gzdopen(fd, "rb"));
  if (!file) {
    ::close(fd);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file.get(), buffer, sizeof buffer)) > 0) {
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) {
      throw InputError(path + ": the gzip data inflates to more than " + mib(max_bytes) +
                       ", the most Rampart reads; give a smaller file");
    }
    text.append(buffer, static_cast<std::size_t>(got));
  }
  // A truncated stream ends the loop with 0, not -1: zlib's error state tells.
  int error = Z_OK;
  const std::string message = gzerror(file.get(), &error);
  if (got < 0 || (error != Z_OK && error != Z_STREAM_END))
    throw InputError(path + ": corrupt or truncated gzip data (" + message + ")");
  return text;
}

std::optional<std::string_view> TextLines::next() {
  if (position_ >= text_.size()) return std::nullopt;
  const std::size_t end = std::min(text_.find('\n', position_), text_.size());
  ++line_number_;
  if (end - position_ > kMaxLineBytes) {
    throw InputError(source_ + ":" + std::to_string(line_number_) + ": the line is longer than " +
                     mib(kMaxLineBytes) + ", the most Rampart reads in one line; is this the right file?");
  }
  const std::string_view line = text_.substr(position_, end - position_);
  position_ = end + 1;
  return line;
}

}  // namespace rampart
