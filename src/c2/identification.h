// Identification of tracks in NATO's standard identities.
//
// Each C2 cycle every confirmed track is challenged with IFF, its ESM evidence is gathered, and
// the rules below are applied in order of precedence; the first that applies sets the identity.
// Every change is logged with its reason.
//   0. correlated with the data-link position report of one own aircraft for
//      kOwnCorrelationCycles cycles in a row (kOwnCorrelationCyclesFromHostile for a track
//      identified hostile or suspect): the report and the track are each other's nearest,
//      within kOwnCorrelation_m horizontally and kOwnCorrelation_mps in velocity -> friend;
//      while such a correlation is running on a track not yet hostile or suspect, the track
//      keeps its identity (no rule below applies to it)
//   1. valid secure-mode IFF replies to k of the last n challenges made inside coverage (c2:
//      iff_friend_replies, iff_friend_window)              -> friend
//   1a. no secure reply, but a Mode 3/A code of own forces (c2: own_mode3a_codes) with
//      trust_mode3a                                         -> assumed friend
//   2. an ESM bearing on the track with a hostile emitter  -> hostile
//   3. an ESM bearing on the track with a friendly emitter -> assumed friend
//   4. inside a safe-passage corridor (time window, altitude band within two standard deviations
//      of the track's height, within its width, heading along it within 30 degrees, no faster
//      than its speed limit)                                -> assumed friend
//   5. faster than the hostile speed                        -> hostile
//   6. silent to `challenges_before_hostile` secure challenges made inside IFF coverage:
//        answering an own-forces Mode 3/A code (an own aircraft whose secure mode failed, or a
//        spoofer: the evidence conflicts)                    -> suspect
//        heading to reach a defended asset                  -> hostile
//        otherwise                                          -> suspect
//   7. low and fast (a sea-skimmer's profile)               -> suspect
//   8. outside every interrogator's coverage                -> unknown
// Friend is not final: a friend whose last d challenges inside coverage (c2:
// iff_friend_drop_after, more than n) all went unanswered drops back, and the other rules classify
// it again (unknown when none applies). Until then it stays friend (hysteresis), so a few lost
// replies (a manoeuvre the track lags, a poor track height) do not flip it; a hostile flying
// beside a friendly transponder gets at most scattered replies. Hostile, suspect and
// assumed friend can still become friend on replies. An ESM bearing belongs to the track nearest
// in bearing, when it lies within 3 sigma and no other track does.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "c2/identity.h"
#include "messages/reports.h"
#include "scenario/scenario.h"
#include "messages/plots.h"
#include "messages/tracks.h"

namespace rampart::c2 {

/// One IFF challenge of a track: its position now (scenario ENU), that position's covariance,
/// and whether the track has height (the reply's Mode C altitude is compared with it only then).
/// The key identifies the challenge for deterministic draws.
struct IffQuery {
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  Eigen::Matrix3d p_cov_m2 = Eigen::Matrix3d::Zero();
  bool has_height = false;
  std::uint64_t key = 0;
};
/// `covered` is false when no interrogator reaches the position; `replied`: a valid reply
/// correlated with the track.
struct IffReply {
  bool covered = false;
  bool replied = false;  ///< a valid secure-mode (Mode 4/5) reply
  std::optional<int> mode3a_code;  ///< the Mode 3/A code that came back, if any (unauthenticated)
};
using IffChallenge = std::function<IffReply(const IffQuery& query)>;

/// A passive bearing with the emitter identified from its signal.
struct EsmBearing {
  Eigen::Vector3d sensor_enu_m = Eigen::Vector3d::Zero();
  double bearing_rad = 0.0;
  double bearing_sigma_rad = 0.0;
  std::string emitter;
};

struct IdentityChange {
  double t_s = 0.0;
  std::uint32_t track_id = 0;
  Identity from = Identity::kPending;
  Identity to = Identity::kPending;
  std::string reason;
};

/// An own aircraft closer than this to another track may be the one answering that track's IFF
/// challenges (an interrogator's cell is a beamwidth wide: 4 km at 150 km for 1.5 degrees).
inline constexpr double kIffGarble_m = 5000.0;

/// A track is an own aircraft when it and that aircraft's position report stay each other's
/// nearest within these gates for this many cycles (a hostile crossing a fighter's path does not).
inline constexpr double kOwnCorrelation_m = 1500.0;
inline constexpr double kOwnCorrelation_mps = 60.0;
inline constexpr int kOwnCorrelationCycles = 3;
/// A track already identified hostile or suspect needs this many (a fighter closing on a bandit can sit by
/// it for a few seconds; an own aircraft whose track was misidentified stays by it for good).
inline constexpr int kOwnCorrelationCyclesFromHostile = 20;

class Identifier {
 public:
  Identifier(const scenario::Scenario& s, IffChallenge challenge);

  /// Classifies the confirmed tracks; forgets deleted ones. Returns the changes.
  /// `own_forces`: own aircraft's reports on the data link, extrapolated to t_s.
  std::vector<IdentityChange> update(double t_s, const std::vector<messages::TrackState>& tracks,
                                     const std::vector<EsmBearing>& esm,
                                     const std::vector<messages::PositionReport>& own_forces = {});
  Identity identity(std::uint32_t track_id) const;

 private:
  struct State {
    Identity identity = Identity::kPending;
    int silent_challenges = 0;
    int challenges = 0;
    std::deque<bool> replies;  ///< the last max(n, d) challenges inside coverage: answered or not
    std::uint32_t own_unit = 0;  ///< the own aircraft it correlated with last cycle (0: none)
    int own_cycles = 0;          ///< cycles in a row it did
    std::optional<int> mode3a_code;  ///< the last Mode 3/A code it answered with
  };
  /// The identity the rules give and why; nullopt keeps the current one.
  std::optional<std::pair<Identity, std::string>> classify(double t_s, const messages::TrackState& track,
                                                           State& state, const std::string& emitter, bool garbled,
                                                           std::uint32_t own_unit);
  /// The tracks whose IFF replies prove nothing: where two or more confirmed tracks lie within
  /// kIffGarble_m (horizontally) of a reported own aircraft, any of them may be that aircraft,
  /// and its transponder answers the challenges of all of them.
  static std::set<std::uint32_t> garbled_tracks(double t_s, const std::vector<messages::TrackState>& tracks,
                                                const std::vector<messages::PositionReport>& own_forces);
  /// Track -> the own aircraft whose report it correlates with this cycle (rule 0's gates).
  static std::map<std::uint32_t, std::uint32_t> own_correlations(
      double t_s, const std::vector<messages::TrackState>& tracks, const std::vector<messages::PositionReport>& own_forces);
  /// Rules 2 to 8, for a track of identity `current` whose IFF replies do not make it a friend.
  std::optional<std::pair<Identity, std::string>> classify_silent(double t_s, const messages::TrackState& track,
                                                                  Identity current, const State& state,
                                                                  const std::string& emitter, bool covered) const;
  std::map<std::uint32_t, std::string> attribute_emitters(const std::vector<messages::TrackState>& tracks,
                                                          const std::vector<EsmBearing>& esm) const;
  bool in_corridor(double t_s, const messages::TrackState& track) const;
  bool heading_to_an_asset(const messages::TrackState& track) const;

  scenario::C2Settings settings_;
  std::vector<scenario::Asset> assets_;
  double origin_alt_m_;
  IffChallenge challenge_;
  std::map<std::uint32_t, State> states_;
};

}  // namespace rampart::c2
