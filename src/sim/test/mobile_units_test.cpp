// A moving asset and a mobile fire unit through the whole kernel (src/scenario/test/data/moving_column.yaml).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "sim/simulation.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

struct MobileWatch : EventSink {
  std::vector<std::pair<double, world::Readiness>> readiness;  ///< of the fire unit
  std::vector<double> launches_t_s;
  std::vector<std::string> arrived;  ///< threats that reached the column
  std::vector<double> column_north_m;  ///< C2's asset at each fire order
  void on(const ReadinessChanged& e) override {
    EXPECT_TRUE(e.fire_unit);
    EXPECT_EQ(e.unit, "Mobile");
    readiness.emplace_back(e.t_s, e.to);
  }
  void on(const InterceptorLaunched& e) override { launches_t_s.push_back(e.interceptor.launch_time_s); }
  void on(const TruthMoved& e) override {
    for (const auto& a : e.arrivals) arrived.push_back(e.world.entity(a.entity_id).name);
  }
  void on(const FireOrdered& e) override { column_north_m.push_back(e.assets[0].position.north_m); }
};

TEST(MobileUnits, TheUnitFiresOnlyOnceEmplacedAtTheHaltAndTheOldPositionIsNoLeaker) {
  // The column halts 6 km north at about 310 s; the unit, on its station 200 m behind, emplaces
  // for 60 s. Drone Old passes the column's start at 200 s (the unit still marching: no launch);
  // Chaser comes at the halt from the west and is engaged from the emplaced unit.
  MobileWatch watch;
  Simulation sim(load("src/scenario/test/data/moving_column.yaml"), {});
  sim.subscribe(watch);
  const Summary r = sim.run();
  ASSERT_EQ(watch.readiness.size(), 2u);
  EXPECT_EQ(watch.readiness[0].second, world::Readiness::kEmplacing);
  EXPECT_GT(watch.readiness[0].first, 290.0);
  EXPECT_LT(watch.readiness[0].first, 330.0);
  EXPECT_EQ(watch.readiness[1].second, world::Readiness::kReady);
  EXPECT_NEAR(watch.readiness[1].first, watch.readiness[0].first + 60.0, 0.11);
  ASSERT_FALSE(watch.launches_t_s.empty());
  for (const double t_s : watch.launches_t_s) EXPECT_GE(t_s, watch.readiness[1].first);
  // C2 had the column at its halt (from its reports) when it ordered.
  for (const double north_m : watch.column_north_m) EXPECT_NEAR(north_m, 6000.0, 50.0);
  for (const auto& name : watch.arrived) EXPECT_NE(name, "Old-1");
  EXPECT_EQ(r.emplacements, 1);
  EXPECT_EQ(r.shoot_and_scoot_displacements, 0);
  EXPECT_NEAR(r.mobile_fire_unit_ready_s, r.sim_time_s - watch.readiness[1].first, 1e-6);
}

/// The emission changes of a run of `s`: (time, radiating).
std::vector<std::pair<double, bool>> emissions_of(const scenario::Scenario& s) {
  struct Emissions : EventSink {
    std::vector<std::pair<double, bool>> changes;
    void on(const EmissionChanged& e) override { changes.emplace_back(e.t_s, e.emitting); }
  } watch;
  Simulation sim(s, {});
  sim.subscribe(watch);
  sim.run();
  return watch.changes;
}

TEST(MobileUnits, AScriptedEmissionForAMarchingRadarWaitsForItsEmplacement) {
  // The tank column's radar marches until it is emplaced at the first halt (about 754 s), and
  // then radiates: silent at the start, on once.
  scenario::Scenario s = load("scenarios/tank_column.yaml");
  s.duration_s = 900.0;
  const auto plain = emissions_of(s);
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_FALSE(plain[0].second);
  EXPECT_TRUE(plain[1].second);
  EXPECT_GT(plain[1].first, 700.0);
  // Ordered silent while it marches: the order waits for the emplacement, which then keeps it
  // silent; ordered on again after that, it radiates at once.
  scenario::ScriptedEvent off{.at_s = 100.0, .action = scenario::ScriptedEvent::Action::kEmission,
                              .target = "SR-3D Mobile", .emission = scenario::Emission::kOff};
  scenario::ScriptedEvent on = off;
  on.at_s = 850.0;
  on.emission = scenario::Emission::kOn;
  s.events = {off, on};
  const auto ordered = emissions_of(s);
  ASSERT_EQ(ordered.size(), 2u);
  EXPECT_FALSE(ordered[0].second);
  EXPECT_TRUE(ordered[1].second);
  EXPECT_NEAR(ordered[1].first, 850.0, 0.05);
}

}  // namespace
}  // namespace rampart::sim
