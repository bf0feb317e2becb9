// Identification of tracks from IFF.
//
// Every new track is pending. C2 challenges it with IFF once per C2 cycle while it is pending
// or unknown; a valid reply makes it a friend. A track that has stayed silent for
// `challenges_before_hostile` challenges, all made where an interrogator covers it, is declared
// hostile. Every change is logged with its reason.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "c2/identity.h"
#include "tracking/types.h"

namespace rampart::c2 {

/// The IFF channel C2 uses: challenges a position (scenario ENU) and says whether a valid reply
/// came back; `covered` is false when no interrogator reaches the position. The challenge key
/// identifies the challenge for deterministic draws.
struct IffReply {
  bool covered = false;
  bool replied = false;
};
using IffChallenge = std::function<IffReply(const Eigen::Vector3d& p_enu_m, std::uint64_t challenge_key)>;

struct IdentityChange {
  double t_s = 0.0;
  std::uint32_t track_id = 0;
  Identity from = Identity::kPending;
  Identity to = Identity::kPending;
  std::string reason;
};

class Identifier {
 public:
  Identifier(IffChallenge challenge, int challenges_before_hostile);

  /// Challenges and classifies the confirmed tracks; forgets deleted ones. Returns the changes.
  std::vector<IdentityChange> update(double t_s, const std::vector<tracking::TrackState>& tracks);
  Identity identity(std::uint32_t track_id) const;

 private:
  struct State {
    Identity identity = Identity::kPending;
    int silent_challenges = 0;
    int challenges = 0;
  };
  IffChallenge challenge_;
  int challenges_before_hostile_;
  std::map<std::uint32_t, State> states_;
};

}  // namespace rampart::c2
