#include "scenario/loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/text_file.h"

namespace rampart::scenario {
namespace {

const std::filesystem::path kData = std::filesystem::path(RAMPART_SOURCE_DIR) / "src/scenario/test/data";

std::string read(const std::filesystem::path& p) { return read_text_file(p.string()).value_or(""); }

TEST(ScenarioLoader, ReadsTheMinimalScenario) {
  const Scenario s = load_scenario_file((kData / "minimal.yaml").string());
  EXPECT_EQ(s.name, "Minimal");
  EXPECT_EQ(s.random_seed, 7u);
  EXPECT_DOUBLE_EQ(s.duration_s, 120.0);
  EXPECT_DOUBLE_EQ(s.time_step_s, 0.1);  // default
  EXPECT_DOUBLE_EQ(s.origin.lat_deg, 35.0);
  ASSERT_EQ(s.assets.size(), 1u);
  EXPECT_EQ(s.assets[0].kind, "city");
  ASSERT_EQ(s.radars.size(), 1u);
  EXPECT_TRUE(s.radars[0].el_sigma_deg.has_value());
  EXPECT_DOUBLE_EQ(s.radars[0].site_alt_m, 100.0);
  EXPECT_DOUBLE_EQ(s.radars[0].false_alarm_probability, 1e-6);  // default
  ASSERT_EQ(s.fire_units.size(), 1u);
  EXPECT_EQ(s.fire_units[0].weapon_type, 0u);
  ASSERT_EQ(s.raids.size(), 1u);
  EXPECT_EQ(s.raids[0].kind, ThreatKind::kStrikeAircraft);
  EXPECT_EQ(s.raids[0].route.size(), 2u);
  EXPECT_DOUBLE_EQ(s.raids[0].damage_fraction, 0.3);  // the strike aircraft default
  ASSERT_EQ(s.friendlies.size(), 1u);
  EXPECT_TRUE(s.friendlies[0].repeat_route);
  EXPECT_TRUE(s.friendlies[0].iff_on);
}

TEST(ScenarioLoader, ConvertsLatLonToTheOriginFrame) {
  Diagnostics d("inline");
  std::string text = read(kData / "minimal.yaml");
  const std::string from = "position: {east_m: 0, north_m: 5000, alt_m: 100}";
  text.replace(text.find(from), from.size(), "position: {lat_deg: 35.1, lon_deg: -30.0, alt_m: 100}");
  const Scenario s = parse_scenario(text, d);
  ASSERT_TRUE(d.empty()) << d.format();
  // 0.1 degree of latitude at 35N is about 11.09 km.
  EXPECT_NEAR(s.radars[0].position.north_m, 11'094.0, 5.0);
  EXPECT_NEAR(s.radars[0].position.east_m, 0.0, 1.0);
}

TEST(ScenarioLoader, ReadsTheTrackerSection) {
  Diagnostics d("inline");
  const std::string text = read(kData / "minimal.yaml") +
                           "tracker:\n  association: jpda\n  filter: imm\n  detection_probability: 0.8\n"
                           "  clutter_density: 2.5e-12\n";
  const Scenario s = parse_scenario(text, d);
  ASSERT_TRUE(d.empty()) << d.format();
  EXPECT_EQ(s.tracker.association, Association::kJpda);
  EXPECT_EQ(s.tracker.filter, TrackFilter::kImm);
  EXPECT_DOUBLE_EQ(s.tracker.detection_probability, 0.8);
  EXPECT_DOUBLE_EQ(s.tracker.clutter_density, 2.5e-12);
  EXPECT_EQ(s.tracker.confirm_hits_m, 3);  // default
}

TEST(ScenarioLoader, ReadsTheLinksKillAssessmentAndIffParameters) {
  Diagnostics d("inline");
  const std::string text = read(kData / "minimal.yaml") +
                           "c2:\n  kill_assessment_delay_s: 20\n  datalink_period_s: 4\n  datalink_latency_s: 1\n"
                           "  sensor_to_c2_latency_s: 2\n  c2_to_fire_unit_latency_s: 1.5\n"
                           "  iff_friend_replies: 3\n  iff_friend_window: 5\n";
  const Scenario s = parse_scenario(text, d);
  ASSERT_TRUE(d.empty()) << d.format();
  EXPECT_DOUBLE_EQ(s.c2.kill_assessment_delay_s, 20.0);
  EXPECT_DOUBLE_EQ(s.c2.datalink_period_s, 4.0);
  EXPECT_DOUBLE_EQ(s.c2.datalink_latency_s, 1.0);
  EXPECT_DOUBLE_EQ(s.c2.sensor_to_c2_latency_s, 2.0);
  EXPECT_DOUBLE_EQ(s.c2.c2_to_fire_unit_latency_s, 1.5);
  EXPECT_EQ(s.c2.iff_friend_replies, 3);
  EXPECT_EQ(s.c2.iff_friend_window, 5);
  EXPECT_EQ(s.c2.iff_friend_drop_after, 8);  // default
  // Defaults: the interrogator's beam is the radar's, 300 m in range, 100 m of Mode C; 5 s reaction.
  EXPECT_DOUBLE_EQ(s.radars[0].iff_azimuth_resolution_deg, 1.5);
  EXPECT_DOUBLE_EQ(s.radars[0].iff_range_resolution_m, 300.0);
  EXPECT_DOUBLE_EQ(s.radars[0].iff_altitude_tolerance_m, 100.0);
  EXPECT_DOUBLE_EQ(s.weapon_types[0].reaction_time_s, 5.0);
}

TEST(ScenarioLoader, ShippedScenariosAreValid) {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(RAMPART_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    EXPECT_NO_THROW(load_scenario_file(entry.path().string())) << entry.path();
  }
}

TEST(ScenarioLoader, MissingFileIsAnInputError) {
  try {
    load_scenario_file("/nonexistent/scenario.yaml");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/scenario.yaml:1:1: cannot open"), std::string::npos);
  }
}

/// Every file in data/invalid ends with `# expect: LINE:COL: message` lines: exactly the problems
/// validation must report, in file order.
TEST(ScenarioLoader, EachMalformedFileReportsExactlyItsProblems) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kData / "invalid")) {
    const std::string text = read(entry.path());
    std::vector<std::string> expected;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("# expect: ", 0) == 0) expected.push_back(entry.path().string() + ":" + line.substr(10));
    }
    ASSERT_FALSE(expected.empty()) << entry.path() << " has no '# expect:' line";
    Diagnostics d(entry.path().string());
    parse_scenario(text, d);
    std::vector<std::string> got;
    std::istringstream out(d.format());
    for (std::string line; std::getline(out, line);) got.push_back(line);
    EXPECT_EQ(got, expected) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 25);
}

TEST(Diagnostics, DidYouMeanFindsCloseWordsOnly) {
  EXPECT_EQ(did_you_mean("altitud_m", {"altitude_m", "speed_mps"}), "altitude_m");
  EXPECT_EQ(did_you_mean("sped_mps", {"altitude_m", "speed_mps"}), "speed_mps");
  EXPECT_EQ(did_you_mean("colour", {"altitude_m", "speed_mps"}), "");
}

TEST(Diagnostics, FormatsInFileOrder) {
  Diagnostics d("f.yaml");
  d.error(9, 0, "later");
  d.error(2, 4, "earlier");
  EXPECT_EQ(d.format(), "f.yaml:3:5: earlier\nf.yaml:10:1: later\n");
}

}  // namespace
}  // namespace rampart::scenario

namespace rampart::scenario {
namespace {

TEST(ScenarioLoader, ReadsAnInfraredSearchAndTrackSensor) {
  std::string text = read_text_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml").value();
  const std::string irst = R"(  - name: Mast IRST
    type: irst
    position: {east_m: 2000, north_m: 0, alt_m: 20}
    mast_height_m: 15
    max_range_m: 60000
    frame_period_s: 2
    detection_probability: 0.8
    bearing_sigma_deg: 0.05
)";
  text.insert(text.find("weapon_types:"), irst);
  Diagnostics d("irst.yaml");
  const Scenario s = parse_scenario(text, d);
  ASSERT_TRUE(d.empty()) << d.format();
  ASSERT_EQ(s.irst_sensors.size(), 1u);
  const Irst& r = s.irst_sensors[0];
  EXPECT_EQ(r.name, "Mast IRST");
  EXPECT_DOUBLE_EQ(r.position.east_m, 2000.0);
  EXPECT_DOUBLE_EQ(r.site_alt_m, 20.0);
  EXPECT_DOUBLE_EQ(r.mast_height_m, 15.0);
  EXPECT_DOUBLE_EQ(r.max_range_m, 60'000.0);
  EXPECT_DOUBLE_EQ(r.frame_period_s, 2.0);
  EXPECT_DOUBLE_EQ(r.detection_probability, 0.8);
  EXPECT_DOUBLE_EQ(r.bearing_sigma_deg, 0.05);
  EXPECT_DOUBLE_EQ(r.elevation_sigma_deg, 0.1);  // default
  EXPECT_EQ(s.radars.size(), 1u);

  std::string bad = text;
  bad.replace(bad.find("max_range_m: 60000"), 18, "max_range_m: 10");
  bad.replace(bad.find("frame_period_s: 2"), 17, "frame_perod_s: 2");
  Diagnostics e("irst.yaml");
  parse_scenario(bad, e);
  EXPECT_NE(e.format().find("'max_range_m' in sensor 'Mast IRST' must be between 1000 and 500000 (got 10)"),
            std::string::npos) << e.format();
  EXPECT_NE(e.format().find("did you mean 'frame_period_s'"), std::string::npos) << e.format();
}

}  // namespace
}  // namespace rampart::scenario

namespace rampart::scenario {
namespace {

// The minimal raid flies 60 km at 250 m/s to a town of radius 3 km: it gets there at
// (60,000 - 3,000) / 250 = 228 s, after the 120 s run. Warnings leave the file valid.
TEST(ScenarioLoader, WarnsWhenARaidCannotReachItsTargetInTime) {
  const std::string text =
      read_text_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml").value();
  Diagnostics d("minimal.yaml");
  parse_scenario(text, d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.format_warnings(),
            "minimal.yaml:41:5: warning: raid 'Raid' reaches its target 'Town' at 228 s at the earliest, after the "
            "run ends at 120 s: raise duration_s or start it earlier\n");
  std::string longer = text;
  longer.replace(longer.find("duration_s: 120"), 15, "duration_s: 228");
  Diagnostics in_time("minimal.yaml");
  parse_scenario(longer, in_time);
  EXPECT_TRUE(in_time.warnings().empty()) << in_time.format_warnings();
  std::string astray = longer;
  astray.replace(astray.find("{east_m: 0, north_m: 0}\n    altitude_m"), 23, "{east_m: 9000, north_m: 0}");
  Diagnostics never("minimal.yaml");
  parse_scenario(astray, never);
  EXPECT_NE(never.format_warnings().find("the route of raid 'Raid' never comes within 3000 m of its target 'Town'"),
            std::string::npos) << never.format_warnings();
}

}  // namespace
}  // namespace rampart::scenario
