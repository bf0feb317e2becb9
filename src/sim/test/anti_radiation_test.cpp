// Anti-radiation missiles in a run: a radar that keeps radiating is destroyed and observes no
// more; one that falls silent in time survives, and the missile is spent.
#include <gtest/gtest.h>

#include <optional>

#include "sim/simulation.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

/// The small scenario with one ARM launched 65 km north of its radar, no friendlies, and the
/// defence holding fire (nothing shoots the missile down).
scenario::Scenario arm_against_the_radar() {
  scenario::Scenario s = load("src/scenario/test/data/minimal.yaml");
  s.raids = {scenario::Raid{.name = "ARM", .kind = scenario::ThreatKind::kAntiRadiationMissile,
                            .route = {{0, 70'000}}, .altitude_m = 5000, .speed_mps = 600, .rcs_m2 = 0.05,
                            .target_radar = 0}};
  s.friendlies.clear();
  s.c2.weapons_control = scenario::WeaponsControl::kHold;
  s.duration_s = 240.0;
  return s;
}

/// When the radar's last plots came, and when it was struck.
struct RadarWatch : EventSink {
  std::optional<double> last_plots_t_s, struck_t_s;
  bool destroyed = false;
  void on(const PlotsMade& e) override {
    if (e.sensor == "Radar") last_plots_t_s = e.t_s;
  }
  void on(const RadarStruck& e) override {
    struck_t_s = e.t_s;
    destroyed = e.strike.destroyed;
    EXPECT_EQ(e.radar, "Radar");
  }
};

TEST(AntiRadiation, ARadarThatKeepsRadiatingIsDestroyedAndObservesNoMore) {
  Simulation sim(arm_against_the_radar(), {});
  RadarWatch watch;
  sim.subscribe(watch);
  const Summary s = sim.run();
  ASSERT_TRUE(watch.struck_t_s);
  EXPECT_TRUE(watch.destroyed);
  // 65 km to the radar at 600 m/s, the last 5.8 km in the dive: about 110 s.
  EXPECT_NEAR(*watch.struck_t_s, 110.0, 3.0);
  ASSERT_TRUE(watch.last_plots_t_s);
  EXPECT_LE(*watch.last_plots_t_s, *watch.struck_t_s);
  EXPECT_EQ(s.radars_destroyed, std::vector<std::string>{"Radar"});
  EXPECT_EQ(s.threats, 1);
  EXPECT_EQ(s.leakers, 1);  // it reached its target
  EXPECT_EQ(s.by_kind.at("anti_radiation_missile").leakers, 1);
}

TEST(AntiRadiation, ARadarSilentInTimeSurvivesAndTheMissileIsSpent) {
  scenario::Scenario scenario = arm_against_the_radar();
  scenario.events.push_back({.at_s = 20.0, .action = scenario::ScriptedEvent::Action::kEmission, .target = "Radar",
                             .emission = scenario::Emission::kOff});
  Simulation sim(scenario, {});
  RadarWatch watch;
  sim.subscribe(watch);
  const Summary s = sim.run();
  ASSERT_TRUE(watch.struck_t_s);
  EXPECT_FALSE(watch.destroyed);  // 90 s of drift at 8 m/s: some 700 m off
  EXPECT_TRUE(s.radars_destroyed.empty());
  EXPECT_EQ(s.leakers, 0);
}

}  // namespace
}  // namespace rampart::sim
