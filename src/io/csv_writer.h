// A CSV file written row by row: a header, then rows of already formatted fields.
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace rampart::io {

class CsvWriter {
 public:
  /// Opens (truncates) `path` and writes the header; throws InputError when it cannot.
  CsvWriter(const std::string& path, const std::vector<std::string>& header);
  void row(const std::vector<std::string>& fields);
  /// Flushes the file; throws Error when anything written was lost.
  void commit();

 private:
  std::string path_;
  std::ofstream out_;
  std::size_t columns_;
};

/// Fixed-point text of a number, with `decimals` digits after the point.
std::string fixed(double value, int decimals);

}  // namespace rampart::io
