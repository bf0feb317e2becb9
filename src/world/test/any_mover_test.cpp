// The test set every mover kind passes, whatever its motion (as every sensor passes
// AnySensor's): built through the factory, flown with uneven steps and, where C2 steers the kind,
// steered through a turn, it must not move in a step of zero, never outrun its speed, have the
// velocity whose integral is its path, fly at its speed whenever it moves, stay finished once
// finished, and fly the same path twice. A new kind adds one entry to kKinds.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <memory>
#include <vector>

#include "world/mover_factory.h"

namespace rampart::world {
namespace {

struct Kind {
  const char* name;
  std::function<std::unique_ptr<Mover>()> make;
  double speed_mps;     ///< the speed it flies at whenever it moves
  double flight_s;      ///< long enough to see it turn, stop or finish
  /// What C2 orders it at each step, by flight time (nothing for a kind C2 does not steer).
  std::function<void(Mover&, double flight_time_s)> command = [](Mover&, double) {};
};

void PrintTo(const Kind& kind, std::ostream* out) { *out << kind.name; }

const std::vector<Kind> kKinds = {
    {"waypoint_raid",  // three legs, then finished
     [] {
       return make_mover(scenario::Raid{.route = {{0, 0}, {3000, 0}, {3000, 4000}, {-1000, 4000}},
                                        .altitude_m = 5000, .speed_mps = 250});
     },
     250.0, 60.0},
    {"waypoint_patrol",  // a closed 12 km loop, flown one and a half times
     [] {
       return make_mover(scenario::Friendly{.route = {{0, 0}, {4000, 0}, {4000, 3000}}, .repeat_route = true,
                                            .altitude_m = 8000, .speed_mps = 200});
     },
     200.0, 90.0},
    {"homing",  // level towards a goal 8.5 km off, then the 30 degree dive onto it
     [] {
       return make_homing_mover(scenario::Raid{.route = {{0, 0}}, .altitude_m = 3000, .speed_mps = 300},
                                Eigen::Vector3d(8000.0, 3000.0, 50.0));
     },
     300.0, 40.0},
    {"steered",  // north, then a turn east, then standing on the goal
     [] { return make_mover(scenario::FighterSquadron{.speed_mps = 300, .altitude_m = 6000}, {1000, 2000}); },
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
    // a waypoint or a new goal, a stop on a goal), off by at most half the change times dt_s.
    const Eigen::Vector3d trapezoid_m = 0.5 * dt_s * (before.v_enu_mps + after.v_enu_mps);
    EXPECT_LE((moved_m - trapezoid_m).norm(), 0.5 * dt_s * (after.v_enu_mps - before.v_enu_mps).norm() + 1e-9)
        << GetParam().name << " step " << i;
  }
}

TEST_P(AnyMover, FliesAtItsSpeedOrStands) {
  for (const Step& step : fly(GetParam())) {
    const double speed_mps = step.state.v_enu_mps.norm();
    EXPECT_TRUE(speed_mps == 0.0 || std::abs(speed_mps - GetParam().speed_mps) < 1e-9)
        << GetParam().name << " flies at " << speed_mps << " m/s";
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
