// The battle manager: one C2 cycle on the air picture (never on truth).
//
//   identification (IFF) -> threat evaluation (hostile tracks vs assets)
//     -> weapon-target assignment (free fire units, doctrine) -> fire orders
//
// It remembers which tracks are under engagement (no second fire unit joins one) and which were
// assessed killed (never re-engaged); after a reported miss under shoot-look-shoot the track may be
// assigned again.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "c2/assignment.h"
#include "c2/identification.h"
#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"

namespace rampart::c2 {

struct C2Decision {
  std::vector<IdentityChange> identity_changes;
  std::vector<ThreatAssessment> threats;  ///< ranked
  std::vector<FireOrder> orders;
};

class BattleManager {
 public:
  BattleManager(const scenario::Scenario& s, IffChallenge iff);

  C2Decision step(double t_s, const std::vector<tracking::TrackState>& tracks,
                  const std::vector<WeaponStatus>& weapons);
  /// Kill assessment after an interceptor reached its aim point.
  void report_outcome(std::uint32_t track_id, bool killed);
  Identity identity(std::uint32_t track_id) const { return identifier_.identity(track_id); }
  const char* doctrine_name() const;

 private:
  std::vector<scenario::Asset> assets_;
  scenario::C2Settings settings_;
  double origin_alt_m_;
  Identifier identifier_;
  std::map<std::uint32_t, int> rounds_in_flight_;
  std::set<std::uint32_t> assessed_killed_;
};

}  // namespace rampart::c2
