// The DIS sink (dis_sender.h) and listener (dis_listener.h): orientation and ECEF velocity worked
// by hand; a run of the minimal scenario sent as DIS, read back: an Entity State PDU when each
// entity appears, heartbeats 5 s apart on a straight leg, extra ones only where it turns, a last
// one 'destroyed' or 'deactivated', a Fire and a Detonation per interceptor; and another
// simulator's PDUs entering a run as external entities the radar plots.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <unistd.h>

#include "core/units.h"
#include "io/dis_pdu.h"
#include "sim/dis_entity_types.h"
#include "sim/dis_listener.h"
#include "sim/dis_sender.h"
#include "sim/test/support.h"

namespace rampart::sim {
namespace {

namespace fs = std::filesystem;

TEST(DisOrientation, LevelFlightEastOnTheEquatorAtTheMeridian) {
  // Body x = east = ECEF y, body y = south = -ECEF z, body z = down = -ECEF x: R = Rz(90) Rx(-90).
  const Geodetic g{0.0, 0.0, 0.0};
  const Eigen::Matrix3d r = ecef_from_body(g, {250.0, 0.0, 0.0});
  const Eigen::Vector3d euler = dis_orientation_rad(r);
  EXPECT_NEAR(euler[0], kPi / 2, 1e-12);
  EXPECT_NEAR(euler[1], 0.0, 1e-12);
  EXPECT_NEAR(euler[2], -kPi / 2, 1e-12);
  // Climbing 45 degrees north at lon 90: x = (0, -1, 1)/sqrt2 (north is +z, up is +y there).
  const Eigen::Matrix3d climb = ecef_from_body({0.0, 90.0, 0.0}, {0.0, 100.0, 100.0});
  EXPECT_LT((climb.col(0) - Eigen::Vector3d(0.0, 1.0, 1.0) / std::sqrt(2.0)).norm(), 1e-12);
  // Still: facing north, level.
  const Eigen::Matrix3d still = ecef_from_body(g, Eigen::Vector3d::Zero());
  EXPECT_LT((still.col(0) - Eigen::Vector3d(0.0, 0.0, 1.0)).norm(), 1e-12);
}

TEST(DisOrientation, MapVelocityBecomesTheTrueEcefVelocity) {
  const LocalFrame frame({35.0, -30.0, 0.0});
  // At the origin the map axes are the ENU axes.
  const Geodetic at_origin = frame.surface_point(0.0, 0.0, 0.0);
  const Eigen::Vector3d v = velocity_ecef_mps(frame, at_origin, {100.0, 50.0, 0.0});
  EXPECT_LT((v - ecef_from_enu_rotation(at_origin) * Eigen::Vector3d(100.0, 50.0, 0.0)).norm(), 1e-3);
  // 100 km east the map's north axis is the origin's north, which leans from the north there by
  // the meridians' convergence, dlon sin(lat) = 100 km / (N cos 35) * sin 35 = 0.01097 rad with
  // N = 6385174 m: read as ENU, the velocity would be off by 250 m/s * 0.01097 = 2.74 m/s.
  const Geodetic east = frame.surface_point(100'000.0, 0.0, 5000.0);
  const Eigen::Vector3d v_map(0.0, 250.0, 0.0);
  const Eigen::Vector3d p0 = geodetic_to_ecef(east);
  const Eigen::Vector3d p1 = geodetic_to_ecef(frame.surface_point(100'000.0, 250.0, 5000.0));
  EXPECT_LT((velocity_ecef_mps(frame, east, v_map) - (p1 - p0)).norm(), 0.01);
  EXPECT_NEAR((ecef_from_enu_rotation(east) * v_map - (p1 - p0)).norm(), 2.7415, 0.02);
}

TEST(DisEntityTypes, OurKindsGoOutAndComeBack) {
  for (const char* kind : {"strike_aircraft", "fighter", "airborne_early_warning", "transport", "helicopter", "drone",
                           "cruise_missile"}) {
    EXPECT_EQ(external_kind(dis_entity_type(kind))->kind, kind);
  }
  EXPECT_EQ(dis_entity_type("fighter"), (io::DisEntityType{1, 2, 0, 1, 0, 0, 0}));
  EXPECT_EQ(external_kind({1, 2, 225, 1, 3, 0, 0})->kind, "fighter");         // country and subcategory aside
  EXPECT_EQ(external_kind({1, 2, 0, 77, 0, 0, 0})->kind, "strike_aircraft");  // an air platform we do not know
  EXPECT_EQ(external_kind({2, 9, 222, 2, 48, 0, 0})->kind, "cruise_missile");
  EXPECT_FALSE(external_kind({1, 1, 225, 1, 1, 3, 0}));  // a tank is not in the air
  EXPECT_FALSE(external_kind({3, 1, 222, 1, 206, 1, 0}));
}

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DisRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("rampart_dis_sim_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    scenario_ = load("src/scenario/test/data/minimal.yaml");
    scenario_.duration_s = 400.0;  // the patrol turns about after 182 s
    DisSender sender((dir_ / "run.dis").string(), std::nullopt, scenario_, DisOptions{.site = 7, .application = 3});
    Simulation simulation(scenario_, {});
    simulation.subscribe(sender);
    summary_ = simulation.run();
    counts_ = sender.counts();
    pdus_ = io::decode_dis(read_bytes(dir_ / "run.dis"), "run.dis").pdus;
    fs::remove_all(dir_);
  }

  /// The Entity State PDUs of entity number n, in order.
  static std::vector<io::DisEntityState> states_of(std::uint16_t n) {
    std::vector<io::DisEntityState> out;
    for (const auto& p : pdus_)
      if (const auto* e = std::get_if<io::DisEntityState>(&p); e && e->id.entity == n) out.push_back(*e);
    return out;
  }

  static inline fs::path dir_;
  static inline scenario::Scenario scenario_;
  static inline Summary summary_;
  static inline DisSender::Counts counts_;
  static inline std::vector<io::DisPdu> pdus_;
};

TEST_F(DisRun, EveryPduWrittenDecodesAndIsCounted) {
  ASSERT_EQ(pdus_.size(), counts_.entity_states + counts_.fires + counts_.detonations);
  EXPECT_GT(counts_.fires, 0u);
  for (const auto& p : pdus_) {
    std::visit([](const auto& pdu) { EXPECT_TRUE(pdu.header.timestamp_absolute); }, p);
  }
}

TEST_F(DisRun, AStraightLegGoesOutAtTheHeartbeatAndEndsDestroyedOrDeactivated) {
  // Raid-1 (entity 1) flies one straight leg to Town; it is shot down, or arrives and departs.
  const auto raid = states_of(1);
  ASSERT_GE(raid.size(), 3u);
  EXPECT_EQ(raid.front().id, (io::DisEntityId{7, 3, 1}));
  EXPECT_EQ(raid.front().force_id, io::kDisForceOpposing);
  EXPECT_EQ(raid.front().type, dis_entity_type("strike_aircraft"));
  EXPECT_EQ(raid.front().marking, "Raid-1");
  EXPECT_EQ(raid.front().appearance, 0u);
  EXPECT_EQ(raid.front().dead_reckoning_algorithm, io::kDisDeadReckoningFpw);
  // Flying south at 250 m/s: the velocity, dead-reckoned 5 s, lands within a metre of the next fix.
  EXPECT_NEAR(raid.front().v_ecef_mps.norm(), 250.0, 0.5);
  for (std::size_t i = 1; i + 1 < raid.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_NEAR(raid[i].header.timestamp_s - raid[i - 1].header.timestamp_s, 5.0, 1e-3);
    const Eigen::Vector3d dead_reckoned = raid[i - 1].p_ecef_m + raid[i - 1].v_ecef_mps * 5.0;
    EXPECT_LT((dead_reckoned - raid[i].p_ecef_m).norm(), 1.0);
  }
  const std::uint32_t last = raid.back().appearance;
  EXPECT_TRUE(last == io::kDisAppearanceDestroyed || last == io::kDisAppearanceDeactivated) << last;
}

TEST_F(DisRun, ATurnSendsBeforeTheHeartbeat) {
  // Patrol (entity 3) loops a two-point route, 40 km at 220 m/s, turning about at each end in a
  // bank-limited turn: there its heading passes 3 deg or its dead-reckoned position 1 m before the
  // 5 s heartbeat, and every PDU sent early says so.
  const auto patrol = states_of(3);
  ASSERT_GT(patrol.size(), 10u);
  EXPECT_EQ(patrol.front().force_id, io::kDisForceFriendly);
  int early = 0, on_time = 0;
  for (std::size_t i = 1; i < patrol.size(); ++i) {
    const auto& before = patrol[i - 1];
    const auto& now = patrol[i];
    const double gap_s = now.header.timestamp_s - before.header.timestamp_s;
    EXPECT_LE(gap_s, 5.0 + 1e-3);
    if (gap_s >= 5.0 - 1e-3) {
      ++on_time;
      continue;
    }
    ++early;
    const double turned_rad =
        std::acos(std::clamp(before.v_ecef_mps.normalized().dot(now.v_ecef_mps.normalized()), -1.0, 1.0));
    const double off_m = (before.p_ecef_m + before.v_ecef_mps * gap_s - now.p_ecef_m).norm();
    EXPECT_TRUE(turned_rad > 2.5 * kPi / 180.0 || off_m > 0.9) << "PDU " << i << " sent early without cause";
  }
  EXPECT_GE(early, 2);    // the turns
  EXPECT_GE(on_time, 2);  // the straight legs: the heartbeat alone
}

TEST_F(DisRun, EveryLaunchHasAFireAndADetonationOfTheSameEvent) {
  std::map<std::uint16_t, int> fired;
  int detonations_of_rounds = 0;
  for (const auto& p : pdus_) {
    if (const auto* f = std::get_if<io::DisFire>(&p)) {
      EXPECT_EQ(f->firing, (io::DisEntityId{7, 3, kFireUnitEntityBase}));  // the one Battery
      EXPECT_EQ(f->descriptor.munition, kDisInterceptorType);
      EXPECT_GT(f->range_m, 2000.0);
      ++fired[f->event.entity];
    }
    if (const auto* d = std::get_if<io::DisDetonation>(&p); d && fired.count(d->event.entity)) {
      ++detonations_of_rounds;
      EXPECT_EQ(d->firing, (io::DisEntityId{7, 3, kFireUnitEntityBase}));
      if (d->result == io::kDisResultEntityImpact) {
        EXPECT_NE(d->target.entity, 0);
        EXPECT_LT(d->p_entity_m.norm(), 500.0);  // within the seeker's basket of what it hit
      }
    }
  }
  EXPECT_EQ(static_cast<int>(fired.size()), summary_.interceptors_fired + summary_.air_to_air_fired);
  EXPECT_EQ(detonations_of_rounds, static_cast<int>(fired.size()) - summary_.interceptors_in_flight_at_end);
}

TEST_F(DisRun, AnInterceptorIsAnEntityFromItsFireToItsDetonation) {
  // Each Fire PDU names its interceptor's munition entity (40001 + id - 1); that entity's Entity
  // State PDUs (munition 2:1:0:1, friendly, the shooter's marking) come after the Fire and before
  // the Detonation of the same event, which names it too, at most a heartbeat apart; then one last
  // PDU 'destroyed' where it detonated.
  int followed = 0;
  for (std::size_t i = 0; i < pdus_.size(); ++i) {
    const auto* f = std::get_if<io::DisFire>(&pdus_[i]);
    if (!f) continue;
    SCOPED_TRACE("event " + std::to_string(f->event.entity));
    EXPECT_EQ(f->munition.site, 7);
    EXPECT_EQ(f->munition.application, 3);
    EXPECT_GE(f->munition.entity, kInterceptorEntityBase);
    EXPECT_LT(f->munition.entity, kFireUnitEntityBase);
    std::size_t detonation = pdus_.size();
    for (std::size_t j = i + 1; j < pdus_.size() && detonation == pdus_.size(); ++j)
      if (const auto* d = std::get_if<io::DisDetonation>(&pdus_[j]); d && d->event == f->event) detonation = j;
    if (detonation == pdus_.size()) continue;  // still in flight at the end
    const auto& d = std::get<io::DisDetonation>(pdus_[detonation]);
    EXPECT_EQ(d.munition, f->munition);
    std::vector<std::pair<std::size_t, io::DisEntityState>> states;
    for (std::size_t j = 0; j < pdus_.size(); ++j)
      if (const auto* e = std::get_if<io::DisEntityState>(&pdus_[j]); e && e->id == f->munition) states.emplace_back(j, *e);
    ASSERT_GE(states.size(), 2u);
    for (std::size_t k = 0; k + 1 < states.size(); ++k) {
      const auto& [at, e] = states[k];
      EXPECT_GT(at, i);
      EXPECT_LT(at, detonation);
      EXPECT_EQ(e.appearance, 0u);
      EXPECT_EQ(e.type, kDisInterceptorType);
      EXPECT_EQ(e.force_id, io::kDisForceFriendly);
      EXPECT_EQ(e.marking, "Battery");
      EXPECT_GE(e.header.timestamp_s, f->header.timestamp_s - 1e-3);  // not before its launch
      if (k > 0) {
        EXPECT_LE(e.header.timestamp_s - states[k - 1].second.header.timestamp_s, 5.0 + 1e-3);
      }
    }
    const auto& [last_at, last] = states.back();
    EXPECT_EQ(last_at, detonation + 1);
    EXPECT_EQ(last.appearance, io::kDisAppearanceDestroyed);
    EXPECT_LT((last.p_ecef_m - d.p_ecef_m).norm(), 1e-3);
    ++followed;
  }
  EXPECT_GT(followed, 0);
}

/// Collects the world's entities at each motion step.
struct Watcher : EventSink {
  void on(const TruthMoved& e) override { entities = e.world.entities(); }
  std::vector<world::Entity> entities;
};

TEST(DisListener, AnotherSimulatorsEntitiesEnterAsExternalEntitiesAndLeaveAsItSays) {
  auto s = load("src/scenario/test/data/minimal.yaml");
  s.raids.clear();
  s.friendlies.clear();
  Simulation simulation(s, {});
  Watcher watcher;
  simulation.subscribe(watcher);
  DisListener listener(0, io::DisEntityId{1, 1, 0});
  const LocalFrame frame(s.origin);
  const auto datagram = [&](std::uint16_t entity, std::uint8_t force, io::DisEntityType type, double north_m,
                            std::uint32_t appearance) {
    io::DisEntityState e;
    e.id = {9, 9, entity};
    e.force_id = force;
    e.type = type;
    const Geodetic g = frame.surface_point(0.0, north_m, 5000.0);
    e.p_ecef_m = geodetic_to_ecef(g);
    e.v_ecef_mps = ecef_from_enu_rotation(g) * Eigen::Vector3d(0.0, -200.0, 0.0);
    e.appearance = appearance;
    e.marking = "FED-" + std::to_string(entity);
    return io::encode_dis(e);
  };
  simulation.step();
  const double t_s = simulation.next_time_s();
  listener.apply(datagram(1, io::kDisForceOpposing, dis_entity_type("strike_aircraft"), 30'000.0, 0), t_s, simulation);
  listener.apply(datagram(2, io::kDisForceFriendly, dis_entity_type("fighter"), 40'000.0, 0), t_s, simulation);
  listener.apply(datagram(3, io::kDisForceOpposing, {1, 1, 0, 1, 0, 0, 0}, 0.0, 0), t_s, simulation);  // a tank
  auto own = io::decode_dis(datagram(4, io::kDisForceOpposing, dis_entity_type("drone"), 0.0, 0), "own").pdus;
  std::get<io::DisEntityState>(own[0]).id = {1, 1, 4};
  listener.apply(io::encode_dis(own[0]), t_s, simulation);
  listener.apply(std::vector<std::uint8_t>{7, 1, 1}, t_s, simulation);  // malformed: counted
  simulation.step();
  ASSERT_EQ(watcher.entities.size(), 2u);
  EXPECT_EQ(watcher.entities[0].name, "FED-1");
  EXPECT_EQ(watcher.entities[0].side, world::Side::kHostile);
  EXPECT_EQ(watcher.entities[0].kind, "strike_aircraft");
  EXPECT_TRUE(watcher.entities[0].external);
  EXPECT_TRUE(watcher.entities[0].flying());
  EXPECT_EQ(watcher.entities[1].side, world::Side::kFriendly);
  EXPECT_TRUE(watcher.entities[1].iff_on);
  EXPECT_NEAR(watcher.entities[0].p_enu_m.y(), 30'000.0, 50.0);
  EXPECT_EQ(listener.counts().datagrams, 5u);
  EXPECT_EQ(listener.counts().entities, 2u);
  EXPECT_EQ(listener.counts().left_out, 2u);
  EXPECT_EQ(listener.counts().malformed, 1u);
  // Entity 1 is destroyed in its simulator; entity 2 falls silent and times out.
  listener.apply(datagram(1, io::kDisForceOpposing, dis_entity_type("strike_aircraft"), 29'000.0,
                          io::kDisAppearanceDestroyed),
                 simulation.next_time_s(), simulation);
  simulation.step();
  EXPECT_EQ(watcher.entities[0].state, world::EntityState::kKilled);
  EXPECT_TRUE(watcher.entities[1].flying());
  simulation.run_until(simulation.next_time_s() + DisListener::kTimeout_s + 1.0);
  listener.drain(simulation);
  simulation.step();
  EXPECT_EQ(watcher.entities[1].state, world::EntityState::kDeparted);
}

}  // namespace
}  // namespace rampart::sim
