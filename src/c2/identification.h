// Identification of tracks in NATO's standard identities.
//
// Each C2 cycle every confirmed track that is not yet a friend is challenged with IFF, its ESM
// evidence is gathered, and the rules below are applied in order of precedence; the first that
// applies sets the identity. Every change is logged with its reason.
//   1. a valid IFF reply                                   -> friend
//   2. an ESM bearing on the track with a hostile emitter  -> hostile
//   3. an ESM bearing on the track with a friendly emitter -> assumed friend
//   4. inside a safe-passage corridor (time window, altitude band, within its width, heading
//      along it within 45 degrees)                          -> assumed friend
//   5. faster than the hostile speed                        -> hostile
//   6. silent to `challenges_before_hostile` challenges made inside IFF coverage:
//        heading to reach a defended asset                  -> hostile
//        otherwise                                          -> suspect
//   7. low and fast (a sea-skimmer's profile)               -> suspect
//   8. outside every interrogator's coverage                -> unknown
// Friend is final. Hostile, suspect and assumed friend can still become friend on a reply. An
// ESM bearing belongs to the track nearest in bearing, when it lies within 3 sigma and no other
// track does.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "c2/identity.h"
#include "scenario/scenario.h"
#include "tracking/types.h"

namespace rampart::c2 {

/// The IFF channel C2 uses: challenges a position (scenario ENU); `covered` is false when no
/// interrogator reaches it. The challenge key identifies the challenge for deterministic draws.
struct IffReply {
  bool covered = false;
  bool replied = false;
};
using IffChallenge = std::function<IffReply(const Eigen::Vector3d& p_enu_m, std::uint64_t challenge_key)>;

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

class Identifier {
 public:
  Identifier(const scenario::Scenario& s, IffChallenge challenge);

  /// Classifies the confirmed tracks; forgets deleted ones. Returns the changes.
  std::vector<IdentityChange> update(double t_s, const std::vector<tracking::TrackState>& tracks,
                                     const std::vector<EsmBearing>& esm);
  Identity identity(std::uint32_t track_id) const;

 private:
  struct State {
    Identity identity = Identity::kPending;
    int silent_challenges = 0;
    int challenges = 0;
  };
  /// The identity the rules give and why; nullopt keeps the current one.
  std::optional<std::pair<Identity, std::string>> classify(double t_s, const tracking::TrackState& track,
                                                           State& state, const std::string& emitter);
  std::map<std::uint32_t, std::string> attribute_emitters(const std::vector<tracking::TrackState>& tracks,
                                                          const std::vector<EsmBearing>& esm) const;
  bool in_corridor(double t_s, const tracking::TrackState& track) const;
  bool heading_to_an_asset(const tracking::TrackState& track) const;

  scenario::C2Settings settings_;
  std::vector<scenario::Asset> assets_;
  double origin_alt_m_;
  IffChallenge challenge_;
  std::map<std::uint32_t, State> states_;
};

}  // namespace rampart::c2
