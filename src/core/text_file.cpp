#include "core/text_file.h"

#include <zlib.h>

#include "core/error.h"

namespace rampart {

std::optional<std::string> read_text_file(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(got));
  // A truncated stream ends the loop with 0, not -1: zlib's error state tells.
  int error = Z_OK;
  const std::string message = gzerror(file, &error);
  gzclose(file);
  if (got < 0 || (error != Z_OK && error != Z_STREAM_END))
    throw InputError(path + ": corrupt or truncated gzip data (" + message + ")");
  return text;
}

}  // namespace rampart
