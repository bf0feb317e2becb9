#include "io/csv_writer.h"

#include <fmt/format.h>

#include "core/error.h"

namespace rampart::io {
namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& header)
    : file_(path), columns_(header.size()) {
  row(header);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  RAMPART_DEMAND(fields.size() == columns_, "CSV row width differs from the header");
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += quoted(fields[i]);
  }
  line += '\n';
  file_.write(line);
}

void CsvWriter::commit() { file_.commit(); }

std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

}  // namespace rampart::io
