#include "engagement/engagements.h"

#include "engagement/factory.h"
#include "engagement/fire_unit.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace rampart::engagement {
namespace {

/// A SAM of floor 10 m and ceiling 20 km, basket 1 km, that launches as soon as it is ordered,
/// flying out as derived_dynamics makes a 1000 m/s, 40 km weapon: a 4 s boost to 1600 m/s, then
/// a coast of up to 60 s; lethal radius 20 m.
scenario::WeaponType sam(double pk) {
  scenario::WeaponType t{"sam", 1000, 40'000, 10, 20'000, 1000, pk, 1000, 100, 2, 0.0};
  t.dynamics = messages::derived_dynamics(t.interceptor_speed_mps, t.max_range_m, t.seeker_basket_m);
  return t;
}

/// Fire units of `types` at the origin, each of the minimal scenario's first fire unit.
Arsenal units_of(const scenario::FireUnit& spec, const std::vector<scenario::WeaponType>& types) {
  Arsenal arsenal;
  const Eigen::Vector3d antenna_m(spec.position.east_m, spec.position.north_m, spec.site_alt_m + spec.antenna_height_m);
  for (const auto& t : types)
    arsenal.push_back(std::make_unique<FireUnit>(arsenal.size(), spec, t, Eigen::Vector3d::Zero(), antenna_m));
  return arsenal;
}

/// A track on entity `e` of `w` as the tracker would give it with no error.
messages::TrackState perfect_track(std::uint32_t track_id, const world::Entity& e, double t_s,
                                   const Eigen::Vector3d& offset_m = Eigen::Vector3d::Zero()) {
  messages::TrackState t;
  t.id = track_id;
  t.t_s = t_s;
  t.x << e.p_enu_m + offset_m, e.v_enu_mps;
  return t;
}

/// Advances the world and the interceptors together at the simulation's 0.1 s from t0_s until
/// something ends or t1_s; returns what ended and sets t_s to when.
std::vector<Resolution> fly_until_something_ends(Engagements& e, world::World& w, Arsenal& units, double t0_s,
                                                 double t1_s, double* t_s = nullptr) {
  for (int k = 1; t0_s + 0.1 * k <= t1_s + 1e-9; ++k) {
    const double now_s = t0_s + 0.1 * k;
    w.advance(now_s);
    auto ended = e.resolve(now_s, w, units);
    if (t_s) *t_s = now_s;
    if (!ended.empty()) return ended;
  }
  return {};
}

TEST(FireUnit, LaunchersReloadOneAtATimeFromTheReserve) {
  scenario::FireUnit spec{"fu", 0, {0, 0}, 0, 2, 2, 3};
  FireUnit unit(0, spec, sam(1.0), Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero());
  EXPECT_EQ(unit.status().ready_rounds, 4);
  EXPECT_EQ(unit.rounds_left(), 7);
  unit.launch(0.0, {0, 1, 2, 10.0, Eigen::Vector3d::Zero()});
  EXPECT_EQ(unit.status().free_channels, 0);
  unit.release_channel();
  unit.release_channel();
  EXPECT_EQ(unit.update(0.0), 0);  // the emptied launcher starts reloading: done at 100 s
  EXPECT_EQ(unit.status().ready_rounds, 2);
  EXPECT_EQ(unit.update(99.0), 0);
  EXPECT_EQ(unit.status().ready_rounds, 2);
  EXPECT_EQ(unit.update(100.0), 2);  // two rounds loaded from the reserve of three
  EXPECT_EQ(unit.status().ready_rounds, 4);
  EXPECT_EQ(unit.rounds_left(), 5);
}

class EngagementsTest : public ::testing::Test {
 protected:
  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                                      "/src/scenario/test/data/minimal.yaml");
  /// The minimal scenario's fire unit with a SAM that launches 5 s after an order's receipt.
  Arsenal reacting_in_5_s() const {
    auto type = sam(1.0);
    type.reaction_time_s = 5.0;
    return units_of(s.fire_units[0], {type});
  }
};

TEST_F(EngagementsTest, TheUnitLaunchesItsReactionTimeAfterTheOrder) {
  world::World w(s);
  Arsenal units = reacting_in_5_s();
  Engagements e(1);
  const auto launched = e.fire(2.0, {0, 42, 1, 10.0, Eigen::Vector3d::Zero()}, units);
  ASSERT_EQ(launched.size(), 1u);
  EXPECT_DOUBLE_EQ(launched[0].launch_time_s, 7.0);
  EXPECT_DOUBLE_EQ(launched[0].intercept_time_s, 17.0);
  EXPECT_EQ(units[0]->status().free_channels, 1);  // committed at the order's receipt
  const messages::LaunchReport report = launch_report(launched[0]);
  EXPECT_EQ(report.interceptor_id, launched[0].id);
  EXPECT_EQ(report.track_id, 42u);
  EXPECT_DOUBLE_EQ(report.intercept_t_s, 17.0);
  w.advance(7.0);
  EXPECT_TRUE(e.resolve(7.0, w, units).empty());  // still on the launcher
}

// A ballistic salvo (c2/doctrine.h): one order of 2 rounds 3 s apart launches two interceptors,
// the first at the reaction time after the order and the second 3 s later, each with C2's time
// of flight; both channels are committed at the order.
TEST_F(EngagementsTest, ASalvoOrderLaunchesItsRoundsItsIntervalApart) {
  Arsenal units = reacting_in_5_s();
  Engagements e(1);
  messages::FireOrder order{0, 42, 2, 10.0, Eigen::Vector3d::Zero()};
  order.round_interval_s = 3.0;
  const auto launched = e.fire(2.0, order, units);
  ASSERT_EQ(launched.size(), 2u);
  EXPECT_DOUBLE_EQ(launched[0].launch_time_s, 7.0);
  EXPECT_DOUBLE_EQ(launched[0].intercept_time_s, 17.0);
  EXPECT_DOUBLE_EQ(launched[1].launch_time_s, 10.0);
  EXPECT_DOUBLE_EQ(launched[1].intercept_time_s, 20.0);
  EXPECT_NE(launched[0].id, launched[1].id);
  EXPECT_EQ(units[0]->status().free_channels, 0);      // the type's 2 channels
  EXPECT_EQ(units[0]->status().ready_rounds, 8 - 2);   // 2 launchers of 4
}

// A fire unit with a fire-control radar of its own guides as many interceptors at once as the
// radar has channels (2), not its weapon type's 4: the third engagement finds no channel until one
// of the first two interceptors ends (here by running out of flight time with nothing in its
// basket), and then it launches; every interceptor is guided from the radar's antenna.
TEST_F(EngagementsTest, TheFireControlRadarsChannelsLimitTheUnit) {
  s.weapon_types[0].fire_control_channels = 4;
  s.weapon_types[0].reaction_time_s = 0.0;
  scenario::Radar fcr;
  fcr.name = "FCR";
  fcr.position = {1500.0, 1000.0};
  fcr.site_alt_m = 20.0;
  fcr.antenna_height_m = 8.0;
  fcr.fire_control = scenario::FireControl{.sector = {}, .channels = 2};
  s.radars.push_back(fcr);
  s.fire_units[0].fire_control_radar = s.radars.size() - 1;
  world::World w(s);
  Arsenal units = make_fire_units(s, w.frame());
  EXPECT_EQ(units[0]->status().type.fire_control_channels, 2);
  EXPECT_EQ(units[0]->status().free_channels, 2);
  Engagements e(1);
  const auto first = e.fire(0.0, {0, 1, 1, 10.0, Eigen::Vector3d(-8000.0, 0.0, 3000.0)}, units);
  e.fire(0.0, {0, 2, 1, 10.0, Eigen::Vector3d(8000.0, 0.0, 3000.0)}, units);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(*first[0].fire_control_site_m, Eigen::Vector3d(1500.0, 1000.0, 28.0));
  EXPECT_EQ(units[0]->status().free_channels, 0);  // a third order is refused (Simulation::deliver_orders)
  EXPECT_GE(units[0]->status().ready_rounds, 1);    // rounds are not what is missing
  double ended_s = 0.0;
  const auto ended = fly_until_something_ends(e, w, units, 0.0, 120.0, &ended_s);
  ASSERT_FALSE(ended.empty());
  EXPECT_EQ(units[0]->status().free_channels, static_cast<int>(ended.size()));
  const auto third = e.fire(ended_s, {0, 3, 1, 10.0, Eigen::Vector3d(0.0, 8000.0, 3000.0)}, units);
  EXPECT_EQ(third.size(), 1u);
  EXPECT_EQ(units[0]->status().free_channels, static_cast<int>(ended.size()) - 1);
}

// Aimed at an empty point 8 km up-range at 3000 m: the interceptor flies to it, its seeker finds
// nothing within its basket, and it ends there with no target, the nearest aircraft named by
// distance.
TEST_F(EngagementsTest, NothingInTheBasketIsNoTarget) {
  world::World w(s);
  w.advance(0.0);
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e(1);
  const Eigen::Vector3d empty_enu_m(-8000.0, 0.0, 3000.0);
  e.fire(0.0, {0, 1, 1, 10.0, empty_enu_m}, units);
  const auto results = fly_until_something_ends(e, w, units, 0.0, 60.0);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kNoTarget);
  EXPECT_LT((results[0].intercept_enu_m - empty_enu_m).norm(), 50.0);
  EXPECT_EQ(results[0].reason.rfind("nothing in basket (nearest ", 0), 0u) << results[0].reason;
  EXPECT_GT(results[0].miss_distance_m, 1000.0);
}

// guide() uplinks the track: the interceptor's estimate is the track's position and velocity at
// the track's time (seen through abort(), which returns the interceptor as it was).
TEST_F(EngagementsTest, GuidanceUplinksTheTrack) {
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e(1);
  const auto launched = e.fire(0.0, {0, 9, 1, 20.0, Eigen::Vector3d(5000, 5000, 5000)}, units);
  EXPECT_EQ(launched[0].estimate_enu_m, Eigen::Vector3d(5000, 5000, 5000));  // the aim point until then
  EXPECT_EQ(launched[0].estimate_v_enu_mps, Eigen::Vector3d::Zero());
  messages::TrackState t;
  t.id = 9;
  t.t_s = 5.0;
  t.x << 1000, 2000, 3000, 10, -10, 0;
  e.guide({t});
  const auto aborted = e.abort(6.0, 9, units);
  ASSERT_EQ(aborted.size(), 1u);
  EXPECT_EQ(aborted[0].interceptor.estimate_enu_m, Eigen::Vector3d(1000, 2000, 3000));
  EXPECT_EQ(aborted[0].interceptor.estimate_v_enu_mps, Eigen::Vector3d(10, -10, 0));
  EXPECT_DOUBLE_EQ(aborted[0].interceptor.estimate_t_s, 5.0);
}

/// The world at t = 0, the raid's first aircraft (5000 m, 250 m/s inbound from 60 km) entity 1,
/// the patrolling friendly fighter entity 3, and a fire unit of sam(1) at the origin.
class EndgameTest : public EngagementsTest {
 protected:
  EndgameTest() { w.advance(0.0); }
  /// `rounds` of units[unit] fired now on a perfect track of `entity` `offset_m` off it, aimed
  /// where it will be in 30 s, flown until something ends; what ended.
  std::vector<Resolution> engage_all(std::size_t unit, std::uint32_t entity,
                                     const Eigen::Vector3d& offset_m = Eigen::Vector3d::Zero(), int rounds = 1) {
    const auto& target = w.entity(entity);
    e.fire(now_s, {unit, entity, rounds, 30.0, target.p_enu_m + offset_m + target.v_enu_mps * 30.0}, units);
    e.guide({perfect_track(entity, target, now_s, offset_m)});
    return fly_until_something_ends(e, w, units, now_s, now_s + 70.0, &now_s);
  }
  /// One round on the raid's first aircraft: its end.
  Resolution engage(std::size_t unit, const Eigen::Vector3d& offset_m = Eigen::Vector3d::Zero()) {
    auto results = engage_all(unit, 1, offset_m);
    EXPECT_EQ(results.size(), 1u);
    return results.empty() ? Resolution{} : results[0];
  }
  world::World w{s};
  double now_s = 0.0;
  Arsenal units = units_of(s.fire_units[0], {sam(1.0)});
  Engagements e{1};
};

// On a perfect track the flyout homes on the aircraft, the miss is a few metres at most, the
// kill (Pk 1 at zero miss) is certain at that miss, and the channel is free again.
TEST_F(EndgameTest, AFlyoutOnAPerfectTrackKillsItsTarget) {
  const Resolution r = engage(0);
  EXPECT_EQ(r.outcome, Outcome::kKill);
  EXPECT_EQ(r.truth_id, 1u);
  EXPECT_FALSE(r.fratricide);
  EXPECT_EQ(w.entity(1).state, world::EntityState::kKilled);
  EXPECT_EQ(units[0]->status().free_channels, 2);
  EXPECT_LT(r.miss_distance_m, 5.0);
  EXPECT_GT(r.kill_probability, 0.96);  // exp(-(5/20)^2 / 2) = 0.969
  EXPECT_LE(r.end_time_s, now_s);
  EXPECT_GT(r.end_time_s, now_s - 0.1);
  // Where it met the aircraft: 60 km out less 250 m/s x the time of flight, at 5000 m.
  EXPECT_NEAR(r.intercept_enu_m.y(), 60'000.0 - 250.0 * r.end_time_s, 50.0);
  EXPECT_TRUE(r.reason.empty());
}

// Command guidance needs the fire-control radar. Its radar going silent 10 s into the flight
// (the seeker far from locking, the aircraft some 40 km off) loses the missile: it self-destructs
// where it is, the aircraft flies on, the channel is free. Going silent 0.3 s before the
// intercept, with the seeker locked, changes nothing: the missile homes on alone and kills.
TEST_F(EndgameTest, AMissileWhoseFireControlRadarGoesSilentBeforeItsSeekerLocksIsLost) {
  const Resolution whole = engage(0);
  ASSERT_EQ(whole.outcome, Outcome::kKill);
  const double intercept_s = whole.end_time_s;
  // The same shot again, in a fresh world, flown to `silent_s` and its radar silenced then.
  struct Shot {
    explicit Shot(const scenario::Scenario& s) : w(s), units(units_of(s.fire_units[0], {sam(1.0)})) {
      w.advance(0.0);
      const auto& target = w.entity(1);
      e.fire(0.0, {0, 1, 1, 30.0, target.p_enu_m + target.v_enu_mps * 30.0}, units);
      e.guide({perfect_track(1, target, 0.0)});
    }
    world::World w;
    Arsenal units;
    Engagements e{1};
  };

  Shot early(s);
  EXPECT_TRUE(fly_until_something_ends(early.e, early.w, early.units, 0.0, 10.0).empty());
  EXPECT_TRUE(early.e.lose_guidance(10.0, 1, "another unit's radar", early.units).empty());  // not its unit
  const auto lost = early.e.lose_guidance(10.0, 0, "its fire-control radar went silent", early.units);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].outcome, Outcome::kGuidanceLost);
  EXPECT_EQ(lost[0].reason, "guidance lost: its fire-control radar went silent");
  EXPECT_EQ(lost[0].truth_id, 0u);
  EXPECT_DOUBLE_EQ(lost[0].end_time_s, 10.0);
  EXPECT_GT(lost[0].intercept_enu_m.norm(), 1000.0);  // where it was, well on its way
  EXPECT_EQ(early.e.in_flight(), 0u);
  EXPECT_EQ(early.units[0]->status().free_channels, 2);
  EXPECT_EQ(early.w.entity(1).state, world::EntityState::kFlying);

  Shot late(s);
  const double late_s = std::round((intercept_s - 0.3) * 10.0) / 10.0;
  EXPECT_TRUE(fly_until_something_ends(late.e, late.w, late.units, 0.0, late_s).empty());
  EXPECT_TRUE(late.e.lose_guidance(late_s, 0, "its fire-control radar went silent", late.units).empty());
  const auto ended = fly_until_something_ends(late.e, late.w, late.units, late_s, late_s + 5.0);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].outcome, Outcome::kKill);
}

// A round ordered but still on the rail when the radar goes silent is not launched at all.
TEST_F(EndgameTest, ARoundNotYetLaunchedIsCancelledWhenItsRadarGoesSilent) {
  auto slow = sam(1.0);
  slow.reaction_time_s = 5.0;
  units = units_of(s.fire_units[0], {slow});
  const auto& target = w.entity(1);
  const auto launched = e.fire(0.0, {0, 1, 1, 30.0, target.p_enu_m + target.v_enu_mps * 30.0}, units);
  ASSERT_DOUBLE_EQ(launched[0].launch_time_s, 5.0);
  const auto cancelled = e.lose_guidance(4.9, 0, "its fire-control radar went silent", units);
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0].outcome, Outcome::kAborted);
  EXPECT_EQ(cancelled[0].reason, "launch cancelled: its fire-control radar went silent");
  EXPECT_EQ(units[0]->status().free_channels, 2);
}

// C2 guides an interceptor on the patrolling friendly fighter (identification failed): the
// seeker locks it and the kill is a fratricide.
TEST_F(EndgameTest, AFriendOnTheTrackIsKilledAsFratricide) {
  const auto results = engage_all(0, 3);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kKill);
  EXPECT_EQ(results[0].truth_id, 3u);
  EXPECT_TRUE(results[0].fratricide);
}

// An interceptor whose flight may last only 15 s is still far short of the aircraft 60 km out
// when its time is up, and misses with the reason.
TEST_F(EndgameTest, ATargetBeyondReachIsMissedWithTheReason) {
  auto short_flight = sam(1.0);
  short_flight.dynamics.max_flight_time_s = 15.0;
  units = units_of(s.fire_units[0], {short_flight});
  const Resolution r = engage(0);
  EXPECT_EQ(r.outcome, Outcome::kMiss);
  EXPECT_NEAR(r.end_time_s, 15.0, 0.021);
  EXPECT_EQ(r.reason.rfind("out of time before its seeker found a target", 0), 0u) << r.reason;
  EXPECT_EQ(w.entity(1).state, world::EntityState::kFlying);
}

/// Tracks straight below the aircraft: 1200 m below is out of a 1000 m basket in 3-D, so the
/// seeker never locks and the round ends under it with no target; 800 m below is in.
TEST_F(EndgameTest, TheSeekerBasketIsThreeDimensional) {
  const Resolution far = engage(0, Eigen::Vector3d(0, 0, -1200));
  EXPECT_EQ(far.outcome, Outcome::kNoTarget);
  // It ended where the track led it, 1200 m under the aircraft at the start and a little more
  // since (the track flies straight in the scenario frame, the aircraft level over the curved
  // Earth: 5000 - d^2 / 2R climbs 111 m in the frame from 60 km out to 46.8 km).
  EXPECT_NEAR(far.miss_distance_m, 1311.0, 5.0);
  EXPECT_EQ(far.reason, "nothing in basket (nearest 1311 m, basket 1000 m)");
  EXPECT_EQ(w.entity(1).state, world::EntityState::kFlying);
  const Resolution near = engage(0, Eigen::Vector3d(0, 0, -800));
  EXPECT_EQ(near.outcome, Outcome::kKill);
  EXPECT_LT(near.miss_distance_m, 5.0);  // locked at 800 m, it homed on the aircraft itself
}

TEST_F(EndgameTest, NoKillBelowTheFloorOrAboveTheCeiling) {
  auto high_floor = sam(1.0);
  high_floor.min_altitude_m = 6000.0;
  auto low_ceiling = sam(1.0);
  low_ceiling.max_altitude_m = 4000.0;
  units = units_of(s.fire_units[0], {high_floor, low_ceiling});
  const Resolution below = engage(0);
  EXPECT_EQ(below.outcome, Outcome::kNoTarget);
  EXPECT_EQ(below.reason, "below floor (Raid-1 at 5000 m, floor 6000 m)");
  const Resolution above = engage(1);
  EXPECT_EQ(above.outcome, Outcome::kNoTarget);
  EXPECT_EQ(above.reason, "above ceiling (Raid-1 at 5000 m, ceiling 4000 m)");
  EXPECT_EQ(above.truth_id, 0u);
  EXPECT_TRUE(w.entity(1).flying());
}

// A salvo of two on one track: both lock the aircraft and fly the same flyout; the first kills
// it, the second, resolved after it in the same step, finds it destroyed.
TEST_F(EndgameTest, ASecondRoundFindsItsTargetAlreadyDestroyed) {
  const auto results = engage_all(0, 1, Eigen::Vector3d::Zero(), 2);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, Outcome::kKill);
  EXPECT_EQ(results[1].outcome, Outcome::kNoTarget);
  EXPECT_EQ(results[1].reason.rfind("target already destroyed (Raid-1 at ", 0), 0u) << results[1].reason;
}

// A miss distance drawn many times: the warhead kills at Pk(miss) (kill_probability.h), so a
// round whose track, and so whose seeker's lock, is perfect but whose lethal radius is tiny
// against its miss survives.
TEST_F(EndgameTest, TheKillIsDrawnAtTheMissDistancesProbability) {
  auto tiny_warhead = sam(1.0);
  tiny_warhead.dynamics.lethal_radius_m = 1e-3;
  units = units_of(s.fire_units[0], {tiny_warhead});
  const Resolution r = engage(0);
  EXPECT_EQ(r.outcome, Outcome::kMiss);
  EXPECT_EQ(r.truth_id, 1u);
  EXPECT_LT(r.kill_probability, 1e-6);
  EXPECT_EQ(r.reason.rfind("survived the warhead", 0), 0u) << r.reason;
}

}  // namespace
}  // namespace rampart::engagement

namespace rampart::engagement {
namespace {

/// A squadron of 250 m/s fighters at 6000 m whose missiles (four, Pk 1, 1000 m/s, 2 km basket,
/// 30 km range) are the tests'.
scenario::FighterSquadron eagles() {
  scenario::FighterSquadron sq;
  sq.name = "Eagle";
  sq.speed_mps = 250.0;
  sq.altitude_m = 6000.0;
  sq.rcs_m2 = 5.0;
  sq.missiles = 4;
  sq.missile_range_m = 30'000.0;
  sq.missile_seeker_basket_m = 2000.0;
  sq.kill_probability = 1.0;
  return sq;
}

// An air-to-air missile whose aim point ends up nearer its own launcher than any target (the
// fighter closed on the point) finds nothing: its seeker does not home on the aircraft that
// fired it.
TEST(AirToAir, TheSeekerNeverHomesOnItsOwnLauncher) {
  auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  world::World w(s);
  const std::uint32_t fighter = w.launch("Eagle-1", eagles(), {0.0, 30'000.0}, eagles().altitude_m, 0.0);
  w.advance(0.0);
  Engagements e(1);
  Arsenal arsenal;
  arm_fighter(arsenal, eagles(), w, fighter);
  const Eigen::Vector3d aim_enu_m = w.entity(fighter).p_enu_m + Eigen::Vector3d(0.0, 0.0, 100.0);
  e.fire(0.0, {0, 7, 1, 5.0, aim_enu_m}, arsenal);
  const auto results = fly_until_something_ends(e, w, arsenal, 0.0, 60.0);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, Outcome::kNoTarget);
  EXPECT_NE(results[0].truth_id, fighter);
  EXPECT_FALSE(results[0].fratricide);
  EXPECT_EQ(w.entity(fighter).state, world::EntityState::kFlying);
}

// The fighter's missiles: launched at once from where the aircraft is, reported to C2 as its
// launch, no altitude limits, and the magazine empties.
TEST(AirToAir, MissilesLeaveAtOnceFromTheAircraftAndTheMagazineEmpties) {
  auto s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml");
  world::World w(s);
  const std::uint32_t fighter = w.launch("Eagle-1", eagles(), {0.0, 30'000.0}, eagles().altitude_m, 0.0);
  w.advance(0.0);
  Arsenal arsenal = make_fire_units(s, w.frame());
  const std::size_t index = arsenal.size();
  arm_fighter(arsenal, eagles(), w, fighter);
  const Effector& missiles = *arsenal[index];
  EXPECT_EQ(missiles.name(), "Eagle-1");
  const messages::WeaponStatus status = missiles.status();
  EXPECT_EQ(status.fire_unit, index);
  EXPECT_EQ(status.p_enu_m, w.entity(fighter).p_enu_m);
  EXPECT_DOUBLE_EQ(status.type.max_range_m, 30'000.0);
  EXPECT_DOUBLE_EQ(status.type.interceptor_speed_mps, 1000.0);
  EXPECT_EQ(status.ready_rounds, 4);
  Engagements e(1);
  const auto launched = e.fire(12.0, {index, 7, 1, 8.0, Eigen::Vector3d::Zero()}, arsenal);
  ASSERT_EQ(launched.size(), 1u);
  EXPECT_DOUBLE_EQ(launched[0].launch_time_s, 12.0);
  EXPECT_DOUBLE_EQ(launched[0].intercept_time_s, 20.0);
  EXPECT_FALSE(launched[0].surface_to_air());
  EXPECT_EQ(launched[0].p_launch_enu_m, w.entity(fighter).p_enu_m);  // from the aircraft, at its velocity
  EXPECT_EQ(launched[0].v_launcher_enu_mps, w.entity(fighter).v_enu_mps);
  EXPECT_EQ(launched[0].shooter, "Eagle-1");
  EXPECT_DOUBLE_EQ(launched[0].seeker_basket_m, 2000.0);
  EXPECT_EQ(launched[0].min_altitude_m, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(launch_report(launched[0]).fighter_entity, fighter);
  e.fire(12.0, {index, 7, 3, 8.0, Eigen::Vector3d::Zero()}, arsenal);
  EXPECT_EQ(missiles.rounds_left(), 0);
  EXPECT_EQ(missiles.status().ready_rounds, 0);
}

}  // namespace
}  // namespace rampart::engagement
