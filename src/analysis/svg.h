// The pieces of the report's hand-written SVG charts: escaping, axis ticks, histogram bins, and a
// plot area with its axes.
//
// Ticks are "nice numbers" (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990):
// the step is the smallest of 1, 2 or 5 times a power of ten that is at least
// (hi - lo) / target (and at least min_step); the ticks are the multiples of the step from the
// last one at or below lo to the first one at or above hi, two at least (0 to 0: 0 and 1).
//
// Histogram bins, for n values from min to max:
//   integers spanning at most 25 (max - min <= 25): one bin per whole number, [k - 0.5, k + 0.5);
//   otherwise about sqrt(n) bins (at least 5, at most 25): width w the nice number at or above
//     (max - min) / clamp(ceil(sqrt(n)), 5, 25), edges at the multiples of w (for integers, at
//     least 1, and shifted by -0.5 so each bin holds w whole numbers), the last bin holding max;
//   all values equal: one bin [v - 0.5, v + 0.5).
// Several series binned together (the distributions of A and B overlaid) share the bins of all
// their values.
//
// Every number is written with fmt, so the text does not depend on the locale, and the same
// chart is the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rampart::analysis::svg {

/// `text` with & < > " ' replaced by entities, safe in HTML text, SVG text and attribute values.
std::string escape(std::string_view text);

/// The smallest of 1, 2 or 5 times a power of ten that is at least `x` (x > 0).
double nice_at_least(double x);

struct Ticks {
  double step = 1.0;
  std::vector<double> values;  ///< the first at or below lo, the last at or above hi
};
Ticks nice_ticks(double lo, double hi, int target = 5, double min_step = 0.0);

/// Fixed-point text with `decimals` digits after the point; never "-0" (a value that rounds to 0).
std::string fixed(double value, int decimals);
/// A tick's text: as many decimals as the step needs (step 0.05: "0.15"; step 20: "40").
std::string tick_label(double value, double step);

struct Bins {
  double first_edge = 0.0;
  double width = 1.0;
  std::size_t count = 0;
  double edge(std::size_t k) const { return first_edge + double(k) * width; }
};
/// The bins of `values` (none when empty).
Bins histogram_bins(const std::vector<double>& values);
/// How many of `values` fall in each bin.
std::vector<int> bin_counts(const Bins& bins, const std::vector<double>& values);

/// A labelled tick of an axis.
struct Tick {
  double value = 0.0;
  std::string label;
};
/// The multiples of `step` that lie in [lo, hi], labelled (tick_label).
std::vector<Tick> labelled_ticks(double lo, double hi, double step);

/// A rectangle of `width_px` x `height_px` with a plot area inside its margins, mapping the
/// domain [x_lo, x_hi] x [y_lo, y_hi] onto it (y up).
class Plot {
 public:
  struct Margins {
    double left_px = 62.0;
    double right_px = 18.0;
    double top_px = 36.0;
    double bottom_px = 48.0;
  };
  Plot(double width_px, double height_px, double x_lo, double x_hi, double y_lo, double y_hi,
       Margins margins);

  double x(double v) const;
  double y(double v) const;
  double left() const { return m_.left_px; }
  double right() const { return width_px_ - m_.right_px; }
  double top() const { return m_.top_px; }
  double bottom() const { return height_px_ - m_.bottom_px; }
  double width_px() const { return width_px_; }
  double height_px() const { return height_px_; }

  /// `<svg ...>` with its title (for screen readers and tooltips) and the chart's title on top;
  /// `id` names the chart in the DOM.
  std::string open(const std::string& id, const std::string& title) const;
  /// Bottom axis with its ticks, labels and title; vertical grid lines when `grid`.
  std::string x_axis(const std::vector<Tick>& ticks, const std::string& title, bool grid = false) const;
  /// Left axis with its ticks, labels, title and horizontal grid lines.
  std::string y_axis(const std::vector<Tick>& ticks, const std::string& title) const;

 private:
  double width_px_, height_px_;
  double x_lo_, x_hi_, y_lo_, y_hi_;
  Margins m_;
};

struct LegendEntry {
  std::string color;
  std::string label;
  std::string shape = "box";  ///< box, line, band (a line on a light box), dot
};
/// Legend entries from (x_px, y_px), each `entry_px` wide, in rows of at most `row_px`, 18 px apart.
std::string legend(double x_px, double y_px, const std::vector<LegendEntry>& entries, double entry_px,
                   double row_px = 1e9);
/// The rows legend() takes.
std::size_t legend_rows(std::size_t entries, double entry_px, double row_px);

/// The Okabe-Ito colour-blind-safe palette, cycled.
const std::string& series_color(std::size_t k);

}  // namespace rampart::analysis::svg
