// The report of rampart mc (--report FILE.html): one self-contained HTML file that opens offline
// (no script, no font, no image or style fetched from anywhere: every chart is SVG written here,
// the style sheet is inline), and the same replications give the same bytes (no date, no wall
// time, numbers written by fmt).
//
// Sections, in order (docs/outputs.md shows each):
//   1. the scenario and the statistics table: every metric of Statistics per point with its
//      estimate, 95% interval and the method of the interval;
//   2. distributions: a histogram of each metric of kChartedMetrics (report.cpp) over the
//      replications (bins as svg.h says), the mean and its Student-t 95% interval marked; the
//      shown points overlaid;
//   3. the probability of at least one leaker per asset: bars with Wilson interval whiskers;
//   4. with a sweep of several points, each charted metric's mean over the points with its 95%
//      interval as a band (x: the swept value when one numeric key is swept, else the points in
//      order); with --compare, B - A of every mean with the interval of the paired differences
//      (a forest plot, each row on its own scale symmetric about 0);
//   5. the engagement timeline (timeline.h) of the representative run of each shown point,
//      re-run from its seed;
//   6. the map: the scenario's assets, fire units with their range rings and sensors in the
//      scenario frame (east, north in km), with every leaker's approach path of every
//      replication drawn semi-transparent.
//
// The shown points (distributions overlaid, timelines, maps): every point when there are at most
// four, else the first and the last (the ends of the sweep).
//
// The representative run of a point: the replication i whose (killed, leakers,
// interceptors_fired) is nearest the means, in the distance
//   d_i = sum over the three metrics k of ((x_ik - mean_k) / sd_k)^2,
// sd_k the sample standard deviation over the replications (a metric with sd_k = 0 adds 0); the
// smallest d_i, ties to the lowest i. Deterministic: a function of the summaries alone.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/statistics.h"
#include "analysis/timeline.h"
#include "scenario/overrides.h"
#include "scenario/scenario.h"
#include "sim/summary.h"

namespace rampart::analysis {

struct ReportPoint {
  std::string label;  ///< base, the sweep point "KEY=V, KEY=V", A or B
  std::string name;   ///< the scenario file of a comparison, else the label
  std::vector<scenario::Override> overrides;  ///< this point's sweep values (none without a sweep)
  const scenario::Scenario& scenario;
  const std::vector<sim::Summary>& runs;
};

/// The whole report. `paired`: the two points are A and B of a comparison (same seeds). Runs the
/// representative replication of each shown point again to draw its timeline.
std::string report_html(const std::vector<ReportPoint>& points, bool paired);

/// The index of the representative run (header comment); runs must not be empty.
std::size_t representative_run(const std::vector<sim::Summary>& runs);
/// Indexes of the shown points of `count` (header comment).
std::vector<std::size_t> shown_points(std::size_t count);

/// One series of a chart: a point's values (its label in the legend, its colour).
struct Series {
  std::string label;
  std::string color;
  std::vector<double> values;
};
/// A histogram of each series on shared bins, each series' mean with its Student-t 95% interval
/// as a line on a band; x titled "title (unit)".
std::string histogram_svg(const std::string& id, const std::string& title, const std::string& unit,
                          const std::vector<Series>& series, double width_px, double height_px);
/// The timeline's lanes against time.
std::string timeline_svg(const std::string& id, const std::string& title, const Timeline& timeline);
/// The scenario's geometry and the leakers' paths of `runs`, at one scale on both axes: as tall
/// as the extent needs at `width_px`, from half of `max_height_px` to all of it.
std::string map_svg(const std::string& id, const std::string& title, const scenario::Scenario& s,
                    const std::vector<sim::Summary>& runs, double width_px, double max_height_px);

}  // namespace rampart::analysis
