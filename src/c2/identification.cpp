#include "c2/identification.h"

#include <set>

#include <fmt/format.h>

#include "core/random.h"

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

Identifier::Identifier(IffChallenge challenge, int challenges_before_hostile)
    : challenge_(std::move(challenge)), challenges_before_hostile_(challenges_before_hostile) {}

std::vector<IdentityChange> Identifier::update(double t_s, const std::vector<tracking::TrackState>& tracks) {
  std::vector<IdentityChange> changes;
  std::set<std::uint32_t> live;
  for (const auto& track : tracks) {
    if (track.status != tracking::TrackStatus::kConfirmed) continue;
    live.insert(track.id);
    State& s = states_[track.id];
    if (s.identity != Identity::kPending && s.identity != Identity::kUnknown) continue;
    const IffReply reply = challenge_(track.position_enu_m(), entity_key(track.id, static_cast<std::uint64_t>(s.challenges)));
    ++s.challenges;
    const Identity before = s.identity;
    if (reply.replied) {
      s.identity = Identity::kFriend;
      changes.push_back({t_s, track.id, before, s.identity, "valid IFF reply"});
      continue;
    }
    if (!reply.covered) {
      if (s.identity == Identity::kPending) {
        s.identity = Identity::kUnknown;
        changes.push_back({t_s, track.id, before, s.identity, "outside IFF coverage"});
      }
      continue;
    }
    if (++s.silent_challenges >= challenges_before_hostile_) {
      s.identity = Identity::kHostile;
      changes.push_back({t_s, track.id, before, s.identity,
                         fmt::format("no IFF reply to {} challenges", s.silent_challenges)});
    }
  }
  std::erase_if(states_, [&](const auto& kv) { return !live.count(kv.first); });
  return changes;
}

Identity Identifier::identity(std::uint32_t track_id) const {
  const auto it = states_.find(track_id);
  return it == states_.end() ? Identity::kPending : it->second.identity;
}

}  // namespace rampart::c2
