#include "tracking/scan_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

#include "core/error.h"

namespace rampart::tracking {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) fields.push_back(trim(field));
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

class CsvFile {
 public:
  explicit CsvFile(const std::string& path) : path_(path), in_(path) {
    if (!in_) throw InputError(path + ": cannot open the file; check the path");
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(path_ + ":" + std::to_string(std::max(1, line_number_)) + ": " + what);
  }

  /// The next non-blank line split into fields; nullopt at the end of the file.
  std::optional<std::vector<std::string>> next() {
    std::string line;
    while (std::getline(in_, line)) {
      ++line_number_;
      if (!trim(line).empty()) return split(line);
    }
    return std::nullopt;
  }

  int line_number() const { return line_number_; }

 private:
  std::string path_;
  std::ifstream in_;
  int line_number_ = 0;
};

double parse_number(const CsvFile& file, const std::string& column, const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    file.fail("column '" + column + "': '" + text + "' is not a number");
  }
  if (!std::isfinite(value)) file.fail("column '" + column + "': '" + text + "' is not finite");
  return value;
}

std::int64_t parse_integer(const CsvFile& file, const std::string& column, const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    file.fail("column '" + column + "': '" + text + "' is not an integer");
  }
  return value;
}

// A table whose header names the columns the reader needs.
struct Table {
  std::vector<std::string> header;
  std::map<std::string, std::size_t> index;
  bool has(const std::vector<std::string>& columns) const {
    return std::all_of(columns.begin(), columns.end(),
                       [&](const std::string& c) { return index.count(c) > 0; });
  }
};

Table read_header(CsvFile& file, const std::string& expected) {
  const auto header = file.next();
  if (!header) file.fail("the file is empty; expected a header row `" + expected + "`");
  Table table;
  table.header = *header;
  for (std::size_t k = 0; k < header->size(); ++k) {
    if (!table.index.emplace((*header)[k], k).second) {
      file.fail("column '" + (*header)[k] + "' appears twice in the header");
    }
  }
  return table;
}

// Groups rows into scans and checks the time order.
class ScanBuilder {
 public:
  explicit ScanBuilder(CsvFile& file) : file_(file) {}

  PointScan& row(std::int64_t scan, double t_s) {
    if (!scans_.empty() && scans_.back().scan == scan) {
      if (scans_.back().t_s != t_s) {
        file_.fail("scan " + std::to_string(scan) + " has time " + format(t_s) + " here but " +
                   format(scans_.back().t_s) + " on line " + std::to_string(scan_line_) +
                   "; all rows of a scan must have one time");
      }
      return scans_.back();
    }
    const auto seen = first_line_of_scan_.find(scan);
    if (seen != first_line_of_scan_.end()) {
      file_.fail("scan " + std::to_string(scan) + " appears again after other scans (first on line " +
                 std::to_string(seen->second) + "); keep each scan's rows together");
    }
    if (!scans_.empty() && t_s < scans_.back().t_s) {
      file_.fail("time " + format(t_s) + " is earlier than the previous scan's " +
                 format(scans_.back().t_s) + "; sort the rows by time");
    }
    scan_line_ = file_.line_number();
    first_line_of_scan_[scan] = scan_line_;
    scans_.push_back({scan, t_s, {}, {}});
    return scans_.back();
  }

  std::vector<PointScan> finish() {
    if (scans_.empty()) file_.fail("no data rows after the header");
    return std::move(scans_);
  }

 private:
  static std::string format(double t_s) {
    std::ostringstream out;
    out << t_s;
    return out.str();
  }

  CsvFile& file_;
  std::vector<PointScan> scans_;
  std::map<std::int64_t, int> first_line_of_scan_;
  int scan_line_ = 0;
};

void check_field_count(const CsvFile& file, const Table& table, const std::vector<std::string>& row) {
  if (row.size() != table.header.size()) {
    file.fail("expected " + std::to_string(table.header.size()) + " fields as in the header, found " +
              std::to_string(row.size()));
  }
}

std::vector<PointScan> read_points(const std::string& path, bool with_ids, double scan_period_s) {
  CsvFile file(path);
  const std::string stone_soup = with_ids ? "scan,time,id,x,y" : "scan,time,x,y";
  const Table table = read_header(file, stone_soup);
  const std::vector<std::string> stone_soup_columns =
      with_ids ? std::vector<std::string>{"scan", "time", "id", "x", "y"}
               : std::vector<std::string>{"scan", "time", "x", "y"};
  const bool rampart_plots = !with_ids && table.has({"t_s", "east_m", "north_m"});
  if (!rampart_plots && !table.has(stone_soup_columns)) {
    file.fail("header must name the columns `" + stone_soup + "`" +
              (with_ids ? "" : " (Stone Soup) or be the header of a Rampart plots.csv"));
  }
  const std::string time_col = rampart_plots ? "t_s" : "time";
  const std::string x_col = rampart_plots ? "east_m" : "x";
  const std::string y_col = rampart_plots ? "north_m" : "y";
  ScanBuilder builder(file);
  std::int64_t plots_scan = -1;
  double plots_t_s = -std::numeric_limits<double>::infinity();
  const bool by_period = rampart_plots && scan_period_s > 0.0;
  while (const auto line = file.next()) {
    const std::vector<std::string>& row = *line;
    check_field_count(file, table, row);
    const auto field = [&](const std::string& c) { return row[table.index.at(c)]; };
    const double t_s = parse_number(file, time_col, field(time_col));
    std::int64_t scan = 0;
    double scan_t_s = t_s;
    if (by_period) {
      if (t_s < plots_t_s) file.fail("t_s " + field(time_col) + " is earlier than the previous row's; sort the rows by time");
      plots_t_s = t_s;
      scan = static_cast<std::int64_t>(std::floor(t_s / scan_period_s));
      scan_t_s = static_cast<double>(scan) * scan_period_s;
    } else if (rampart_plots) {
      if (plots_scan < 0 || t_s != plots_t_s) ++plots_scan;
      plots_t_s = t_s;
      scan = plots_scan;
    } else {
      scan = parse_integer(file, "scan", field("scan"));
    }
    const Eigen::Vector3d p_m(parse_number(file, x_col, field(x_col)),
                              parse_number(file, y_col, field(y_col)), 0.0);
    PointScan& target = builder.row(scan, scan_t_s);
    if (by_period) target.point_t_s.push_back(t_s);
    if (with_ids) {
      const std::int64_t id = parse_integer(file, "id", field("id"));
      if (std::find(target.ids.begin(), target.ids.end(), id) != target.ids.end()) {
        file.fail("truth id " + std::to_string(id) + " appears twice in scan " + std::to_string(scan));
      }
      target.ids.push_back(id);
    }
    target.p_m.push_back(p_m);
  }
  return builder.finish();
}

void write_points(const std::string& path, const std::vector<PointScan>& scans, bool with_ids) {
  std::ofstream out(path);
  if (!out) throw InputError(path + ": cannot write the file; check the directory exists");
  out.precision(17);
  out << (with_ids ? "scan,time,id,x,y\n" : "scan,time,x,y\n");
  for (const PointScan& scan : scans) {
    for (std::size_t i = 0; i < scan.p_m.size(); ++i) {
      out << scan.scan << ',' << scan.t_s << ',';
      if (with_ids) out << scan.ids[i] << ',';
      out << scan.p_m[i].x() << ',' << scan.p_m[i].y() << '\n';
    }
  }
}

}  // namespace

void write_detections_csv(const std::string& path, const std::vector<PointScan>& scans) {
  write_points(path, scans, false);
}
void write_truth_csv(const std::string& path, const std::vector<PointScan>& scans) {
  write_points(path, scans, true);
}

std::vector<PointScan> read_detections_csv(const std::string& path, double scan_period_s) {
  return read_points(path, false, scan_period_s);
}
std::vector<PointScan> read_truth_csv(const std::string& path) { return read_points(path, true, 0.0); }

}  // namespace rampart::tracking
