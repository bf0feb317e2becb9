#include "analysis/svg.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/error.h"

namespace rampart::analysis::svg {
namespace {

bool all_integers(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v == std::floor(v); });
}

/// Multiples k x step of [lo, hi] cover: k from floor(lo / step) to ceil(hi / step), with a
/// little slack for the rounding of the division.
std::pair<long, long> multiples(double lo, double hi, double step) {
  constexpr double kSlack = 1e-9;
  return {static_cast<long>(std::floor(lo / step + kSlack)), static_cast<long>(std::ceil(hi / step - kSlack))};
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

double nice_at_least(double x) {
  RAMPART_DEMAND(x > 0.0 && std::isfinite(x), "a nice number of a positive finite value");
  const double power = std::pow(10.0, std::floor(std::log10(x)));
  for (const double f : {1.0, 2.0, 5.0, 10.0})
    if (f * power >= x * (1.0 - 1e-12)) return f * power;
  return 10.0 * power;
}

Ticks nice_ticks(double lo, double hi, int target, double min_step) {
  RAMPART_DEMAND(lo <= hi && target > 0, "ticks of an ordered range");
  const double span = hi - lo;
  Ticks t;
  t.step = std::max(span > 0.0 ? nice_at_least(span / target) : nice_at_least(std::max(std::abs(lo), 1.0)),
                    min_step);
  const auto [first, last] = multiples(lo, hi, t.step);
  for (long k = first; k <= std::max(last, first + 1); ++k) t.values.push_back(double(k) * t.step);
  return t;
}

std::string fixed(double value, int decimals) {
  const std::string text = fmt::format("{:.{}f}", value, decimals);
  return text.find_first_not_of("-0.") == std::string::npos ? fmt::format("{:.{}f}", 0.0, decimals) : text;
}

std::string tick_label(double value, double step) {
  return fixed(value, std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9))));
}

Bins histogram_bins(const std::vector<double>& values) {
  if (values.empty()) return {};
  const auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
  const double lo = *lo_it, hi = *hi_it;
  const bool integers = all_integers(values);
  if (lo == hi || (integers && hi - lo <= 25.0))
    return {lo - 0.5, 1.0, static_cast<std::size_t>(hi - lo) + 1};
  const double target = std::clamp(std::ceil(std::sqrt(double(values.size()))), 5.0, 25.0);
  Bins b;
  b.width = nice_at_least((hi - lo) / target);
  if (integers) {
    b.width = std::max(b.width, 1.0);
    b.first_edge = std::floor((lo + 0.5) / b.width) * b.width - 0.5;
  } else {
    b.first_edge = std::floor(lo / b.width) * b.width;
  }
  b.count = static_cast<std::size_t>(std::floor((hi - b.first_edge) / b.width)) + 1;
  return b;
}

std::vector<int> bin_counts(const Bins& bins, const std::vector<double>& values) {
  std::vector<int> counts(bins.count, 0);
  for (const double v : values) {
    const double k = std::floor((v - bins.first_edge) / bins.width);
    RAMPART_DEMAND(k >= 0.0, "a value below the first bin");
    ++counts[std::min(static_cast<std::size_t>(k), bins.count - 1)];
  }
  return counts;
}

std::vector<Tick> labelled_ticks(double lo, double hi, double step) {
  const auto [first, last] = multiples(lo, hi, step);
  std::vector<Tick> out;
  for (long k = first; k <= last; ++k) {
    const double v = double(k) * step;
    if (v >= lo - 1e-9 * step && v <= hi + 1e-9 * step) out.push_back({v, tick_label(v, step)});
  }
  return out;
}

Plot::Plot(double width_px, double height_px, double x_lo, double x_hi, double y_lo, double y_hi, Margins margins)
    : width_px_(width_px), height_px_(height_px), x_lo_(x_lo), x_hi_(x_hi), y_lo_(y_lo), y_hi_(y_hi), m_(margins) {
  RAMPART_DEMAND(x_hi > x_lo && y_hi > y_lo, "a plot of a non-empty domain");
}

double Plot::x(double v) const { return left() + (v - x_lo_) / (x_hi_ - x_lo_) * (right() - left()); }

double Plot::y(double v) const { return bottom() - (v - y_lo_) / (y_hi_ - y_lo_) * (bottom() - top()); }

std::string Plot::open(const std::string& id, const std::string& title) const {
  return fmt::format(
      "<svg class=\"chart\" id=\"{0}\" width=\"{1:.0f}\" height=\"{2:.0f}\" "
      "viewBox=\"0 0 {1:.0f} {2:.0f}\" role=\"img\"><title>{3}</title>"
      "<text class=\"chart-title\" x=\"{4:.1f}\" y=\"20\">{3}</text>\n",
      escape(id), width_px_, height_px_, escape(title), left());
}

std::string Plot::x_axis(const std::vector<Tick>& ticks, const std::string& title, bool grid) const {
  std::string out = fmt::format("<g class=\"axis\"><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>",
                                left(), bottom(), right(), bottom());
  for (const Tick& t : ticks) {
    const double px = x(t.value);
    if (grid)
      out += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>", px, top(),
                         bottom());
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>"
                       "<text class=\"tick\" x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>",
                       px, bottom(), bottom() + 5.0, bottom() + 18.0, escape(t.label));
  }
  out += fmt::format("<text class=\"axis-title\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text></g>\n",
                     (left() + right()) / 2.0, bottom() + 38.0, escape(title));
  return out;
}

std::string Plot::y_axis(const std::vector<Tick>& ticks, const std::string& title) const {
  std::string out = fmt::format("<g class=\"axis\"><line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>",
                                left(), top(), left(), bottom());
  for (const Tick& t : ticks) {
    const double py = y(t.value);
    out += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\"/>"
                       "<line x1=\"{3:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{1:.1f}\"/>"
                       "<text class=\"tick\" x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"end\">{6}</text>",
                       left(), py, right(), left() - 5.0, left() - 8.0, py + 4.0, escape(t.label));
  }
  out += fmt::format("<text class=\"axis-title\" transform=\"translate({:.1f} {:.1f}) rotate(-90)\" "
                     "text-anchor=\"middle\">{}</text></g>\n",
                     14.0, (top() + bottom()) / 2.0, escape(title));
  return out;
}

std::size_t legend_rows(std::size_t entries, double entry_px, double row_px) {
  const auto per_row = std::max<std::size_t>(1, static_cast<std::size_t>(row_px / entry_px));
  return (entries + per_row - 1) / per_row;
}

std::string legend(double x_px, double y0_px, const std::vector<LegendEntry>& entries, double entry_px, double row_px) {
  const auto per_row = std::max<std::size_t>(1, static_cast<std::size_t>(row_px / entry_px));
  std::string out = "<g class=\"legend\">";
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const LegendEntry& e = entries[k];
    const double x = x_px + double(k % per_row) * entry_px;
    const double y_px = y0_px + 18.0 * double(k / per_row);
    if (e.shape == "line") {
      out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"2.5\"/>",
                         x, y_px, x + 16.0, y_px, e.color);
    } else if (e.shape == "dot") {
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"/>", x + 8.0, y_px, e.color);
    } else {
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"16\" height=\"10\" fill=\"{}\" fill-opacity=\"{}\"/>",
                         x, y_px - 5.0, e.color, e.shape == "band" ? "0.25" : "0.8");
      if (e.shape == "band")
        out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"2\"/>",
                           x, y_px, x + 16.0, y_px, e.color);
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", x + 21.0, y_px + 4.0, escape(e.label));
  }
  return out + "</g>\n";
}

const std::string& series_color(std::size_t k) {
  static const std::array<std::string, 7> kColors = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                      "#56B4E9", "#D55E00", "#000000"};
  return kColors[k % kColors.size()];
}

}  // namespace rampart::analysis::svg
