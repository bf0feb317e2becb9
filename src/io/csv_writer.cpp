#include "io/csv_writer.h"

#include <fmt/format.h>

#include "core/error.h"

namespace rampart::io {

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& header)
    : path_(path), out_(path, std::ios::trunc), columns_(header.size()) {
  if (!out_) throw InputError(fmt::format("{}: cannot write this file (check that the folder exists and is writable)", path));
  row(header);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  RAMPART_DEMAND(fields.size() == columns_, "CSV row width differs from the header");
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out_ << ',';
    out_ << fields[i];
  }
  out_ << '\n';
}

void CsvWriter::commit() {
  out_.flush();
  if (!out_) throw Error(fmt::format("{}: writing failed (is the disk full?)", path_));
}

std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

}  // namespace rampart::io
