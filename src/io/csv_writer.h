// A CSV file (RFC 4180) written row by row and published atomically.
//
// Rows go to NAME.partial in the same folder; commit() flushes and closes it and renames it to
// NAME (rename(2) within one folder is atomic), so NAME is always either a complete file or
// absent (or an earlier run's complete file, untouched until then). A writer destroyed without
// commit(), as in a failed or killed run, leaves NAME.partial behind, plainly incomplete.
// Every write is checked: a failure (a full disk, an I/O error) throws rampart::Error naming
// the file and the system's reason, never a silent loss.
// Fields are quoted when they hold a comma, a double quote, CR or LF, and their quotes doubled.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace rampart::io {

class CsvWriter {
 public:
  /// Creates (truncates) `path`.partial and writes the header; throws InputError when it cannot.
  CsvWriter(const std::string& path, const std::vector<std::string>& header);
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  /// Appends a row of already formatted fields, as many as the header's.
  void row(const std::vector<std::string>& fields);
  /// Flushes, closes and renames `path`.partial to `path`; no row may follow.
  void commit();

 private:
  void write(const std::string& text);
  [[noreturn]] void fail(const std::string& what, int error_number) const;

  std::string path_;
  std::string partial_path_;
  std::FILE* file_ = nullptr;
  std::size_t columns_;
};

/// Fixed-point text of a number, with `decimals` digits after the point.
std::string fixed(double value, int decimals);

}  // namespace rampart::io
