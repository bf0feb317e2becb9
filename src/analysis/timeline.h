// The engagement timeline of one run, for the report: a sink of the event stream that keeps, per
// lane, what happened when.
//
// Lanes: the fire units in the scenario's order, then each fighter sortie in the order it took
// off, then three lanes of C2 and truth: "Identification" (every identity change), "Kill
// assessment" (C2's judgements) and "Leakers" (threats reaching an asset, from TruthMoved's
// arrivals). On a weapon's lane a span runs from each interceptor's launch to its resolution
// (kind: its outcome kill, miss, no_target, aborted, or fratricide for a kill of a friend; it is
// "in_flight" to the end of the run if unresolved), a fighter's lane also has a span "airborne"
// from take-off to landing (or the end), and marks show the fire orders C2 gave ("order").
// The timeline is drawn from the run's event log (event_log.h), the one the results database
// keeps, so both tell the same events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/event_log.h"
#include "scenario/scenario.h"

namespace rampart::analysis {

inline constexpr const char* kIdentificationLane = "Identification";
inline constexpr const char* kKillAssessmentLane = "Kill assessment";
inline constexpr const char* kLeakersLane = "Leakers";

struct Timeline {
  struct Span {
    std::string lane;
    double from_s = 0.0;
    double to_s = 0.0;
    std::string kind;  ///< airborne, kill, miss, no_target, aborted, fratricide, in_flight
    std::string text;  ///< what a tooltip says
  };
  struct Mark {
    std::string lane;
    double t_s = 0.0;
    std::string kind;  ///< order; killed, survived, reopened; the new identity; leak
    std::string text;
  };
  std::vector<std::string> lanes;  ///< in display order
  std::vector<Span> spans;
  std::vector<Mark> marks;
  double end_s = 0.0;
};

/// The timeline of a run from its event log (event_log.h; the database keeps the same log) and the
/// time the run ended: open spans end then.
Timeline timeline_of(const scenario::Scenario& s, const std::vector<LoggedEvent>& events, double end_s);

/// Runs `s` with `seed` and records its timeline.
Timeline record_timeline(const scenario::Scenario& s, std::uint64_t seed);

}  // namespace rampart::analysis
