#include "analysis/report.h"

#include <gtest/gtest.h>

#include <regex>

#include "analysis/monte_carlo.h"
#include "analysis/svg.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace rampart::analysis {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(Svg, EscapesEveryCharacterThatMeansSomethingInHtml) {
  EXPECT_EQ(svg::escape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(svg::escape("plain text, 12 km"), "plain text, 12 km");
}

TEST(Svg, TicksAreNiceNumbersCoveringTheRange) {
  EXPECT_DOUBLE_EQ(svg::nice_at_least(7.4), 10.0);
  EXPECT_DOUBLE_EQ(svg::nice_at_least(2.26), 5.0);
  EXPECT_DOUBLE_EQ(svg::nice_at_least(1.0), 1.0);
  EXPECT_DOUBLE_EQ(svg::nice_at_least(0.013), 0.02);
  // 37 / 5 = 7.4 -> step 10: 0, 10, ..., 40.
  svg::Ticks t = svg::nice_ticks(0.0, 37.0, 5);
  EXPECT_DOUBLE_EQ(t.step, 10.0);
  EXPECT_EQ(t.values, (std::vector<double>{0, 10, 20, 30, 40}));
  // 11.3 / 5 = 2.26 -> step 5: -5 at or below -3.2, 10 at or above 8.1.
  t = svg::nice_ticks(-3.2, 8.1, 5);
  EXPECT_DOUBLE_EQ(t.step, 5.0);
  EXPECT_EQ(t.values, (std::vector<double>{-5, 0, 5, 10}));
  // Counts: 2 / 4 = 0.5, but at least 1.
  t = svg::nice_ticks(0.0, 2.0, 4, 1.0);
  EXPECT_EQ(t.values, (std::vector<double>{0, 1, 2}));
  // No span: the step of the value's size, two ticks.
  EXPECT_EQ(svg::nice_ticks(0.0, 0.0, 5).values, (std::vector<double>{0, 1}));
  EXPECT_EQ(svg::nice_ticks(5.0, 5.0, 5).values, (std::vector<double>{5, 10}));
  EXPECT_EQ(svg::tick_label(0.15, 0.05), "0.15");
  EXPECT_EQ(svg::tick_label(40.0, 20.0), "40");
  EXPECT_EQ(svg::tick_label(-1e-12, 0.5), "0.0");
  const auto ticks = svg::labelled_ticks(-0.5, 5.5, 2.0);
  ASSERT_EQ(ticks.size(), 3u);
  EXPECT_EQ(ticks[0].label, "0");
  EXPECT_EQ(ticks[2].label, "4");
}

TEST(Svg, HistogramBinsAreWholeNumbersOrNiceWidths) {
  // Whole numbers spanning 5: one bin each, [-0.5, 0.5) ... [4.5, 5.5).
  svg::Bins b = svg::histogram_bins({0, 1, 1, 2, 5});
  EXPECT_DOUBLE_EQ(b.first_edge, -0.5);
  EXPECT_DOUBLE_EQ(b.width, 1.0);
  EXPECT_EQ(b.count, 6u);
  EXPECT_EQ(svg::bin_counts(b, {0, 1, 1, 2, 5}), (std::vector<int>{1, 2, 1, 0, 0, 1}));
  // Five reals from 0 to 9.9: 9.9 / 5 bins = 1.98 -> width 2, edges 0, 2, ..., 10.
  const std::vector<double> reals{0.0, 0.3, 1.7, 2.2, 9.9};
  b = svg::histogram_bins(reals);
  EXPECT_DOUBLE_EQ(b.first_edge, 0.0);
  EXPECT_DOUBLE_EQ(b.width, 2.0);
  EXPECT_EQ(b.count, 5u);
  EXPECT_EQ(svg::bin_counts(b, reals), (std::vector<int>{3, 1, 0, 0, 1}));
  // Whole numbers spanning 90: 90 / 5 = 18 -> width 20, edges -0.5, 19.5, ..., 119.5.
  const std::vector<double> wide{10, 40, 41, 100};
  b = svg::histogram_bins(wide);
  EXPECT_DOUBLE_EQ(b.first_edge, -0.5);
  EXPECT_DOUBLE_EQ(b.width, 20.0);
  EXPECT_EQ(b.count, 6u);
  EXPECT_EQ(svg::bin_counts(b, wide), (std::vector<int>{1, 0, 2, 0, 0, 1}));
  // All equal: one bin around the value; none at all: no bins.
  b = svg::histogram_bins({3.5, 3.5});
  EXPECT_DOUBLE_EQ(b.first_edge, 3.0);
  EXPECT_EQ(b.count, 1u);
  EXPECT_EQ(svg::histogram_bins({}).count, 0u);
}

TEST(Report, HistogramDrawsEachBinAndTheMeanWithItsInterval) {
  const std::string chart = histogram_svg("hist-x", "Tom & <Jerry>", "threats", {{"all runs", "#0072B2", {0, 1, 1, 2, 5}}},
                                          388.0, 280.0);
  EXPECT_NE(chart.find("id=\"hist-x\""), std::string::npos);
  EXPECT_EQ(count(chart, "fill-opacity=\"0.75\">"), 4u) << "four bins hold values";
  // Mean 1.8, s = sqrt(3.7), half-width t(0.975, 4) s / sqrt(5) = 2.3884: [-0.588, 4.188], with
  // the two decimals that give the mean three significant digits.
  // t's interval [-0.59, 4.19] cut at 0: a histogram is of a per-run count or time.
  EXPECT_NE(chart.find("mean 1.80, 95% CI [0.00, 4.19], n = 5"), std::string::npos) << chart;
  EXPECT_NE(chart.find("Tom &amp; &lt;Jerry&gt; (threats)"), std::string::npos);
  EXPECT_EQ(chart.find("<Jerry>"), std::string::npos);
  EXPECT_NE(histogram_svg("h", "t", "s", {{"a", "#000", {}}}, 300, 200).find("no replication has a value"),
            std::string::npos);
}

sim::Summary run_with(int killed, int leakers, int fired) {
  sim::Summary s;
  s.killed = killed;
  s.leakers = leakers;
  s.interceptors_fired = fired;
  return s;
}

TEST(Report, TheRepresentativeRunIsNearestTheMeansInStandardDeviations) {
  // (killed, leakers, fired) = (4, 0, 10), (6, 0, 14), (5, 1, 12): means (5, 1/3, 12), standard
  // deviations (1, 1/sqrt(3), 2). Distances: run 0: 1 + 1/3 + 1 = 2.33; run 1: the same; run 2:
  // 0 + (2/3)^2 x 3 + 0 = 1.33.
  EXPECT_EQ(representative_run({run_with(4, 0, 10), run_with(6, 0, 14), run_with(5, 1, 12)}), 2u);
  // A tie goes to the lowest index; a metric without spread (leakers) counts for nothing.
  EXPECT_EQ(representative_run({run_with(6, 0, 14), run_with(4, 0, 10), run_with(6, 0, 14), run_with(4, 0, 10)}), 0u);
  EXPECT_EQ(representative_run({run_with(3, 1, 2)}), 0u);
}

TEST(Report, ShowsEveryPointUpToFourElseTheEnds) {
  EXPECT_EQ(shown_points(1), (std::vector<std::size_t>{0}));
  EXPECT_EQ(shown_points(4), (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(shown_points(9), (std::vector<std::size_t>{0, 8}));
}

TEST(Report, TimelineStacksOverlappingShotsAndEscapesItsText) {
  Timeline t;
  t.lanes = {"Battery <1>", kIdentificationLane, kKillAssessmentLane, kLeakersLane};
  t.spans = {{"Battery <1>", 10.0, 40.0, "kill", "interceptor 1 & 2"}, {"Battery <1>", 20.0, 50.0, "miss", "second"}};
  t.marks = {{kLeakersLane, 60.0, "leak", "Raid-1 reached Town"}, {kIdentificationLane, 5.0, "hostile", "track 3"}};
  t.end_s = 100.0;
  const std::string chart = timeline_svg("timeline-0", "run 3", t);
  EXPECT_NE(chart.find("Battery &lt;1&gt;"), std::string::npos);
  EXPECT_NE(chart.find("<title>interceptor 1 &amp; 2</title>"), std::string::npos);
  // The two shots overlap in time: the second goes one row (8 px) lower.
  const std::regex bar("<rect x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"[0-9.]+\" height=\"6\"");
  std::vector<double> ys;
  for (auto it = std::sregex_iterator(chart.begin(), chart.end(), bar); it != std::sregex_iterator(); ++it)
    ys.push_back(std::stod((*it)[1]));
  ASSERT_EQ(ys.size(), 2u);
  EXPECT_DOUBLE_EQ(ys[1] - ys[0], 8.0);
}

class ReportOfRuns : public ::testing::Test {
 protected:
  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                                      "/src/scenario/test/data/minimal.yaml");
};

TEST_F(ReportOfRuns, TheTimelineRecordsWhatTheRunScored) {
  const std::uint64_t seed = replication_seed(s.random_seed, 1);
  const sim::Summary summary = sim::Simulation(s, {seed}).run();
  const Timeline t = record_timeline(s, seed);
  EXPECT_EQ(t.lanes.front(), "Battery");
  EXPECT_EQ(t.lanes.back(), kLeakersLane);
  int shots = 0, leaks = 0, kills = 0;
  for (const auto& span : t.spans) {
    shots += span.lane == "Battery";
    kills += span.kind == "kill";
    EXPECT_LE(span.from_s, span.to_s);
  }
  for (const auto& mark : t.marks) leaks += mark.kind == "leak";
  EXPECT_EQ(shots, summary.interceptors_fired);
  EXPECT_EQ(kills, summary.interceptor_kills);
  int arrivals = 0;  // a leak mark per (threat, asset) arrival, as leakers_by_asset counts
  for (const auto& [asset, n] : summary.leakers_by_asset) arrivals += n;
  EXPECT_EQ(leaks, arrivals);
  EXPECT_DOUBLE_EQ(t.end_s, summary.sim_time_s);
}

TEST_F(ReportOfRuns, TheMapIsDrawnToScaleInTheScenarioFrame) {
  // Extent: the Battery's 40 km ring around (1, 1) km, east and north from -39 to 41 km, padded
  // by 4% of 80 km on each side: 86.4 km over a plot of 1100 x 650 px, 132.92 m per px. The ring:
  // 40 000 / 132.92 = 300.9 px; the scale bar: 1100 x 132.92 m / 2 / 5 = 14.6 km -> 20 km.
  const std::string map = map_svg("map-0", "Leakers", s, {}, 1180.0, 760.0);
  EXPECT_NE(map.find("r=\"300.9\""), std::string::npos) << map;
  EXPECT_NE(map.find(">20 km<"), std::string::npos);
  EXPECT_NE(map.find(">Town<"), std::string::npos);
  EXPECT_NE(map.find(">Battery<"), std::string::npos);
  EXPECT_NE(map.find(">Radar<"), std::string::npos);
  EXPECT_NE(map.find("north (km)"), std::string::npos);
}

TEST_F(ReportOfRuns, IsSelfContainedDeterministicAndEscapesTheScenarioName) {
  s.name = "Minimal <script>alert('x')</script> & co";
  const auto runs = run_replications(s, {4, 2, nullptr});
  const std::string html = report_html({{"base", "base", {}, s, runs}}, false);
  EXPECT_EQ(html, report_html({{"base", "base", {}, s, runs}}, false)) << "the same runs give the same bytes";
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Minimal &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html.find("http:"), std::string::npos);
  EXPECT_EQ(html.find("https:"), std::string::npos);
  // Every src, href and url() points inside the file.
  const std::regex reference(R"((src|href)\s*=\s*"([^"]*)\"|url\(([^)]*)\))");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), reference); it != std::sregex_iterator(); ++it) {
    const std::string target = (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
    EXPECT_EQ(target.front(), '#') << it->str();
    EXPECT_EQ(target.find("//"), std::string::npos) << it->str();
  }
  for (const char* id : {"id=\"statistics\"", "id=\"hist-killed\"", "id=\"hist-first_leaker_time_s\"",
                         "id=\"assets-chart\"", "id=\"timeline-0\"", "id=\"map-0\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_EQ(html.find("id=\"sweep\""), std::string::npos);
  EXPECT_NE(html.find("Wilson"), std::string::npos);
  EXPECT_NE(html.find("delta method"), std::string::npos);
  // Every mean in the table has a title in words, charted or not.
  for (const auto& [key, interval] : summarize(s, runs).means) {
    const std::regex titled("<td>[A-Z][^<]* <code>" + key + "</code>");
    EXPECT_TRUE(std::regex_search(html, titled)) << key;
  }
}

TEST_F(ReportOfRuns, DrawsSweepCurvesAndTheComparisonOfAAndB) {
  std::vector<scenario::Scenario> variants(3, s);
  std::vector<std::vector<sim::Summary>> runs;
  for (int k = 0; k < 3; ++k) {
    variants[k].raids[0].count = k + 1;
    runs.push_back(run_replications(variants[k], {3, 2, nullptr}));
  }
  std::vector<ReportPoint> sweep;
  for (int k = 0; k < 3; ++k) {
    const std::string v = std::to_string(k + 1);
    sweep.push_back({"threats.0.count=" + v, "threats.0.count=" + v, {{"threats.0.count", v}}, variants[k], runs[k]});
  }
  const std::string swept = report_html(sweep, false);
  EXPECT_NE(swept.find("id=\"sweep-killed\""), std::string::npos);
  EXPECT_NE(swept.find("id=\"sweep-p_any_leaker\""), std::string::npos);
  EXPECT_NE(swept.find(">threats.0.count</text>"), std::string::npos) << "the swept value on the x axis";
  EXPECT_NE(swept.find("id=\"timeline-2\""), std::string::npos);
  const std::string compared =
      report_html({{"A", "a.yaml", {}, variants[0], runs[0]}, {"B", "b.yaml", {}, variants[1], runs[1]}}, true);
  EXPECT_NE(compared.find("id=\"compare-chart\""), std::string::npos);
  EXPECT_NE(compared.find("B &minus; A, paired"), std::string::npos);
  EXPECT_EQ(compared.find("id=\"sweep\""), std::string::npos);
}

}  // namespace
}  // namespace rampart::analysis
