// The test set every mover kind passes, whatever its motion (as every sensor passes
// AnySensor's): built through the factory, flown with uneven steps and, where C2 steers the kind,
// steered through a turn, it must not move in a step of zero, never outrun its top speed, have the
// velocity whose integral is its path, fly at its speed (when the kind keeps one) or stand, keep
// its speed continuous (when the kind integrates its motion), stay finished once finished, and
// fly the same path twice. A new kind adds one entry to kKinds.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <memory>
#include <optional>
#include <vector>

#include "core/units.h"
#include "world/mover_factory.h"

namespace rampart::world {
namespace {

struct Kind {
  const char* name;
  std::function<std::unique_ptr<Mover>()> make;
  double speed_mps;     ///< its top speed: whenever it moves, the speed it flies at if constant_speed
  double flight_s;      ///< long enough to see it turn, stop or finish
  /// What C2 orders it at each step, by flight time (nothing for a kind C2 does not steer).
  std::function<void(Mover&, double flight_time_s)> command = [](Mover&, double) {};
  bool constant_speed = true;
  /// The largest derivative of its velocity where the velocity is continuous (an integrating
  /// kind's acceleration bound).
  std::optional<double> max_accel_mps2;
  /// Its velocity may jump (instant turns; a ground vehicle's climb rate at the edges of the
  /// terrain's cells, where the bilinear surface's slope changes).
  bool velocity_jumps = false;
};

/// The surroundings of the test kinds: the map's origin, and a 300 m ridge across x = 2 km.
const Surroundings kAround{
    .origin = {35.0, -30.0, 0.0},
    .terrain = std::make_shared<const environment::Terrain>(environment::Terrain::synthesize(
        {.west_m = -5000, .south_m = -5000, .east_m = 10'000, .north_m = 10'000, .cell_m = 100,
         .ridges = {{2000, -5000, 2000, 10'000, 300, 1000}}}))};

scenario::Manoeuvre limits(double bank_deg, double climb_mps, double accel_mps2) {
  return {.max_lateral_accel_mps2 = kStandardGravity_mps2 * std::tan(deg_to_rad(bank_deg)),
          .max_climb_mps = climb_mps, .max_accel_mps2 = accel_mps2};
}

void PrintTo(const Kind& kind, std::ostream* out) { *out << kind.name; }

const std::vector<Kind> kKinds = {
    {"flight_raid",  // three legs with lead turns, a speed change and a dive, then finished
     [] {
       return make_mover(scenario::Raid{.route = {{0, 0}, {6000, 0}, {6000, 8000, 3000.0, 200.0}, {-2000, 8000}},
                                        .altitude_m = 5000, .speed_mps = 250, .manoeuvre = limits(65, 100, 5)},
                         kAround);
     },
     std::hypot(250.0, 100.0), 100.0, [](Mover&, double) {}, false, 30.0},
    {"flight_patrol",  // a closed 44 km racetrack at 25 deg of bank, round two corners
     [] {
       return make_mover(scenario::Friendly{.kind = scenario::FriendlyKind::kAirborneEarlyWarning,
                                            .route = {{0, 0}, {12'000, 0}, {12'000, 10'000}, {0, 10'000}},
                                            .repeat_route = true,
                                            .altitude_m = 8000, .speed_mps = 150, .manoeuvre = limits(25, 10, 1.5)},
                         kAround);
     },
     150.0, 140.0, [](Mover&, double) {}, true, 10.0},
    {"terrain_following",  // a cruise missile over the ridge at 50 m
     [] {
       scenario::Manoeuvre m = limits(78.5, 30, 3);
       m.clearance_m = 50.0;
       return make_mover(scenario::Raid{.kind = scenario::ThreatKind::kCruiseMissile, .route = {{0, 0}, {5000, 0}},
                                        .altitude_m = 30, .speed_mps = 240, .manoeuvre = m},
                         kAround);
     },
     std::hypot(240.0, 30.0), 25.0, [](Mover&, double) {}, false, 70.0},
    {"helicopter_pop_up",  // to a hold, a pop-up of 40 m for 5 s, and on
     [] {
       return make_mover(scenario::Raid{.kind = scenario::ThreatKind::kHelicopter,
                                        .route = {{0, 0}, {500, 0, std::nullopt, std::nullopt, 3.0,
                                                   scenario::PopUp{40.0, 5.0}}, {500, 600}},
                                        .altitude_m = 30, .speed_mps = 40, .manoeuvre = limits(30, 8, 3)},
                         kAround);
     },
     std::hypot(40.0, 8.0), 60.0, [](Mover&, double) {}, false, 10.0},
    {"ground_column",  // a tank halting 4 s at a bend, then over the ridge
     [] {
       return make_mover(scenario::Raid{.kind = scenario::ThreatKind::kGroundVehicle,
                                        .route = {{1000, 0}, {1100, 0, std::nullopt, std::nullopt, 4.0}, {3000, 300}},
                                        .altitude_m = 3, .speed_mps = 15,
                                        .manoeuvre = limits(rad_to_deg(std::atan(0.25)), 0, 1.5)},
                         kAround);
     },
     15.0 * std::hypot(1.0, 300.0 * kPi / 2000.0), 40.0, [](Mover&, double) {}, false, 5.0, true},
    {"ballistic",  // a 60 km shot: boost, coast, re-entry, impact
     [] {
       return make_mover(scenario::Raid{.kind = scenario::ThreatKind::kBallisticMissile,
                                        .route = {{0, 0}, {60'000, 0}},
                                        .ballistic = {.burn_time_s = 20, .burnout_pitch_deg = 45}},
                         kAround);
     },
     1500.0, 250.0, [](Mover&, double) {}, false, 150.0},
    {"homing",  // level towards a goal 8.5 km off, then the 30 degree dive onto it (a kink)
     [] {
       return make_homing_mover(scenario::Raid{.route = {{0, 0}}, .altitude_m = 3000, .speed_mps = 300},
                                Eigen::Vector3d(8000.0, 3000.0, 50.0));
     },
     300.0, 40.0, [](Mover&, double) {}, true, std::nullopt, true},
    {"steered",  // north, then a turn east, then standing on the goal
     [] { return make_mover(scenario::FighterSquadron{.speed_mps = 300}, {1000, 2000}, 6000.0); },
     300.0, 40.0,
     [](Mover& m, double flight_time_s) {
       auto& steered = dynamic_cast<SteerableMover&>(m);
       if (flight_time_s >= 15.0) {
         steered.steer({5000, 5000});
       } else if (flight_time_s >= 5.0) {
         steered.steer({1000, 8000});
       }
     }},
};

/// One step of a flight: the state at its end, and how long it took.
struct Step {
  double dt_s = 0.0;
  MoverState state;
};

Eigen::Vector3d map_position_m(const MoverState& s) { return {s.east_m, s.north_m, s.altitude_m}; }

/// Flies a new mover of `kind` from flight time 0 in uneven steps (the first of zero, from the
/// start); after each step, a step of zero must give the same state.
std::vector<Step> fly(const Kind& kind) {
  const std::vector<double> dts_s = {0.1, 0.25, 0.05, 0.3, 0.2};
  auto mover = kind.make();
  std::vector<Step> flight = {{0.0, mover->advance(0.0, 0.0)}};
  double t_s = 0.0;
  for (std::size_t i = 0; t_s < kind.flight_s; ++i) {
    kind.command(*mover, t_s);
    const double dt_s = dts_s[i % dts_s.size()];
    t_s += dt_s;
    flight.push_back({dt_s, mover->advance(t_s, dt_s)});
    const MoverState again = mover->advance(t_s, 0.0);
    const MoverState& s = flight.back().state;
    EXPECT_EQ(map_position_m(again), map_position_m(s)) << kind.name << " moved in a step of zero at " << t_s;
    EXPECT_LT((again.v_enu_mps - s.v_enu_mps).norm(), 1e-9) << kind.name << " at " << t_s;
    EXPECT_EQ(again.finished, s.finished) << kind.name << " at " << t_s;
  }
  return flight;
}

class AnyMover : public ::testing::TestWithParam<Kind> {};

TEST_P(AnyMover, ItsVelocityIntegratesToItsPathAndItNeverOutrunsItsSpeed) {
  const std::vector<Step> flight = fly(GetParam());
  for (std::size_t i = 1; i < flight.size(); ++i) {
    const MoverState& before = flight[i - 1].state;
    const MoverState& after = flight[i].state;
    if (after.finished) break;  // where and how it left; it moves no more
    const double dt_s = flight[i].dt_s;
    const Eigen::Vector3d moved_m = map_position_m(after) - map_position_m(before);
    EXPECT_LE(moved_m.norm(), GetParam().speed_mps * dt_s + 1e-9) << GetParam().name << " step " << i;
    // The trapezoid rule is exact for a velocity that changes at most once in the step (a turn at
    // a waypoint or a new goal, a stop on a goal), off by at most half the change times dt_s; for
    // a velocity of derivative at most A, by at most A dt_s^2 / 2 more (v and the chord between
    // its ends part at most 2 A min(t, dt_s - t)).
    const Eigen::Vector3d trapezoid_m = 0.5 * dt_s * (before.v_enu_mps + after.v_enu_mps);
    const double bound_m = 0.5 * dt_s * (after.v_enu_mps - before.v_enu_mps).norm() +
                           0.5 * GetParam().max_accel_mps2.value_or(0.0) * dt_s * dt_s;
    EXPECT_LE((moved_m - trapezoid_m).norm(), bound_m + 1e-9) << GetParam().name << " step " << i;
  }
}

TEST_P(AnyMover, FliesAtItsSpeedOrStandsOrChangesItsSpeedSmoothly) {
  const std::vector<Step> flight = fly(GetParam());
  for (std::size_t i = 0; i < flight.size(); ++i) {
    const Step& step = flight[i];
    const double speed_mps = step.state.v_enu_mps.norm();
    if (GetParam().constant_speed) {
      EXPECT_TRUE(speed_mps == 0.0 || std::abs(speed_mps - GetParam().speed_mps) < 1e-9)
          << GetParam().name << " flies at " << speed_mps << " m/s";
    } else {
      EXPECT_LE(speed_mps, GetParam().speed_mps + 1e-9) << GetParam().name << " step " << i;
    }
    if (GetParam().max_accel_mps2 && !GetParam().velocity_jumps && i > 0 && !step.state.finished) {
      EXPECT_LE((step.state.v_enu_mps - flight[i - 1].state.v_enu_mps).norm(),
                *GetParam().max_accel_mps2 * step.dt_s + 1e-9)
          << GetParam().name << " step " << i;
    }
  }
}

TEST_P(AnyMover, StaysFinishedOnceFinished) {
  bool finished = false;
  for (const Step& step : fly(GetParam())) {
    EXPECT_TRUE(step.state.finished || !finished) << GetParam().name;
    finished = step.state.finished;
  }
}

TEST_P(AnyMover, FliesTheSamePathTwice) {
  const std::vector<Step> a = fly(GetParam());
  const std::vector<Step> b = fly(GetParam());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(map_position_m(a[i].state), map_position_m(b[i].state)) << GetParam().name << " step " << i;
    EXPECT_EQ(a[i].state.v_enu_mps, b[i].state.v_enu_mps) << GetParam().name << " step " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryKind, AnyMover, ::testing::ValuesIn(kKinds),
                         [](const auto& kind) { return std::string(kind.param.name); });

}  // namespace
}  // namespace rampart::world
