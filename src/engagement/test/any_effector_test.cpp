// The test set every effector kind passes (as every sensor passes any_sensor_test.cpp): built by
// the factory, it reports itself to C2 truthfully, commits what it launches, and frees its
// channels when its interceptors end. A new kind adds one line to kKinds.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "engagement/engagements.h"
#include "engagement/factory.h"
#include "scenario/loader.h"

namespace rampart::engagement {
namespace {

struct Kind {
  std::string name;
  /// Adds one effector of the kind to `arsenal` (after the scenario's fire units) and returns its index.
  std::function<std::size_t(Arsenal&, world::World&, const scenario::Scenario&)> make;
};

const Kind kKinds[] = {
    {"SamFireUnit", [](Arsenal&, world::World&, const scenario::Scenario&) { return std::size_t{0}; }},
    {"FighterAirToAir",
     [](Arsenal& a, world::World& w, const scenario::Scenario&) {
       scenario::FighterSquadron sq{.name = "Eagle", .speed_mps = 250.0, .altitude_m = 6000.0, .rcs_m2 = 5.0};
       sq.missiles = 4;
       sq.missile_range_m = 30'000.0;
       sq.kill_probability = 0.7;
       const std::uint32_t id = w.launch("Eagle-1", sq, {0.0, 30'000.0}, sq.altitude_m, 0.0);
       w.advance(0.0);
       arm_fighter(a, sq, w, id);
       return a.size() - 1;
     }},
    {"GunMount",
     [](Arsenal& a, world::World& w, const scenario::Scenario& s) {
       // The scenario with a C-RAM mount added, built by the factory; the mount joins at the next index.
       scenario::Scenario with_gun = s;
       scenario::WeaponType type{.name = "C-RAM", .min_range_m = 0.0, .max_range_m = 2000.0,
                                 .min_altitude_m = 0.0, .max_altitude_m = 3000.0};
       type.seeker_basket_m = 200.0;
       type.reaction_time_s = 2.0;
       type.gun = messages::GunCharacteristics{};
       type.interceptor_speed_mps = 2000.0 / type.gun->time_of_flight_s(2000.0);
       with_gun.weapon_types.push_back(type);
       with_gun.fire_units.push_back({.name = "CRAM-1", .weapon_type = with_gun.weapon_types.size() - 1});
       Arsenal built = make_fire_units(with_gun, w.frame());
       a.push_back(std::move(built.back()));
       return a.size() - 1;
     }},
};

class AnyEffector : public ::testing::TestWithParam<Kind> {
 protected:
  AnyEffector() {
    arsenal = make_fire_units(s, world.frame());
    index = GetParam().make(arsenal, world, s);
  }
  Effector& effector() { return *arsenal.at(index); }
  messages::FireOrder order(int rounds) const { return {index, 42, rounds, 10.0, Eigen::Vector3d(1000, 2000, 3000)}; }

  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) +
                                                      "/src/scenario/test/data/minimal.yaml");
  world::World world{s};
  Arsenal arsenal;
  std::size_t index = 0;
};

TEST_P(AnyEffector, ReportsItselfUnderItsIndexWithRoundsAndAnEnvelope) {
  const messages::WeaponStatus status = effector().status();
  EXPECT_EQ(status.fire_unit, index);
  EXPECT_FALSE(effector().name().empty());
  EXPECT_GT(status.ready_rounds, 0);
  EXPECT_GT(status.free_channels, 0);
  EXPECT_GE(effector().rounds_left(), status.ready_rounds);
  EXPECT_GT(status.type.max_range_m, status.type.min_range_m);
  EXPECT_LT(status.type.min_altitude_m, status.type.max_altitude_m);
  EXPECT_GT(status.type.interceptor_speed_mps, 0.0);
  EXPECT_GE(status.type.kill_probability, 0.0);
  EXPECT_LE(status.type.kill_probability, 1.0);
  EXPECT_EQ(effector().update(0.0), 0);  // full: nothing to load
}

TEST_P(AnyEffector, LaunchesWhatItWasOrderedAndCommitsTheRounds) {
  const messages::WeaponStatus before = effector().status();
  const int left = effector().rounds_left();
  const int rounds = std::min(before.ready_rounds, before.free_channels) >= 2 ? 2 : 1;
  const auto launched = effector().launch(3.0, order(rounds));
  ASSERT_EQ(launched.size(), static_cast<std::size_t>(rounds));
  for (const Interceptor& m : launched) {
    EXPECT_EQ(m.effector, index);
    EXPECT_EQ(m.shooter, effector().name());
    EXPECT_EQ(m.track_id, 42u);
    EXPECT_EQ(m.aim_enu_m, Eigen::Vector3d(1000, 2000, 3000));
    EXPECT_DOUBLE_EQ(m.launch_time_s, 3.0 + before.type.reaction_time_s);
    EXPECT_DOUBLE_EQ(m.intercept_time_s, m.launch_time_s + 10.0);
    EXPECT_DOUBLE_EQ(m.kill_probability, before.type.kill_probability);
    EXPECT_DOUBLE_EQ(m.seeker_basket_m, before.type.seeker_basket_m);
    // It flies out from where the effector stands, with the weapon's dynamics.
    EXPECT_EQ(m.p_launch_enu_m, before.p_enu_m);
    EXPECT_DOUBLE_EQ(m.dynamics.max_flight_time_s, before.type.dynamics.max_flight_time_s);
    EXPECT_GT(m.dynamics.boost_s * m.dynamics.boost_accel_mps2, m.dynamics.min_speed_mps);
    EXPECT_LE(m.min_altitude_m, before.type.min_altitude_m);
    EXPECT_GE(m.max_altitude_m, before.type.max_altitude_m);
  }
  EXPECT_EQ(effector().status().ready_rounds, before.ready_rounds - rounds);
  EXPECT_EQ(effector().rounds_left(), left - rounds);
  EXPECT_LE(effector().status().free_channels, before.free_channels);
}

TEST_P(AnyEffector, ItsChannelsAreFreeAgainWhenItsInterceptorsEnd) {
  const int free_before = effector().status().free_channels;
  Engagements e(1);
  const auto launched = e.fire(0.0, order(1), arsenal);
  ASSERT_EQ(launched.size(), 1u);
  EXPECT_EQ(launched[0].id, 1u);
  // Flown in one step to past its longest flight: whatever it met, it has ended.
  const double end_s = launched[0].launch_time_s + launched[0].dynamics.max_flight_time_s + 1.0;
  world.advance(end_s);
  const auto ended = e.resolve(end_s, world, arsenal);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(effector().status().free_channels, free_before);
  EXPECT_EQ(e.in_flight(), 0u);
}

TEST_P(AnyEffector, AnAbortedInterceptorFreesItsChannelToo) {
  Engagements e(1);
  const int free_before = effector().status().free_channels;
  const auto launched = e.fire(0.0, order(1), arsenal);
  const auto aborted = e.abort(launched[0].launch_time_s, 42, arsenal);
  ASSERT_EQ(aborted.size(), 1u);
  EXPECT_EQ(aborted[0].outcome, Outcome::kAborted);
  EXPECT_EQ(effector().status().free_channels, free_before);
}

TEST_P(AnyEffector, AnOrderedRoundNotYetLaunchedIsCancelled) {
  Engagements e(1);
  const int free_before = effector().status().free_channels;
  const auto launched = e.fire(0.0, order(1), arsenal);
  const auto aborted = e.abort(launched[0].launch_time_s - 0.5, 42, arsenal);
  ASSERT_EQ(aborted.size(), 1u);
  EXPECT_EQ(aborted[0].outcome, Outcome::kAborted);
  EXPECT_EQ(aborted[0].reason, "launch cancelled: C2 identified its track friendly");
  EXPECT_EQ(effector().status().free_channels, free_before);
  EXPECT_EQ(e.in_flight(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Kinds, AnyEffector, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<Kind>& kind) { return kind.param.name; });

}  // namespace
}  // namespace rampart::engagement
