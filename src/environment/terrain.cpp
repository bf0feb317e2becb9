#include "environment/terrain.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/text_file.h"

namespace rampart::environment {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kPerTwoKRe = 1.0 / (2.0 * kEffectiveEarthRadius_m);  // bulge: d^2 / (2 k Re)

// ---- ESRI ASCII raster -------------------------------------------------------------------------

struct Token {
  std::string_view text;
  int column;  ///< 1-based
};

std::vector<Token> tokens(std::string_view line) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i == line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    out.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return out;
}

std::optional<double> number(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class EsriReader {
 public:
  explicit EsriReader(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(int line, int column, const std::string& what) const {
    throw InputError(fmt::format("{}:{}:{}: {}", path_, line, column, what));
  }

 private:
  std::string path_;
};

enum HeaderKey { kCols, kRows, kX, kY, kCell, kNoData, kKeyCount };

struct HeaderEntry {
  double value = 0.0;
  int line = 0;  ///< 0: not given
  int value_column = 0;
  std::string key;  ///< as written
};

std::optional<HeaderKey> header_key(const std::string& key, bool& is_corner) {
  is_corner = false;
  if (key == "ncols") return kCols;
  if (key == "nrows") return kRows;
  if (key == "xllcorner" || key == "xllcenter" || key == "xllcentre") {
    is_corner = key == "xllcorner";
    return kX;
  }
  if (key == "yllcorner" || key == "yllcenter" || key == "yllcentre") {
    is_corner = key == "yllcorner";
    return kY;
  }
  if (key == "cellsize") return kCell;
  if (key == "nodata_value") return kNoData;
  return std::nullopt;
}

constexpr std::array<const char*, kKeyCount> kKeyNames = {"ncols", "nrows", "xllcorner or xllcenter",
                                                          "yllcorner or yllcenter", "cellsize", "NODATA_value"};
constexpr std::array<const char*, kKeyCount> kKeyExamples = {"ncols 200", "nrows 150", "xllcorner -10000",
                                                             "yllcorner -7500", "cellsize 100", "NODATA_value -9999"};

int grid_size(const EsriReader& reader, const HeaderEntry& e, const char* name) {
  if (e.value != std::floor(e.value) || e.value < 1.0 || e.value > kMaxTerrainCells) {
    reader.fail(e.line, e.value_column,
                fmt::format("{} is {}; give a whole number of cells from 1 to {} (resample or cut a larger grid)",
                            name, e.value, kMaxTerrainCells));
  }
  return static_cast<int>(e.value);
}

}  // namespace

// ---- Terrain -----------------------------------------------------------------------------------

Terrain::Terrain(double west_m, double south_m, double cell_m, int cols, int rows, const std::vector<float>& heights_m)
    : west_m_(west_m),
      south_m_(south_m),
      cell_m_(cell_m),
      per_cell_(1.0 / cell_m),
      cols_(cols),
      rows_(rows),
      stride_(static_cast<std::size_t>(cols) + 1),
      x_limit_(cols - 0.5),
      y_limit_(rows - 0.5) {
  RAMPART_DEMAND(cell_m > 0.0 && cols >= 1 && rows >= 1, "a terrain grid needs cells of positive size");
  RAMPART_DEMAND(heights_m.size() == static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows),
                 "a terrain grid needs cols x rows heights");
  heights_.assign(stride_ * (static_cast<std::size_t>(rows) + 1), 0.0F);
  for (int row = 0; row < rows; ++row)
    std::copy_n(heights_m.begin() + static_cast<std::ptrdiff_t>(row) * cols, cols,
                heights_.begin() + static_cast<std::ptrdiff_t>(row * stride_));
  finish();
}

void Terrain::finish() {
  const auto rows = static_cast<std::size_t>(rows_);
  const auto cols = static_cast<std::size_t>(cols_);
  for (std::size_t row = 0; row < rows; ++row) heights_[row * stride_ + cols] = heights_[row * stride_ + cols - 1];
  std::copy_n(heights_.begin() + static_cast<std::ptrdiff_t>((rows - 1) * stride_), stride_,
              heights_.begin() + static_cast<std::ptrdiff_t>(rows * stride_));
  max_height_m_ = -kInf;
  for (std::size_t row = 0; row < rows; ++row)
    for (std::size_t col = 0; col < cols; ++col)
      max_height_m_ = std::max(max_height_m_, static_cast<double>(heights_[row * stride_ + col]));
}

Terrain Terrain::read_esri_ascii(const std::string& path) {
  const auto text = read_text_file(path);
  if (!text) throw InputError(path + ": cannot open the terrain file; check the path");
  const EsriReader reader(path);
  TextLines lines(*text, path);

  std::array<HeaderEntry, kKeyCount> header;
  bool x_corner = false;
  bool y_corner = false;
  std::optional<std::string_view> pending;  // the first row of heights, met while reading the header
  std::vector<Token> pending_tokens;
  int last_line = 0;
  while (const auto line = lines.next()) {
    last_line = lines.line_number();
    auto words = tokens(*line);
    if (words.empty()) continue;
    if (number(words[0].text)) {
      pending = *line;
      pending_tokens = std::move(words);
      break;
    }
    const std::string key = lower(words[0].text);
    bool corner = false;
    const auto which = header_key(key, corner);
    if (!which) {
      const std::string hint = key == "dx" || key == "dy"
                                   ? "non-square cells (dx, dy) are not supported; resample the grid to square cells"
                                   : "the header keys are ncols, nrows, xllcorner|xllcenter, yllcorner|yllcenter, "
                                     "cellsize and NODATA_value";
      reader.fail(last_line, words[0].column,
                  fmt::format("unknown header key '{}' (or a row of heights that is not numbers); {}", words[0].text,
                              hint));
    }
    HeaderEntry& entry = header[*which];
    if (entry.line != 0) {
      reader.fail(last_line, words[0].column,
                  fmt::format("'{}' repeats '{}' of line {}; give {} once", words[0].text, entry.key, entry.line,
                              kKeyNames[*which]));
    }
    if (words.size() != 2) {
      reader.fail(last_line, words.size() < 2 ? static_cast<int>(line->size()) + 1 : words[2].column,
                  fmt::format("'{}' needs one value, found {}; write it as `{}`", words[0].text, words.size() - 1,
                              kKeyExamples[*which]));
    }
    const auto value = number(words[1].text);
    if (!value) {
      reader.fail(last_line, words[1].column,
                  fmt::format("the value of '{}', '{}', is not a number; write it as `{}`", words[0].text,
                              words[1].text, kKeyExamples[*which]));
    }
    entry = {*value, last_line, words[1].column, std::string(words[0].text)};
    if (*which == kX) x_corner = corner;
    if (*which == kY) y_corner = corner;
  }

  // Where a missing key is reported: the first row of heights, or past the end of the file.
  const int data_line = pending ? last_line : last_line + 1;
  for (int k = 0; k < kKeyCount; ++k) {
    if (k != kNoData && header[k].line == 0) {
      reader.fail(data_line, 1,
                  fmt::format("the header has no {}; add a line such as `{}` before the heights", kKeyNames[k],
                              kKeyExamples[k]));
    }
  }
  const int cols = grid_size(reader, header[kCols], "ncols");
  const int rows = grid_size(reader, header[kRows], "nrows");
  const double cell_m = header[kCell].value;
  if (cell_m <= 0.0) {
    reader.fail(header[kCell].line, header[kCell].value_column,
                fmt::format("cellsize is {}; give the cells' side in metres, greater than 0", cell_m));
  }
  const bool has_nodata = header[kNoData].line != 0;
  const double nodata = header[kNoData].value;

  // Rows northmost first; stored southmost first.
  std::vector<float> heights(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
  int row = 0;
  auto read_row = [&](std::string_view line, const std::vector<Token>& words, int line_number) {
    if (row == rows) {
      reader.fail(line_number, words[0].column,
                  fmt::format("unexpected text after the {} rows of heights nrows gives; remove it, or correct "
                              "nrows (line {})",
                              rows, header[kRows].line));
    }
    if (static_cast<int>(words.size()) < cols) {
      reader.fail(line_number, static_cast<int>(line.size()) + 1,
                  fmt::format("row {} of heights has {} values, fewer than ncols = {}; complete the row or "
                              "correct ncols",
                              row + 1, words.size(), cols));
    }
    if (static_cast<int>(words.size()) > cols) {
      reader.fail(line_number, words[static_cast<std::size_t>(cols)].column,
                  fmt::format("row {} of heights has {} values, more than ncols = {}; remove the extra values or "
                              "correct ncols",
                              row + 1, words.size(), cols));
    }
    float* out = heights.data() + static_cast<std::size_t>(rows - 1 - row) * static_cast<std::size_t>(cols);
    for (int col = 0; col < cols; ++col) {
      const Token& word = words[static_cast<std::size_t>(col)];
      const auto h = number(word.text);
      if (!h) {
        reader.fail(line_number, word.column,
                    fmt::format("'{}' is not a number; heights are metres, e.g. 125.5", word.text));
      }
      if (has_nodata && *h == nodata) {
        out[col] = 0.0F;  // no data: the sea
        continue;
      }
      if (*h < kMinTerrainHeight_m || *h > kMaxTerrainHeight_m) {
        reader.fail(line_number, word.column,
                    fmt::format("height {} m is outside {} to {} m; heights are metres above sea level (is the "
                                "grid in feet, or is NODATA_value missing?)",
                                *h, kMinTerrainHeight_m, kMaxTerrainHeight_m));
      }
      out[col] = static_cast<float>(*h);
    }
    ++row;
  };
  if (pending) read_row(*pending, pending_tokens, last_line);
  while (const auto line = lines.next()) {
    last_line = lines.line_number();
    const auto words = tokens(*line);
    if (!words.empty()) read_row(*line, words, last_line);
  }
  if (row < rows) {
    reader.fail(last_line + 1, 1,
                fmt::format("the file ends after {} rows of heights, but nrows = {} (line {}); add the missing "
                            "rows or correct nrows",
                            row, rows, header[kRows].line));
  }
  const double half = x_corner ? cell_m / 2.0 : 0.0;
  const double y_half = y_corner ? cell_m / 2.0 : 0.0;
  return Terrain(header[kX].value + half, header[kY].value + y_half, cell_m, cols, rows, heights);
}

std::string Terrain::to_esri_ascii() const {
  std::string out = fmt::format("ncols {}\nnrows {}\nxllcenter {}\nyllcenter {}\ncellsize {}\n", cols_, rows_,
                                west_m_, south_m_, cell_m_);
  char buffer[32];
  for (int row = rows_ - 1; row >= 0; --row) {
    for (int col = 0; col < cols_; ++col) {
      const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer,
                                              heights_[static_cast<std::size_t>(row) * stride_ + col]);
      if (col > 0) out += ' ';
      out.append(buffer, end);
    }
    out += '\n';
  }
  return out;
}

// ---- Synthetic terrain -------------------------------------------------------------------------

Terrain Terrain::synthesize(const SyntheticTerrain& spec) {
  const auto finite = [](std::initializer_list<double> values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
  };
  if (!finite({spec.west_m, spec.south_m, spec.east_m, spec.north_m, spec.cell_m, spec.base_height_m}))
    throw InputError("synthetic terrain: the extent, cell size and base height must be finite numbers");
  if (spec.cell_m <= 0.0)
    throw InputError(fmt::format("synthetic terrain: cell size {} m; give a cell size greater than 0", spec.cell_m));
  if (spec.east_m < spec.west_m || spec.north_m < spec.south_m)
    throw InputError("synthetic terrain: east must not be west of west, nor north south of south; swap them");
  const double cols = std::ceil((spec.east_m - spec.west_m) / spec.cell_m - 1e-9) + 1.0;
  const double rows = std::ceil((spec.north_m - spec.south_m) / spec.cell_m - 1e-9) + 1.0;
  if (cols > kMaxTerrainCells || rows > kMaxTerrainCells) {
    throw InputError(fmt::format("synthetic terrain: {} x {} cells, more than {} a side; use larger cells or a "
                                 "smaller extent",
                                 cols, rows, kMaxTerrainCells));
  }
  const auto c = static_cast<int>(cols);
  const auto r = static_cast<int>(rows);
  Terrain terrain(spec.west_m, spec.south_m, spec.cell_m, c, r,
                  std::vector<float>(static_cast<std::size_t>(c) * static_cast<std::size_t>(r),
                                     static_cast<float>(spec.base_height_m)));
  terrain.add_features(spec.hills, spec.ridges);
  return terrain;
}

void Terrain::add_features(const std::vector<Hill>& hills, const std::vector<Ridge>& ridges) {
  // Adds f(east, north) to every cell centre within [e0, e1] x [n0, n1].
  auto add = [&](double e0, double e1, double n0, double n1, auto&& f) {
    const int c0 = std::max(0, static_cast<int>(std::ceil((e0 - west_m_) * per_cell_)));
    const int c1 = std::min(cols_ - 1, static_cast<int>(std::floor(std::min((e1 - west_m_) * per_cell_, 1e9))));
    const int r0 = std::max(0, static_cast<int>(std::ceil((n0 - south_m_) * per_cell_)));
    const int r1 = std::min(rows_ - 1, static_cast<int>(std::floor(std::min((n1 - south_m_) * per_cell_, 1e9))));
    for (int row = r0; row <= r1; ++row) {
      const double north = south_m_ + row * cell_m_;
      float* line = heights_.data() + static_cast<std::size_t>(row) * stride_;
      for (int col = c0; col <= c1; ++col)
        line[col] = static_cast<float>(line[col] + f(west_m_ + col * cell_m_, north));
    }
  };
  for (const Hill& h : hills) {
    if (!std::isfinite(h.east_m) || !std::isfinite(h.north_m) || !std::isfinite(h.height_m) ||
        !(h.radius_m > 0.0 && std::isfinite(h.radius_m)))
      throw InputError("synthetic terrain: a hill needs finite numbers and a radius greater than 0");
    const double reach = 5.0 * h.radius_m;
    const double per_two_var = 1.0 / (2.0 * h.radius_m * h.radius_m);
    add(h.east_m - reach, h.east_m + reach, h.north_m - reach, h.north_m + reach, [&](double e, double n) {
      const double de = e - h.east_m, dn = n - h.north_m;
      const double r2 = de * de + dn * dn;
      return r2 > reach * reach ? 0.0 : h.height_m * std::exp(-r2 * per_two_var);
    });
  }
  for (const Ridge& g : ridges) {
    if (!std::isfinite(g.from_east_m) || !std::isfinite(g.from_north_m) || !std::isfinite(g.to_east_m) ||
        !std::isfinite(g.to_north_m) || !std::isfinite(g.height_m) ||
        !(g.half_width_m > 0.0 && std::isfinite(g.half_width_m)))
      throw InputError("synthetic terrain: a ridge needs finite numbers and a half width greater than 0");
    const double w = g.half_width_m;
    const double ue = g.to_east_m - g.from_east_m, un = g.to_north_m - g.from_north_m;
    const double length2 = ue * ue + un * un;
    add(std::min(g.from_east_m, g.to_east_m) - w, std::max(g.from_east_m, g.to_east_m) + w,
        std::min(g.from_north_m, g.to_north_m) - w, std::max(g.from_north_m, g.to_north_m) + w,
        [&](double e, double n) {
          const double pe = e - g.from_east_m, pn = n - g.from_north_m;
          const double t = length2 > 0.0 ? std::clamp((pe * ue + pn * un) / length2, 0.0, 1.0) : 0.0;
          const double de = pe - t * ue, dn = pn - t * un;
          const double d = std::sqrt(de * de + dn * dn);
          if (d >= w) return 0.0;
          const double c = std::cos(kPi * d / (2.0 * w));
          return g.height_m * c * c;
        });
  }
  finish();
}

// ---- Line of sight -----------------------------------------------------------------------------

bool Terrain::line_of_sight(double a_east_m, double a_north_m, double a_alt_m, double b_east_m, double b_north_m,
                            double b_alt_m) const {
  const double za = std::max(a_alt_m, height_m(a_east_m, a_north_m));
  const double zb = std::max(b_alt_m, height_m(b_east_m, b_north_m));
  const double de = b_east_m - a_east_m, dn = b_north_m - a_north_m;
  const double d2 = de * de + dn * dn;
  // z(s) = za + s (zb - za) - c s (1 - s) = za + b s + c s^2,  c = d^2 / (2 k Re)
  const double c = d2 * kPerTwoKRe;
  const double b = zb - za - c;
  auto z = [&](double s) { return za + s * (b + c * s); };
  auto lowest = [&](double s0, double s1) {  // min of the convex parabola over [s0, s1]
    const double s = c > 0.0 ? std::clamp(-b / (2.0 * c), s0, s1) : (b > 0.0 ? s0 : s1);
    return z(s);
  };

  // The part of the ground path over the grid's footprint, [s_in, s_out] (Liang-Barsky).
  double s_in = 0.0, s_out = 1.0;
  auto clip = [&](double p, double q) {  // keeps s with p s <= q
    if (p == 0.0) return q >= 0.0;
    const double s = q / p;
    if (p < 0.0) s_in = std::max(s_in, s);
    else s_out = std::min(s_out, s);
    return s_in <= s_out;
  };
  const double half = 0.5 * cell_m_;
  const double x0 = west_m_ - half, x1 = west_m_ + (cols_ - 0.5) * cell_m_;
  const double y0 = south_m_ - half, y1 = south_m_ + (rows_ - 0.5) * cell_m_;
  const bool crosses = clip(-de, a_east_m - x0) && clip(de, x1 - a_east_m) && clip(-dn, a_north_m - y0) &&
                       clip(dn, y1 - a_north_m);
  if (!crosses) return lowest(0.0, 1.0) >= 0.0;  // all over the sea
  if (s_in > 0.0 && lowest(0.0, s_in) < 0.0) return false;
  if (s_out < 1.0 && lowest(s_out, 1.0) < 0.0) return false;
  if (lowest(s_in, s_out) >= max_height_m_) return true;  // above the highest cell

  const double d = std::sqrt(d2);
  const double n = std::ceil(d / half);
  const int first = std::max(1, static_cast<int>(std::ceil(s_in * n)));
  const int last = std::min(static_cast<int>(n) - 1, static_cast<int>(std::floor(s_out * n)));
  const double per_n = 1.0 / n;
  for (int i = first; i <= last; ++i) {
    const double s = i * per_n;
    if (height_m(a_east_m + s * de, a_north_m + s * dn) > z(s)) return false;
  }
  return true;
}

// ---- Site mask ---------------------------------------------------------------------------------

SiteMask::SiteMask(std::shared_ptr<const Terrain> terrain, double site_east_m, double site_north_m,
                   double site_alt_m, double max_range_m, int az_bins)
    : terrain_(std::move(terrain)),
      site_east_m_(site_east_m),
      site_north_m_(site_north_m),
      site_alt_m_(0.0),
      max_range_m_(max_range_m),
      step_m_(0.0),
      az_bins_(az_bins),
      bins_per_rad_(az_bins / kTwoPi) {
  RAMPART_DEMAND(terrain_ != nullptr, "a site mask needs a terrain");
  RAMPART_DEMAND(az_bins >= 1 && max_range_m > 0.0 && std::isfinite(max_range_m), "a site mask needs a range and bins");
  site_alt_m_ = std::max(site_alt_m, terrain_->height_m(site_east_m, site_north_m));
  step_m_ = terrain_->cell_m() / 2.0;
  const double steps = std::ceil(max_range_m / step_m_);
  RAMPART_DEMAND(steps < 1e7, "a site mask of more than 10 million range steps");
  steps_ = static_cast<int>(steps);
  block_ = std::max(16, (steps_ + 255) / 256);
  per_bin_ = (steps_ + block_ - 1) / block_ + 1;
  sin_.resize(static_cast<std::size_t>(az_bins));
  cos_.resize(static_cast<std::size_t>(az_bins));
  blocks_.assign(static_cast<std::size_t>(az_bins) * static_cast<std::size_t>(per_bin_),
                 -std::numeric_limits<float>::infinity());
  for (int b = 0; b < az_bins; ++b) {
    const double az = (b + 0.5) / bins_per_rad_;
    sin_[static_cast<std::size_t>(b)] = std::sin(az);
    cos_[static_cast<std::size_t>(b)] = std::cos(az);
    float* out = blocks_.data() + static_cast<std::size_t>(b) * static_cast<std::size_t>(per_bin_);
    double running = -kInf;
    for (int j = 1; j <= steps_; ++j) {
      running = std::max(running, sample(b, j));
      if (j % block_ == 0 || j == steps_) out[(j + block_ - 1) / block_] = static_cast<float>(running);
    }
  }
}

int SiteMask::bin(double az_rad) const {
  double a = az_rad * bins_per_rad_;
  if (!(a >= 0.0 && a < az_bins_)) {
    a = wrap_two_pi(az_rad) * bins_per_rad_;
    if (!(a >= 0.0)) a = 0.0;  // NaN
  }
  return std::min(static_cast<int>(a), az_bins_ - 1);
}

double SiteMask::sample(int b, int step) const {
  const double r = step * step_m_;
  const double h = terrain_->height_m(site_east_m_ + r * sin_[static_cast<std::size_t>(b)],
                                      site_north_m_ + r * cos_[static_cast<std::size_t>(b)]);
  return (h - site_alt_m_) / r - r * kPerTwoKRe;
}

double SiteMask::march(int b, int first_step, int last_step, double stop_above) const {
  double m = -kInf;
  for (int j = first_step + 1; j <= last_step && m <= stop_above; ++j) m = std::max(m, sample(b, j));
  return m;
}

double SiteMask::elevation_rad(double ground_range_m, double alt_m) const {
  return std::atan((alt_m - site_alt_m_) / ground_range_m - ground_range_m * kPerTwoKRe);
}

bool SiteMask::visible(double ground_range_m, double az_rad, double target_alt_m) const {
  if (!(ground_range_m <= max_range_m_)) return false;
  const int last = static_cast<int>(std::ceil(ground_range_m / step_m_)) - 1;  // samples j dr < range
  if (last < 1) return true;
  const double g = (target_alt_m - site_alt_m_) / ground_range_m - ground_range_m * kPerTwoKRe;
  const int b = bin(az_rad);
  const int k = last / block_;
  const float* m = blocks_.data() + static_cast<std::size_t>(b) * static_cast<std::size_t>(per_bin_) + k;
  if (g >= m[1]) return true;
  if (g < m[0]) return false;
  return march(b, k * block_, last, g) <= g;
}

double SiteMask::mask_angle_rad(double ground_range_m, double az_rad) const {
  if (!(ground_range_m <= max_range_m_)) return kPi / 2.0;
  const int last = static_cast<int>(std::ceil(ground_range_m / step_m_)) - 1;
  if (last < 1) return -kPi / 2.0;
  const int b = bin(az_rad);
  const int k = last / block_;
  const double lo = blocks_[static_cast<std::size_t>(b) * static_cast<std::size_t>(per_bin_) + k];
  return std::atan(std::max(lo, march(b, k * block_, last, kInf)));
}

}  // namespace rampart::environment
