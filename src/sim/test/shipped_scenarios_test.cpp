// The shipped scenarios run to a summary and show what their header says they show.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "sim/simulation.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

TEST(ShippedScenarios, EveryOneLoadsAndRunsToASummary) {
  int scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RAMPART_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const auto s = scenario::load_scenario_file(entry.path().string());
    const Summary r = Simulation(s, {}).run();
    EXPECT_NEAR(r.sim_time_s, s.duration_s, s.time_step_s) << entry.path();
    EXPECT_GT(r.plots, 0) << entry.path();
    ++scenarios;
  }
  EXPECT_GE(scenarios, 2);
}

/// What the ridge-and-jamming scenario's header promises, read off the event stream.
struct RidgeWatch : EventSink {
  std::map<std::string, double> first_plot_t_s;    ///< entity name -> first plot of it
  std::map<std::string, double> first_plot_range_m;
  std::vector<std::tuple<double, std::string, bool>> emissions;
  int strobes_on_strikers = 0;
  const world::World* world = nullptr;
  void on(const TruthMoved& e) override { world = &e.world; }  // before any sensor looks
  void on(const PlotsMade& e) override {
    for (std::size_t i = 0; i < e.look.origins.size(); ++i) {
      const std::uint32_t id = e.look.origins[i].truth_id;
      if (id == 0) continue;
      const std::string& name = world->entity(id).name;
      if (!first_plot_t_s.count(name)) {
        first_plot_t_s[name] = e.t_s;
        first_plot_range_m[name] = e.look.batch.plots[i].range_m;
      }
    }
  }
  void on(const AnglesMade& e) override {
    for (const auto& a : e.reports)
      strobes_on_strikers += a.emitter == sensors::kJammerStrobe && world->entity(a.truth_id).name.starts_with("Bandit");
  }
  void on(const EmissionChanged& e) override { emissions.emplace_back(e.t_s, e.radar, e.emitting); }
};

TEST(ShippedScenarios, RidgeAndJammingShowsMaskingJammingAndEmissionControl) {
  Simulation sim(load("scenarios/ridge_and_jamming.yaml"), {});
  RidgeWatch watch;
  sim.subscribe(watch);
  const Summary r = sim.run();
  // Masking: the helicopters take off at 30-90 s but are first plotted after rounding the ridge.
  for (const char* hind : {"Hind-A-1", "Hind-A-2", "Hind-A-3", "Hind-A-4"}) {
    ASSERT_TRUE(watch.first_plot_t_s.count(hind)) << hind;
    EXPECT_GT(watch.first_plot_t_s[hind], 500.0) << hind;
    EXPECT_LT(watch.first_plot_range_m[hind], 70'000.0) << hind;
  }
  // Jamming: strobes on the self-protection jammers, and the strikers are first plotted far inside
  // the range at which the unjammed transport (same altitude, 20 m^2) is.
  EXPECT_GT(watch.strobes_on_strikers, 50);
  EXPECT_GT(r.jamming_strobes, watch.strobes_on_strikers);  // the stand-off jammer's too
  ASSERT_TRUE(watch.first_plot_range_m.count("Transport-1"));
  EXPECT_GT(watch.first_plot_range_m["Transport-1"], 150'000.0);
  for (const char* striker : {"Bandit-S-1", "Bandit-S-2", "Bandit-S-3"}) {
    ASSERT_TRUE(watch.first_plot_range_m.count(striker)) << striker;
    EXPECT_LT(watch.first_plot_range_m[striker], 120'000.0) << striker;
  }
  // Emission control: FCR-3 silent at the start and live later; SR-1 off at 240 s, on at 420 s.
  const auto has = [&](const std::string& radar, bool emitting, double from_s, double to_s) {
    return std::any_of(watch.emissions.begin(), watch.emissions.end(), [&](const auto& e) {
      return std::get<1>(e) == radar && std::get<2>(e) == emitting && std::get<0>(e) >= from_s && std::get<0>(e) <= to_s;
    });
  };
  EXPECT_TRUE(has("FCR-3 Valley", false, 0.0, 0.0));
  EXPECT_TRUE(has("FCR-3 Valley", true, 1.0, 1200.0));
  EXPECT_TRUE(has("SR-1 Summit", false, 240.0, 240.0));
  EXPECT_TRUE(has("SR-1 Summit", true, 420.0, 420.0));
  EXPECT_GT(r.radar_silent_s, 180.0);
  EXPECT_GT(r.killed, 0);
}

}  // namespace
}  // namespace rampart::sim
