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

// Minimal's one radar scans every 5 s: with the default 3 misses a track may coast 4 x 5 = 20 s;
// a second radar scanning every 12 s makes it 48 s; delete_after_misses: 5 makes it 72 s; the
// tracker's own max_coast_s wins; without radars 60 s.
TEST(ScenarioLoader, MaxCoastIsTheTrackersOrDerivedFromTheSlowestRadar) {
  Diagnostics d("inline");
  Scenario s = parse_scenario(read(kData / "minimal.yaml"), d);
  ASSERT_TRUE(d.empty()) << d.format();
  EXPECT_FALSE(s.tracker.max_coast_s.has_value());
  EXPECT_DOUBLE_EQ(max_coast_s(s), 20.0);
  s.radars.push_back(s.radars[0]);
  s.radars.back().scan_period_s = 12.0;
  EXPECT_DOUBLE_EQ(max_coast_s(s), 48.0);
  s.tracker.delete_after_misses = 5;
  EXPECT_DOUBLE_EQ(max_coast_s(s), 72.0);
  s.radars.clear();
  EXPECT_DOUBLE_EQ(max_coast_s(s), 60.0);
  const Scenario given = parse_scenario(read(kData / "minimal.yaml") + "tracker:\n  max_coast_s: 15\n", d);
  ASSERT_TRUE(d.empty()) << d.format();
  EXPECT_DOUBLE_EQ(max_coast_s(given), 15.0);
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

/// data/environment.yaml uses every key of the radars' environment; what it says is what is read.
TEST(ScenarioLoader, ReadsTheEnvironmentAntennaMtiJammersEmittersAndEmission) {
  const Scenario s = load_scenario_file((kData / "environment.yaml").string());
  // environment: sea state 4 over wooded hills, multipath on, clutter off.
  EXPECT_DOUBLE_EQ(s.environment.sea_state, 4.0);
  EXPECT_EQ(s.environment.land_cover, environment::LandCover::kWoodedHills);
  EXPECT_TRUE(s.environment.multipath);
  EXPECT_FALSE(s.environment.clutter);
  // Synthetic terrain: 200 m cells over x in [-20, 20] km, y in [0, 40] km, base 10 m.
  ASSERT_TRUE(s.environment.terrain);
  const auto& terrain = *s.environment.terrain;
  EXPECT_DOUBLE_EQ(terrain.cell_m(), 200.0);
  EXPECT_DOUBLE_EQ(terrain.west_m(), -20'000.0);
  EXPECT_DOUBLE_EQ(terrain.south_m(), 0.0);
  EXPECT_EQ(terrain.cols(), 201);
  EXPECT_EQ(terrain.rows(), 201);
  // The hill's centre is a cell centre: base 10 + hill 600 (the ridge is 10 km away).
  EXPECT_NEAR(terrain.height_m(5000.0, 20'000.0), 610.0, 1e-3);
  // The ridge's crest: 10 + 400, plus the hill's tail 11.18 km from its centre,
  // 600 exp(-11,180^2 / (2 x 3000^2)) = 0.58 m.
  EXPECT_NEAR(terrain.height_m(0.0, 30'000.0), 410.58, 0.01);
  EXPECT_NEAR(terrain.height_m(-10'000.0, 10'000.0), 10.0, 1e-3);  // far from both: the base
  EXPECT_DOUBLE_EQ(terrain.height_m(50'000.0, 10'000.0), 0.0);      // off the grid: the sea

  ASSERT_EQ(s.radars.size(), 2u);
  const Radar& radar = s.radars[0];
  EXPECT_EQ(radar.antenna.coverage, environment::ElevationCoverage::kStackedBeams);
  EXPECT_EQ(radar.antenna.shape, environment::MainLobeShape::kGaussian);
  EXPECT_DOUBLE_EQ(radar.antenna.beamwidth_az_deg, 1.5);  // the radar's beamwidth_az_deg
  EXPECT_DOUBLE_EQ(radar.antenna.beamwidth_el_deg, 2.0);
  EXPECT_DOUBLE_EQ(radar.antenna.tilt_deg, 0.5);
  EXPECT_DOUBLE_EQ(radar.antenna.upper_elevation_deg, 10.5);
  EXPECT_EQ(radar.antenna.beams, 6);
  EXPECT_DOUBLE_EQ(radar.antenna.sidelobe_level_db, -35.0);
  EXPECT_EQ(radar.polarization, environment::Polarization::kVertical);
  ASSERT_TRUE(radar.mti.has_value());
  EXPECT_DOUBLE_EQ(radar.mti->improvement_db, 35.0);
  EXPECT_DOUBLE_EQ(radar.mti->min_detectable_speed_mps, 4.0);
  EXPECT_EQ(radar.mti->prf_hz, (std::vector<double>{600.0, 700.0}));
  EXPECT_NEAR(radar.mti->wavelength_m, 0.09993, 1e-5);  // c / 3 GHz
  ASSERT_TRUE(radar.radial_speed_sigma_mps.has_value());
  EXPECT_DOUBLE_EQ(*radar.radial_speed_sigma_mps, 2.0);
  EXPECT_DOUBLE_EQ(radar.bias_range_m, 100.0);
  EXPECT_DOUBLE_EQ(radar.bias_az_deg, 0.1);
  EXPECT_EQ(radar.emission, Emission::kWeaponsReach);
  EXPECT_DOUBLE_EQ(radar.emission_reach_m, 60'000.0);
  EXPECT_DOUBLE_EQ(radar.emission_hold_s, 45.0);

  // The L-band fan: csc^2 from 3 to 40 deg; its elevation beamwidth by the rule
  // 26,000 / (G theta_az) = 26,000 / (1995.3 x 2) = 6.515 deg; the MTI's defaults, on the one PRF
  // that keeps 250 km unambiguous, c / (2 (250 km + c tau / 2)) = 598.87 Hz.
  const Radar& fan = s.radars[1];
  EXPECT_EQ(fan.antenna.coverage, environment::ElevationCoverage::kCosecantSquared);
  EXPECT_EQ(fan.antenna.shape, environment::MainLobeShape::kSincSquared);
  EXPECT_DOUBLE_EQ(fan.antenna.tilt_deg, 3.0);
  EXPECT_DOUBLE_EQ(fan.antenna.upper_elevation_deg, 40.0);
  EXPECT_NEAR(fan.antenna.beamwidth_el_deg, 6.515, 1e-3);
  EXPECT_EQ(fan.polarization, environment::Polarization::kHorizontal);
  ASSERT_TRUE(fan.mti.has_value());
  EXPECT_DOUBLE_EQ(fan.mti->improvement_db, 30.0);
  ASSERT_EQ(fan.mti->prf_hz.size(), 1u);
  EXPECT_NEAR(fan.mti->prf_hz[0], 598.87, 0.01);
  EXPECT_NEAR(fan.mti->wavelength_m, 0.2306, 1e-4);  // c / 1.3 GHz
  EXPECT_EQ(fan.emission, Emission::kOn);
  // Its sensitivity as a reference detection: 2 m^2 at 250 km with Pd 0.8 (the radar derives the power).
  ASSERT_TRUE(fan.reference.has_value());
  EXPECT_DOUBLE_EQ(fan.reference->range_m, 250'000.0);
  EXPECT_DOUBLE_EQ(fan.reference->rcs_m2, 2.0);
  EXPECT_DOUBLE_EQ(fan.reference->pd, 0.8);
  EXPECT_DOUBLE_EQ(fan.peak_power_w, 0.0);
  EXPECT_FALSE(s.radars[0].reference.has_value());

  ASSERT_EQ(s.esm_sensors.size(), 1u);
  EXPECT_DOUBLE_EQ(s.esm_sensors[0].sensitivity_dbm, -70.0);
  EXPECT_DOUBLE_EQ(s.esm_sensors[0].mast_height_m, 20.0);
  EXPECT_DOUBLE_EQ(s.esm_sensors[0].bearing_sigma_deg, 1.5);

  ASSERT_EQ(s.emitters.size(), 1u);
  EXPECT_EQ(s.emitters[0].name, "X-band search");
  EXPECT_DOUBLE_EQ(s.emitters[0].frequency_hz, 9.4e9);
  EXPECT_DOUBLE_EQ(s.emitters[0].prf_hz, 1000.0);
  EXPECT_DOUBLE_EQ(s.emitters[0].pulse_width_s, 1e-6);
  EXPECT_DOUBLE_EQ(s.emitters[0].peak_power_w, 50'000.0);
  EXPECT_DOUBLE_EQ(s.emitters[0].antenna_gain_db, 30.0);
  EXPECT_FALSE(s.emitters[0].in_library);

  ASSERT_EQ(s.raids.size(), 1u);
  EXPECT_EQ(s.raids[0].emitter, "X-band search");
  ASSERT_TRUE(s.raids[0].jammer.has_value());
  EXPECT_DOUBLE_EQ(s.raids[0].jammer->power_w, 50.0);
  EXPECT_DOUBLE_EQ(s.raids[0].jammer->antenna_gain_db, 3.0);
  EXPECT_DOUBLE_EQ(s.raids[0].jammer->bandwidth_hz, 2e8);
  EXPECT_DOUBLE_EQ(s.raids[0].jammer->losses_db, 1.0);
  ASSERT_EQ(s.friendlies.size(), 1u);
  ASSERT_TRUE(s.friendlies[0].jammer.has_value());
  EXPECT_DOUBLE_EQ(s.friendlies[0].jammer->power_w, 20.0);
  EXPECT_DOUBLE_EQ(s.friendlies[0].jammer->antenna_gain_db, 0.0);  // defaults
  EXPECT_DOUBLE_EQ(s.friendlies[0].jammer->losses_db, 0.0);
  EXPECT_TRUE(s.friendlies[0].repeat_route);

  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].action, ScriptedEvent::Action::kEmission);
  EXPECT_EQ(s.events[0].target, "Radar");
  EXPECT_EQ(s.events[0].emission, Emission::kOn);
  EXPECT_DOUBLE_EQ(s.events[0].at_s, 60.0);
}

/// A weapon type without the flyout keys flies as messages::derived_dynamics makes it, by hand
/// for the minimal scenario's 900 m/s, 40 km SAM: T = 40000 / 900 = 44.44 s, a boost of T / 10 =
/// 4.444 s to 1.6 x 900 = 1440 m/s (324 m/s^2), C_dA/m = 2 x 1.4 / (T x 1440 m/s) / rho(3000 m)
/// = 4.375e-5 / 0.86066 = 5.0833e-5 m^2/kg, 270 m/s least speed (0.3 x 900), 66.67 s of
/// flight, the seeker acquiring at 10 baskets (the default 1500 m: 15 km). The default scenario
/// sets its own.
TEST(ScenarioLoader, WeaponTypesFlyOutAsTheirKeysOrTheirDerivedDefaultsSay) {
  const Scenario minimal = load_scenario_file(kData / "minimal.yaml");
  const messages::InterceptorDynamics& d = minimal.weapon_types.at(0).dynamics;
  EXPECT_NEAR(d.boost_s, 4.4444, 1e-4);
  EXPECT_NEAR(d.boost_accel_mps2, 324.0, 1e-9);
  EXPECT_DOUBLE_EQ(d.sustain_s, 0.0);
  EXPECT_NEAR(d.drag_area_per_mass_m2pkg, 5.0833e-5, 1e-8);
  EXPECT_NEAR(d.min_speed_mps, 270.0, 1e-9);
  EXPECT_NEAR(d.max_flight_time_s, 66.667, 1e-3);
  EXPECT_DOUBLE_EQ(d.seeker_acquisition_range_m, 15'000.0);
  EXPECT_DOUBLE_EQ(d.lethal_radius_m, 20.0);
  EXPECT_DOUBLE_EQ(d.nav_constant, 3.5);
  const Scenario shipped = load_scenario_file(std::filesystem::path(RAMPART_SOURCE_DIR) / "scenarios/default.yaml");
  const messages::InterceptorDynamics& lr = shipped.weapon_types.at(0).dynamics;
  EXPECT_DOUBLE_EQ(lr.boost_s, 6.0);
  EXPECT_DOUBLE_EQ(lr.boost_accel_mps2, 230.0);
  EXPECT_DOUBLE_EQ(lr.sustain_s, 14.0);
  EXPECT_DOUBLE_EQ(lr.sustain_accel_mps2, 30.0);
  EXPECT_DOUBLE_EQ(lr.drag_area_per_mass_m2pkg, 4.0e-5);
  EXPECT_DOUBLE_EQ(lr.max_g, 25.0);
  EXPECT_DOUBLE_EQ(lr.nav_constant, 4.0);
  EXPECT_DOUBLE_EQ(lr.min_speed_mps, 300.0);
  EXPECT_DOUBLE_EQ(lr.max_flight_time_s, 110.0);
  EXPECT_DOUBLE_EQ(lr.seeker_acquisition_range_m, 15'000.0);
  EXPECT_DOUBLE_EQ(lr.lethal_radius_m, 25.0);
}

/// Every file in data/invalid ends with `# expect: LINE:COL: message` lines: exactly the problems
/// validation must report, in file order. `${DATA}` in a message stands for the folder above
/// data/invalid (where the terrain files a scenario names relatively are found), as the path to
/// the file was given.
TEST(ScenarioLoader, EachMalformedFileReportsExactlyItsProblems) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kData / "invalid")) {
    const std::string text = read(entry.path());
    std::vector<std::string> expected;
    std::istringstream lines(text);
    const std::string data_dir = entry.path().parent_path().parent_path().string();
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("# expect: ", 0) != 0) continue;
      std::string message = line.substr(10);
      for (std::size_t at; (at = message.find("${DATA}")) != std::string::npos;) message.replace(at, 7, data_dir);
      expected.push_back(entry.path().string() + ":" + message);
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
