// The test set every sensor kind passes, whatever it measures (as every tracker passes
// AnyTracker's): built through the factory from a one-sensor scenario, it must be deterministic,
// report only what flies inside its reach and at the time of the look, and point at the target
// it reports. A new kind adds one entry to kKinds.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "core/units.h"
#include "sensors/factory.h"
#include "sensors/test/test_radar.h"

namespace rampart::sensors {
namespace {

const LocalFrame kFrame({35.0, -30.0, 0.0});

struct Kind {
  const char* name;
  std::function<void(scenario::Scenario&)> add;  ///< puts one sensor of the kind at the origin
  double max_range_m;
};

const std::vector<Kind> kKinds = {
    {"radar_2d", [](scenario::Scenario& s) { s.radars.push_back(test_radar(false)); }, 300'000.0},
    {"radar_3d", [](scenario::Scenario& s) { s.radars.push_back(test_radar(true)); }, 300'000.0},
    // Its sector (boresight 30 deg, 90 wide) holds the bearing of 37 deg the tests look along.
    {"fire_control_radar", [](scenario::Scenario& s) { s.radars.push_back(test_fire_control_radar(30.0)); }, 60'000.0},
    {"esm",
     [](scenario::Scenario& s) {
       s.esm_sensors.push_back({.name = "ESM", .max_range_m = 150'000.0, .bearing_sigma_deg = 1.0, .period_s = 2.0});
       // Heard to about 1,000 km by its power: the instrumented 150 km is the limit here.
       s.emitters.push_back({.name = "Fire can", .frequency_hz = 9e9, .prf_hz = 3000.0, .pulse_width_s = 5e-7,
                             .peak_power_w = 1e5, .antenna_gain_db = 30.0});
     },
     150'000.0},
    {"irst",
     [](scenario::Scenario& s) {
       s.irst_sensors.push_back({.name = "IRST", .max_range_m = 120'000.0, .frame_period_s = 1.0});
     },
     120'000.0},
};

world::Entity flying(std::uint32_t id, double east_m, double north_m, double alt_m) {
  world::Entity e{.id = id, .name = "t", .rcs_m2 = 10.0, .emitter = "Fire can"};
  e.state = world::EntityState::kFlying;
  e.geodetic = kFrame.surface_point(east_m, north_m, alt_m);
  e.p_enu_m = kFrame.to_enu(e.geodetic);
  return e;
}

/// What one sensor reports over `seconds` of looks, 0.1 s apart.
Observation observe(Sensor& sensor, const std::vector<world::Entity>& truth, double seconds) {
  Observation all;
  std::uint64_t next_plot_id = 1;
  for (double t_s = 0.1; t_s <= seconds + 1e-9; t_s += 0.1) {
    Observation step;
    sensor.observe(t_s - 0.1, t_s, truth, next_plot_id, step);
    for (auto& look : step.looks) {
      for (const auto& p : look.batch.plots) {
        EXPECT_GT(p.t_s, t_s - 0.1 - 1e-9);
        EXPECT_LE(p.t_s, t_s + 1e-9);
      }
      all.looks.push_back(std::move(look));
    }
    for (auto& a : step.angles) {
      EXPECT_GT(a.t_s, t_s - 0.1 - 1e-9);
      EXPECT_LE(a.t_s, t_s + 1e-9);
      all.angles.push_back(std::move(a));
    }
  }
  return all;
}

std::unique_ptr<Sensor> make_one(const Kind& kind, std::uint64_t seed) {
  scenario::Scenario s;
  kind.add(s);
  auto suite = make_sensors(s, kFrame, seed);
  EXPECT_EQ(suite.sensors.size(), 1u);
  return std::move(suite.sensors.front());
}

/// (truth id, measured compass bearing) of every report that came from a target.
std::vector<std::pair<std::uint32_t, double>> target_bearings(const Observation& o) {
  std::vector<std::pair<std::uint32_t, double>> out;
  for (const auto& look : o.looks)
    for (std::size_t i = 0; i < look.batch.plots.size(); ++i)
      if (look.origins[i].truth_id) out.emplace_back(look.origins[i].truth_id, look.batch.plots[i].az_rad);
  for (const auto& a : o.angles)
    if (a.truth_id) out.emplace_back(a.truth_id, a.bearing_rad);
  return out;
}

class AnySensor : public ::testing::TestWithParam<Kind> {};

TEST_P(AnySensor, TheSameSeedGivesTheSameReports) {
  const std::vector<world::Entity> truth = {flying(1, 20'000, 30'000, 3000), flying(2, -40'000, 5000, 500)};
  auto a = make_one(GetParam(), 7);
  auto b = make_one(GetParam(), 7);
  const Observation x = observe(*a, truth, 12.0);
  const Observation y = observe(*b, truth, 12.0);
  EXPECT_EQ(target_bearings(x), target_bearings(y));
  EXPECT_EQ(a->site().name, b->site().name);
}

TEST_P(AnySensor, SeesATargetInReachAndPointsAtIt) {
  const world::Entity target = flying(1, 30'000, 40'000, 5000);  // 50 km, bearing atan2(30, 40)
  auto sensor = make_one(GetParam(), 3);
  const auto reports = target_bearings(observe(*sensor, {target}, 20.0));
  ASSERT_FALSE(reports.empty()) << GetParam().name << " saw nothing of a target at 50 km in 20 s";
  const double true_bearing_rad = std::atan2(30'000.0, 40'000.0);
  for (const auto& [id, bearing_rad] : reports) {
    EXPECT_EQ(id, 1u);
    EXPECT_LT(std::abs(wrap_pi(bearing_rad - true_bearing_rad)), deg_to_rad(5.0)) << GetParam().name;
  }
}

TEST_P(AnySensor, ReportsNothingOfWhatDoesNotFlyOrIsOutOfReach) {
  world::Entity waiting = flying(1, 10'000, 10'000, 3000);
  waiting.state = world::EntityState::kWaiting;
  world::Entity killed = flying(2, -10'000, 10'000, 3000);
  killed.state = world::EntityState::kKilled;
  const world::Entity far = flying(3, 0, GetParam().max_range_m * 1.2, 20'000);
  auto sensor = make_one(GetParam(), 5);
  EXPECT_TRUE(target_bearings(observe(*sensor, {waiting, killed, far}, 20.0)).empty()) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(EveryKind, AnySensor, ::testing::ValuesIn(kKinds),
                         [](const auto& kind) { return std::string(kind.param.name); });

}  // namespace
}  // namespace rampart::sensors
