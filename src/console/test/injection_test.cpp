#include "console/injection.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "scenario/loader.h"

namespace rampart::console {
namespace {

using Json = nlohmann::json;
using Action = scenario::ScriptedEvent::Action;

scenario::Scenario default_scenario() {
  return scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
}

TEST(Injection, AScenarioRaidFliesAgainFromNowUnderANewName) {
  const auto s = default_scenario();
  const auto e = injected_event({{"action", "add_raid"}, {"raid", s.raids[0].name}}, s, 3);
  EXPECT_EQ(e.action, Action::kAddRaid);
  EXPECT_EQ(e.raid.name, s.raids[0].name + " (injection 3)");
  EXPECT_EQ(e.raid.start_time_s, 0.0);
  EXPECT_EQ(e.raid.count, s.raids[0].count);
  EXPECT_EQ(e.raid.route.size(), s.raids[0].route.size());
}

TEST(Injection, ANewRaidFliesStraightAtItsTargetFromTheGivenBearingAndRange) {
  const auto s = default_scenario();
  const auto& city = s.assets[0];
  const auto e = injected_event({{"action", "add_raid"}, {"kind", "cruise_missile"}, {"count", 4},
                                 {"target", city.name}, {"bearing_deg", 90}, {"range_m", 50000},
                                 {"altitude_m", 30}, {"speed_mps", 240}},
                                s, 1);
  EXPECT_EQ(e.raid.kind, scenario::ThreatKind::kCruiseMissile);
  EXPECT_EQ(e.raid.count, 4);
  EXPECT_EQ(e.raid.rcs_m2, 0.1);
  ASSERT_EQ(e.raid.route.size(), 2u);
  EXPECT_NEAR(e.raid.route[0].east_m, city.position.east_m + 50000.0, 1e-6);  // due east of the city
  EXPECT_NEAR(e.raid.route[0].north_m, city.position.north_m, 1e-6);
  EXPECT_NEAR(e.raid.route[1].east_m, city.position.east_m, 1e-6);
  EXPECT_EQ(e.raid.target_asset, 0u);
}

TEST(Injection, OutagesAndWeaponsControlAreCheckedAgainstTheScenario) {
  const auto s = default_scenario();
  const auto out = injected_event({{"action", "sensor_out"}, {"target", s.radars[0].name}}, s, 1);
  EXPECT_EQ(out.action, Action::kSensorOut);
  EXPECT_EQ(out.target, s.radars[0].name);
  const auto cut = injected_event({{"action", "link_lost"}, {"target", s.fire_units[0].name}}, s, 1);
  EXPECT_EQ(cut.action, Action::kLinkLost);
  const auto hold = injected_event({{"action", "weapons_control"}, {"control", "hold"}}, s, 1);
  EXPECT_EQ(hold.weapons_control, scenario::WeaponsControl::kHold);
}

TEST(Injection, BadInjectionsSayWhatIsWrong) {
  const auto s = default_scenario();
  const std::pair<Json, std::string> cases[] = {
      {{{"action", "sensor_out"}, {"target", "SR-9"}}, "not a sensor of the scenario"},
      {{{"action", "fire_unit_out"}, {"target", s.radars[0].name}}, "not a fire unit"},
      {{{"action", "sensor_out"}}, "needs a string 'target'"},
      {{{"action", "sensor_out"}, {"target", "x"}, {"also", 1}}, "'action' and 'target' only"},
      {{{"action", "self_destruct"}, {"target", "x"}}, "action"},
      {{{"action", "weapons_control"}, {"control", "loose"}}, "weapons_control"},
      {{{"action", "add_raid"}, {"raid", "Nobody"}}, "not a raid of the scenario"},
      {{{"action", "add_raid"}, {"raid", 5}}, "names a raid"},
      {{{"action", "add_raid"}, {"kind", "drone"}, {"count", 2}, {"target", "Atlantis"}, {"bearing_deg", 0},
        {"range_m", 9000}, {"altitude_m", 100}, {"speed_mps", 50}},
       "'Atlantis' is not an asset"},
      {{{"action", "add_raid"}, {"kind", "drone"}, {"count", 2}, {"target", s.assets[0].name}, {"bearing_deg", 400},
        {"range_m", 9000}, {"altitude_m", 100}, {"speed_mps", 50}},
       "'bearing_deg' must be from 0 to 360"},
      {{{"action", "add_raid"}, {"kind", "drone"}, {"target", s.assets[0].name}, {"bearing_deg", 10},
        {"range_m", 9000}, {"altitude_m", 100}, {"speed_mps", 50}},
       "needs 'count'"},
      {{{"action", "add_raid"}, {"kind", "starship"}, {"count", 2}, {"target", s.assets[0].name}, {"bearing_deg", 10},
        {"range_m", 9000}, {"altitude_m", 100}, {"speed_mps", 50}},
       "kind"},
      {{{"action", "add_raid"}, {"kind", "drone"}, {"count", 20000}, {"target", s.assets[0].name},
        {"bearing_deg", 10}, {"range_m", 9000}, {"altitude_m", 100}, {"speed_mps", 50}},
       "count"},
  };
  for (const auto& [injection, expected] : cases) {
    try {
      injected_event(injection, s, 1);
      ADD_FAILURE() << "accepted: " << injection.dump();
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << injection.dump() << " -> " << e.what();
    }
  }
}

}  // namespace
}  // namespace rampart::console
