// The flyout, the kill probability and the launch acceptability region against hand-worked values.
#include <gtest/gtest.h>

#include <cmath>

#include "core/atmosphere.h"
#include "engagement/flyout.h"
#include "engagement/kill_probability.h"
#include "engagement/launch_region.h"
#include "scenario/loader.h"

namespace rampart::engagement {
namespace {

/// A constant-speed interceptor: to 1000 m/s in 0.1 s, no drag, 40 g.
messages::InterceptorDynamics constant_speed() {
  return {.boost_s = 0.1,
          .boost_accel_mps2 = (1000.0 - kLaunchSpeed_mps) / 0.1,
          .drag_area_per_mass_m2pkg = 0.0,
          .max_g = 40.0,
          .min_speed_mps = 100.0,
          .max_flight_time_s = 200.0};
}

// Launched level at 5000 m (gravity all lateral, compensated) at a target 30 km north crossing
// east at 200 m/s. The collision triangle by hand: (v^2 - s^2) t^2 + 2 d.v t + d^2 = 0 with
// d.v = 0: t^2 = 9e8 / (1e6 - 4e4) = 937.5, t = 30.619 s, at (6123.7, 30000, 5000). Proportional
// navigation launched on it flies it: the miss is under a metre and it arrives late by the boost,
// 0.1 s at a mean 515 m/s instead of 1000 (0.05 s).
TEST(Flyout, ProportionalNavigationFliesTheCollisionTriangle) {
  const Eigen::Vector3d launcher(0, 0, 5000), target(0, 30'000, 5000), v(200, 0, 0);
  const Eigen::Vector3d pip(200.0 * std::sqrt(937.5), 30'000, 5000);
  const FlyoutResult f = fly(constant_speed(), launcher, Eigen::Vector3d::Zero(), false, pip, target, v, 0.0);
  EXPECT_EQ(f.end, FlyoutEnd::kClosestApproach);
  EXPECT_LT(f.miss_distance_m, 1.0);
  EXPECT_NEAR(f.time_of_flight_s, std::sqrt(937.5) + 0.05, 0.03);
  EXPECT_LT((f.p_end_enu_m - pip).norm(), 20.0);  // 0.05 s late: 10 m farther along the target's path
  EXPECT_NEAR(f.speed_mps, 1000.0, 1.0);
}

// Launched aimed a little off (at the target's present position, a pure-pursuit start), PN
// still converges on the target.
TEST(Flyout, ProportionalNavigationCorrectsAnAimError) {
  const Eigen::Vector3d launcher(0, 0, 5000), target(0, 30'000, 5000), v(200, 0, 0);
  const FlyoutResult f = fly(constant_speed(), launcher, Eigen::Vector3d::Zero(), false, target, target, v, 0.0);
  EXPECT_EQ(f.end, FlyoutEnd::kClosestApproach);
  EXPECT_LT(f.miss_distance_m, 1.0);
  EXPECT_GT(f.time_of_flight_s, std::sqrt(937.5));  // a curved path is longer than the triangle
}

// Straight up at a target far overhead: thrust 100 m/s^2 for 5 s against gravity, no drag, from
// 30 m/s: 30 + (100 - 9.80665) x 5 = 480.97 m/s at burnout, 5 s x (30 + 480.97) / 2 = 1277.4 m up.
TEST(Flyout, TheBoostAgainstGravityByHand) {
  messages::InterceptorDynamics d;
  d.boost_s = 5.0;
  d.boost_accel_mps2 = 100.0;
  d.drag_area_per_mass_m2pkg = 0.0;
  FlyoutState s = launch_state(Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero(), Eigen::Vector3d(0, 0, 1e6), true);
  for (int k = 0; k < 250; ++k)
    EXPECT_EQ(flyout_step(s, d, 0.0, Eigen::Vector3d(0, 0, 1e6), Eigen::Vector3d::Zero(), 0.02).end, FlyoutEnd::kFlying);
  EXPECT_NEAR(s.v_enu_mps.z(), 480.967, 1e-3);
  EXPECT_NEAR(s.p_enu_m.z(), 1277.42, 0.01);
  EXPECT_NEAR(s.v_enu_mps.head<2>().norm(), 0.0, 1e-9);
}

// One coasting step of drag at sea level, level flight at 800 m/s with C_dA/m = 1e-4:
// D = 0.5 x 1.225 x 800^2 x 1e-4 = 39.2 m/s^2, so 0.02 s takes 0.784 m/s off the speed.
TEST(Flyout, DragByHand) {
  messages::InterceptorDynamics d;
  d.boost_s = 0.0;
  d.boost_accel_mps2 = 1.0;
  d.drag_area_per_mass_m2pkg = 1e-4;
  FlyoutState s{Eigen::Vector3d(0, 0, 0), Eigen::Vector3d(0, 800, 0), 10.0, true};
  flyout_step(s, d, 0.0, Eigen::Vector3d(0, 1e6, 0), Eigen::Vector3d::Zero(), 0.02);
  EXPECT_NEAR(s.v_enu_mps.y(), 800.0 - 0.784, 1e-9);
  EXPECT_NEAR(s.v_enu_mps.z(), 0.0, 1e-9);  // gravity compensated by the guidance's lift
}

// The lateral limit: 30 g at sea level and 400 m/s (q = 98 kPa, above full control); at 20 km,
// rho = 1.225 e^(-20000/8500) = 0.116484, q = 9318.7 Pa: 30 g x 0.186375 = 54.83 m/s^2.
TEST(Flyout, TheGLimitShrinksWithDynamicPressure) {
  messages::InterceptorDynamics d;
  d.max_g = 30.0;
  EXPECT_NEAR(max_lateral_accel_mps2(d, 0.0, 400.0), 30.0 * 9.80665, 1e-9);
  EXPECT_NEAR(air_density_kgpm3(20'000.0), 0.116484, 1e-6);
  EXPECT_NEAR(max_lateral_accel_mps2(d, 20'000.0, 400.0), 54.83, 0.01);
}

// Out of energy: a round whose boost gives 300 m/s, coasting against heavy drag, falls under its
// 250 m/s minimum speed long before a target 40 km away.
TEST(Flyout, ATargetBeyondReachIsMissedOutOfEnergy) {
  messages::InterceptorDynamics d;
  d.boost_s = 3.0;
  d.boost_accel_mps2 = 100.0;
  d.drag_area_per_mass_m2pkg = 1e-4;
  d.min_speed_mps = 250.0;
  const Eigen::Vector3d target(0, 40'000, 3000);
  const FlyoutResult f = fly(d, Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero(), true, target, target,
                             Eigen::Vector3d(0, -200, 0), 0.0);
  EXPECT_EQ(f.end, FlyoutEnd::kOutOfEnergy);
  EXPECT_LT(f.speed_mps, 250.0);
  EXPECT_GT(f.miss_distance_m, 20'000.0);
  EXPECT_STREQ(to_string(f.end), "out of energy");
}

// Carleton by hand: Pk0 0.8, lethal radius 20 m: 0.8 at 0, 0.8 e^-1/2 = 0.48522 at 20 m,
// 0.8 e^-2 = 0.10827 at 40 m; a cruise missile is 0.85 as vulnerable: 0.68 at 0.
TEST(KillProbability, CarletonByHand) {
  EXPECT_DOUBLE_EQ(kill_probability(0.8, 0.0, 20.0, "strike_aircraft"), 0.8);
  EXPECT_NEAR(kill_probability(0.8, 20.0, 20.0, "strike_aircraft"), 0.48522, 1e-5);
  EXPECT_NEAR(kill_probability(0.8, 40.0, 20.0, "fighter"), 0.10827, 1e-5);
  EXPECT_NEAR(kill_probability(0.8, 0.0, 20.0, "cruise_missile"), 0.68, 1e-12);
  EXPECT_DOUBLE_EQ(vulnerability("drone"), 1.0);
  // A re-entry vehicle is 0.6 as vulnerable: 0.8 x 0.6 e^-1/2 = 0.29113 at 20 m.
  EXPECT_NEAR(kill_probability(0.8, 20.0, 20.0, "ballistic_missile"), 0.29113, 1e-5);
}

// A 2 x 2 reach table by hand: 10 s, 20 s at 1 km up; 30 s, 40 s at 10 km out (bilinear: 25 s
// in the middle, 17.5 s a quarter out and halfway up). No answer outside the grid, nor once a
// corner is unreachable.
TEST(InterceptReach, InterpolatesBilinearlyByHand) {
  messages::InterceptReach reach;
  reach.ground_m = {0.0, 10'000.0};
  reach.height_m = {0.0, 1000.0};
  reach.time_of_flight_s = {10.0, 20.0, 30.0, 40.0};
  EXPECT_DOUBLE_EQ(*reach.time_of_flight_s_to(5000.0, 500.0), 25.0);
  EXPECT_DOUBLE_EQ(*reach.time_of_flight_s_to(2500.0, 500.0), 20.0);
  EXPECT_DOUBLE_EQ(*reach.time_of_flight_s_to(10'000.0, 1000.0), 40.0);
  EXPECT_FALSE(reach.time_of_flight_s_to(10'001.0, 500.0));
  EXPECT_FALSE(reach.time_of_flight_s_to(5000.0, -1.0));
  reach.time_of_flight_s[reach.point(1, 1)] = -1.0;
  EXPECT_FALSE(reach.time_of_flight_s_to(5000.0, 500.0));
}

// A 2 x 2 x 2 table by hand: max ranges 10 km at (0 m, 0 m/s, 0 m/s), doubling along height,
// +4 km along inbound, -2 km along crossing. Halfway on every axis: 10 x 1.5 + 2 - 1 = 16 km.
// Outside the grid the edge holds. Times of flight 0 at fraction 0 and 10 s at 1 in every cell
// but the (1000 m, 100, 100) one (unreachable, 0 km: left out of the time's mean).
TEST(LaunchRegion, InterpolatesMultilinearlyByHand) {
  messages::LaunchRegion lar;
  lar.height_m = {0.0, 1000.0};
  lar.inbound_mps = {0.0, 100.0};
  lar.crossing_mps = {0.0, 100.0};
  lar.range_fraction = {0.0, 1.0};
  lar.max_range_m.resize(8);
  lar.time_of_flight_s.resize(16);
  for (std::size_t h = 0; h < 2; ++h)
    for (std::size_t i = 0; i < 2; ++i)
      for (std::size_t c = 0; c < 2; ++c) {
        const std::size_t cell = lar.cell(h, i, c);
        lar.max_range_m[cell] = 10'000.0 * (h ? 2.0 : 1.0) + 4000.0 * static_cast<double>(i) - 2000.0 * static_cast<double>(c);
        lar.time_of_flight_s[cell * 2 + 1] = 10.0;
      }
  EXPECT_DOUBLE_EQ(lar.max_launch_range_m({0.0, 0.0, 0.0}), 10'000.0);
  EXPECT_DOUBLE_EQ(lar.max_launch_range_m({500.0, 50.0, 50.0}), 16'000.0);
  EXPECT_DOUBLE_EQ(lar.max_launch_range_m({5000.0, 0.0, -10.0}), 20'000.0);
  EXPECT_DOUBLE_EQ(lar.time_of_flight_s_at({500.0, 50.0, 50.0}, 8000.0), 5.0);
  lar.max_range_m[lar.cell(1, 1, 1)] = 0.0;
  EXPECT_DOUBLE_EQ(lar.time_of_flight_s_at({1000.0, 100.0, 100.0}, 1000.0), 0.0);
  EXPECT_DOUBLE_EQ(lar.time_of_flight_s_at({900.0, 100.0, 100.0}, 1000.0) > 0.0, true);
}

class DefaultWeapons : public ::testing::Test {
 protected:
  scenario::Scenario s = scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
  const scenario::WeaponType& lr = s.weapon_types.at(0);
  std::shared_ptr<const messages::LaunchRegion> lar = launch_region_of(lr);
};

// The LR-SAM of the default scenario: at 12.5 km against a non-crossing target the guidance
// limit (120 km, plus what the target closes in the flight) or the energy bounds the reach; it
// shrinks with crossing speed; and at the top of the envelope (25 km) it is shorter than at 21
// km (the thin air leaves too little turn at the end).
TEST_F(DefaultWeapons, TheMaximumRangeShrinksWithCrossingSpeedAndAtTheTopOfTheEnvelope) {
  EXPECT_EQ(lr.name, "LR-SAM");
  for (const double inbound_mps : {0.0, 300.0}) {
    const double still = lar->max_launch_range_m({12'525.0, inbound_mps, 0.0});
    const double crossing_400 = lar->max_launch_range_m({12'525.0, inbound_mps, 400.0});
    const double crossing_600 = lar->max_launch_range_m({12'525.0, inbound_mps, 600.0});
    EXPECT_GT(still, crossing_400 + 5000.0) << inbound_mps;
    EXPECT_GT(crossing_400, crossing_600 + 5000.0) << inbound_mps;
    EXPECT_GT(lar->max_launch_range_m({20'842.0, inbound_mps, 0.0}),
              lar->max_launch_range_m({25'000.0, inbound_mps, 0.0}) + 2000.0)
        << inbound_mps;
  }
  // An inbound target can be launched on from farther than a still one: it closes in the flight.
  EXPECT_GT(lar->max_launch_range_m({8000.0, 300.0, 0.0}), lar->max_launch_range_m({8000.0, 0.0, 0.0}) + 10'000.0);
}

// The table's edge is the flyout's: just inside it the flyout reaches the target, 3 km beyond it
// it does not; the table's time of flight at 3/4 of the edge is the flyout's to within 2 %.
TEST_F(DefaultWeapons, TheTableAgreesWithTheFlyout) {
  const messages::LaunchRegion::Target target{lar->height_m[2], 300.0, 400.0};
  const double edge_m = lar->max_launch_range_m(target);
  EXPECT_TRUE(reaches(lr, fly_launch_case(lr, target, edge_m - 200.0)));
  EXPECT_FALSE(reaches(lr, fly_launch_case(lr, target, edge_m + 3000.0)));
  const FlyoutResult f = fly_launch_case(lr, target, 0.75 * edge_m);
  EXPECT_NEAR(lar->time_of_flight_s_at(target, 0.75 * edge_m), f.time_of_flight_s, 0.02 * f.time_of_flight_s);
}

// The g limit reduces the reach against a crossing target: high up (20.8 km), where the thin air
// leaves a fraction of max_g (flyout.h), the LR-SAM at 12 g instead of 25 g loses reach against a
// 600 m/s crossing target: between the two edges the 25 g round reaches it, the 12 g one not.
TEST_F(DefaultWeapons, TheGLimitReducesTheReachAgainstACrossingTarget) {
  scenario::WeaponType weak = lr;
  weak.dynamics.max_g = 12.0;
  const auto weak_lar = launch_region_of(weak);
  const messages::LaunchRegion::Target crossing{20'842.0, 0.0, 600.0};
  const double strong_crossing_m = lar->max_launch_range_m(crossing), weak_crossing_m = weak_lar->max_launch_range_m(crossing);
  EXPECT_LT(weak_crossing_m, strong_crossing_m - 5000.0);
  const double between_m = 0.5 * (strong_crossing_m + weak_crossing_m);
  EXPECT_TRUE(reaches(lr, fly_launch_case(lr, crossing, between_m)));
  EXPECT_FALSE(reaches(weak, fly_launch_case(weak, crossing, between_m)));
}

}  // namespace
}  // namespace rampart::engagement
