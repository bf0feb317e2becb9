#include "core/csv_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.h"

namespace rampart {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t\r") - first + 1));
}

std::string read(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) throw InputError(path + ": cannot open the file; check the path");
  return std::move(*text);
}

}  // namespace

CsvReader::CsvReader(const std::string& path) : path_(path), text_(read(path)), lines_(text_, path) {}

void CsvReader::fail(const std::string& what) const {
  throw InputError(path_ + ":" + std::to_string(std::max(1, line_number_)) + ": " + what);
}

std::optional<std::vector<std::string>> CsvReader::next() {
  while (const auto line = lines_.next()) {
    line_number_ = lines_.line_number();
    if (!trim(*line).empty()) return split(*line);
  }
  return std::nullopt;
}

std::vector<std::string> CsvReader::split(std::string_view line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the current field was quoted (kept as is, not trimmed)
  for (std::size_t i = 0;; ++i) {
    if (i == line.size()) {
      if (!quoted) break;
      const auto more = lines_.next();  // a line break inside quotes belongs to the field
      if (!more) fail("a quoted field is not closed before the end of the file; close its '\"'");
      field += '\n';
      line = *more;
      i = static_cast<std::size_t>(-1);
      continue;
    }
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == ',') {
      fields.push_back(was_quoted ? field : trim(field));
      field.clear();
      was_quoted = false;
    } else if (c == '"' && trim(field).empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(was_quoted ? field : trim(field));
  return fields;
}

double parse_number(const CsvReader& reader, const std::string& column, const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    reader.fail("column '" + column + "': '" + text + "' is not a number");
  }
  if (!std::isfinite(value)) reader.fail("column '" + column + "': '" + text + "' is not finite");
  return value;
}

std::int64_t parse_integer(const CsvReader& reader, const std::string& column, const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    reader.fail("column '" + column + "': '" + text + "' is not an integer");
  }
  return value;
}

CsvTable::CsvTable(const std::string& path, const std::string& expected) : reader_(path), expected_(expected) {
  const auto header = reader_.next();
  if (!header) reader_.fail("the file is empty; expected a header row `" + expected + "`");
  header_ = *header;
  for (std::size_t k = 0; k < header_.size(); ++k)
    if (!index_.emplace(header_[k], k).second) reader_.fail("column '" + header_[k] + "' appears twice in the header");
}

bool CsvTable::has(const std::vector<std::string>& columns) const {
  return std::all_of(columns.begin(), columns.end(), [&](const std::string& c) { return index_.count(c) > 0; });
}

void CsvTable::require(const std::vector<std::string>& columns) const {
  for (const auto& c : columns)
    if (!index_.count(c)) reader_.fail("the header has no column '" + c + "'; expected `" + expected_ + "`");
}

bool CsvTable::next() {
  auto row = reader_.next();
  if (!row) return false;
  if (row->size() != header_.size()) {
    reader_.fail("expected " + std::to_string(header_.size()) + " fields as in the header, found " +
                 std::to_string(row->size()));
  }
  row_ = std::move(*row);
  return true;
}

const std::string& CsvTable::field(const std::string& column) const { return row_[index_.at(column)]; }
double CsvTable::number(const std::string& column) const { return parse_number(reader_, column, field(column)); }
std::int64_t CsvTable::integer(const std::string& column) const {
  return parse_integer(reader_, column, field(column));
}

}  // namespace rampart
