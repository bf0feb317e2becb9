#include "c2/identification.h"

#include <limits>

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "c2/intercept.h"
#include "c2/threat_evaluation.h"
#include "core/random.h"
#include "core/units.h"

namespace rampart::c2 {

const char* to_string(Identity identity) {
  switch (identity) {
    case Identity::kPending: return "pending";
    case Identity::kUnknown: return "unknown";
    case Identity::kAssumedFriend: return "assumed_friend";
    case Identity::kFriend: return "friend";
    case Identity::kNeutral: return "neutral";
    case Identity::kSuspect: return "suspect";
    case Identity::kHostile: return "hostile";
  }
  return "?";
}

Identifier::Identifier(const scenario::Scenario& s, IffChallenge challenge)
    : settings_(s.c2), assets_(s.assets), origin_alt_m_(s.origin.alt_m), challenge_(std::move(challenge)) {}

std::map<std::uint32_t, std::string> Identifier::attribute_emitters(
    const std::vector<messages::TrackState>& tracks, const std::vector<EsmBearing>& esm) const {
  std::map<std::uint32_t, std::string> emitters;
  for (const auto& report : esm) {
    const messages::TrackState* nearest = nullptr;
    int within_gate = 0;
    double best_sigmas = 3.0;
    for (const auto& t : tracks) {
      if (t.status != messages::TrackStatus::kConfirmed) continue;
      const Eigen::Vector3d d = t.position_enu_m() - report.sensor_enu_m;
      const double sigmas = std::abs(wrap_pi(azimuth_rad(d.x(), d.y()) - report.bearing_rad)) /
                            report.bearing_sigma_rad;
      if (sigmas > 3.0) continue;
      ++within_gate;
      if (sigmas <= best_sigmas) {
        best_sigmas = sigmas;
        nearest = &t;
      }
    }
    if (nearest && within_gate == 1) emitters[nearest->id] = report.emitter;
  }
  return emitters;
}

bool Identifier::in_corridor(double t_s, const messages::TrackState& track) const {
  const Eigen::Vector2d p = track.position_enu_m().head<2>();
  const Eigen::Vector2d v = track.velocity_enu_mps().head<2>();
  const double alt_m = altitude_m(track.position_enu_m(), origin_alt_m_);
  // A new track's height can be kilometres off (elevation noise at long range): the band is met
  // when it lies within two standard deviations of the track's height.
  const double height_sigma_m = std::sqrt(std::max(track.P(2, 2), 0.0));
  for (const auto& c : settings_.corridors) {
    if (t_s < c.start_time_s || t_s >= c.end_time_s || v.norm() > c.max_speed_mps) continue;
    if (track.has_height &&
        (alt_m + 2.0 * height_sigma_m < c.min_altitude_m || alt_m - 2.0 * height_sigma_m > c.max_altitude_m))
      continue;
    for (std::size_t i = 1; i < c.route.size(); ++i) {
      const Eigen::Vector2d a(c.route[i - 1].east_m, c.route[i - 1].north_m);
      const Eigen::Vector2d b(c.route[i].east_m, c.route[i].north_m);
      const Eigen::Vector2d ab = b - a;
      const double f = std::clamp((p - a).dot(ab) / ab.squaredNorm(), 0.0, 1.0);
      if ((a + f * ab - p).norm() > c.width_m / 2.0) continue;
      // Either direction along the corridor: within 30 degrees of its axis (an aircraft flying the
      // lane follows it; one crossing it at 40 degrees is not in it).
      if (v.norm() > 1.0 && std::abs(v.normalized().dot(ab.normalized())) >= std::cos(kPi / 6.0)) return true;
    }
  }
  return false;
}

bool Identifier::heading_to_an_asset(const messages::TrackState& track) const {
  return !evaluate_threats({track}, assets_, kThreatMargin_m, origin_alt_m_).empty();
}

std::optional<std::pair<Identity, std::string>> Identifier::classify(double t_s, const messages::TrackState& track,
                                                                     State& state, const std::string& emitter,
                                                                     bool garbled, std::uint32_t own_unit) {
  // The interrogator looks where the track is now: its state extrapolated from its time.
  const Eigen::Vector3d p_now_enu_m = track.position_at(t_s);
  const IffReply reply = challenge_({p_now_enu_m, track.P.topLeftCorner<3, 3>(), track.has_height,
                                     entity_key(track.id, static_cast<std::uint64_t>(state.challenges))});
  ++state.challenges;
  const auto window = static_cast<std::size_t>(settings_.iff_friend_window);
  const auto drop_after = static_cast<std::size_t>(settings_.iff_friend_drop_after);
  // A reply to a track next to a reported own aircraft may be that aircraft's: it proves nothing,
  // and neither counts for nor against the track.
  if (reply.mode3a_code) state.mode3a_code = reply.mode3a_code;
  if (reply.covered && !(garbled && reply.replied)) {
    state.replies.push_back(reply.replied);
    if (state.replies.size() > std::max(window, drop_after)) state.replies.pop_front();
    if (!reply.replied) ++state.silent_challenges;
  }
  state.own_cycles = own_unit != 0 && own_unit == state.own_unit ? state.own_cycles + 1 : own_unit != 0 ? 1 : 0;
  state.own_unit = own_unit;
  const bool suspected = state.identity == Identity::kHostile || state.identity == Identity::kSuspect;
  if (state.own_cycles >= (suspected ? kOwnCorrelationCyclesFromHostile : kOwnCorrelationCycles))
    return std::pair{Identity::kFriend,
                     fmt::format("correlates with the data-link position report of own aircraft {}", own_unit)};
  // A track moving with an own aircraft's report keeps its identity while the correlation runs its
  // cycles: silence to IFF is what that aircraft would give with its transponder off.
  if (state.own_cycles > 0 && !suspected) return std::nullopt;
  const std::size_t in_window = std::min(window, state.replies.size());
  const auto answered = std::count(state.replies.end() - static_cast<std::ptrdiff_t>(in_window), state.replies.end(), true);
  if (answered >= settings_.iff_friend_replies)
    return std::pair{Identity::kFriend, fmt::format("valid IFF replies to {} of the last {} challenges", answered,
                                                    in_window)};
  if (state.identity == Identity::kFriend) {
    if (state.replies.size() < drop_after ||
        std::find(state.replies.end() - static_cast<std::ptrdiff_t>(drop_after), state.replies.end(), true) !=
            state.replies.end())
      return std::nullopt;
    const std::string lost = fmt::format("no IFF reply to the last {} challenges", drop_after);
    const auto again = classify_silent(t_s, track, Identity::kPending, state, emitter, reply.covered);
    if (!again) return std::pair{Identity::kUnknown, lost};
    return std::pair{again->first, lost + "; " + again->second};
  }
  return classify_silent(t_s, track, state.identity, state, emitter, reply.covered);
}

std::optional<std::pair<Identity, std::string>> Identifier::classify_silent(double t_s,
                                                                            const messages::TrackState& track,
                                                                            Identity current, const State& state,
                                                                            const std::string& emitter,
                                                                            bool covered) const {
  const auto listed = [&](const std::vector<std::string>& names) {
    return std::find(names.begin(), names.end(), emitter) != names.end();
  };
  if (!emitter.empty() && listed(settings_.hostile_emitters))
    return std::pair{Identity::kHostile, fmt::format("ESM: hostile emitter '{}'", emitter)};
  if (current == Identity::kHostile) return std::nullopt;
  if (!emitter.empty() && listed(settings_.friendly_emitters))
    return std::pair{Identity::kAssumedFriend, fmt::format("ESM: friendly emitter '{}'", emitter)};
  if (in_corridor(t_s, track)) return std::pair{Identity::kAssumedFriend, std::string("in a safe-passage corridor")};
  const bool own_code = state.mode3a_code && std::find(settings_.own_mode3a_codes.begin(), settings_.own_mode3a_codes.end(),
                                                       *state.mode3a_code) != settings_.own_mode3a_codes.end();
  if (own_code && settings_.trust_mode3a)
    return std::pair{Identity::kAssumedFriend,
                     fmt::format("Mode 3/A code {:04o} of own forces (not authenticated)", *state.mode3a_code)};
  const double speed_mps = track.velocity_enu_mps().head<2>().norm();
  if (speed_mps > settings_.profile.hostile_speed_mps)
    return std::pair{Identity::kHostile, fmt::format("speed {:.0f} m/s above the hostile limit", speed_mps)};
  if (current == Identity::kAssumedFriend) return std::nullopt;
  if (state.silent_challenges >= settings_.iff_challenges_before_hostile) {
    const std::string silent = fmt::format("no IFF reply to {} challenges", state.silent_challenges);
    if (own_code)
      return std::pair{Identity::kSuspect,
                       fmt::format("{} in the secure mode, but Mode 3/A code {:04o} of own forces", silent,
                                   *state.mode3a_code)};
    if (heading_to_an_asset(track)) return std::pair{Identity::kHostile, silent + ", heading for a defended asset"};
    return std::pair{Identity::kSuspect, silent};
  }
  const double alt_m = altitude_m(track.position_enu_m(), origin_alt_m_);
  if (track.has_height && alt_m < settings_.profile.low_altitude_m && speed_mps > settings_.profile.low_fast_speed_mps)
    return std::pair{Identity::kSuspect, fmt::format("low ({:.0f} m) and fast ({:.0f} m/s)", alt_m, speed_mps)};
  if (!covered && current == Identity::kPending)
    return std::pair{Identity::kUnknown, std::string("outside IFF coverage")};
  return std::nullopt;
}

namespace {
/// Horizontal distance at t_s between a track (extrapolated) and an own aircraft's report.
double distance_m(double t_s, const messages::TrackState& t, const messages::PositionReport& r) {
  return (t.position_at(t_s) - r.p_enu_m).head<2>().norm();
}

/// Rule 0's gates: the track is where the reported aircraft is and moves as it does.
bool moves_with(double t_s, const messages::TrackState& t, const messages::PositionReport& r) {
  return distance_m(t_s, t, r) <= kOwnCorrelation_m &&
         (t.velocity_enu_mps() - r.v_enu_mps).head<2>().norm() <= kOwnCorrelation_mps;
}
}  // namespace

std::set<std::uint32_t> Identifier::garbled_tracks(double t_s, const std::vector<messages::TrackState>& tracks,
                                                   const std::vector<messages::PositionReport>& own_forces) {
  std::set<std::uint32_t> garbled;
  for (const auto& report : own_forces) {
    std::vector<std::uint32_t> near;
    for (const auto& t : tracks) {
      if (t.status != messages::TrackStatus::kConfirmed) continue;
      if (distance_m(t_s, t, report) >= kIffGarble_m) continue;
      near.push_back(t.id);
      // A track that does not move with the report is not that aircraft, whose transponder may
      // still be what answers its challenges (its own track may be missing or merged).
      if (!moves_with(t_s, t, report)) garbled.insert(t.id);
    }
    if (near.size() >= 2) garbled.insert(near.begin(), near.end());
  }
  return garbled;
}

std::map<std::uint32_t, std::uint32_t> Identifier::own_correlations(
    double t_s, const std::vector<messages::TrackState>& tracks, const std::vector<messages::PositionReport>& own_forces) {
  std::map<std::uint32_t, std::uint32_t> out;
  for (const auto& report : own_forces) {
    const messages::TrackState* nearest = nullptr;
    for (const auto& t : tracks)
      if (t.status == messages::TrackStatus::kConfirmed &&
          (!nearest || distance_m(t_s, t, report) < distance_m(t_s, *nearest, report)))
        nearest = &t;
    if (!nearest || !moves_with(t_s, *nearest, report)) continue;
    const bool mutual = std::none_of(own_forces.begin(), own_forces.end(), [&](const messages::PositionReport& other) {
      return other.entity_id != report.entity_id && distance_m(t_s, *nearest, other) < distance_m(t_s, *nearest, report);
    });
    if (mutual) out[nearest->id] = report.entity_id;
  }
  return out;
}

std::vector<IdentityChange> Identifier::update(double t_s, const std::vector<messages::TrackState>& tracks,
                                               const std::vector<EsmBearing>& esm,
                                               const std::vector<messages::PositionReport>& own_forces) {
  std::vector<IdentityChange> changes;
  std::set<std::uint32_t> live;
  const auto emitters = attribute_emitters(tracks, esm);
  const std::set<std::uint32_t> garbled = garbled_tracks(t_s, tracks, own_forces);
  const std::map<std::uint32_t, std::uint32_t> own = own_correlations(t_s, tracks, own_forces);
  for (const auto& track : tracks) {
    if (track.status != messages::TrackStatus::kConfirmed) continue;
    live.insert(track.id);
    State& s = states_[track.id];
    const auto it = emitters.find(track.id);
    const auto verdict =
        classify(t_s, track, s, it == emitters.end() ? std::string() : it->second, garbled.count(track.id) > 0,
                 own.count(track.id) ? own.at(track.id) : 0);
    if (!verdict || verdict->first == s.identity) continue;
    changes.push_back({t_s, track.id, s.identity, verdict->first, verdict->second});
    s.identity = verdict->first;
  }
  std::erase_if(states_, [&](const auto& kv) { return !live.count(kv.first); });
  return changes;
}

Identity Identifier::identity(std::uint32_t track_id) const {
  const auto it = states_.find(track_id);
  return it == states_.end() ? Identity::kPending : it->second.identity;
}

}  // namespace rampart::c2
