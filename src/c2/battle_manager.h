// The battle manager: one C2 cycle on the air picture (never on truth).
//
//   identification (IFF, ESM, corridors, flight profile)
//     -> threat evaluation (geometry, value, ranking with hysteresis)
//     -> weapon-target assignment (envelopes, rules of engagement, deconfliction, doctrine)
//     -> fire orders
//
// It remembers which tracks are under engagement (a second fire unit joins one only when the
// doctrine allows it) and which were assessed killed (never re-engaged); after a reported miss
// under shoot-look-shoot the track is open again.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "c2/assignment.h"
#include "c2/doctrine.h"
#include "c2/fighters.h"
#include "c2/identification.h"
#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"

namespace rampart::c2 {

struct C2Decision {
  std::vector<IdentityChange> identity_changes;
  std::vector<ThreatAssessment> threats;  ///< ranked
  std::vector<FireOrder> orders;
  std::vector<BlockedEngagement> newly_blocked;  ///< (track, fire unit) pairs blocked for the first time
  std::vector<FighterCommand> fighter_commands;
};

class BattleManager {
 public:
  BattleManager(const scenario::Scenario& s, IffChallenge iff);

  /// `own_fighters`: the reported positions of airborne fighters, by entity id.
  C2Decision step(double t_s, const std::vector<tracking::TrackState>& tracks,
                  const std::vector<WeaponStatus>& weapons, const std::vector<EsmBearing>& esm = {},
                  const std::map<std::uint32_t, Eigen::Vector3d>& own_fighters = {});
  /// Kill assessment after an interceptor of kill probability `pk` reached its aim point;
  /// `fighter_entity` is the launching fighter (0 for a fire unit).
  void report_outcome(std::uint32_t track_id, double pk, bool killed, std::uint32_t fighter_entity = 0);
  FighterController& fighters() { return fighters_; }
  Identity identity(std::uint32_t track_id) const { return identifier_.identity(track_id); }
  const Doctrine& doctrine() const { return doctrine_; }
  Doctrine& doctrine() { return doctrine_; }
  const std::vector<scenario::Asset>& assets() const { return assets_; }

 private:
  std::vector<scenario::Asset> assets_;
  scenario::C2Settings settings_;
  double origin_alt_m_;
  Identifier identifier_;
  Doctrine doctrine_;
  ThreatRanker ranker_;
  FighterController fighters_;
  std::map<std::uint32_t, std::vector<double>> pk_in_flight_;  ///< by track, one per interceptor
  std::set<std::uint32_t> assessed_killed_;
  std::set<std::pair<std::uint32_t, std::size_t>> blocked_pairs_;
};

}  // namespace rampart::c2
