// Reading RFC 4180 CSV files (Rampart's own records and others' files) with FILE:LINE errors.
//
// Fields follow RFC 4180: a field in double quotes may hold commas, doubled quotes and line
// breaks; unquoted fields are trimmed of blanks. Files are read through read_text_file
// (core/text_file.h: regular files only, size and line-length caps, gzip allowed). Every
// malformed input throws InputError `FILE:LINE: what is wrong` with how to fix it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text_file.h"

namespace rampart {

class CsvReader {
 public:
  /// Reads the whole file; a missing file is an InputError.
  explicit CsvReader(const std::string& path);

  /// The next non-blank record split into fields; nullopt at the end of the file.
  std::optional<std::vector<std::string>> next();
  /// Number of the line the last record started on (1 before any).
  int line_number() const { return line_number_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::vector<std::string> split(std::string_view line);

  std::string path_;
  std::string text_;
  TextLines lines_;
  int line_number_ = 0;
};

/// A CSV file read by its header's column names.
class CsvTable {
 public:
  /// Reads the header; an empty file fails naming `expected` (the header a reader wants).
  CsvTable(const std::string& path, const std::string& expected);

  bool has(const std::vector<std::string>& columns) const;
  /// Fails unless the header names every one of `columns`.
  void require(const std::vector<std::string>& columns) const;
  /// The next data row (with as many fields as the header), or false at the end of the file.
  bool next();
  /// The current row's field in `column` (which the header names).
  const std::string& field(const std::string& column) const;
  double number(const std::string& column) const;
  std::int64_t integer(const std::string& column) const;
  const std::vector<std::string>& header() const { return header_; }
  CsvReader& reader() { return reader_; }
  const CsvReader& reader() const { return reader_; }

 private:
  CsvReader reader_;
  std::string expected_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::string> row_;
};

/// `text` as a finite number; otherwise `reader` fails naming `column`.
double parse_number(const CsvReader& reader, const std::string& column, const std::string& text);
/// `text` as a 64-bit integer; otherwise `reader` fails naming `column`.
std::int64_t parse_integer(const CsvReader& reader, const std::string& column, const std::string& text);

}  // namespace rampart
