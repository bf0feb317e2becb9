// A text file written piece by piece and published atomically: the CSV record, the HTML report.
//
// Text goes to NAME.partial in the same folder; commit() flushes and closes it and renames it to
// NAME (rename(2) within one folder is atomic), so NAME is always either a complete file or
// absent (or an earlier run's complete file, untouched until then). A file destroyed without
// commit(), as in a failed or killed run, leaves NAME.partial behind, plainly incomplete.
// Opening it is the check that NAME can be written: a command opens its outputs before the work,
// so a bad path fails at once (InputError), not after an hour of runs. Every write is checked: a
// failure (a full disk, an I/O error) throws rampart::Error naming the file and the system's
// reason, never a silent loss.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace rampart::io {

class AtomicFile {
 public:
  /// Creates (truncates) `path`.partial; throws InputError when it cannot.
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view text);
  /// Flushes, closes and renames `path`.partial to `path`; nothing may be written after it.
  void commit();

 private:
  [[noreturn]] void fail(const std::string& what, int error_number) const;

  std::string path_;
  std::string partial_path_;
  std::FILE* file_ = nullptr;
};

}  // namespace rampart::io
