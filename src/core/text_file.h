// Reading a whole input file, plain or gzip-compressed, within documented caps.
//
// Every reader of outside input goes through here, so hostile input gets an InputError instead of
// a hang or an out-of-memory kill:
// - only regular files are read: a FIFO, a device (/dev/zero) or a folder is refused before any
//   byte is read (the file is opened non-blocking, so even opening a FIFO does not wait);
// - a file larger than kMaxInputBytes on disk is refused before it is read;
// - gzip data is inflated only up to kMaxInputBytes, so a gzip bomb stops there;
// - line readers (TextLines) refuse a line longer than kMaxLineBytes, with FILE:LINE.
// The largest inputs Rampart ships or benchmarks are a few MB, far below these caps.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rampart {

/// Largest input file, on disk and after gunzip: 256 MiB.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;
/// Longest line of a line-oriented input (CSV): 1 MiB.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

/// The file's text, decompressed when it is gzip data (zlib reads plain files unchanged), or
/// nullopt when it does not exist or cannot be opened. An input that is not a regular file, is
/// larger than max_bytes (at most kMaxInputBytes) or inflates beyond it, or is corrupt or
/// truncated gzip data is an InputError naming the path and the fix.
std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

/// The lines of a text, without their '\n' (a final line without one counts too); numbered from 1.
/// A line longer than kMaxLineBytes is an InputError `SOURCE:LINE: ...`.
class TextLines {
 public:
  TextLines(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {}

  /// The next line, or nullopt at the end of the text.
  std::optional<std::string_view> next();
  /// Number of the line next() returned last (0 before the first).
  int line_number() const { return line_number_; }

 private:
  std::string_view text_;
  std::string source_;
  std::size_t position_ = 0;
  int line_number_ = 0;
};

}  // namespace rampart
