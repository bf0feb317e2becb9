// Kill assessment from evidence: C2 judges whether an engagement killed its target only from
// what its sensors show afterwards, never from truth.
//
// C2 learns from the launching unit when each interceptor launched and when it reaches its aim
// point (t_i = launch time + the time of flight C2 computed). At the first cycle at or after the
// last t_i of the rounds at a track it notes the track's plot count u0 (baseline). At
// t_i + delay (scenario c2: kill_assessment_delay_s) it judges:
//   track deleted by the tracker                        -> killed   (it stopped correlating)
//   u(now) - u0 >= 1 plot correlated since the intercept -> survived (open for re-engagement)
//   otherwise (only missed looks since)                  -> killed
// The evidence can mislead both ways: a killed target's track that picks up clutter plots is
// judged survived; a survivor the radar misses for the whole delay is judged killed. A track
// judged killed whose plot count then grows by kReopenPlots is reopened (judged alive again).
// Until its rounds are assessed a track stays under engagement, so shoot-look-shoot fires again
// only after the look.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "messages/reports.h"
#include "messages/tracks.h"

namespace rampart::c2 {

using messages::LaunchReport;

enum class Judgement { kKilled, kSurvived, kReopened };
const char* to_string(Judgement judgement);

/// One judgement on the rounds fired at a track. kReopened: a track judged killed earlier kept
/// correlating plots; it covers the interceptors of that earlier kKilled record.
struct KillAssessment {
  double t_s = 0.0;
  std::uint32_t track_id = 0;
  Judgement judgement = Judgement::kKilled;
  std::vector<std::uint64_t> interceptor_ids;
  std::vector<std::uint32_t> fighter_entities;  ///< launching fighters among them (0s left out)
  double intercept_t_s = 0.0;  ///< the last intercept time of the rounds covered
  std::string evidence;
};

/// A track judged killed is reopened after this many plots correlate with it after the judgement.
inline constexpr int kReopenPlots = 2;

class KillAssessor {
 public:
  explicit KillAssessor(double delay_s) : delay_s_(delay_s) {}

  void on_launch(const LaunchReport& launch);
  /// One C2 cycle at t_s on the current air picture; returns the judgements made now.
  std::vector<KillAssessment> update(double t_s, const std::vector<messages::TrackState>& tracks);

  /// Rounds at the track are flying or awaiting their assessment.
  bool under_engagement(std::uint32_t track_id) const { return pending_.count(track_id) > 0; }
  bool judged_killed(std::uint32_t track_id) const { return killed_.count(track_id) > 0; }
  /// By track under engagement: the probability that the threat survives the rounds not yet
  /// assessed, the product of (1 - Pk) over them.
  std::map<std::uint32_t, double> p_reach() const;

 private:
  struct Pending {
    std::vector<LaunchReport> rounds;
    bool baseline_taken = false;
    std::optional<int> baseline_updates;  ///< plots on the track then (none: the track was gone)
  };
  struct Killed {
    int updates = 0;  ///< plots on the track when judged killed
    KillAssessment record;
  };
  double delay_s_;
  std::map<std::uint32_t, Pending> pending_;
  std::map<std::uint32_t, Killed> killed_;
};

}  // namespace rampart::c2
