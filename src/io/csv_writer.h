// A CSV file (RFC 4180) written row by row and published atomically (io/atomic_file.h: rows go
// to NAME.partial, renamed to NAME on commit(); every write checked).
// Fields are quoted when they hold a comma, a double quote, CR or LF, and their quotes doubled.
#pragma once

#include <string>
#include <vector>

#include "io/atomic_file.h"

namespace rampart::io {

class CsvWriter {
 public:
  /// Creates (truncates) `path`.partial and writes the header; throws InputError when it cannot.
  CsvWriter(const std::string& path, const std::vector<std::string>& header);
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  /// Appends a row of already formatted fields, as many as the header's.
  void row(const std::vector<std::string>& fields);
  /// Flushes, closes and renames `path`.partial to `path`; no row may follow.
  void commit();

 private:
  AtomicFile file_;
  std::size_t columns_;
};

/// Fixed-point text of a number, with `decimals` digits after the point.
std::string fixed(double value, int decimals);

}  // namespace rampart::io
