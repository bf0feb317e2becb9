#include "io/csv_writer.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

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
    : path_(path), partial_path_(path + ".partial"), columns_(header.size()) {
  file_ = std::fopen(partial_path_.c_str(), "w");
  if (file_ == nullptr) {
    throw InputError(fmt::format("{}: cannot write this file: {} (check that the folder exists and is writable)",
                                 partial_path_, std::strerror(errno)));
  }
  row(header);
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  RAMPART_DEMAND(fields.size() == columns_, "CSV row width differs from the header");
  RAMPART_DEMAND(file_ != nullptr, "CSV row after commit()");
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += quoted(fields[i]);
  }
  line += '\n';
  write(line);
}

void CsvWriter::write(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail("cannot write", errno);
}

void CsvWriter::commit() {
  RAMPART_DEMAND(file_ != nullptr, "CSV committed twice");
  if (std::fflush(file_) != 0) fail("cannot write", errno);
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) fail("cannot write", errno);
  if (std::rename(partial_path_.c_str(), path_.c_str()) != 0) fail("cannot rename it to " + path_, errno);
}

void CsvWriter::fail(const std::string& what, int error_number) const {
  throw Error(fmt::format("{}: {}: {}; the output is incomplete (free disk space or choose another --out "
                          "folder)", partial_path_, what, std::strerror(error_number)));
}

std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

}  // namespace rampart::io
