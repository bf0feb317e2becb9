#include "tracking/scan_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/text_file.h"
#include "core/csv_reader.h"

namespace rampart::tracking {
namespace {

using CsvFile = CsvReader;

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

// Largest scan number a time divided by the scan period may give: far beyond any recording,
// and small enough that the conversion to a 64-bit integer is exact and defined.
constexpr double kMaxScanNumber = 1e15;
// Largest |x| or |y| read: a million kilometres, far beyond any sensor, so that the tracker's
// arithmetic (squares, grid cells) stays finite.
constexpr double kMaxCoordinate_m = 1e9;

double parse_coordinate(const CsvFile& file, const std::string& column, const std::string& text) {
  const double value = parse_number(file, column, text);
  if (std::abs(value) > kMaxCoordinate_m) {
    file.fail("column '" + column + "': " + text + " m is beyond +-1e9 m; check the column and its unit (metres)");
  }
  return value;
}

std::vector<PointScan> read_points(const std::string& path, bool with_ids, double scan_period_s,
                                   bool* rampart_format = nullptr) {
  const std::string stone_soup = with_ids ? "scan,time,id,x,y" : "scan,time,x,y";
  CsvTable table(path, stone_soup);
  CsvFile& file = table.reader();
  const std::vector<std::string> stone_soup_columns =
      with_ids ? std::vector<std::string>{"scan", "time", "id", "x", "y"}
               : std::vector<std::string>{"scan", "time", "x", "y"};
  const bool rampart_plots = !with_ids && table.has({"t_s", "east_m", "north_m"});
  const bool rampart_truth = with_ids && table.has({"t_s", "truth_id", "state", "east_m", "north_m"});
  const bool rampart = rampart_plots || rampart_truth;
  if (rampart_format) *rampart_format = rampart;
  if (!rampart && !table.has(stone_soup_columns)) {
    file.fail("header must name the columns `" + stone_soup + "` (Stone Soup) or be the header of a Rampart " +
              (with_ids ? "truth.csv" : "plots.csv"));
  }
  const std::string time_col = rampart ? "t_s" : "time";
  const std::string x_col = rampart ? "east_m" : "x";
  const std::string y_col = rampart ? "north_m" : "y";
  const std::string id_col = rampart ? "truth_id" : "id";
  ScanBuilder builder(file);
  std::int64_t rampart_scan = -1;
  double rampart_t_s = -std::numeric_limits<double>::infinity();
  const bool by_period = rampart_plots && scan_period_s > 0.0;
  std::unordered_set<std::int64_t> ids_in_scan;
  std::int64_t ids_scan = 0;
  while (table.next()) {
    const auto field = [&](const std::string& c) { return table.field(c); };
    const double t_s = parse_number(file, time_col, field(time_col));
    std::int64_t scan = 0;
    double scan_t_s = t_s;
    if (by_period) {
      if (t_s < rampart_t_s) file.fail("t_s " + field(time_col) + " is earlier than the previous row's; sort the rows by time");
      rampart_t_s = t_s;
      const double scan_number = std::floor(t_s / scan_period_s);
      if (std::abs(scan_number) > kMaxScanNumber) {
        file.fail("t_s " + field(time_col) + " is more than 1e15 scan periods from 0; check the time column "
                  "and --scan-period-s");
      }
      scan = static_cast<std::int64_t>(scan_number);
      scan_t_s = static_cast<double>(scan) * scan_period_s;
    } else if (rampart) {
      if (rampart_scan < 0 || t_s != rampart_t_s) ++rampart_scan;
      rampart_t_s = t_s;
      scan = rampart_scan;
    } else {
      scan = parse_integer(file, "scan", field("scan"));
    }
    const Eigen::Vector3d p_m(parse_coordinate(file, x_col, field(x_col)),
                              parse_coordinate(file, y_col, field(y_col)), 0.0);
    PointScan& target = builder.row(scan, scan_t_s);
    // truth.csv lists every entity once airborne; only those in flight are targets.
    if (rampart_truth && field("state") != "flying") continue;
    if (by_period) target.point_t_s.push_back(t_s);
    if (with_ids) {
      const std::int64_t id = parse_integer(file, id_col, field(id_col));
      if (scan != ids_scan) ids_in_scan.clear();
      ids_scan = scan;
      if (!ids_in_scan.insert(id).second) {
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
std::vector<PointScan> read_truth_csv(const std::string& path, const std::vector<PointScan>& detections) {
  bool rampart = false;
  std::vector<PointScan> samples = read_points(path, true, 0.0, &rampart);
  if (!rampart || detections.empty()) return samples;
  std::vector<PointScan> aligned;
  for (const PointScan& d : detections) {
    PointScan& truth = aligned.emplace_back();
    truth.scan = d.scan;
    truth.t_s = d.t_s;
    const auto after = std::lower_bound(samples.begin(), samples.end(), d.t_s,
                                        [](const PointScan& s, double t_s) { return s.t_s < t_s; });
    if (after == samples.end()) continue;
    if (after->t_s == d.t_s) {
      truth.p_m = after->p_m;
      truth.ids = after->ids;
      continue;
    }
    if (after == samples.begin()) continue;
    const PointScan& before = *std::prev(after);
    const double w = (d.t_s - before.t_s) / (after->t_s - before.t_s);
    std::unordered_map<std::int64_t, std::size_t> index_after;
    for (std::size_t i = 0; i < after->ids.size(); ++i) index_after.emplace(after->ids[i], i);
    for (std::size_t i = 0; i < before.ids.size(); ++i) {
      const auto found = index_after.find(before.ids[i]);
      if (found != index_after.end()) {
        truth.p_m.push_back((1.0 - w) * before.p_m[i] + w * after->p_m[found->second]);
        index_after.erase(found);
      } else if (w < 0.5) {
        truth.p_m.push_back(before.p_m[i]);
      } else {
        continue;
      }
      truth.ids.push_back(before.ids[i]);
    }
    if (w < 0.5) continue;
    for (std::size_t i = 0; i < after->ids.size(); ++i) {
      if (!index_after.count(after->ids[i])) continue;
      truth.p_m.push_back(after->p_m[i]);
      truth.ids.push_back(after->ids[i]);
    }
  }
  return aligned;
}

}  // namespace rampart::tracking
