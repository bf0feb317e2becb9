// Track confirmation and deletion with several radars: only the looks of a radar that has
// detected a track count, and a track is missed as its best radar misses it.
#include <gtest/gtest.h>

#include <limits>

#include "tracking/track_management.h"

namespace rampart::tracking {
namespace {

Plot plot_from(int sensor_id) {
  Plot p;
  p.sensor_id = sensor_id;
  return p;
}

TEST(TrackManagement, ARadarThatNeverDetectedATrackNeitherFailsNorDeletesIt) {
  TrackLogicRule rule;
  rule.m_of_n = {3, 4};
  rule.delete_after_misses = 3;
  // Born of radar 1's plot; radar 2 (short range, 2 s scans) looks three times between radar 1's
  // scans and never sees it.
  TrackState track;
  LookHistory history;
  history.misses.hit(1);
  for (int scan = 0; scan < 2; ++scan) {
    for (int k = 0; k < 3; ++k) record_miss(track, history, 0.0, 2);
    record_hit(track, history, plot_from(1), 0.0);
    manage_track(track, history, rule, 100.0);
  }
  // Three hits in three looks that count: confirmed, as radar 1 alone would confirm it.
  EXPECT_EQ(history.looks, 3);
  EXPECT_EQ(track.status, TrackStatus::kConfirmed);
  for (int k = 0; k < 9; ++k) record_miss(track, history, 0.0, 2);
  EXPECT_EQ(track.consecutive_misses, 0);
  EXPECT_EQ(manage_track(track, history, rule, 100.0), Verdict::kKeep);
  // Radar 1 misses it three times in a row: lost.
  for (int k = 0; k < 2; ++k) record_miss(track, history, 0.0, 1);
  EXPECT_EQ(manage_track(track, history, rule, 100.0), Verdict::kKeep);
  record_miss(track, history, 0.0, 1);
  EXPECT_EQ(track.consecutive_misses, 3);
  EXPECT_EQ(manage_track(track, history, rule, 100.0), Verdict::kDeleted);
}

TEST(TrackManagement, ATrackIsStaleWhenItsLatestPlotIsOlderThanMaxCoast) {
  Plot first = plot_from(1);
  first.t_s = 10.0;
  TrackState track = new_track(first, 1, 300.0);
  EXPECT_DOUBLE_EQ(track.t_updated_s, 10.0);
  LookHistory history;
  Plot second = plot_from(2);
  second.t_s = 14.5;
  record_hit(track, history, second, 0.0);
  EXPECT_DOUBLE_EQ(track.t_updated_s, 14.5);
  // An out-of-sequence plot (older than the latest) does not make the track older.
  Plot late = plot_from(1);
  late.t_s = 13.0;
  record_hit(track, history, late, 0.0);
  EXPECT_DOUBLE_EQ(track.t_updated_s, 14.5);
  // A miss does not update it.
  record_miss(track, history, 0.0, 2);
  EXPECT_DOUBLE_EQ(track.t_updated_s, 14.5);
  EXPECT_FALSE(is_stale(track, 38.5, 24.0));  // exactly 24 s
  EXPECT_TRUE(is_stale(track, 38.51, 24.0));
  EXPECT_FALSE(is_stale(track, 1e9, std::numeric_limits<double>::infinity()));
}

TEST(TrackManagement, ATrackTwoRadarsSeeIsMissedAsTheBetterOneMissesIt) {
  TrackState track;
  track.status = TrackStatus::kConfirmed;
  LookHistory history;
  record_hit(track, history, plot_from(1), 0.0);
  record_hit(track, history, plot_from(2), 0.0);
  record_miss(track, history, 0.0, 1);
  record_miss(track, history, 0.0, 1);
  record_miss(track, history, 0.0, 2);
  EXPECT_EQ(track.consecutive_misses, 1);  // radar 1 missed twice, radar 2 once
  record_hit(track, history, plot_from(2), 0.0);
  EXPECT_EQ(track.consecutive_misses, 0);
  record_miss(track, history, 0.0, 1);
  EXPECT_EQ(track.consecutive_misses, 0);  // radar 2's hit is the latest it has
}

TEST(TrackManagement, AFifthRadarTakesTheSlotOfTheRadarThatMissedMost) {
  SensorMisses m;
  for (int s = 1; s <= 4; ++s) m.hit(s);
  for (int k = 0; k < 5; ++k) m.miss(3);
  m.miss(1);
  m.hit(5);  // replaces radar 3 (5 misses)
  EXPECT_FALSE(m.miss(3));
  EXPECT_TRUE(m.miss(5));
  EXPECT_EQ(m.fewest(), 0);  // radars 2 and 4 have missed nothing
}

}  // namespace
}  // namespace rampart::tracking
