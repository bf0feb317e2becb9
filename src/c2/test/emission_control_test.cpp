// Emission control decided on tracks: a radar on weapons reach goes live when a confirmed track
// not identified friendly comes within its reach, and silent a hold time after the last one left;
// a radar with an ARM warning doctrine goes silent while a fast track comes straight at it.
#include <gtest/gtest.h>

#include "c2/emission_control.h"

#include <cmath>
#include <numbers>

namespace rampart::c2 {
namespace {

scenario::Radar radar(scenario::Emission emission, double reach_m = 40'000.0, double hold_s = 30.0) {
  scenario::Radar r;
  r.name = "FC";
  r.position = {1000.0, 2000.0};
  r.emission = emission;
  r.emission_reach_m = reach_m;
  r.emission_hold_s = hold_s;
  return r;
}

messages::TrackState track(std::uint32_t id, double east_m, double north_m,
                           messages::TrackStatus status = messages::TrackStatus::kConfirmed) {
  messages::TrackState t;
  t.id = id;
  t.x << east_m, north_m, 3000.0, 0.0, 0.0, 0.0;
  t.status = status;
  return t;
}

/// A radiating radar at (1000, 2000) that shuts down for 60 s on an ARM within 40 km, faster than
/// 400 m/s, heading within 10 degrees of it.
scenario::Radar warned_radar(scenario::Emission emission = scenario::Emission::kOn) {
  scenario::Radar r = radar(emission);
  r.arm_warning = scenario::ArmWarning{.range_m = 40'000.0, .shutdown_s = 60.0, .cone_deg = 10.0, .min_speed_mps = 400.0};
  return r;
}

/// A confirmed track 30 km due north of the radar flying at speed_mps, off_deg to the east of
/// the bearing to the radar (due south), updated at t_s.
messages::TrackState inbound(std::uint32_t id, double speed_mps, double off_deg, double t_s = 0.0) {
  messages::TrackState t = track(id, 1000.0, 32'000.0);
  t.t_s = t_s;
  const double off_rad = off_deg * std::numbers::pi / 180.0;
  t.x.tail<3>() << speed_mps * std::sin(off_rad), -speed_mps * std::cos(off_rad), -50.0;
  return t;
}

Identity unknown(std::uint32_t) { return Identity::kUnknown; }

TEST(EmissionControl, StartsAsTheScenarioSays) {
  const EmissionControl c({radar(scenario::Emission::kOn), radar(scenario::Emission::kOff),
                           radar(scenario::Emission::kWeaponsReach)});
  EXPECT_TRUE(c.emitting(0));
  EXPECT_FALSE(c.emitting(1));
  EXPECT_FALSE(c.emitting(2));
}

TEST(EmissionControl, WeaponsReachGoesLiveOnATrackInReachAndSilentAfterTheHold) {
  EmissionControl c({radar(scenario::Emission::kWeaponsReach)});
  // 1000 + 30000 east, 2000 + 30000 north: 42.4 km from the radar, outside the 40 km reach.
  EXPECT_TRUE(c.update(0.0, {track(7, 31'000.0, 32'000.0)}, unknown).empty());
  EXPECT_FALSE(c.emitting(0));
  // 1000 + 24000, 2000 + 32000: 40.0 km (24-32-40 triangle), just inside.
  const auto on = c.update(1.0, {track(7, 25'000.0, 34'000.0)}, unknown);
  ASSERT_EQ(on.size(), 1u);
  EXPECT_TRUE(on[0].emitting);
  EXPECT_EQ(on[0].reason, "track 7 at 40.0 km, inside the 40.0 km reach");
  EXPECT_TRUE(c.emitting(0));
  // The track is lost at 2 s: the radar stays on through the 30 s hold and goes off at 31 s.
  EXPECT_TRUE(c.update(2.0, {}, unknown).empty());
  EXPECT_TRUE(c.update(30.9, {}, unknown).empty());
  const auto off = c.update(31.0, {}, unknown);
  ASSERT_EQ(off.size(), 1u);
  EXPECT_FALSE(off[0].emitting);
  EXPECT_EQ(off[0].reason, "no track inside the 40.0 km reach for 30 s");
}

TEST(EmissionControl, FriendsNeutralsAndTentativeTracksDoNotBringItUp) {
  EmissionControl c({radar(scenario::Emission::kWeaponsReach)});
  const auto friendly = [](std::uint32_t id) { return id == 1 ? Identity::kFriend : Identity::kNeutral; };
  EXPECT_TRUE(c.update(0.0, {track(1, 1000.0, 2000.0), track(2, 1000.0, 3000.0)}, friendly).empty());
  EXPECT_TRUE(c.update(1.0, {track(3, 1000.0, 3000.0, messages::TrackStatus::kTentative)}, unknown).empty());
  EXPECT_FALSE(c.emitting(0));
  const auto hostile = [](std::uint32_t) { return Identity::kHostile; };
  EXPECT_EQ(c.update(2.0, {track(3, 1000.0, 3000.0)}, hostile).size(), 1u);
}

TEST(EmissionControl, OrdersTakeEffectAtOnce) {
  EmissionControl c({radar(scenario::Emission::kOn)});
  const auto off = c.set_mode(5.0, 0, scenario::Emission::kOff);
  ASSERT_EQ(off.size(), 1u);
  EXPECT_FALSE(off[0].emitting);
  EXPECT_EQ(off[0].reason, "emission off ordered");
  // Off stays off whatever the picture.
  EXPECT_TRUE(c.update(6.0, {track(1, 1000.0, 3000.0)}, unknown).empty());
  EXPECT_TRUE(c.set_mode(7.0, 0, scenario::Emission::kOff).empty());
  // To weapons reach: silent until a cycle finds a track in reach.
  EXPECT_TRUE(c.set_mode(8.0, 0, scenario::Emission::kWeaponsReach).empty());
  EXPECT_EQ(c.update(9.0, {track(1, 1000.0, 3000.0)}, unknown).size(), 1u);
  EXPECT_TRUE(c.emitting(0));
  // From live weapons reach to on: no change; back to weapons reach with nothing in reach and the
  // hold long past: off at the next cycle.
  EXPECT_TRUE(c.set_mode(10.0, 0, scenario::Emission::kOn).empty());
  EXPECT_TRUE(c.set_mode(50.0, 0, scenario::Emission::kWeaponsReach).empty());
  EXPECT_EQ(c.update(51.0, {}, unknown).size(), 1u);
  EXPECT_FALSE(c.emitting(0));
}

TEST(ArmWarning, ATrackHeadingAtTheRadarSilencesIt) {
  EmissionControl c({warned_radar()});
  const auto off = c.update(0.0, {inbound(5, 700.0, 0.0)}, unknown);
  ASSERT_EQ(off.size(), 1u);
  EXPECT_FALSE(off[0].emitting);
  EXPECT_EQ(off[0].reason, "ARM warning: track 5 at 30.0 km, 700 m/s, 0.0 deg off the radar; silent for 60 s");
  EXPECT_FALSE(c.emitting(0));
}

TEST(ArmWarning, OneHeading30DegreesOffASlowOneAFriendAndOneOutOfRangeDoNot) {
  EmissionControl c({warned_radar()});
  EXPECT_TRUE(c.update(0.0, {inbound(5, 700.0, 30.0)}, unknown).empty());  // 30 deg off a 10 deg cone
  EXPECT_TRUE(c.update(1.0, {inbound(5, 700.0, -30.0, 1.0)}, unknown).empty());
  EXPECT_TRUE(c.update(2.0, {inbound(6, 300.0, 0.0, 2.0)}, unknown).empty());  // an aircraft's speed
  const auto friendly = [](std::uint32_t) { return Identity::kFriend; };
  EXPECT_TRUE(c.update(3.0, {inbound(7, 700.0, 0.0, 3.0)}, friendly).empty());
  messages::TrackState far = inbound(8, 700.0, 0.0, 4.0);
  far.x(1) = 2000.0 + 40'100.0;  // 40.1 km out
  EXPECT_TRUE(c.update(4.0, {far}, unknown).empty());
  EXPECT_TRUE(c.emitting(0));
  // Just inside the cone: 9.9 deg.
  EXPECT_EQ(c.update(5.0, {inbound(5, 700.0, 9.9, 5.0)}, unknown).size(), 1u);
  EXPECT_FALSE(c.emitting(0));
}

// A track last updated 50 s ago, 30 km out at 700 m/s straight at the radar: extrapolated to now
// it is 5 km past the radar, flying away, and warns of nothing (no radar updates it any more:
// its ARM has burst, or the radar it was heading for is silent). Updated 40 s ago it is 2 km short
// and still coming.
TEST(ArmWarning, AStaleTrackIsJudgedWhereItWouldBeNow) {
  EmissionControl c({warned_radar()});
  messages::TrackState stale = inbound(5, 700.0, 0.0, 50.0);
  EXPECT_TRUE(c.update(100.0, {stale}, unknown).empty());
  EXPECT_TRUE(c.emitting(0));
  stale.t_s = 60.0;
  const auto off = c.update(100.0, {stale}, unknown);
  ASSERT_EQ(off.size(), 1u);
  EXPECT_EQ(off[0].reason, "ARM warning: track 5 at 2.0 km, 700 m/s, 0.0 deg off the radar; silent for 60 s");
}

TEST(ArmWarning, TheRadarRadiatesAgainShutdownAfterTheLastArmTrack) {
  EmissionControl c({warned_radar()});
  EXPECT_EQ(c.update(0.0, {inbound(5, 700.0, 0.0)}, unknown).size(), 1u);
  EXPECT_TRUE(c.update(10.0, {inbound(5, 700.0, 0.0)}, unknown).empty());  // still coming: 60 s from now
  EXPECT_TRUE(c.update(11.0, {}, unknown).empty());                         // its track ends
  EXPECT_TRUE(c.update(69.9, {}, unknown).empty());
  EXPECT_FALSE(c.emitting(0));
  const auto on = c.update(70.0, {}, unknown);
  ASSERT_EQ(on.size(), 1u);
  EXPECT_TRUE(on[0].emitting);
  EXPECT_EQ(on[0].reason, "ARM warning over: no ARM track for 60 s");
}

TEST(ArmWarning, ItHoldsARadarSilentWhateverItsModeWantsAndAfterwardsTheModeRules) {
  EmissionControl c({warned_radar(scenario::Emission::kWeaponsReach)});
  // The ARM's track is in the weapons reach too: the warning wins, the radar stays silent.
  EXPECT_TRUE(c.update(0.0, {inbound(5, 700.0, 0.0)}, unknown).empty());
  EXPECT_FALSE(c.emitting(0));
  // An order to radiate does not lift the warning.
  EXPECT_TRUE(c.set_mode(1.0, 0, scenario::Emission::kOn).empty());
  EXPECT_FALSE(c.emitting(0));
  // 60 s after the last ARM track the order to radiate takes effect.
  EXPECT_TRUE(c.update(30.0, {}, unknown).empty());
  const auto on = c.update(60.0, {}, unknown);
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].reason, "ARM warning over: no ARM track for 60 s");
  // A radar ordered off comes back to nothing when a warning ends.
  EXPECT_EQ(c.update(61.0, {inbound(5, 700.0, 0.0, 61.0)}, unknown).size(), 1u);
  EXPECT_TRUE(c.set_mode(62.0, 0, scenario::Emission::kOff).empty());
  EXPECT_TRUE(c.update(200.0, {}, unknown).empty());
  EXPECT_FALSE(c.emitting(0));
}

}  // namespace
}  // namespace rampart::c2
