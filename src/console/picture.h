// The recognised air picture as the console shows it, and its messages (docs/console-protocol.md).
//
// A Picture holds what a console operator sees at one moment: tracks, fire units, the threat
// ranking, interceptors in flight, pending engagement proposals, the latest events, and (for an
// analyst who asks) truth. A driver (a live run or a replay) sets it; the server turns it into a
// full `snapshot` for a client that connects or falls behind, and into a `delta` of what changed
// since the previous period for every client at the update rate.
//
// Deltas are numbered: take_delta() closes a period and returns its changes with a sequence
// number; a snapshot carries the number of the last delta it already holds, so a client that gets
// a snapshot between deltas skips the deltas it holds (Session in server.cpp).
//
// Each event and the truth overlay have an audience: truth-bearing events (an interceptor's real
// outcome) go only to clients that asked for truth, injections only to the instructor.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rampart::console {

using Json = nlohmann::json;

/// What one client may see.
struct Audience {
  bool truth = false;       ///< the analyst's truth overlay and truth-bearing events
  bool instructor = false;  ///< the instructor's injections
  auto operator<=>(const Audience&) const = default;
};

enum class EventAudience { kAll, kTruth, kInstructor };

/// What changed in one period, for every audience; message() builds one audience's delta.
struct Delta {
  std::uint64_t seq = 0;
  Json header;  ///< t_s and clock
  Json tracks = Json::array();
  Json dropped = Json::array();
  Json units = Json::array();
  Json threats = Json::array();
  Json interceptors = Json::array();
  Json interceptors_ended = Json::array();
  Json proposals = Json::array();
  std::vector<std::pair<Json, EventAudience>> events;
  Json truth = Json::array();

  std::string message(const Audience& audience) const;
};

class Picture {
 public:
  /// The last events kept for a snapshot.
  static constexpr std::size_t kEventsKept = 200;

  /// Simulated time, kept to the hundredth of a second it is shown with.
  void set_time(double t_s);
  double time_s() const { return t_s_; }
  void set_clock(Json clock) { clock_ = std::move(clock); }
  /// Every track now in the picture, each a TRACK object with an `id`.
  void set_tracks(const std::vector<Json>& tracks);
  /// One fire unit's UNIT object (keyed by `name`).
  void set_unit(const Json& unit);
  void set_threats(Json threats) { threats_ = std::move(threats); }
  void add_interceptor(const Json& interceptor);
  void end_interceptor(std::uint64_t id);
  void add_proposal(const Json& proposal);
  void remove_proposal(std::uint64_t id);
  void add_event(Json event, EventAudience audience);
  void set_truth(Json truth) { truth_ = std::move(truth); }
  std::size_t track_count() const { return tracks_.size(); }
  /// Forgets everything but the fire units and the clock (a replay seeking backwards).
  void clear();
  /// Counts the whole current state as sent and starts a new period (after a seek, every client
  /// gets a snapshot instead of a delta).
  void rebase();

  /// The whole picture for `audience`, as a `snapshot` message.
  std::string snapshot(const Audience& audience) const;
  /// Closes the current period and returns what changed in it.
  Delta take_delta();
  /// Number of the last delta taken (0 before any).
  std::uint64_t seq() const { return seq_; }

 private:
  double t_s_ = 0.0;
  Json clock_ = Json::object();
  std::map<std::uint32_t, Json> tracks_;
  std::map<std::string, Json> units_;
  Json threats_ = Json::array();
  std::map<std::uint64_t, Json> interceptors_;
  std::map<std::uint64_t, Json> proposals_;
  std::deque<std::pair<Json, EventAudience>> events_;
  Json truth_ = Json::array();

  // The state as of the last delta, and what happened since.
  std::uint64_t seq_ = 0;
  std::map<std::uint32_t, Json> sent_tracks_;
  std::map<std::string, Json> sent_units_;
  std::vector<Json> new_interceptors_;
  std::vector<std::uint64_t> ended_interceptors_;
  std::vector<std::pair<Json, EventAudience>> new_events_;
};

}  // namespace rampart::console
