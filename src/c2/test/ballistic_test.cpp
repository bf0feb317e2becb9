// Terminal ballistic-missile defence on tracks (c2/ballistic.h): classification, impact
// prediction, threat evaluation at the impact point, the intercept on the predicted trajectory
// and the capability filter, each against values worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "c2/assignment.h"
#include "c2/ballistic.h"
#include "c2/feasible_engagements.h"
#include "c2/threat_evaluation.h"
#include "core/units.h"

namespace rampart::c2 {
namespace {

/// A point at alt_m above a sea-level origin's ellipsoid (the frame's up axis drops d^2 / 2R).
Eigen::Vector3d at_altitude(double east_m, double north_m, double alt_m) {
  return {east_m, north_m, alt_m - (east_m * east_m + north_m * north_m) / (2.0 * kEarthRadius_m)};
}

messages::TrackState track(std::uint32_t id, const Eigen::Vector3d& p, const Eigen::Vector3d& v, bool has_height = true) {
  messages::TrackState t;
  t.id = id;
  t.status = messages::TrackStatus::kConfirmed;
  t.x << p, v;
  t.P = messages::Matrix6d::Identity() * 100.0;  // 10 m sigma
  t.has_height = has_height;
  return t;
}

/// The velocity of speed_mps diving dive_deg below the horizontal, heading south.
Eigen::Vector3d diving(double speed_mps, double dive_deg) {
  const double dive_rad = deg_to_rad(dive_deg);
  return {0.0, -speed_mps * std::cos(dive_rad), -speed_mps * std::sin(dive_rad)};
}

TEST(Ballistic, ClassifiedBySpeedAndDiveOnly) {
  const Eigen::Vector3d p = at_altitude(0, 50'000, 30'000);
  EXPECT_TRUE(is_ballistic(track(1, p, diving(1063.0, 41.0))));   // a re-entering missile
  EXPECT_TRUE(is_ballistic(track(1, p, diving(1000.5, 20.1))));   // just over both thresholds
  EXPECT_FALSE(is_ballistic(track(1, p, diving(999.0, 60.0))));   // too slow: an aircraft can dive so
  EXPECT_FALSE(is_ballistic(track(1, p, diving(1500.0, 19.9))));  // too flat
  EXPECT_FALSE(is_ballistic(track(1, p, diving(1700.0, -45.0))));  // climbing (a boost): not yet
  EXPECT_FALSE(is_ballistic(track(1, p, diving(1700.0, 45.0), false)));  // a 2-D track has no dive
  EXPECT_EQ(kinematic_class(track(1, p, diving(1700.0, 45.0)), ThreatValueModel{}), KinematicClass::kBallistic);
}

// From 20 km, diving at 45 deg with 1000 m/s both down and south: h(t) = 20000 - 1000 t - g t^2 / 2
// = 0 at t = (-1000 + sqrt(1000^2 + 2 g 20000)) / g = 18.3491 s, 18349.1 m south.
TEST(Ballistic, ImpactPredictedFromTheTrackInVacuum) {
  const Impact impact = predict_impact(at_altitude(50'000, 18'000, 20'000), {0, -1000, -1000}, 0.0);
  EXPECT_NEAR(impact.time_s, 18.349102, 1e-5);
  EXPECT_NEAR(impact.p_enu_m.x(), 50'000.0, 1e-9);
  EXPECT_NEAR(impact.p_enu_m.y(), -349.102, 1e-3);
  // The vacuum model is flat: over the 18.35 km flown the Earth's surface drops away from the
  // frame's plane by (18000^2 - 349.1^2) / 2R = 25.42 m more, which it ignores.
  EXPECT_NEAR(altitude_m(impact.p_enu_m, 0.0), -(18'000.0 * 18'000.0 - 349.102 * 349.102) / (2.0 * kEarthRadius_m), 1e-3);
  // g t^2 / 2 at 10 s: 490.33 m below the straight line.
  EXPECT_NEAR(ballistic_position_enu_m({0, 0, 0}, {0, -1000, -1000}, 10.0).z(), -10'000.0 - 490.3325, 1e-9);
  EXPECT_NEAR(ballistic_velocity_enu_mps({0, -1000, -1000}, 10.0).z(), -1098.0665, 1e-9);
}

// The base (50 km east, radius 2 km): the missile above lands 349 m from it in 18.35 s. Flown
// straight (the aircraft's geometry) it would reach the base's circle in (18000 - 2000) / 1000 =
// 16 s; the ballistic threat's time to the asset is the time to impact. The same missile 22 km
// farther north lands 21.65 km short of the city (radius 5 km + 5 km margin), which its straight
// line would cross: no threat.
TEST(Ballistic, ThreatensTheAssetUnderItsImpactPoint) {
  const std::vector<scenario::Asset> assets = {{"city", "city", {0, 0}, 5000, 100}, {"base", "airbase", {50'000, 0}, 2000, 60}};
  const auto threats = evaluate_threats({track(1, at_altitude(50'000, 18'000, 20'000), {0, -1000, -1000}),
                                         track(2, at_altitude(0, 40'000, 20'000), {0, -1000, -1000})},
                                        assets, 5000.0, 0.0);
  ASSERT_EQ(threats.size(), 1u);
  EXPECT_EQ(threats[0].track_id, 1u);
  EXPECT_TRUE(threats[0].ballistic);
  EXPECT_EQ(threats[0].asset, 1u);
  EXPECT_NEAR(threats[0].cpa_m, 349.102, 1e-3);
  EXPECT_NEAR(threats[0].time_to_asset_s, 18.349102, 1e-5);
  auto valued = threats;
  value_threats(valued, {track(1, at_altitude(50'000, 18'000, 20'000), {0, -1000, -1000})}, assets, ThreatValueModel{}, {});
  EXPECT_NEAR(valued[0].time_to_release_s, 18.349102, 1e-5);  // it is the weapon
  EXPECT_NEAR(valued[0].threat_value, 60.0 * 1.0, 1e-9);       // priority 2 (default): weight 1
}

/// A reach table by hand: time of flight 10 s + ground / 2000 m/s anywhere up to 50 km out and
/// 40 km up (linear, so the bilinear interpolation is exact).
messages::InterceptReach linear_reach() {
  messages::InterceptReach reach;
  reach.ground_m = {0.0, 50'000.0};
  reach.height_m = {0.0, 40'000.0};
  reach.time_of_flight_s = {10.0, 10.0, 35.0, 35.0};
  return reach;
}

// A missile 40 km north at 30 km, coming at (0, -1000, -1000) m/s, launched on at once: the round
// reaches the missile's point at tau in 10 + (40000 - 1000 tau) / 2000 s, equal to tau at
// 1.5 tau = 30, tau = 20 s, 20 km north, some 8 km up (30000 - 20000 - g 400 / 2, less the
// Earth's curvature between the points).
TEST(Ballistic, InterceptWhereTheTimeOfFlightMeetsTheMissile) {
  const Eigen::Vector3d p0 = at_altitude(0, 40'000, 30'000), v0(0, -1000, -1000);
  const auto i = ballistic_intercept(linear_reach(), {0, 0, 0}, p0, v0, {5000, 35'000, 100'000}, 0.0);
  ASSERT_TRUE(i);
  EXPECT_NEAR(i->time_of_flight_s, 20.0, 1e-9);
  EXPECT_NEAR(i->p_enu_m.y(), 20'000.0, 1e-6);
  EXPECT_NEAR((i->p_enu_m - ballistic_position_enu_m(p0, v0, 20.0)).norm(), 0.0, 1e-6);
  EXPECT_NEAR(altitude_m(i->p_enu_m, 0.0), 30'000.0 - 20'000.0 - 0.5 * kStandardGravity_mps2 * 400.0 -
                                               (40'000.0 * 40'000.0 - 20'000.0 * 20'000.0) / (2.0 * kEarthRadius_m),
              1e-6);
  // The collision point (7.9 km up) under the debris floor of 12 km: none.
  EXPECT_FALSE(ballistic_intercept(linear_reach(), {0, 0, 0}, p0, v0, {12'000, 35'000, 100'000}, 0.0));
  // A ceiling of 7 km: the missile enters the window after tau = 20 s, the collision point lies
  // above it (the round would be early): none yet, C2 waits.
  EXPECT_FALSE(ballistic_intercept(linear_reach(), {0, 0, 0}, p0, v0, {5000, 7000, 100'000}, 0.0));
  // Beyond the guidance limit (20 km slant at least): none.
  EXPECT_FALSE(ballistic_intercept(linear_reach(), {0, 0, 0}, p0, v0, {5000, 35'000, 15'000}, 0.0));
}

class BallisticAssignment : public ::testing::Test {
 protected:
  scenario::C2Settings settings;
  Doctrine doctrine{settings};
  AssignmentContext context() { return {0.0, 0.0, &doctrine, [](std::uint32_t) { return Identity::kHostile; }, {}, 5000.0}; }
  static WeaponStatus weapon(std::size_t index, bool engages_ballistic) {
    scenario::WeaponType type{"sam", 2000, 100'000, 10, 35'000, 1500, 0.9, 1000, 10, 2};
    type.reaction_time_s = 0.0;
    if (engages_ballistic) {
      type.engages_ballistic = true;
      type.min_ballistic_intercept_altitude_m = 5000.0;
      type.ballistic_reach = std::make_shared<messages::InterceptReach>(linear_reach());
    }
    return {index, Eigen::Vector3d::Zero(), type, 2, 4};
  }
  static ThreatAssessment threat(std::uint32_t id, bool ballistic) {
    ThreatAssessment t;
    t.track_id = id;
    t.ballistic = ballistic;
    t.time_to_asset_s = 40.0;
    t.score = 1.0;
    return t;
  }
};

// The missile above, classified ballistic: only the unit that engages ballistic missiles is
// offered it, at the intercept worked above (20 s); the other unit's range box would take it.
// The same track not classified ballistic is offered to both.
TEST_F(BallisticAssignment, OnlyCapableUnitsAreOfferedBallisticTracks) {
  const std::map<std::uint32_t, messages::TrackState> tracks = {
      {1, track(1, at_altitude(0, 40'000, 30'000), {0, -1000, -1000})}};
  const std::vector<WeaponStatus> weapons = {weapon(0, false), weapon(1, true)};
  const FeasibleEngagements e = feasible_engagements({threat(1, true)}, tracks, weapons, context());
  ASSERT_EQ(e.candidates.size(), 1u);
  EXPECT_EQ(e.candidates[0].weapon, 1u);
  EXPECT_NEAR(e.candidates[0].intercept.time_of_flight_s, 20.0, 1e-9);
  EXPECT_EQ(feasible_engagements({threat(1, false)}, tracks, weapons, context()).candidates.size(), 2u);
  // 2 s of reaction: at launch the missile is 38 km north, so 1.5 tau = 29, tau = 19.333 s.
  auto slow = weapons;
  slow[1].type.reaction_time_s = 2.0;
  const FeasibleEngagements later = feasible_engagements({threat(1, true)}, tracks, slow, context());
  ASSERT_EQ(later.candidates.size(), 1u);
  EXPECT_NEAR(later.candidates[0].intercept.time_of_flight_s, 58.0 / 3.0, 1e-9);
}

// The ballistic salvo (doctrine.h), under shoot-look-shoot: from one order a track classified
// ballistic gets ballistic_salvo = 2 rounds, 3 s apart, and the same unit fires 1 at a track that
// is not (an aircraft 30 km out at 5 km, inbound at 250 m/s), with every assignment policy. Two
// independent rounds of Pk 0.9 kill with 1 - (1 - 0.9)^2 = 0.99; ballistic_salvo: 3 fires three
// (1 - 0.1^3 = 0.999) when the unit has three channels free, and the WTA weighs that.
TEST_F(BallisticAssignment, ABallisticTrackGetsASalvoAnAircraftOneRound) {
  const std::map<std::uint32_t, messages::TrackState> missile = {
      {1, track(1, at_altitude(0, 40'000, 30'000), {0, -1000, -1000})}};
  const std::map<std::uint32_t, messages::TrackState> aircraft = {
      {2, track(2, at_altitude(0, 30'000, 5000), {0, -250, 0})}};
  const std::vector<WeaponStatus> weapons = {weapon(0, true)};
  for (const auto kind : {scenario::AssignmentPolicyKind::kMatching, scenario::AssignmentPolicyKind::kWtaHeuristic,
                          scenario::AssignmentPolicyKind::kWtaExact}) {
    SCOPED_TRACE(scenario::to_string(kind));
    const auto policy = make_assignment_policy(kind);
    const AssignmentResult salvo = policy->assign({threat(1, true)}, missile, weapons, context());
    ASSERT_EQ(salvo.orders.size(), 1u);
    EXPECT_EQ(salvo.orders[0].rounds, 2);
    EXPECT_DOUBLE_EQ(salvo.orders[0].round_interval_s, 3.0);
    const AssignmentResult single = policy->assign({threat(2, false)}, aircraft, weapons, context());
    ASSERT_EQ(single.orders.size(), 1u);
    EXPECT_EQ(single.orders[0].rounds, 1);
    EXPECT_DOUBLE_EQ(single.orders[0].round_interval_s, 0.0);
  }
  EXPECT_NEAR(slot_kill_probability(weapons[0], 2), 0.99, 1e-12);
  settings.ballistic_salvo = 3;
  settings.ballistic_salvo_interval_s = 4.0;
  doctrine = Doctrine(settings);
  auto three_channels = weapons;
  three_channels[0].free_channels = 3;
  const AssignmentResult three = make_assignment_policy(scenario::AssignmentPolicyKind::kMatching)
                                     ->assign({threat(1, true)}, missile, three_channels, context());
  ASSERT_EQ(three.orders.size(), 1u);
  EXPECT_EQ(three.orders[0].rounds, 3);
  EXPECT_DOUBLE_EQ(three.orders[0].round_interval_s, 4.0);
  EXPECT_NEAR(slot_kill_probability(weapons[0], 3), 0.999, 1e-12);
  // Two channels only: the salvo is cut to the two the unit can guide.
  const AssignmentResult cut = make_assignment_policy(scenario::AssignmentPolicyKind::kMatching)
                                   ->assign({threat(1, true)}, missile, weapons, context());
  ASSERT_EQ(cut.orders.size(), 1u);
  EXPECT_EQ(cut.orders[0].rounds, 2);
}

}  // namespace
}  // namespace rampart::c2
