// Jammer tracks from the radars' strobes: triangulation (triangulation.h) once per window, and a
// tracker on the fixes.
//
// A rotating radar paints a jammer once a scan, when its beam passes the jammer's bearing, so the
// radars' strobes on one jammer come up to a scan apart. Every window_s (the slowest radar's scan
// period) the strobes of the window just ended, the latest of each (sensor, jammer bearing)
// kept, are crossed; each fix becomes a 2-D plot (east, north; its covariance the fix's; no
// height: a jammer's height is not observable from ground radars' bearings) of one batch that
// looks at every jammer track. The fixes are tracked by the constant-velocity GNN tracker
// (tracker.h) with M-of-N confirmation, deletion after missed windows (a jammer that stops
// jamming, or that fewer than two radars paint) and by age (max_coast_s). The strobes' time skew
// within a window (a 250 m/s jammer moves 1.5 km in a 6 s scan) is left to the process noise.
// Jammer tracks carry TrackSource::kTriangulation and ids from kFirstJammerTrackId, so they never
// share an id with a radar track.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "tracking/tracker.h"
#include "tracking/triangulation.h"

namespace rampart::tracking {

/// Jammer track ids start here (radar tracks count from 1).
inline constexpr std::uint32_t kFirstJammerTrackId = 1'000'000'000;

struct JammerTrackingParameters {
  double window_s = 6.0;  ///< how often the strobes are crossed: the slowest radar's scan period
  /// A sensor's strobes closer than this in bearing within one window are one jammer painted again
  /// (the latest kept): about a beamwidth, within which a radar cannot tell two jammers apart.
  double same_jammer_rad = 0.0349066;  ///< 2 degrees
  TriangulationParameters triangulation;
  /// The tracker on the fixes; first_track_id is set to kFirstJammerTrackId.
  TrackerConfig tracker;
};

/// What one window gave: its fixes and what the tracker did with them.
struct JammerStep {
  double t_s = 0.0;
  std::vector<BearingFix> fixes;
  TrackerStepResult result;
};

class JammerTracker {
 public:
  explicit JammerTracker(const JammerTrackingParameters& parameters);
  /// A strobe that reached the tracker (strobes may come in any order within a window).
  void add(const LineOfBearing& strobe);
  /// At the end of each window (t_s at or past it): crosses the window's strobes (those of times
  /// in (end - window_s, end]) and tracks the fixes, the tracker's batch at the window's end;
  /// nullopt before it. The next window ends after t_s.
  std::optional<JammerStep> update(double t_s);
  /// The live jammer tracks (tentative and confirmed), source kTriangulation.
  std::vector<TrackState> tracks() const;

 private:
  JammerTrackingParameters parameters_;
  std::unique_ptr<Tracker> tracker_;
  std::vector<LineOfBearing> strobes_;  ///< not yet crossed
  double window_end_s_;
  std::uint64_t next_fix_id_ = 1;
};

}  // namespace rampart::tracking
