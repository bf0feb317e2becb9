#include "analysis/report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "analysis/monte_carlo.h"
#include "analysis/svg.h"
#include "core/error.h"

namespace rampart::analysis {
namespace {

using svg::escape;

/// The per-run metrics the report charts, by their per-run column name (per_run_value), in the
/// order shown: adding a metric to the per-run table and one line here charts it everywhere
/// (distributions, sweep curves, the comparison's forest plot).
struct ChartedMetric {
  const char* key;
  const char* title;
  const char* unit;
};
const ChartedMetric kChartedMetrics[] = {
    {"killed", "Threats killed", "threats"},
    {"leakers", "Leakers", "threats"},
    {"asset_value_lost", "Defended value lost", "value units"},
    {"interceptors_fired", "Interceptors fired, surface-to-air", "missiles"},
    {"first_leaker_time_s", "Time to the first leaker", "s"},
    {"air_to_air_fired", "Air-to-air missiles fired", "missiles"},
    {"gun_bursts_fired", "Gun bursts fired", "bursts"},
    {"false_tracks", "False tracks", "tracks"},
    {"track_breaks", "Track breaks", "breaks"},
    {"kill_assessments_wrong", "Wrong kill assessments", "assessments"},
    {"hostiles_identified_friend", "Hostiles identified friend", "threats"},
    {"fratricides", "Fratricides", "friends killed"},
    {"gospa_mean_m", "Air-picture quality (mean GOSPA)", "m"},
};

const std::pair<const char*, const char*> kProportionTitles[] = {
    {"p_any_leaker", "At least one leaker"},
    {"p_any_fratricide", "At least one fratricide"},
    {"p_any_hostile_identified_friend", "At least one hostile identified friend"},
};

/// The means in the statistics table that get no histogram.
const std::pair<const char*, const char*> kUnchartedTitles[] = {
    {"gun_burst_kills", "Gun bursts that killed"},
    {"interceptors_guidance_lost", "Missiles lost with their guidance"},
};

/// What the representative run must be near the means of.
const char* const kRepresentativeMetrics[] = {"killed", "leakers", "interceptors_fired"};

// Colours, the same in every chart: outcomes and identities as the timeline's legend says.
const std::map<std::string, std::string> kKindColors = {
    {"kill", "#009E73"},     {"miss", "#D55E00"},          {"no_target", "#999999"},  {"aborted", "#CC79A7"},
    {"guidance_lost", "#F0E442"},
    {"fratricide", "#000000"}, {"in_flight", "#56B4E9"},   {"airborne", "#0072B2"},   {"order", "#555555"},
    {"hostile", "#D55E00"},  {"suspect", "#E69F00"},       {"unknown", "#8C8C8C"},    {"pending", "#C8C8C8"},
    {"assumed_friend", "#56B4E9"}, {"friend", "#0072B2"}, {"neutral", "#009E73"},    {"killed", "#009E73"},
    {"survived", "#D55E00"}, {"reopened", "#E69F00"},      {"leak", "#D55E00"},
};
const std::map<std::string, std::string> kThreatKindColors = {
    {"strike_aircraft", "#D55E00"}, {"cruise_missile", "#CC79A7"}, {"drone", "#E69F00"}, {"helicopter", "#0072B2"}};

const std::string& color_of(const std::map<std::string, std::string>& colors, const std::string& kind) {
  static const std::string kOther = "#444444";
  const auto it = colors.find(kind);
  return it == colors.end() ? kOther : it->second;
}

const ChartedMetric* find_metric(const std::string& key) {
  for (const ChartedMetric& m : kChartedMetrics)
    if (key == m.key) return &m;
  return nullptr;
}

std::string title_of(const std::string& key) {
  if (const ChartedMetric* m = find_metric(key)) return m->title;
  for (const auto& [k, title] : kProportionTitles)
    if (key == k) return title;
  for (const auto& [k, title] : kUnchartedTitles)
    if (key == k) return title;
  return key;
}

std::vector<double> values_of(const std::vector<sim::Summary>& runs, const std::string& key) {
  std::vector<double> out;
  for (const auto& r : runs)
    if (const auto v = per_run_value(r, key)) out.push_back(*v);
  return out;
}

std::string number(double v, int decimals) { return std::isnan(v) ? "&ndash;" : fmt::format("{:.{}f}", v, decimals); }

std::string interval_html(const Interval& i, int decimals) {
  if (std::isnan(i.low)) return number(i.estimate, decimals);
  return fmt::format("{} <span class=\"ci\">[{}, {}]</span>", number(i.estimate, decimals), number(i.low, decimals),
                     number(i.high, decimals));
}

std::string interval_text(const Interval& i, int decimals) {
  if (std::isnan(i.estimate)) return "none";
  if (std::isnan(i.low)) return fmt::format("{:.{}f}", i.estimate, decimals);
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}]", i.estimate, decimals, i.low, decimals, i.high, decimals);
}

/// The points' names in tables and legends: "all runs" alone, A and B, else P1, P2, ...
std::string tag(const std::vector<ReportPoint>& points, bool paired, std::size_t k) {
  if (paired) return points[k].label;
  return points.size() == 1 ? std::string("all runs") : fmt::format("P{}", k + 1);
}

std::string close_svg() { return "</svg>\n"; }

/// An empty chart that says why it is empty.
std::string empty_chart(const std::string& id, const std::string& title, const std::string& why, double width_px,
                        double height_px) {
  const svg::Plot p(width_px, height_px, 0.0, 1.0, 0.0, 1.0, {});
  return p.open(id, title) +
         fmt::format("<text class=\"empty\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                     width_px / 2.0, height_px / 2.0, escape(why)) +
         close_svg();
}

/// `v` with three significant digits of `scale` (the mean it goes with): 1020, 66.8, 4.53, 0.0433.
std::string significant(double v, double scale) {
  const double magnitude = std::abs(scale) > 0.0 ? std::floor(std::log10(std::abs(scale))) + 1.0 : 1.0;
  return svg::fixed(v, static_cast<int>(std::clamp(3.0 - magnitude, 0.0, 6.0)));
}

std::string tooltip(const std::string& text) { return "<title>" + escape(text) + "</title>"; }

// ---------------------------------------------------------------------------------------- sections

std::string style() {
  return R"(<style>
body{margin:0;background:#f4f5f7;color:#1d232b;font:15px/1.45 system-ui,-apple-system,"Segoe UI","DejaVu Sans","Liberation Sans",Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:20px 10px 40px}
h1{font-size:26px;margin:0 0 6px}
h2{font-size:19px;margin:30px 0 8px;padding-bottom:4px;border-bottom:2px solid #d5d9df}
h3{font-size:15px;margin:14px 0 6px}
p{margin:6px 0;max-width:1150px}
.meta{color:#3d4652}
.note{color:#5b6470;font-size:13px}
nav a{margin-right:14px;color:#0b5cad;text-decoration:none;font-size:14px}
.charts{display:flex;flex-wrap:wrap;gap:8px}
svg.chart{background:#fff;border:1px solid #d9dde3;border-radius:4px;display:block}
svg text{font-family:inherit;font-size:12px;fill:#1d232b}
svg .chart-title{font-size:14px;font-weight:600}
svg .tick{fill:#4a525c;font-size:11px}
svg .axis-title{fill:#333;font-size:12px}
svg .axis line{stroke:#6b737d;stroke-width:1}
svg .axis line.grid{stroke:#e9ebee}
svg .label{font-size:12px;font-weight:600}
svg .small{font-size:11px;fill:#4a525c}
svg .empty{fill:#6b737d;font-size:13px}
table.stats{border-collapse:collapse;background:#fff;font-size:13px;margin:6px 0}
table.stats th,table.stats td{padding:4px 10px;border-bottom:1px solid #e3e6ea;text-align:right;white-space:nowrap}
table.stats td:first-child{white-space:normal}
table.stats th:first-child,table.stats td:first-child{text-align:left}
table.stats td.method{text-align:left;color:#5b6470}
table.stats tr.group td{background:#eef1f4;font-weight:600;text-align:left}
table.stats code{color:#5b6470;font-size:11px}
.ci{color:#5b6470}
.scroll{overflow-x:auto}
.tables{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.tables>table{flex:1 1 0;min-width:480px}
ul.points{margin:4px 0;padding-left:20px;font-size:14px}
</style>
)";
}

std::string statistics_section(const std::vector<ReportPoint>& points, const std::vector<Statistics>& stats,
                               bool paired) {
  std::string head = "<tr><th>Metric</th><th>Interval</th>";
  for (std::size_t k = 0; k < points.size(); ++k) head += "<th>" + escape(tag(points, paired, k)) + "</th>";
  std::map<std::string, Interval> differences;
  if (paired) {
    for (const auto& [name, i] : paired_differences(points[0].runs, points[1].runs)) differences[name] = i;
    head += "<th>B &minus; A, paired</th>";
  }
  head += "</tr>\n";
  const std::size_t columns = points.size() + 2 + (paired ? 1 : 0);
  const auto group = [&](const std::string& text) {
    return fmt::format("<tr class=\"group\"><td colspan=\"{}\">{}</td></tr>\n", columns, escape(text));
  };
  const auto row = [&](const std::string& title, const std::string& key, const std::string& method,
                       const std::vector<std::string>& cells, const std::string& difference) {
    std::string r = "<tr><td>" + escape(title) + (key.empty() ? "" : " <code>" + escape(key) + "</code>") +
                    "</td><td class=\"method\">" + escape(method) + "</td>";
    for (const auto& c : cells) r += "<td>" + c + "</td>";
    if (paired) r += "<td>" + difference + "</td>";
    return r + "</tr>\n";
  };
  const auto each = [&](auto cell) {
    std::vector<std::string> cells;
    for (std::size_t k = 0; k < points.size(); ++k) cells.push_back(cell(k));
    return cells;
  };
  std::string body = group("The runs");
  body += row("Replications", "", "", each([&](std::size_t k) { return std::to_string(stats[k].runs); }), "");
  body += row("Threats per run", "threats", "",
              each([&](std::size_t k) { return std::to_string(points[k].runs.front().threats); }), "");
  body += row("Fire doctrine", "doctrine", "", each([&](std::size_t k) { return escape(points[k].runs.front().doctrine); }),
              "");
  body += row("Assignment policy", "assignment", "",
              each([&](std::size_t k) { return escape(points[k].runs.front().assignment); }), "");
  body += row("Weapons control", "weapons_control", "",
              each([&](std::size_t k) { return escape(points[k].runs.front().weapons_control); }), "");
  body += group("Means per replication, 95% interval");
  for (std::size_t m = 0; m < stats[0].means.size(); ++m) {
    const std::string& key = stats[0].means[m].first;
    const auto d = differences.find(key);
    body += row(title_of(key), key, "Student t", each([&](std::size_t k) { return interval_html(stats[k].means[m].second, 2); }),
                d == differences.end() ? "" : interval_html(d->second, 2));
  }
  std::string rest = group("Proportions of replications, 95% interval");
  for (std::size_t m = 0; m < stats[0].proportions.size(); ++m) {
    const std::string& key = stats[0].proportions[m].first;
    rest += row(title_of(key), key, "Wilson",
                each([&](std::size_t k) { return interval_html(stats[k].proportions[m].second, 3); }), "");
  }
  std::vector<std::string> assets;
  for (const auto& st : stats)
    for (const auto& [name, i] : st.leaker_probability_by_asset)
      if (std::find(assets.begin(), assets.end(), name) == assets.end()) assets.push_back(name);
  for (const auto& asset : assets) {
    rest += row("A leaker at " + asset, "p_leaker_by_asset", "Wilson", each([&](std::size_t k) {
                  for (const auto& [name, i] : stats[k].leaker_probability_by_asset)
                    if (name == asset) return interval_html(i, 3);
                  return std::string("&ndash;");
                }),
                "");
  }
  rest += group("Ratios and conditional means, 95% interval");
  rest += row("Interceptors per kill (all missiles / their kills)", "interceptors_per_kill", "delta method",
              each([&](std::size_t k) { return interval_html(stats[k].interceptors_per_kill, 2); }), "");
  rest += row("Time to the first leaker, s (runs with one)", "time_to_first_leaker_s", "Student t",
              each([&](std::size_t k) { return interval_html(stats[k].time_to_first_leaker_s, 0); }), "");
  rest += row("Runs with a leaker", "runs_with_leaker", "",
              each([&](std::size_t k) { return std::to_string(stats[k].runs_with_leaker); }), "");
  // One or two points: the table in two halves side by side, to use the page's width.
  const auto table = [&](const std::string& rows) {
    return "<table class=\"stats\"><thead>" + head + "</thead><tbody>\n" + rows + "</tbody></table>";
  };
  const std::string tables = points.size() <= 2 ? table(body) + table(rest) : table(body + rest);
  return "<section id=\"statistics\"><h2>Statistics</h2>\n<p class=\"note\">Estimate and 95% confidence interval "
         "[low, high]. Means: Student t on the replications. Proportions: Wilson score interval. Interceptors per "
         "kill: a ratio of sums with a delta-method interval." +
         std::string(paired ? " B &minus; A: the mean of the paired differences (both run with A's seeds, common "
                              "random numbers) with its Student-t interval." : "") +
         "</p>\n<div class=\"scroll tables\">" + tables + "</div></section>\n";
}

std::string distributions_section(const std::vector<ReportPoint>& points, const std::vector<std::size_t>& shown,
                                  bool paired) {
  std::string out = "<section id=\"distributions\"><h2>Distributions over the replications</h2>\n<p class=\"note\">"
                    "Histograms of the per-run values; the line marks the mean and the band its 95% Student-t "
                    "interval.";
  if (shown.size() > 1) out += " The points are overlaid with the same bins.";
  out += "</p>\n<div class=\"charts\">\n";
  for (const ChartedMetric& m : kChartedMetrics) {
    std::vector<Series> series;
    for (const std::size_t k : shown)
      series.push_back({tag(points, paired, k), svg::series_color(k), values_of(points[k].runs, m.key)});
    out += histogram_svg(std::string("hist-") + m.key, m.title, m.unit, series, 388.0, 280.0);
  }
  return out + "</div></section>\n";
}

std::string asset_section(const std::vector<ReportPoint>& points, const std::vector<Statistics>& stats,
                          const std::vector<std::size_t>& shown, bool paired) {
  std::vector<std::string> assets;
  for (const std::size_t k : shown)
    for (const auto& [name, i] : stats[k].leaker_probability_by_asset)
      if (std::find(assets.begin(), assets.end(), name) == assets.end()) assets.push_back(name);
  std::string out = "<section id=\"assets\"><h2>Probability of at least one leaker, by asset</h2>\n<p class=\"note\">"
                    "The share of replications in which at least one threat reached the asset; whiskers: Wilson 95% "
                    "interval.</p>\n";
  const double width_px = 1180.0, height_px = 280.0;
  if (assets.empty()) return out + empty_chart("assets-chart", "Leakers by asset", "no assets", width_px, height_px) + "</section>\n";
  const double top_px = shown.size() > 1 ? 56.0 : 36.0;
  const svg::Plot p(width_px, height_px, 0.0, double(assets.size()), 0.0, 1.0, {62.0, 18.0, top_px, 48.0});
  out += p.open("assets-chart", "Probability of at least one leaker, by asset");
  out += p.y_axis(svg::labelled_ticks(0.0, 1.0, 0.2), "probability");
  const double group_px = p.x(1.0) - p.x(0.0);
  const double bar_px = std::min(70.0, 0.7 * group_px / double(shown.size()));
  std::vector<svg::Tick> ticks;
  for (std::size_t a = 0; a < assets.size(); ++a) {
    ticks.push_back({double(a) + 0.5, assets[a]});
    for (std::size_t j = 0; j < shown.size(); ++j) {
      const std::size_t k = shown[j];
      for (const auto& [name, i] : stats[k].leaker_probability_by_asset) {
        if (name != assets[a]) continue;
        const double x0 = p.x(double(a) + 0.5) - bar_px * double(shown.size()) / 2.0 + bar_px * double(j);
        const double xc = x0 + bar_px / 2.0;
        const std::string& color = svg::series_color(k);
        out += fmt::format("<g>{}<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
                           "fill-opacity=\"0.8\"/>",
                           tooltip(fmt::format("{}, {}: {}", assets[a], tag(points, paired, k), interval_text(i, 3))),
                           x0 + 2.0, p.y(i.estimate), bar_px - 4.0, p.y(0.0) - p.y(i.estimate), color);
        if (!std::isnan(i.low)) {
          out += fmt::format("<path d=\"M{0:.1f} {1:.1f}V{2:.1f}M{3:.1f} {1:.1f}H{4:.1f}M{3:.1f} {2:.1f}H{4:.1f}\" "
                             "stroke=\"#1d232b\" stroke-width=\"1.5\" fill=\"none\"/>",
                             xc, p.y(i.low), p.y(i.high), xc - 6.0, xc + 6.0);
        }
        out += fmt::format("<text class=\"small\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{:.2f}</text></g>\n",
                           xc, p.y(std::isnan(i.high) ? i.estimate : i.high) - 5.0, i.estimate);
      }
    }
  }
  out += p.x_axis(ticks, "defended asset");
  if (shown.size() > 1) {
    std::vector<svg::LegendEntry> entries;
    for (const std::size_t k : shown) entries.push_back({svg::series_color(k), tag(points, paired, k)});
    out += svg::legend(p.left(), 40.0, entries, 90.0);
  }
  return out + close_svg() + "</section>\n";
}

/// The x of each sweep point: the swept value when one key is swept and every value is a number.
std::optional<std::vector<double>> numeric_sweep(const std::vector<ReportPoint>& points) {
  std::vector<double> xs;
  for (const auto& p : points) {
    if (p.overrides.size() != 1 || p.overrides[0].path != points[0].overrides[0].path) return std::nullopt;
    const char* text = p.overrides[0].value.c_str();
    char* end = nullptr;
    const double x = std::strtod(text, &end);
    if (end == text || *end != '\0' || !std::isfinite(x)) return std::nullopt;
    xs.push_back(x);
  }
  return xs;
}

/// One metric's mean over the sweep points, with its interval as a band.
std::string curve_svg(const std::string& id, const std::string& title, const std::string& y_title,
                      const std::vector<double>& xs, const std::vector<svg::Tick>& x_ticks, double x_lo, double x_hi,
                      const std::string& x_title, const std::vector<Interval>& intervals,
                      const std::vector<std::string>& names) {
  constexpr double kWidth = 388.0, kHeight = 280.0;
  double lo = INFINITY, hi = -INFINITY;
  for (const Interval& i : intervals)
    for (const double v : {i.estimate, i.low, i.high})
      if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (lo > hi) return empty_chart(id, title, "no value at any point", kWidth, kHeight);
  const svg::Ticks t = svg::nice_ticks(lo, hi, 5);
  const svg::Plot p(kWidth, kHeight, x_lo, x_hi, t.values.front(), t.values.back(), {});
  std::string out = p.open(id, title) + p.y_axis(svg::labelled_ticks(t.values.front(), t.values.back(), t.step), y_title);
  std::vector<std::size_t> order(xs.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
  std::string upper, lower, line;
  for (const std::size_t k : order) {
    const Interval& i = intervals[k];
    if (!std::isnan(i.low)) {
      upper += fmt::format("{:.1f},{:.1f} ", p.x(xs[k]), p.y(i.high));
      lower = fmt::format("{:.1f},{:.1f} ", p.x(xs[k]), p.y(i.low)) + lower;
    }
    if (!std::isnan(i.estimate)) line += fmt::format("{:.1f},{:.1f} ", p.x(xs[k]), p.y(i.estimate));
  }
  const std::string& color = svg::series_color(0);
  out += fmt::format("<polygon points=\"{}{}\" fill=\"{}\" fill-opacity=\"0.18\"/>", upper, lower, color);
  out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", line, color);
  for (const std::size_t k : order) {
    if (std::isnan(intervals[k].estimate)) continue;
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\">{}</circle>", p.x(xs[k]),
                       p.y(intervals[k].estimate), color,
                       tooltip(names[k] + ": " + interval_text(intervals[k], 3)));
  }
  return out + p.x_axis(x_ticks, x_title, true) + close_svg();
}

std::string sweep_section(const std::vector<ReportPoint>& points, const std::vector<Statistics>& stats) {
  const auto numeric = numeric_sweep(points);
  std::vector<double> xs;
  std::vector<svg::Tick> ticks;
  std::vector<std::string> names;
  double x_lo = -0.5, x_hi = double(points.size()) - 0.5;
  std::string x_title = "sweep point";
  for (std::size_t k = 0; k < points.size(); ++k) names.push_back(fmt::format("P{} ({})", k + 1, points[k].label));
  if (numeric) {
    xs = *numeric;
    const auto [lo, hi] = std::minmax_element(xs.begin(), xs.end());
    const double pad = *hi > *lo ? 0.06 * (*hi - *lo) : 0.5;
    x_lo = *lo - pad;
    x_hi = *hi + pad;
    for (std::size_t k = 0; k < points.size(); ++k) ticks.push_back({xs[k], points[k].overrides[0].value});
    if (ticks.size() > 12) ticks = svg::labelled_ticks(x_lo, x_hi, svg::nice_ticks(x_lo, x_hi, 6).step);
    x_title = points[0].overrides[0].path;
  } else {
    for (std::size_t k = 0; k < points.size(); ++k) {
      xs.push_back(double(k));
      ticks.push_back({double(k), fmt::format("P{}", k + 1)});
    }
  }
  std::string out = "<section id=\"sweep\"><h2>Over the sweep</h2>\n<p class=\"note\">Each metric's mean at each "
                    "sweep point; the band is its 95% interval (Student t for means, Wilson for proportions).</p>\n"
                    "<div class=\"charts\">\n";
  for (const ChartedMetric& m : kChartedMetrics) {
    std::vector<Interval> intervals;
    for (const auto& p : points) intervals.push_back(mean_interval(values_of(p.runs, m.key), 0.0));
    out += curve_svg(std::string("sweep-") + m.key, m.title, m.unit, xs, ticks, x_lo, x_hi, x_title, intervals, names);
  }
  for (std::size_t j = 0; j < stats[0].proportions.size(); ++j) {
    std::vector<Interval> intervals;
    for (const auto& st : stats) intervals.push_back(st.proportions[j].second);
    const std::string& key = stats[0].proportions[j].first;
    out += curve_svg("sweep-" + key, title_of(key), "probability", xs, ticks, x_lo, x_hi, x_title, intervals, names);
  }
  return out + "</div></section>\n";
}

std::string compare_section(const std::vector<ReportPoint>& points) {
  const auto differences = paired_differences(points[0].runs, points[1].runs);
  constexpr double kWidth = 1180.0, kRow = 30.0, kTop = 70.0, kZero = 640.0, kHalf = 250.0;
  const double height_px = kTop + kRow * double(differences.size()) + 20.0;
  std::string out = "<section id=\"compare\"><h2>B &minus; A</h2>\n<p class=\"note\">The mean of the paired "
                    "differences B &minus; A per replication (both run with A's seeds: common random numbers) "
                    "with its 95% Student-t interval. Each row has its own scale, symmetric about 0 (its end "
                    "labels); an interval that does not cross 0 is coloured: orange when B is higher, blue when "
                    "lower.</p>\n";
  out += fmt::format("<svg class=\"chart\" id=\"compare-chart\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 "
                     "{0:.0f} {1:.0f}\" role=\"img\"><title>B - A, paired</title>"
                     "<text class=\"chart-title\" x=\"12\" y=\"22\">B &#8722; A per replication, 95% interval</text>"
                     "<text class=\"small\" x=\"{2:.1f}\" y=\"50\" text-anchor=\"middle\">0</text>"
                     "<line x1=\"{2:.1f}\" y1=\"56\" x2=\"{2:.1f}\" y2=\"{3:.1f}\" stroke=\"#6b737d\" "
                     "stroke-dasharray=\"4 3\"/>\n",
                     kWidth, height_px, kZero, height_px - 10.0);
  for (std::size_t r = 0; r < differences.size(); ++r) {
    const auto& [key, i] = differences[r];
    const ChartedMetric* m = find_metric(key);
    const double y = kTop + kRow * double(r) + kRow / 2.0;
    double extent = 0.0;
    for (const double v : {i.estimate, i.low, i.high})
      if (!std::isnan(v)) extent = std::max(extent, std::abs(v));
    const double half = extent > 0.0 ? svg::nice_at_least(extent) : 1.0;
    const auto x = [&](double v) { return kZero + v / half * kHalf; };
    const std::string color = i.low > 0.0 ? "#E69F00" : i.high < 0.0 ? "#0072B2" : "#6b737d";
    if (r % 2 == 0)
      out += fmt::format("<rect x=\"4\" y=\"{:.1f}\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"#f4f6f8\"/>",
                         y - kRow / 2.0, kWidth - 8.0, kRow);
    out += fmt::format("<text x=\"12\" y=\"{:.1f}\">{}</text>", y + 4.0, escape(m ? m->title : key));
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#c9ced4\"/>"
                       "<text class=\"small\" x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">&#8722;{5}</text>"
                       "<text class=\"small\" x=\"{6:.1f}\" y=\"{4:.1f}\">+{5}</text>",
                       kZero - kHalf, kZero + kHalf, y, kZero - kHalf - 6.0, y + 4.0,
                       escape(svg::tick_label(half, half)), kZero + kHalf + 6.0);
    if (!std::isnan(i.low))
      out += fmt::format("<path d=\"M{0:.1f} {2:.1f}H{1:.1f}M{0:.1f} {3:.1f}V{4:.1f}M{1:.1f} {3:.1f}V{4:.1f}\" "
                         "stroke=\"{5}\" stroke-width=\"2\" fill=\"none\"/>",
                         x(i.low), x(i.high), y, y - 5.0, y + 5.0, color);
    if (!std::isnan(i.estimate))
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"{}\">{}</circle>", x(i.estimate), y, color,
                         tooltip(key + ": " + interval_text(i, 3)));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{} {}</text>\n", kZero + kHalf + 60.0, y + 4.0,
                       escape(interval_text(i, 2)), escape(m ? m->unit : ""));
  }
  return out + close_svg() + "</section>\n";
}

std::string timeline_section(const std::vector<ReportPoint>& points, const std::vector<std::size_t>& shown,
                             bool paired) {
  std::string out = "<section id=\"timeline\"><h2>Engagement timeline of a representative run</h2>\n"
                    "<p class=\"note\">The replication whose (threats killed, leakers, interceptors fired) is nearest "
                    "the means: the smallest sum of squared differences from the means in standard deviations "
                    "(ties: the lowest index), run again from its seed. Each interceptor is a bar from launch to its "
                    "outcome; triangles are C2's fire orders; a fighter's lane is shaded while it is airborne. Hover "
                    "over a mark for its details.</p>\n";
  for (const std::size_t k : shown) {
    const ReportPoint& p = points[k];
    const std::size_t i = representative_run(p.runs);
    const std::uint64_t seed = replication_seed(p.scenario.random_seed, i);
    const sim::Summary& r = p.runs[i];
    const std::string title = fmt::format("{}replication {} (seed {}): {} killed, {} leakers, {} interceptors fired",
                                          shown.size() > 1 ? tag(points, paired, k) + ", " : std::string(), i, seed,
                                          r.killed, r.leakers, r.interceptors_fired);
    out += timeline_svg(fmt::format("timeline-{}", k), title, record_timeline(p.scenario, seed));
  }
  return out + "</section>\n";
}

std::string map_section(const std::vector<ReportPoint>& points, const std::vector<std::size_t>& shown, bool paired) {
  std::string out = "<section id=\"map\"><h2>Where leakers got through</h2>\n<p class=\"note\">The scenario frame "
                    "(east and north of the scenario's origin, km): defended assets, fire units with the maximum "
                    "range of their weapon, sensors, and the last minutes of every leaker's approach in every "
                    "replication, by threat kind, drawn semi-transparent (dense colour: many leakers took that "
                    "path); a dot where each arrived.</p>\n<div class=\"charts\">\n";
  const bool one = shown.size() == 1;
  for (const std::size_t k : shown) {
    const std::string title = one ? std::string("Leakers' approach paths")
                                  : "Leakers' approach paths, " + tag(points, paired, k);
    out += map_svg(fmt::format("map-{}", k), title, points[k].scenario, points[k].runs, one ? 1180.0 : 586.0,
                   one ? 900.0 : 640.0);
  }
  return out + "</div></section>\n";
}

}  // namespace

std::size_t representative_run(const std::vector<sim::Summary>& runs) {
  RAMPART_DEMAND(!runs.empty(), "a representative of no runs");
  std::vector<double> distance(runs.size(), 0.0);
  for (const char* key : kRepresentativeMetrics) {
    const std::vector<double> x = values_of(runs, key);
    const double mean = mean_of(x);
    const double sd = sample_standard_deviation(x);
    if (sd == 0.0) continue;
    for (std::size_t i = 0; i < x.size(); ++i) distance[i] += std::pow((x[i] - mean) / sd, 2);
  }
  return static_cast<std::size_t>(std::min_element(distance.begin(), distance.end()) - distance.begin());
}

std::vector<std::size_t> shown_points(std::size_t count) {
  if (count == 0) return {};
  if (count > 4) return {0, count - 1};
  std::vector<std::size_t> out(count);
  for (std::size_t k = 0; k < count; ++k) out[k] = k;
  return out;
}

std::string histogram_svg(const std::string& id, const std::string& title, const std::string& unit,
                          const std::vector<Series>& series, double width_px, double height_px) {
  std::vector<double> all;
  for (const Series& s : series) all.insert(all.end(), s.values.begin(), s.values.end());
  if (all.empty()) return empty_chart(id, title, "no replication has a value", width_px, height_px);
  const svg::Bins bins = svg::histogram_bins(all);
  std::vector<std::vector<int>> counts;
  int most = 1;
  for (const Series& s : series) {
    counts.push_back(svg::bin_counts(bins, s.values));
    most = std::max(most, *std::max_element(counts.back().begin(), counts.back().end()));
  }
  // A little room above the highest bar.
  const svg::Ticks y_ticks = svg::nice_ticks(0.0, 1.05 * double(most), 4, 1.0);
  const double x_lo = bins.first_edge, x_hi = bins.edge(bins.count);
  const svg::Plot p(width_px, height_px, x_lo, x_hi, 0.0, y_ticks.values.back(),
                    {54.0, 16.0, 30.0 + 16.0 * double(series.size()), 48.0});
  std::string out = p.open(id, title) + p.y_axis(svg::labelled_ticks(0.0, y_ticks.values.back(), y_ticks.step), "replications");
  const double opacity = series.size() > 1 ? 0.45 : 0.75;
  const auto clamp_x = [&](double v) { return std::clamp(p.x(v), p.left(), p.right()); };
  // The intervals of the means behind the bars, the means' lines in front of them.
  std::string means;
  for (std::size_t s = 0; s < series.size(); ++s) {
    const Interval mean = mean_interval(series[s].values, 0.0);
    const std::string& color = series[s].color;
    std::string text = series.size() > 1 ? series[s].label + ": " : std::string();
    if (std::isnan(mean.estimate)) {
      text += "no value";
    } else {
      text += "mean " + significant(mean.estimate, mean.estimate);
      if (!std::isnan(mean.low)) {
        text += ", 95% CI [" + significant(mean.low, mean.estimate) + ", " + significant(mean.high, mean.estimate) + "]";
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
                           "fill-opacity=\"0.22\"/>",
                           clamp_x(mean.low), p.top(), std::max(clamp_x(mean.high) - clamp_x(mean.low), 1.0),
                           p.bottom() - p.top(), color);
      }
      means += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" "
                           "stroke-width=\"2\"/>",
                           clamp_x(mean.estimate), p.top(), p.bottom(), series.size() > 1 ? color : "#1d232b");
    }
    text += fmt::format(", n = {}", series[s].values.size());
    const double legend_y = 40.0 + 16.0 * double(s);
    means += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\" fill-opacity=\"{}\"/>"
                         "<text class=\"small\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                         p.left(), legend_y - 9.0, color, opacity, p.left() + 15.0, legend_y, escape(text));
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    for (std::size_t k = 0; k < bins.count; ++k) {
      if (counts[s][k] == 0) continue;
      const double x0 = p.x(bins.edge(k)), x1 = p.x(bins.edge(k + 1));
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
                         "fill-opacity=\"{}\">{}</rect>",
                         x0 + 0.5, p.y(counts[s][k]), std::max(x1 - x0 - 1.0, 0.5), p.bottom() - p.y(counts[s][k]),
                         series[s].color, opacity,
                         tooltip(fmt::format("{}: {} runs in [{:g}, {:g})", series[s].label, counts[s][k],
                                             bins.edge(k), bins.edge(k + 1))));
    }
  }
  out += "\n" + means;
  const double integers = std::all_of(all.begin(), all.end(), [](double v) { return v == std::floor(v); }) ? 1.0 : 0.0;
  const svg::Ticks x_ticks = svg::nice_ticks(x_lo, x_hi, 6, integers);
  return out + p.x_axis(svg::labelled_ticks(x_lo, x_hi, x_ticks.step), fmt::format("{} ({})", title, unit)) +
         close_svg();
}

std::string timeline_svg(const std::string& id, const std::string& title, const Timeline& timeline) {
  std::vector<svg::LegendEntry> legend;
  for (const auto& [kind, label] : std::vector<std::pair<std::string, std::string>>{
           {"kill", "interceptor: kill"}, {"miss", "miss"}, {"no_target", "no target"}, {"aborted", "aborted"},
           {"guidance_lost", "guidance lost"},
           {"fratricide", "fratricide"}, {"in_flight", "in flight at the end"}, {"airborne", "fighter airborne"},
           {"order", "fire order (triangle)"}, {"hostile", "identity: hostile"}, {"suspect", "suspect"},
           {"unknown", "unknown"}, {"assumed_friend", "assumed friend"}, {"friend", "friend"}, {"neutral", "neutral"},
           {"killed", "judged killed"}, {"survived", "judged survived"}, {"reopened", "reopened"},
           {"leak", "leaker"}})
    legend.push_back({color_of(kKindColors, kind), label, legend.size() < 8 ? "box" : "dot"});
  constexpr double kLegendEntryPx = 150.0, kLegendRowPx = 1000.0;
  const double legend_rows = double(svg::legend_rows(legend.size(), kLegendEntryPx, kLegendRowPx));
  constexpr double kWidth = 1180.0, kTop = 36.0, kRowPx = 8.0, kMarkLanePx = 22.0;
  const double bottom_px = 66.0 + 18.0 * legend_rows;
  constexpr std::size_t kMaxRows = 6;
  // Overlapping bars of one lane go to sub-rows: each to the first row free at its launch.
  std::map<std::string, std::vector<double>> row_ends;
  std::vector<std::size_t> row_of(timeline.spans.size(), 0);
  for (std::size_t k = 0; k < timeline.spans.size(); ++k) {
    const auto& s = timeline.spans[k];
    if (s.kind == "airborne") continue;
    auto& ends = row_ends[s.lane];
    std::size_t r = 0;
    while (r < ends.size() && ends[r] > s.from_s) ++r;
    r = std::min(r, kMaxRows - 1);
    if (r == ends.size()) ends.push_back(s.to_s);
    ends[r] = std::max(ends[r], s.to_s);
    row_of[k] = r;
  }
  std::map<std::string, std::pair<double, double>> lane_y;  // top, height
  double y = kTop;
  for (const auto& lane : timeline.lanes) {
    const auto it = row_ends.find(lane);
    const double h = it == row_ends.end() ? kMarkLanePx : 8.0 + kRowPx * double(it->second.size());
    lane_y[lane] = {y, std::max(h, kMarkLanePx)};
    y += std::max(h, kMarkLanePx);
  }
  const double height_px = y + bottom_px;
  const double end_s = std::max(timeline.end_s, 1.0);
  const svg::Plot p(kWidth, height_px, 0.0, end_s, 0.0, 1.0, {170.0, 20.0, kTop, bottom_px});
  std::string out = p.open(id, title);
  std::size_t n = 0;
  for (const auto& lane : timeline.lanes) {
    const auto [top, h] = lane_y[lane];
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       p.left(), top, p.right() - p.left(), h, n++ % 2 ? "#ffffff" : "#f3f5f8", p.left() - 8.0,
                       top + h / 2.0 + 4.0, escape(lane));
  }
  out += p.x_axis(svg::labelled_ticks(0.0, end_s, svg::nice_ticks(0.0, end_s, 12).step), "time of the run (s)", true);
  for (std::size_t k = 0; k < timeline.spans.size(); ++k) {
    const auto& s = timeline.spans[k];
    const auto it = lane_y.find(s.lane);
    if (it == lane_y.end()) continue;
    const auto [top, h] = it->second;
    const double x0 = p.x(s.from_s), width = std::max(p.x(s.to_s) - x0, 1.5);
    const std::string& color = color_of(kKindColors, s.kind);
    if (s.kind == "airborne") {
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
                         "fill-opacity=\"0.14\">{}</rect>",
                         x0, top + 1.0, width, h - 2.0, color, tooltip(s.text));
    } else {
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"6\" fill=\"{}\">{}</rect>", x0,
                         top + 5.0 + kRowPx * double(row_of[k]), width, color, tooltip(s.text));
    }
  }
  out += "\n";
  for (const auto& m : timeline.marks) {
    const auto it = lane_y.find(m.lane);
    if (it == lane_y.end()) continue;
    const auto [top, h] = it->second;
    const double x = p.x(m.t_s), yc = top + h / 2.0;
    const std::string& color = color_of(kKindColors, m.kind);
    if (m.kind == "order") {
      out += fmt::format("<path d=\"M{:.1f} {:.1f}l-4 -6h8z\" fill=\"{}\">{}</path>", x, top + 7.0, color, tooltip(m.text));
    } else if (m.kind == "leak") {
      out += fmt::format("<path d=\"M{:.1f} {:.1f}l6 6l-6 6l-6 -6z\" fill=\"{}\">{}</path>", x, yc - 6.0, color,
                         tooltip(m.text));
    } else if (m.lane == kKillAssessmentLane) {
      out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"8\" height=\"8\" fill=\"{}\">{}</rect>", x - 4.0,
                         yc - 4.0, color, tooltip(m.text));
    } else {
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.8\">"
                         "{}</circle>",
                         x, yc, color, tooltip(m.text));
    }
  }
  out += svg::legend(p.left(), p.bottom() + 62.0, legend, kLegendEntryPx, kLegendRowPx);
  return out + close_svg();
}

std::string map_svg(const std::string& id, const std::string& title, const scenario::Scenario& s,
                    const std::vector<sim::Summary>& runs, double width_px, double max_height_px) {
  // The extent, in metres: every site, each fire unit's range ring, each asset's radius, each path.
  double e_lo = INFINITY, e_hi = -INFINITY, n_lo = INFINITY, n_hi = -INFINITY;
  const auto include = [&](double east_m, double north_m, double radius_m) {
    e_lo = std::min(e_lo, east_m - radius_m), e_hi = std::max(e_hi, east_m + radius_m);
    n_lo = std::min(n_lo, north_m - radius_m), n_hi = std::max(n_hi, north_m + radius_m);
  };
  for (const auto& a : s.assets) include(a.position.east_m, a.position.north_m, a.radius_m);
  for (const auto& u : s.fire_units) include(u.position.east_m, u.position.north_m, s.weapon_types[u.weapon_type].max_range_m);
  for (const auto& r : s.radars) include(r.position.east_m, r.position.north_m, 0.0);
  for (const auto& e : s.esm_sensors) include(e.position.east_m, e.position.north_m, 0.0);
  for (const auto& e : s.irst_sensors) include(e.position.east_m, e.position.north_m, 0.0);
  std::size_t paths = 0;
  for (const auto& run : runs)
    for (const auto& leak : run.leaks) {
      ++paths;
      for (const auto& [east_m, north_m] : leak.path_en_m) include(east_m, north_m, 0.0);
    }
  if (e_lo > e_hi) include(0.0, 0.0, 10'000.0);
  std::vector<svg::LegendEntry> legend{{"#D55E00", "defended asset", "dot"},
                                       {"#009E73", "fire unit, weapon range", "line"},
                                       {"#0072B2", "radar", "dot"}};
  if (!s.esm_sensors.empty()) legend.push_back({"#56B4E9", "ESM", "dot"});
  if (!s.irst_sensors.empty()) legend.push_back({"#CC79A7", "IRST", "dot"});
  std::vector<std::string> kinds;
  for (const auto& run : runs)
    for (const auto& leak : run.leaks)
      if (std::find(kinds.begin(), kinds.end(), leak.kind) == kinds.end()) kinds.push_back(leak.kind);
  std::sort(kinds.begin(), kinds.end());
  for (const auto& kind : kinds) legend.push_back({color_of(kThreatKindColors, kind), "leaker: " + kind, "line"});
  if (paths == 0) legend.push_back({"#6b737d", "no leaker in any replication", "line"});
  constexpr double kLegendEntryPx = 180.0;
  const double legend_px = width_px - 80.0;
  // Equal scales on both axes: the extent grows along the axis with room to spare.
  const svg::Plot::Margins margins{62.0, 18.0, 44.0 + 18.0 * double(svg::legend_rows(legend.size(), kLegendEntryPx, legend_px)),
                                   48.0};
  const double plot_w = width_px - margins.left_px - margins.right_px;
  const double pad_m = 0.04 * std::max({e_hi - e_lo, n_hi - n_lo, 1000.0});
  // As tall as the extent wants at the full width, within [max_height_px / 2, max_height_px].
  const double height_px = std::clamp(
      margins.top_px + margins.bottom_px + plot_w * (n_hi - n_lo + 2.0 * pad_m) / (e_hi - e_lo + 2.0 * pad_m),
      max_height_px / 2.0, max_height_px);
  const double plot_h = height_px - margins.top_px - margins.bottom_px;
  const double m_per_px = std::max((e_hi - e_lo + 2.0 * pad_m) / plot_w, (n_hi - n_lo + 2.0 * pad_m) / plot_h);
  const double e_mid_km = (e_lo + e_hi) / 2000.0, n_mid_km = (n_lo + n_hi) / 2000.0;
  const double half_w_km = plot_w * m_per_px / 2000.0, half_h_km = plot_h * m_per_px / 2000.0;
  const svg::Plot p(width_px, height_px, e_mid_km - half_w_km, e_mid_km + half_w_km, n_mid_km - half_h_km,
                    n_mid_km + half_h_km, margins);
  const double step_km = svg::nice_ticks(0.0, 2.0 * std::max(half_w_km, half_h_km), 8).step;
  const auto px = [&](double east_m) { return p.x(east_m / 1000.0); };
  const auto py = [&](double north_m) { return p.y(north_m / 1000.0); };
  const double px_per_m = 1.0 / m_per_px;
  std::string out = p.open(id, title);
  out += p.y_axis(svg::labelled_ticks(n_mid_km - half_h_km, n_mid_km + half_h_km, step_km), "north (km)");
  out += p.x_axis(svg::labelled_ticks(e_mid_km - half_w_km, e_mid_km + half_w_km, step_km), "east (km)", true);
  out += fmt::format("<clipPath id=\"{0}-clip\"><rect x=\"{1:.1f}\" y=\"{2:.1f}\" width=\"{3:.1f}\" height=\"{4:.1f}\"/>"
                     "</clipPath><g clip-path=\"url(#{0}-clip)\">\n",
                     escape(id), p.left(), p.top(), p.right() - p.left(), p.bottom() - p.top());
  for (const auto& u : s.fire_units) {
    const auto& w = s.weapon_types[u.weapon_type];
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"#009E73\" fill-opacity=\"0.04\" "
                       "stroke=\"#009E73\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\">{}</circle>",
                       px(u.position.east_m), py(u.position.north_m), w.max_range_m * px_per_m,
                       tooltip(fmt::format("{} ({}): maximum range {:.0f} km", u.name, w.name, w.max_range_m / 1000.0)));
  }
  for (const auto& a : s.assets)
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"#D55E00\" fill-opacity=\"0.22\" "
                       "stroke=\"#D55E00\" stroke-width=\"1.5\">{}</circle>",
                       px(a.position.east_m), py(a.position.north_m), std::max(a.radius_m * px_per_m, 5.0),
                       tooltip(fmt::format("{} ({}), value {:g}, radius {:.1f} km", a.name, a.kind, a.value,
                                           a.radius_m / 1000.0)));
  const double opacity = std::clamp(3.0 / std::sqrt(double(std::max<std::size_t>(paths, 1))), 0.06, 0.7);
  out += "\n";
  for (const auto& run : runs)
    for (const auto& leak : run.leaks) {
      if (leak.path_en_m.empty()) continue;
      std::string points;
      for (const auto& [east_m, north_m] : leak.path_en_m) points += fmt::format("{:.1f},{:.1f} ", px(east_m), py(north_m));
      const std::string& color = color_of(kThreatKindColors, leak.kind);
      out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-opacity=\"{:.3f}\" "
                         "stroke-width=\"1.6\"/><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\" "
                         "fill-opacity=\"{:.3f}\"/>\n",
                         points, color, opacity, px(leak.path_en_m.back()[0]), py(leak.path_en_m.back()[1]), color,
                         std::min(1.0, 2.0 * opacity));
    }
  // Fire units: a triangle at the site, the name at the top of the range ring (the centre is crowded).
  for (const auto& u : s.fire_units) {
    const double x = px(u.position.east_m), y = py(u.position.north_m);
    out += fmt::format("<path d=\"M{0:.1f} {1:.1f}l6 10h-12z\" fill=\"#00664a\">{3}</path><text class=\"label\" "
                       "x=\"{0:.1f}\" y=\"{2:.1f}\" text-anchor=\"middle\" fill=\"#00664a\">{4}</text>",
                       x, y - 6.0, y - s.weapon_types[u.weapon_type].max_range_m * px_per_m - 5.0,
                       tooltip(u.name), escape(u.name));
  }
  // Sensors: a diamond each, one label per site ("SR-1, ESM-1" where they stand within 14 px).
  struct Site {
    scenario::Point2 at;
    std::string names;
  };
  std::vector<Site> sites;
  const auto sensor = [&](const scenario::Point2& at, const std::string& name, const char* color, const char* what) {
    auto site = std::find_if(sites.begin(), sites.end(), [&](const Site& x) {
      return std::hypot(px(x.at.east_m) - px(at.east_m), py(x.at.north_m) - py(at.north_m)) < 14.0;
    });
    if (site == sites.end()) {
      sites.push_back({at, name});
    } else {
      site->names += ", " + name;
    }
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"8\" height=\"8\" fill=\"{}\" "
                       "transform=\"rotate(45 {:.1f} {:.1f})\">{}</rect>",
                       px(at.east_m) - 4.0, py(at.north_m) - 4.0, color, px(at.east_m), py(at.north_m),
                       tooltip(name + " (" + what + ")"));
  };
  for (const auto& r : s.radars) sensor(r.position, r.name, "#0072B2", "radar");
  for (const auto& e : s.esm_sensors) sensor(e.position, e.name, "#56B4E9", "ESM");
  for (const auto& e : s.irst_sensors) sensor(e.position, e.name, "#CC79A7", "IRST");
  for (const Site& site : sites)
    out += fmt::format("<text class=\"small\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", px(site.at.east_m) + 8.0,
                       py(site.at.north_m) + 4.0, escape(site.names));
  for (const auto& a : s.assets)
    out += fmt::format("<text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                       px(a.position.east_m), py(a.position.north_m) - std::max(a.radius_m * px_per_m, 5.0) - 5.0,
                       escape(a.name));
  out += "</g>\n";
  // A north arrow in the top right corner, a scale bar in the bottom left.
  out += fmt::format("<path d=\"M{0:.1f} {1:.1f}l8 22l-8 -6l-8 6z\" fill=\"#1d232b\"/><text class=\"label\" "
                     "x=\"{0:.1f}\" y=\"{2:.1f}\" text-anchor=\"middle\">N</text>",
                     p.right() - 24.0, p.top() + 22.0, p.top() + 58.0);
  const double bar_km = svg::nice_at_least(half_w_km / 5.0);
  const double bar_px = bar_km * 1000.0 * px_per_m;
  out += fmt::format("<path d=\"M{0:.1f} {1:.1f}v6h{2:.1f}v-6\" stroke=\"#1d232b\" stroke-width=\"2\" fill=\"none\"/>"
                     "<text class=\"small\" x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"middle\">{5} km</text>",
                     p.left() + 16.0, p.bottom() - 22.0, bar_px, p.left() + 16.0 + bar_px / 2.0, p.bottom() - 26.0,
                     escape(svg::tick_label(bar_km, bar_km)));
  out += svg::legend(p.left(), 40.0, legend, kLegendEntryPx, legend_px);
  return out + close_svg();
}

std::string report_html(const std::vector<ReportPoint>& points, bool paired) {
  RAMPART_DEMAND(!points.empty() && (!paired || points.size() == 2), "a report of one point, a sweep or A and B");
  std::vector<Statistics> stats;
  for (const auto& p : points) {
    RAMPART_DEMAND(!p.runs.empty(), "a report point without runs");
    stats.push_back(summarize(p.scenario, p.runs));
  }
  const std::vector<std::size_t> shown = shown_points(points.size());
  std::string name = points[0].scenario.name;
  if (paired) name += " vs " + points[1].scenario.name;
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Rampart Monte "
                     "Carlo report: " + escape(name) + "</title>\n" + style() + "</head><body><main>\n<header>";
  html += "<h1>Monte Carlo report: " + escape(name) + "</h1>\n";
  html += fmt::format("<p class=\"meta\">{} replications{} from scenario seed {} (replication i runs with seed "
                      "entity_key({}, i); <code>rampart run --seed</code> replays one); 95% confidence intervals.</p>\n",
                      stats[0].runs, points.size() > 1 ? " per point" : "", points[0].scenario.random_seed,
                      points[0].scenario.random_seed);
  if (paired) {
    html += "<ul class=\"points\">";
    for (std::size_t k = 0; k < 2; ++k)
      html += "<li><b>" + escape(points[k].label) + "</b>: " + escape(points[k].name) + " (" +
              escape(points[k].scenario.name) + ")</li>";
    html += "</ul><p class=\"note\">B runs with A's seeds (common random numbers).</p>\n";
  } else if (points.size() > 1) {
    html += "<ul class=\"points\">";
    for (std::size_t k = 0; k < points.size(); ++k)
      html += fmt::format("<li><b>P{}</b>: {}</li>", k + 1, escape(points[k].label));
    html += "</ul>\n";
  }
  html += "<nav><a href=\"#statistics\">Statistics</a><a href=\"#distributions\">Distributions</a>"
          "<a href=\"#assets\">Leakers by asset</a>";
  if (paired) html += "<a href=\"#compare\">B &minus; A</a>";
  if (!paired && points.size() > 1) html += "<a href=\"#sweep\">Over the sweep</a>";
  html += "<a href=\"#timeline\">Timeline</a><a href=\"#map\">Map</a></nav></header>\n";
  html += statistics_section(points, stats, paired);
  html += distributions_section(points, shown, paired);
  html += asset_section(points, stats, shown, paired);
  if (paired) html += compare_section(points);
  if (!paired && points.size() > 1) html += sweep_section(points, stats);
  html += timeline_section(points, shown, paired);
  html += map_section(points, shown, paired);
  html += "<footer><p class=\"note\">Written by rampart mc. The shown points: every point when there are at most four, "
          "else the first and the last. Definitions of every metric: docs/outputs.md.</p></footer>\n"
          "</main></body></html>\n";
  return html;
}

}  // namespace rampart::analysis
