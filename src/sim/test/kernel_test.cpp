// The kernel you can drive: stepping, scripted and injected events, the event stream, threads, pacing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <thread>
#include <vector>

#include <unistd.h>

#include "core/error.h"
#include "core/text_file.h"
#include "scenario/loader.h"
#include "sim/pacer.h"
#include "sim/simulation.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

/// Counts what the stream carries, as any sink would see it.
struct Counter : EventSink {
  int plots_by_radar = 0;
  int launches = 0;
  int resolutions = 0;
  int scripted = 0;
  int threats = 0;
  double last_launch_t_s = -1.0;
  void on(const PlotsMade& e) override { plots_by_radar += static_cast<int>(e.look.batch.plots.size()); }
  void on(const InterceptorLaunched& e) override {
    ++launches;
    last_launch_t_s = e.interceptor.launch_time_s;
  }
  void on(const InterceptorResolved&) override { ++resolutions; }
  void on(const ScriptApplied&) override { ++scripted; }
  void on(const ThreatsAdded& e) override { threats += static_cast<int>(e.entity_ids.size()); }
};

TEST(Kernel, SteppingByHandGivesWhatRunGives) {
  const auto s = load("src/scenario/test/data/minimal.yaml");
  Simulation whole(s, {});
  const Summary a = whole.run();
  Simulation driven(s, {});
  EXPECT_DOUBLE_EQ(driven.next_time_s(), 0.0);
  driven.run_until(30.0);
  EXPECT_NEAR(driven.next_time_s(), 30.0 + s.time_step_s, 1e-9);
  ASSERT_TRUE(driven.step());
  driven.run_until(1e9);
  EXPECT_TRUE(driven.done());
  EXPECT_FALSE(driven.step());
  EXPECT_EQ(scores(a), scores(driven.finish()));
}

TEST(Kernel, EveryInterceptorEndsInOneOutcomeOrIsStillFlying) {
  for (const std::uint64_t seed : {1u, 2u}) {
    const Summary r = Simulation(load("scenarios/default.yaml"), {seed, std::nullopt}).run();
    EXPECT_EQ(r.interceptor_kills + r.interceptor_misses + r.interceptor_no_target + r.interceptors_aborted +
                  r.interceptors_guidance_lost + r.interceptors_in_flight_at_end,
              r.interceptors_fired + r.air_to_air_fired)
        << "seed " << seed;
  }
}

TEST(Kernel, ASensorOutOfActionMakesNoPlotsUntilItIsBack) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  s.events.push_back({.at_s = 20.0, .action = scenario::ScriptedEvent::Action::kSensorOut, .target = "Radar"});
  s.events.push_back({.at_s = 60.0, .action = scenario::ScriptedEvent::Action::kSensorBack, .target = "Radar"});
  Simulation sim(s, {});
  Counter seen;
  sim.subscribe(seen);
  sim.run_until(20.0);
  const int before = seen.plots_by_radar;
  EXPECT_GT(before, 0);
  sim.run_until(59.0);
  EXPECT_EQ(seen.plots_by_radar, before);  // out of action: nothing
  sim.run_until(120.0);
  EXPECT_GT(seen.plots_by_radar, before);  // back
  EXPECT_EQ(seen.scripted, 2);
}

TEST(Kernel, ALinkLostKeepsThePicturesFromC2SoNothingIsEngaged) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  const Summary linked = Simulation(s, {}).run();
  ASSERT_GT(linked.interceptors_fired, 0);
  s.events.push_back({.at_s = 0.0, .action = scenario::ScriptedEvent::Action::kLinkLost, .target = "Radar"});
  Simulation sim(s, {});
  Counter seen;
  sim.subscribe(seen);
  const Summary cut = sim.run();
  EXPECT_GT(seen.plots_by_radar, 0);  // the radar still sees
  EXPECT_EQ(cut.tracks_confirmed, 0);  // but its plots never reach the tracker
  EXPECT_EQ(cut.interceptors_fired, 0);
}

TEST(Kernel, WeaponsHoldStopsLaunchesAndAFireUnitOutCannotFire) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  Simulation free_run(s, {});
  Counter all;
  free_run.subscribe(all);
  free_run.run();
  ASSERT_GT(all.launches, 0);
  auto held = s;
  held.events.push_back({.at_s = 0.0, .action = scenario::ScriptedEvent::Action::kWeaponsControl,
                         .weapons_control = scenario::WeaponsControl::kHold});
  EXPECT_EQ(Simulation(held, {}).run().interceptors_fired, 0);
  auto out = s;
  out.events.push_back({.at_s = 0.0, .action = scenario::ScriptedEvent::Action::kFireUnitOut, .target = "Battery"});
  EXPECT_EQ(Simulation(out, {}).run().interceptors_fired, 0);
}

TEST(Kernel, AnAddedRaidFliesIsCountedAndStartsFromTheEventTime) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  scenario::ScriptedEvent raid{.at_s = 10.0, .action = scenario::ScriptedEvent::Action::kAddRaid};
  raid.raid = s.raids[0];
  raid.raid.name = "Second wave";
  raid.raid.count = 3;
  raid.raid.start_time_s = 5.0;
  s.events.push_back(raid);
  Simulation sim(s, {});
  Counter seen;
  sim.subscribe(seen);
  const Summary r = sim.run();
  EXPECT_EQ(r.threats, 2 + 3);
  EXPECT_EQ(seen.threats, 3);  // subscribed after the start: only the added ones
  EXPECT_EQ(r.by_kind.at("strike_aircraft").count, 5);
}

TEST(Kernel, AnInjectionByCodeEqualsTheSameScriptedEventByteForByte) {
  const auto s = load("src/scenario/test/data/minimal.yaml");
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_kernel_injection_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  auto scripted = s;
  scripted.events.push_back({.at_s = 40.0, .action = scenario::ScriptedEvent::Action::kSensorOut, .target = "Radar"});
  const Summary a = Simulation(scripted, {std::nullopt, (dir / "a").string()}).run();
  Simulation injected(s, {std::nullopt, (dir / "b").string()});
  injected.run_until(40.0 - s.time_step_s / 2);
  injected.inject({.action = scenario::ScriptedEvent::Action::kSensorOut, .target = "Radar"});
  const Summary b = injected.run();
  EXPECT_EQ(scores(a), scores(b));
  for (const char* file : {"plots.csv", "tracks.csv", "events.csv", "identities.csv", "truth.csv"})
    EXPECT_EQ(read_text_file((dir / "a" / file).string()), read_text_file((dir / "b" / file).string())) << file;
  std::filesystem::remove_all(dir);
}

TEST(Kernel, AnInjectionOfAnUnknownNameIsBadInput) {
  Simulation sim(load("src/scenario/test/data/minimal.yaml"), {});
  sim.inject({.action = scenario::ScriptedEvent::Action::kSensorOut, .target = "Nowhere"});
  EXPECT_THROW(sim.step(), InputError);
}

TEST(Kernel, SimulationsOnSeveralThreadsGiveWhatEachGivesAlone) {
  const auto s = load("scenarios/default.yaml");
  const std::vector<std::uint64_t> seeds = {11, 12, 13};
  std::vector<std::string> alone;
  for (const auto seed : seeds) alone.push_back(scores(Simulation(s, {seed, std::nullopt}).run()));
  std::vector<std::string> together(seeds.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seeds.size(); ++i)
    threads.emplace_back([&, i] { together[i] = scores(Simulation(s, {seeds[i], std::nullopt}).run()); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(alone, together);
  EXPECT_NE(alone[0], alone[1]);
}

TEST(Pacer, ReleasesSimulatedTimeAtTheFactorOfTheWallClock) {
  double now_s = 100.0;
  std::vector<double> waits;
  Pacer pacer(4.0, [&] { return now_s; }, [&](double s) {
    waits.push_back(s);
    now_s += s;
  });
  pacer.pace(10.0);  // the start: no wait
  EXPECT_TRUE(waits.empty());
  pacer.pace(18.0);  // 8 simulated seconds at 4x: 2 s of wall time
  ASSERT_EQ(waits.size(), 1u);
  EXPECT_DOUBLE_EQ(waits[0], 2.0);
  now_s += 5.0;  // the simulation took longer than allowed: no wait, and it is behind
  pacer.pace(19.0);
  EXPECT_EQ(waits.size(), 1u);
  EXPECT_DOUBLE_EQ(pacer.lag_s(19.0), (107.0 - 100.0) * 4.0 - 9.0);
}

TEST(Pacer, ARealTimeRunKeepsSimulatedTimeWithinOnePercentOfTheWallClock) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  s.duration_s = 20.0;
  Simulation sim(s, {});
  Pacer pacer(20.0);  // 20 s simulated in about 1 s
  const auto start = std::chrono::steady_clock::now();
  while (!sim.done()) {
    pacer.pace(sim.next_time_s());
    sim.step();
  }
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // The pacer never runs ahead; behind it can only be by the last step's work.
  EXPECT_GE(wall_s * 20.0, s.duration_s * 0.99);
  EXPECT_LE(wall_s * 20.0, s.duration_s * 1.01 + 20.0 * 0.05);
}

}  // namespace
}  // namespace rampart::sim

namespace rampart::sim {
namespace {

/// Collects the proposals and decisions of operator approval; approves or rejects each proposal
/// the next time the test asks.
struct Operator : EventSink {
  std::vector<EngagementProposal> proposed;
  std::vector<std::pair<std::uint64_t, Decision>> decided;
  std::vector<double> decided_after_s;
  int fire_orders = 0;
  int launches = 0;
  void on(const EngagementProposed& e) override { proposed.push_back(e.proposal); }
  void on(const EngagementDecided& e) override {
    decided.emplace_back(e.proposal.id, e.decision);
    decided_after_s.push_back(e.t_s - e.proposal.proposed_t_s);
  }
  void on(const FireOrdered&) override { ++fire_orders; }
  void on(const InterceptorLaunched&) override { ++launches; }
};

RunOptions with_approval(double approval_time_s) {
  RunOptions o;
  o.approval_time_s = approval_time_s;
  return o;
}

TEST(Approval, NoOrderGoesOutUntilTheOperatorApprovesIt) {
  Simulation sim(load("scenarios/default.yaml"), with_approval(1e6));
  Operator op;
  sim.subscribe(op);
  sim.run_until(400.0);
  ASSERT_FALSE(op.proposed.empty());
  EXPECT_EQ(op.fire_orders, 0);
  EXPECT_EQ(op.launches, 0);
  EXPECT_TRUE(op.decided.empty());
  for (std::size_t i = 1; i < op.proposed.size(); ++i) EXPECT_GT(op.proposed[i].id, op.proposed[i - 1].id);

  const EngagementProposal first = op.proposed.front();
  EXPECT_TRUE(sim.decide(first.id, true));
  EXPECT_FALSE(sim.decide(first.id, true)) << "a decision on it is queued already";
  EXPECT_FALSE(sim.decide(999'999, true)) << "no such proposal";
  const double decided_at_s = sim.next_time_s();
  sim.step();
  ASSERT_EQ(op.decided.size(), 1u);
  EXPECT_EQ(op.decided[0], std::make_pair(first.id, Decision::kApproved));
  EXPECT_NEAR(op.decided_after_s[0], decided_at_s - first.proposed_t_s, 1e-9);
  EXPECT_EQ(op.fire_orders, 1);
  sim.run_until(decided_at_s + 30.0);
  EXPECT_EQ(op.launches, first.order.rounds) << "the approved order reached its fire unit and was fired";
}

TEST(Approval, AProposalLapsesAtItsDeadlineAndARejectedOneIsNotFired) {
  Simulation sim(load("scenarios/default.yaml"), with_approval(5.0));
  Operator op;
  sim.subscribe(op);
  sim.run_until(300.0);
  ASSERT_GE(op.proposed.size(), 2u);
  for (std::size_t i = 0; i < op.decided.size(); ++i) {
    EXPECT_EQ(op.decided[i].second, Decision::kLapsed);
    EXPECT_NEAR(op.decided_after_s[i], 5.0, 0.1 + 1e-9) << "lapsed at the first step at or after its deadline";
  }
  EXPECT_EQ(op.launches, 0);
  // Reject what is pending now: nothing is fired, and C2 is free to propose those tracks again.
  std::size_t rejected = 0;
  const std::size_t before = op.decided.size();
  for (const auto& p : op.proposed)
    if (std::none_of(op.decided.begin(), op.decided.end(), [&](const auto& d) { return d.first == p.id; }))
      rejected += sim.decide(p.id, false);
  sim.step();
  ASSERT_GT(rejected, 0u);
  for (std::size_t i = before; i < before + rejected; ++i) EXPECT_EQ(op.decided[i].second, Decision::kRejected);
  sim.run_until(360.0);
  EXPECT_EQ(op.launches, 0);
  EXPECT_GT(op.proposed.size(), before + rejected) << "the threats are proposed again";
}

TEST(Approval, ApprovingEveryProposalAtOnceFightsLikeTheAutomaticAid) {
  const auto s = load("scenarios/default.yaml");
  const Summary automatic = Simulation(s, {}).run();
  Simulation sim(s, with_approval(20.0));
  Operator op;
  sim.subscribe(op);
  std::size_t seen = 0;
  while (sim.step())
    for (; seen < op.proposed.size(); ++seen) EXPECT_TRUE(sim.decide(op.proposed[seen].id, true));
  const Summary approved = sim.finish();
  EXPECT_EQ(op.fire_orders, static_cast<int>(op.proposed.size()));
  // One step (0.1 s) of approval delay per order changes draws, not the fight: within a few threats.
  EXPECT_NEAR(approved.killed, automatic.killed, 4);
  EXPECT_NEAR(approved.leakers, automatic.leakers, 4);
  EXPECT_GT(approved.interceptors_fired, 0);
}


/// What each radar saw and when it switched, from the stream.
struct EmissionLog : EventSink {
  std::map<std::string, std::vector<double>> plot_times;  ///< radar -> time of each look with plots
  std::vector<std::tuple<double, std::string, bool>> changes;
  void on(const PlotsMade& e) override {
    if (!e.look.batch.plots.empty()) plot_times[e.sensor].push_back(e.t_s);
  }
  void on(const EmissionChanged& e) override { changes.emplace_back(e.t_s, e.radar, e.emitting); }
};

TEST(EmissionControl, ARadarOnWeaponsReachIsSilentUntilATrackComesInReach) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  scenario::Radar fc = s.radars.front();
  fc.name = "Fire control";
  fc.emission = scenario::Emission::kWeaponsReach;
  fc.emission_reach_m = 40'000.0;  // the raid flies south from 60 km north at 250 m/s
  s.friendlies.clear();  // an unidentified patrol in reach would bring it up too
  s.radars.push_back(fc);
  Simulation sim(s, {});
  EmissionLog log;
  sim.subscribe(log);
  sim.run();
  // Silent at the start, live once the raid's track is inside 40 km of the radar (5 km north of
  // the origin): the raid is 40 km away at (60 - 45) / 0.25 = 60 s.
  ASSERT_GE(log.changes.size(), 2u);
  EXPECT_EQ(log.changes[0], std::make_tuple(0.0, std::string("Fire control"), false));
  const auto& [on_t_s, on_radar, on] = log.changes[1];
  EXPECT_EQ(on_radar, "Fire control");
  EXPECT_TRUE(on);
  EXPECT_GE(on_t_s, 60.0);
  EXPECT_LE(on_t_s, 75.0);
  ASSERT_FALSE(log.plot_times["Fire control"].empty());
  EXPECT_GE(log.plot_times["Fire control"].front(), on_t_s);
  EXPECT_LT(log.plot_times["Radar"].front(), 20.0);
}

TEST(EmissionControl, AScriptedOrderSilencesARadarAndItsInterrogator) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  scenario::ScriptedEvent off;
  off.at_s = 50.0;
  off.action = scenario::ScriptedEvent::Action::kEmission;
  off.target = "Radar";
  off.emission = scenario::Emission::kOff;
  s.events.push_back(off);
  Simulation sim(s, {});
  EmissionLog log;
  sim.subscribe(log);
  sim.run();
  ASSERT_EQ(log.changes.size(), 1u);
  EXPECT_EQ(log.changes[0], std::make_tuple(50.0, std::string("Radar"), false));
  ASSERT_FALSE(log.plot_times["Radar"].empty());
  EXPECT_LE(log.plot_times["Radar"].back(), 50.0);
}

}  // namespace
}  // namespace rampart::sim
