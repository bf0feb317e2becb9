// Jammer tracks from the strobes of three radars painting at different times of each scan.
#include "tracking/jammer_tracking.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"

namespace rampart::tracking {
namespace {

struct Radar {
  int id;
  Eigen::Vector2d en_m;
  double paints_at_s;  ///< within each 6 s scan
};
const Radar kRadars[] = {{1, {-20'000.0, 0.0}, 1.0}, {2, {20'000.0, 0.0}, 3.0}, {3, {0.0, -30'000.0}, 5.0}};

LineOfBearing paint(const Radar& r, double t_s, const Eigen::Vector2d& jammer_en_m) {
  const Eigen::Vector2d d = jammer_en_m - r.en_m;
  return {r.id, t_s, r.en_m, azimuth_rad(d.x(), d.y()), 0.002};
}

// A jammer from (0, 60) km at (100, -50) m/s, painted by each radar once a 6 s scan: the windows
// end at 6, 12, ... s; the first ends with one fix, three fixes confirm the track (3 of 4) at
// 18 s; at 60 s it is within a kilometre of the jammer, moving at its velocity within 30 m/s.
// The jammer then stops jamming: the track misses the windows ending at 66, 72 and 78 s and is
// deleted at the third.
TEST(JammerTracking, ThreeRadarsStrobesMakeOneJammerTrackThatEndsWhenTheJammingStops) {
  JammerTracker tracker({});
  const auto jammer_at = [](double t_s) { return Eigen::Vector2d(100.0 * t_s, 60'000.0 - 50.0 * t_s); };
  EXPECT_FALSE(tracker.update(0.0));
  std::uint32_t id = 0;
  for (int scan = 0; scan < 10; ++scan) {
    for (const Radar& r : kRadars) {
      const double t_s = 6.0 * scan + r.paints_at_s;
      tracker.add(paint(r, t_s, jammer_at(t_s)));
    }
    EXPECT_FALSE(tracker.update(6.0 * scan + 5.9));
    const auto step = tracker.update(6.0 * (scan + 1));
    ASSERT_TRUE(step);
    EXPECT_DOUBLE_EQ(step->t_s, 6.0 * (scan + 1));
    ASSERT_EQ(step->fixes.size(), 1u);
    EXPECT_EQ(step->fixes[0].lines.size(), 3u);
    if (scan == 2) {
      ASSERT_EQ(step->result.confirmed.size(), 1u);
      id = step->result.confirmed[0];
    }
  }
  EXPECT_GE(id, kFirstJammerTrackId);
  ASSERT_EQ(tracker.tracks().size(), 1u);
  const TrackState t = tracker.tracks()[0];
  EXPECT_EQ(t.id, id);
  EXPECT_EQ(t.source, TrackSource::kTriangulation);
  EXPECT_EQ(t.status, TrackStatus::kConfirmed);
  EXPECT_LT((t.position_at(60.0).head<2>() - jammer_at(60.0)).norm(), 1'000.0);
  EXPECT_LT((t.velocity_enu_mps().head<2>() - Eigen::Vector2d(100.0, -50.0)).norm(), 30.0);
  EXPECT_TRUE(tracker.update(66.0)->result.deleted.empty());
  EXPECT_TRUE(tracker.update(72.0)->result.deleted.empty());
  EXPECT_EQ(tracker.update(78.0)->result.deleted, std::vector<std::uint32_t>{id});
  EXPECT_TRUE(tracker.tracks().empty());
}

// A radar that paints a jammer twice in a window (a 2 s fire-control radar in a 6 s window)
// gives one line, its latest: one fix, not three. A window read late is read whole, and the
// next one ends after the time it was read at.
TEST(JammerTracking, AJammerPaintedTwiceInAWindowIsCrossedOnce) {
  JammerTracker tracker({});
  const Eigen::Vector2d jammer(0.0, 60'000.0);
  for (const double t_s : {1.0, 3.0, 5.0}) tracker.add(paint(kRadars[0], t_s, jammer));
  tracker.add(paint(kRadars[1], 4.0, jammer));
  const auto step = tracker.update(6.0);
  ASSERT_TRUE(step);
  ASSERT_EQ(step->fixes.size(), 1u);
  EXPECT_DOUBLE_EQ(step->fixes[0].t_s, 5.0);
  tracker.add(paint(kRadars[0], 7.0, jammer));
  tracker.add(paint(kRadars[1], 8.0, jammer));
  const auto late = tracker.update(19.0);
  ASSERT_TRUE(late);
  EXPECT_DOUBLE_EQ(late->t_s, 12.0);
  ASSERT_EQ(late->fixes.size(), 1u);
  EXPECT_DOUBLE_EQ(late->fixes[0].t_s, 8.0);
  EXPECT_FALSE(tracker.update(23.9));
  EXPECT_TRUE(tracker.update(24.0));
}

}  // namespace
}  // namespace rampart::tracking
