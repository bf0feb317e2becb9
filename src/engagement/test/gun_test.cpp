// The gun mount against hand-worked values: the projectile's time of flight with drag, the
// burst's arrival, the kill probability of a burst from the dispersion model, the mount's bursts
// and ammunition, and the resolution of a burst against truth.
#include "engagement/gun.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engagement/engagements.h"
#include "messages/gun_ballistics.h"
#include "scenario/loader.h"

namespace rampart::engagement {
namespace {

/// A notional 20 mm C-RAM: 4500 rounds/min in bursts of 100 (1.32 s), 1100 m/s, C_d A / m 4e-4
/// (k = 2.45e-4 /m), 2 mrad, 2 m/s, kill given hit 0.3, 2 km.
messages::GunCharacteristics cram() {
  return {.rate_of_fire_rpm = 4500.0,
          .burst_rounds = 100,
          .ammunition_rounds = 1550,
          .muzzle_velocity_mps = 1100.0,
          .drag_area_per_mass_m2pkg = 4e-4,
          .dispersion_mrad = 2.0,
          .prediction_error_mps = 2.0,
          .kill_given_hit = 0.3};
}

scenario::WeaponType cram_type(double max_altitude_m = 3000.0) {
  scenario::WeaponType t{.name = "C-RAM", .min_range_m = 0.0, .max_range_m = 2000.0, .min_altitude_m = 0.0,
                         .max_altitude_m = max_altitude_m};
  t.seeker_basket_m = 200.0;
  t.reaction_time_s = 2.0;
  t.gun = cram();
  t.interceptor_speed_mps = 2000.0 / t.gun->time_of_flight_s(2000.0);
  t.kill_probability = planning_kill_probability(*t.gun, t.max_range_m);
  return t;
}

TEST(GunBallistics, TimeOfFlightWithQuadraticDragByHand) {
  const messages::GunCharacteristics g = cram();
  EXPECT_DOUBLE_EQ(g.drag_per_m(), 2.45e-4);
  // t(1000 m) = (e^0.245 - 1) / (2.45e-4 x 1100) = 0.27762 / 0.2695.
  EXPECT_NEAR(g.time_of_flight_s(1000.0), 1.030135, 1e-6);
  EXPECT_NEAR(g.speed_at_mps(1000.0), 1100.0 * std::exp(-0.245), 1e-9);  // 860.97 m/s
  EXPECT_NEAR(g.speed_at_mps(1000.0), 860.975, 1e-3);
  // No drag: s / v_0.
  messages::GunCharacteristics no_drag = g;
  no_drag.drag_area_per_mass_m2pkg = 0.0;
  EXPECT_DOUBLE_EQ(no_drag.time_of_flight_s(1000.0), 1000.0 / 1100.0);
  // (100 - 1) rounds x 60 / 4500 per minute.
  EXPECT_DOUBLE_EQ(g.burst_s(), 1.32);
}

TEST(GunBallistics, TheMiddleRoundMeetsTheTargetWhereItWillBe) {
  const messages::GunCharacteristics g = cram();
  // Standing still 1000 m up: half the burst, 0.66 s, then the 1.0301 s flight.
  const auto still = messages::burst_arrival(g, {0.0, 1000.0, 0.0}, Eigen::Vector3d::Zero());
  ASSERT_TRUE(still);
  EXPECT_NEAR(still->time_s, 1.690135, 1e-6);
  EXPECT_NEAR(still->range_m, 1000.0, 1e-9);
  // Inbound at 250 m/s: T = 0.66 + t(1000 - 250 T), solved by hand by iteration: T = 1.321525 s,
  // met at 669.619 m after a 0.661525 s flight.
  const auto inbound = messages::burst_arrival(g, {0.0, 1000.0, 0.0}, {0.0, -250.0, 0.0});
  ASSERT_TRUE(inbound);
  EXPECT_NEAR(inbound->time_s, 1.321525, 1e-5);
  EXPECT_NEAR(inbound->range_m, 669.619, 1e-3);
  EXPECT_NEAR(inbound->time_of_flight_s, 0.661525, 1e-5);
  // Going away as fast as the round cannot be caught.
  EXPECT_FALSE(messages::burst_arrival(g, {0.0, 1000.0, 0.0}, {0.0, 2000.0, 0.0}));
}

TEST(Gun, KillProbabilityPerBurstByHand) {
  const messages::GunCharacteristics g = cram();
  // A drone (a = 0.6 m) at 1000 m: sigma^2 = (2 m)^2 + (2 m/s x 1.030135 s)^2 = 8.24471 m^2,
  // p_hit = 1 - exp(-0.36 / 16.48942) = 0.0215956, Pk = 1 - (1 - 0.3 p_hit)^100 = 0.477941.
  EXPECT_NEAR(round_miss_sigma_m(g, 1000.0, g.time_of_flight_s(1000.0)), std::sqrt(8.24471), 1e-5);
  EXPECT_NEAR(burst_kill_probability(g, 100, 1000.0, "drone"), 0.477941, 1e-6);
  // A cruise missile (a = 0.35 m, vulnerability 0.85) at the same range: 0.172144.
  EXPECT_NEAR(burst_kill_probability(g, 100, 1000.0, "cruise_missile"), 0.172144, 1e-6);
  // At 2000 m the drone: sigma 6.166 m, Pk 0.132202.
  EXPECT_NEAR(burst_kill_probability(g, 100, 2000.0, "drone"), 0.132202, 1e-6);
  // Fewer rounds, less: one round is p_hit x 0.3.
  EXPECT_NEAR(burst_kill_probability(g, 1, 1000.0, "drone"), 0.3 * 0.0215956, 1e-7);
  EXPECT_DOUBLE_EQ(burst_kill_probability(g, 0, 1000.0, "drone"), 0.0);
  // C2's planning figure: a full burst at half the range (1000 m) against a drone.
  EXPECT_DOUBLE_EQ(planning_kill_probability(g, 2000.0), burst_kill_probability(g, 100, 1000.0, "drone"));
}

TEST(Gun, ReportsBurstsAndSpendsItsAmmunition) {
  const scenario::FireUnit spec{.name = "CRAM-1", .position = {100.0, 200.0}, .site_alt_m = 10.0};
  Gun gun(3, spec, cram_type(), Eigen::Vector3d(100.0, 200.0, 10.0));
  // 1550 rounds: 15 full bursts and a short one.
  EXPECT_EQ(gun.status().ready_rounds, 16);
  EXPECT_EQ(gun.status().free_channels, 1);
  EXPECT_EQ(gun.status().fire_unit, 3u);
  EXPECT_EQ(gun.update(100.0), 0);
  const auto bursts = gun.launch(5.0, {3, 9, 1, 1.5, Eigen::Vector3d(100.0, 1200.0, 300.0)});
  ASSERT_EQ(bursts.size(), 1u);
  ASSERT_TRUE(bursts[0].burst);
  EXPECT_EQ(bursts[0].burst->rounds, 100);
  EXPECT_DOUBLE_EQ(bursts[0].launch_time_s, 7.0);  // the 2 s reaction
  EXPECT_EQ(*bursts[0].fire_control_site_m, Eigen::Vector3d(100.0, 200.0, 20.0));  // a 10 m antenna
  EXPECT_EQ(gun.status().free_channels, 0);
  EXPECT_EQ(gun.rounds_left(), 15);
  gun.release_channel();
  for (int k = 0; k < 14; ++k) {
    gun.launch(10.0 + k, {3, 9, 1, 1.5, Eigen::Vector3d::Zero()});
    gun.release_channel();
  }
  const auto last = gun.launch(30.0, {3, 9, 1, 1.5, Eigen::Vector3d::Zero()});
  EXPECT_EQ(last[0].burst->rounds, 50);  // what was left
  EXPECT_EQ(gun.rounds_left(), 0);
}

/// The minimal scenario's first raid aircraft (5000 m, 250 m/s inbound), and a C-RAM ahead of it
/// at its height.
class GunEngagement : public ::testing::Test {
 protected:
  /// A burst of `type` from ahead_m in front of the aircraft at its first round (2 s), ordered
  /// at 0 s aimed at the aircraft (then
  /// guided on a perfect track of it unless `untracked`); run at 0.1 s steps until it ends (at
  /// t_end_s).
  Resolution burst(const scenario::WeaponType& type, double ahead_m, std::uint64_t seed, bool untracked = false) {
    world::World w(s);
    w.advance(0.0);
    const world::Entity& a = w.entity(1);
    EXPECT_NEAR(a.v_enu_mps.norm(), 250.0, 1e-6);
    // ahead_m in front of where it will be at the first round, the reaction time after the order.
    world::World probe(s);
    for (int k = 0; k <= static_cast<int>(std::lround(type.reaction_time_s / 0.1)); ++k) probe.advance(0.1 * k);
    const world::Entity& then = probe.entity(1);
    p_gun_enu_m = then.p_enu_m + then.v_enu_mps.normalized() * ahead_m;
    Arsenal arsenal;
    arsenal.push_back(std::make_unique<Gun>(0, s.fire_units[0], type, p_gun_enu_m));
    Engagements e(seed);
    e.fire(0.0, {0, 1, 1, 1.5, a.p_enu_m}, arsenal);
    messages::TrackState track;
    track.id = 1;
    track.x << a.p_enu_m, a.v_enu_mps;
    if (!untracked) e.guide({track});
    for (int k = 1; k <= 100; ++k) {
      t_end_s = 0.1 * k;
      w.advance(t_end_s);
      auto ended = e.resolve(t_end_s, w, arsenal);
      if (ended.empty()) continue;
      EXPECT_EQ(ended.size(), 1u);
      EXPECT_EQ(arsenal[0]->status().free_channels, 1);
      return ended[0];
    }
    ADD_FAILURE() << "the burst never ended";
    return {};
  }
  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                                      "/src/scenario/test/data/minimal.yaml");
  Eigen::Vector3d p_gun_enu_m;
  double t_end_s = 0.0;
};

TEST_F(GunEngagement, TheBurstEndsWhenItsMiddleRoundArrivesWithTheModelsKillProbability) {
  auto type = cram_type(10'000.0);
  type.gun->kill_given_hit = 0.001;  // a hardly vulnerable aircraft: a draw that can go either way
  const Resolution r = burst(type, 1000.0, 7);
  // Fired at 2 s; the middle round meets the aircraft 1.321525 s later, 669.6 m out.
  EXPECT_NEAR(r.end_time_s, 3.321525, 1e-4);
  EXPECT_NEAR(t_end_s, 3.4, 1e-9);  // the first step at or after it
  // The aircraft holds its height over the curved Earth; the hand-worked line is straight.
  EXPECT_NEAR((r.intercept_enu_m - p_gun_enu_m).norm(), 669.619, 0.5);
  EXPECT_NEAR(r.miss_distance_m, round_miss_sigma_m(*type.gun, 669.619, 0.661525), 2e-3);
  EXPECT_NEAR(r.kill_probability, burst_kill_probability(*type.gun, 100, 669.619, "strike_aircraft"), 1e-4);
  EXPECT_GT(r.kill_probability, 0.05);
  EXPECT_LT(r.kill_probability, 0.95);
  EXPECT_TRUE(r.outcome == Outcome::kKill || r.outcome == Outcome::kMiss);
  // The same seed gives the same outcome; over seeds both come.
  EXPECT_EQ(burst(type, 1000.0, 7).outcome, r.outcome);
  int kills = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) kills += burst(type, 1000.0, seed).outcome == Outcome::kKill;
  EXPECT_GT(kills, 0);
  EXPECT_LT(kills, 40);
}

TEST_F(GunEngagement, BeyondItsRangeTheBurstMisses) {
  // From 3000 m the middle round meets it 2180 m out, past the 2 km range.
  const Resolution r = burst(cram_type(10'000.0), 3000.0, 7);
  EXPECT_EQ(r.outcome, Outcome::kMiss);
  EXPECT_GT((r.intercept_enu_m - p_gun_enu_m).norm(), 2000.0);
  EXPECT_EQ(r.reason.rfind("beyond the gun's effective range", 0), 0u) << r.reason;
}

TEST_F(GunEngagement, AboveItsCeilingNothingIsKilled) {
  const Resolution r = burst(cram_type(3000.0), 1000.0, 7);  // the aircraft flies at 5000 m
  EXPECT_EQ(r.outcome, Outcome::kNoTarget);
  EXPECT_EQ(r.reason.rfind("above ceiling", 0), 0u) << r.reason;
}

TEST_F(GunEngagement, NothingInTheTrackingGateIsNoTarget) {
  // Aimed where the aircraft was at 0 s and never told more: at the first round (2 s) it is 500 m
  // on, far outside the 200 m gate.
  const Resolution r = burst(cram_type(10'000.0), 1000.0, 7, true);
  EXPECT_EQ(r.outcome, Outcome::kNoTarget);
  EXPECT_EQ(r.reason.rfind("nothing in basket", 0), 0u) << r.reason;
}

}  // namespace
}  // namespace rampart::engagement
