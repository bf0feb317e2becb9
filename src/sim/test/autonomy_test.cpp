// A fire unit cut off from C2: it holds fire without a radar of its own, fights alone on its own
// radar's tracks with one, and is commanded by C2 again when the link comes back.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/autonomy.h"
#include "sim/simulation.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

using Action = scenario::ScriptedEvent::Action;

/// What a cut-off unit and the central C2 did, off the event stream.
struct LinkWatch : EventSink {
  std::vector<double> central_orders_t_s;  ///< FireOrdered: only the central C2 publishes them
  std::vector<engagement::Interceptor> launches;
  std::vector<std::pair<engagement::Interceptor, std::uint32_t>> kills;  ///< and the truth id killed
  std::vector<std::tuple<double, bool, std::string>> links;  ///< t_s, up, detail
  const world::World* world = nullptr;
  void on(const TruthMoved& e) override { world = &e.world; }
  void on(const FireOrdered& e) override { central_orders_t_s.push_back(e.t_s); }
  void on(const InterceptorLaunched& e) override { launches.push_back(e.interceptor); }
  void on(const InterceptorResolved& e) override {
    if (e.resolution.outcome == engagement::Outcome::kKill) kills.emplace_back(e.resolution.interceptor, e.resolution.truth_id);
  }
  void on(const DatalinkChanged& e) override { links.emplace_back(e.t_s, e.up, e.detail); }
};

scenario::Scenario cut_at(double t_s) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  s.events.push_back({.at_s = t_s, .action = Action::kLinkLost, .target = "Battery"});
  return s;
}

TEST(Autonomy, ACutOffUnitWithoutARadarOfItsOwnHoldsFire) {
  ASSERT_GT(Simulation(load("src/scenario/test/data/minimal.yaml"), {}).run().interceptors_fired, 0);
  Simulation sim(cut_at(0.0), {});
  LinkWatch watch;
  sim.subscribe(watch);
  const Summary r = sim.run();
  EXPECT_EQ(r.interceptors_fired, 0);
  EXPECT_EQ(r.autonomous_launches, 0);
  EXPECT_TRUE(watch.central_orders_t_s.empty());  // C2 does not count on its weapons
  EXPECT_GT(r.tracks_confirmed, 0);               // though the radar, not the unit's, still reports
  ASSERT_EQ(watch.links.size(), 1u);
  EXPECT_EQ(watch.links[0], std::make_tuple(0.0, false, std::string("cut off from C2: no radar of its own, holds fire")));
}

TEST(Autonomy, ACutOffUnitWithItsOwnRadarEngagesTheHostileInboundOnItsOwnTracks) {
  auto s = cut_at(0.0);
  s.fire_units[0].own_radar = 0;  // "Radar", with its IFF interrogator
  Simulation sim(s, {});
  LinkWatch watch;
  sim.subscribe(watch);
  const Summary r = sim.run();
  ASSERT_EQ(watch.links.size(), 1u);
  EXPECT_EQ(std::get<2>(watch.links[0]), "cut off from C2: fights alone on its own radar Radar, weapons tight, in "
                                         "defence of itself and 1 asset within its reach");
  // The only radar is the unit's own: nothing reaches the central tracker, and C2 orders nothing.
  EXPECT_EQ(r.tracks_confirmed, 0);
  EXPECT_TRUE(watch.central_orders_t_s.empty());
  ASSERT_GT(r.autonomous_launches, 0);
  EXPECT_EQ(r.autonomous_launches, r.interceptors_fired);
  for (const auto& m : watch.launches) {
    EXPECT_TRUE(m.autonomous);
    EXPECT_EQ(m.shooter, "Battery");
    EXPECT_GE(m.track_id, kLocalTrackBase);  // one of its own tracks (unit 0)
    EXPECT_LT(m.track_id, kLocalTrackBase + kLocalTracksPerUnit);
  }
  // What it killed was the raid (the patrolling friendly fighter answers its IFF).
  ASSERT_GT(r.autonomous_kills, 0);
  EXPECT_EQ(r.fratricides, 0);
  ASSERT_NE(watch.world, nullptr);
  for (const auto& [m, truth_id] : watch.kills) EXPECT_EQ(watch.world->entity(truth_id).side, world::Side::kHostile);
}

TEST(Autonomy, TheCentralC2OrdersTheUnitOnlyWhileItsLinkIsUp) {
  auto s = cut_at(0.0);
  s.events.push_back({.at_s = 80.0, .action = Action::kLinkRestored, .target = "Battery"});
  Simulation sim(s, {});
  LinkWatch watch;
  sim.subscribe(watch);
  const Summary r = sim.run();
  // Linked throughout, C2 orders the first launch at 64.5 s; cut off until 80 s, not before then.
  ASSERT_FALSE(watch.central_orders_t_s.empty());
  EXPECT_GE(watch.central_orders_t_s.front(), 80.0);
  EXPECT_GT(r.interceptors_fired, 0);
  EXPECT_EQ(r.autonomous_launches, 0);
  ASSERT_EQ(watch.links.size(), 2u);
  EXPECT_EQ(watch.links[1], std::make_tuple(80.0, true, std::string("back under C2")));
}

TEST(Autonomy, BackUnderC2TheUnitDropsItsOwnTracksAndFiresOnlyOnC2sOrders) {
  auto s = cut_at(0.0);
  s.fire_units[0].own_radar = 0;
  s.events.push_back({.at_s = 80.0, .action = Action::kLinkRestored, .target = "Battery"});
  Simulation sim(s, {});
  LinkWatch watch;
  sim.subscribe(watch);
  const Summary r = sim.run();
  ASSERT_EQ(watch.links.size(), 2u);
  EXPECT_TRUE(std::get<1>(watch.links[1]));
  EXPECT_TRUE(std::get<2>(watch.links[1]).starts_with("back under C2: "));
  EXPECT_NE(std::get<2>(watch.links[1]).find(" handed over, its own loop and its "), std::string::npos);
  EXPECT_TRUE(std::get<2>(watch.links[1]).ends_with(" tracks dropped"));
  ASSERT_GT(r.autonomous_launches, 0);
  for (const auto& m : watch.launches) {
    EXPECT_EQ(m.track_id >= kLocalTrackBase, m.autonomous);
    // Its own orders went out before 80 s (each launches after the reaction time); C2's after.
    if (m.autonomous) {
      EXPECT_LT(m.launch_time_s, 80.0 + s.weapon_types[0].reaction_time_s);
    } else {
      EXPECT_GE(m.launch_time_s, 80.0);
    }
  }
  for (const double t_s : watch.central_orders_t_s) EXPECT_GE(t_s, 80.0);
}

/// Every interceptor's end, with the track it was guided on at the end.
struct Ends : EventSink {
  std::vector<engagement::Resolution> ends;
  std::vector<double> t_s;
  void on(const InterceptorResolved& e) override {
    ends.push_back(e.resolution);
    t_s.push_back(e.t_s);
  }
};

// mixed_raid's FU-2 fights alone from 600 s to 1020 s. When its link comes back it hands C2 what
// it engaged in the last kill-assessment delay: C2 takes those rounds as fired at its own tracks
// of the same missiles (and judges them), so it orders no second round at a missile FU-2 has
// just killed or still has a round on, and the rounds in flight are guided on C2's tracks.
// Without the handover C2 fired three rounds at such tracks within 20 s and all found nothing.
TEST(Autonomy, BackUnderC2TheUnitHandsItsEngagementsOverAndC2DoesNotFireAgainAtThem) {
  Simulation sim(load("scenarios/mixed_raid.yaml"), {});
  LinkWatch watch;
  Ends ends;
  sim.subscribe(watch);
  sim.subscribe(ends);
  sim.run();
  ASSERT_EQ(watch.links.size(), 2u);
  const double back_s = std::get<0>(watch.links[1]);
  EXPECT_DOUBLE_EQ(back_s, 1020.0);
  const std::string& detail = std::get<2>(watch.links[1]);
  ASSERT_TRUE(detail.starts_with("back under C2: ")) << detail;
  EXPECT_GE(std::stoi(detail.substr(std::string("back under C2: ").size())), 1) << detail;
  std::vector<std::uint32_t> handed_tracks;
  for (std::size_t i = 0; i < ends.ends.size(); ++i) {
    const auto& m = ends.ends[i].interceptor;
    if (!m.autonomous || ends.t_s[i] <= back_s) continue;
    EXPECT_LT(m.track_id, kLocalTrackBase) << "interceptor " << m.id << " still on the unit's own track";
    handed_tracks.push_back(m.track_id);
  }
  EXPECT_FALSE(handed_tracks.empty());
  for (std::size_t i = 0; i < ends.ends.size(); ++i) {
    const auto& r = ends.ends[i];
    if (r.interceptor.shooter != "FU-2 Field" || r.interceptor.autonomous || r.interceptor.launch_time_s > back_s + 60.0)
      continue;
    EXPECT_NE(r.outcome, engagement::Outcome::kNoTarget) << "C2 fired at a missile already dealt with: track "
                                                         << r.interceptor.track_id;
    EXPECT_EQ(std::count(handed_tracks.begin(), handed_tracks.end(), r.interceptor.track_id), 0);
  }
}

TEST(Autonomy, CuttingALinkTwiceOrRestoringAnUpLinkChangesNothing) {
  auto s = cut_at(0.0);
  s.events.push_back({.at_s = 10.0, .action = Action::kLinkLost, .target = "Battery"});
  s.events.push_back({.at_s = 80.0, .action = Action::kLinkRestored, .target = "Battery"});
  s.events.push_back({.at_s = 90.0, .action = Action::kLinkRestored, .target = "Battery"});
  Simulation sim(s, {});
  LinkWatch watch;
  sim.subscribe(watch);
  sim.run();
  ASSERT_EQ(watch.links.size(), 2u);
  EXPECT_EQ(std::get<0>(watch.links[0]), 0.0);
  EXPECT_EQ(std::get<0>(watch.links[1]), 80.0);
}

}  // namespace
}  // namespace rampart::sim
