// The battle manager: one C2 cycle on the air picture (never on truth).
//
//   identification (IFF, ESM, corridors, flight profile)
//     -> threat evaluation (geometry, value, ranking with hysteresis)
//     -> weapon-target assignment (envelopes, rules of engagement, deconfliction, doctrine; the
//        scenario's assignment policy chooses among the feasible engagements, assignment.h)
//     -> fire orders
//   and, on the same picture, kill assessment (kill_assessment.h) and own forces from their
//   position reports (position_reports.h).
//
// A track is under engagement from C2's order until its rounds are assessed (a second fire unit
// joins only when the doctrine allows it): shoot-look-shoot fires again only after the look. A
// track judged killed is not engaged again unless it is reopened; a track judged survived is
// open again. A threat whose track has reached its asset (time to asset 0) has arrived and is
// never engaged again. C2 is told nothing about outcomes: only launches (LaunchReport). A track
// classified ballistic (ballistic.h) is offered only to fire units that engage ballistic
// missiles (feasible_engagements.h), never to fighters.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "c2/assignment.h"
#include "c2/doctrine.h"
#include "c2/fighters.h"
#include "c2/identification.h"
#include "c2/kill_assessment.h"
#include "c2/position_reports.h"
#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"

namespace rampart::c2 {

struct C2Decision {
  std::vector<IdentityChange> identity_changes;
  std::vector<ThreatAssessment> threats;  ///< ranked
  std::vector<FireOrder> orders;
  std::vector<BlockedEngagement> newly_blocked;  ///< (track, fire unit) pairs blocked for the first time
  std::vector<FighterCommand> fighter_commands;
  std::vector<KillAssessment> kill_assessments;  ///< judgements made this cycle
};

class BattleManager {
 public:
  BattleManager(const scenario::Scenario& s, IffChallenge iff);

  /// One C2 cycle on the air picture as it reached C2.
  C2Decision step(double t_s, const std::vector<messages::TrackState>& tracks,
                  const std::vector<WeaponStatus>& weapons, const std::vector<EsmBearing>& esm = {});
  /// A fire unit or fighter launched an interceptor (for each one, when the report arrives).
  void on_launch(const LaunchReport& launch);
  /// The fire unit could not carry out `order` when it arrived (out of action, or its rounds or
  /// channels gone): its rounds are no longer expected, so the track is open again.
  void on_order_dropped(const FireOrder& order);
  /// An own-force position report arrived over the data link.
  void receive(const PositionReport& report) { own_forces_.receive(report); }
  /// Asset `asset` (a tank column) moves with the own-force unit that reports as `column_entity`:
  /// each cycle C2 places it at that unit's latest fresh report, extrapolated to now at its
  /// reported velocity (position_reports.h); with no fresh report, where it last placed it.
  void follow(std::size_t asset, std::uint32_t column_entity);
  FighterController& fighters() { return fighters_; }
  Identity identity(std::uint32_t track_id) const { return identifier_.identity(track_id); }
  /// What C2 takes a track for by its kinematics (the threat valuation's model).
  KinematicClass kinematic_class(const messages::TrackState& t) const { return c2::kinematic_class(t, value_model()); }
  const Doctrine& doctrine() const { return doctrine_; }
  Doctrine& doctrine() { return doctrine_; }
  /// The defended assets as C2 has them: a moving one where its column last reported.
  const std::vector<scenario::Asset>& assets() const { return assets_; }

 private:
  ThreatValueModel value_model() const;
  /// Places the assets that follow a column at its report in `reports` (when it has one).
  void follow_columns(const std::vector<PositionReport>& reports);
  std::vector<scenario::Asset> assets_;
  scenario::C2Settings settings_;
  double origin_alt_m_;
  std::shared_ptr<const environment::Terrain> terrain_;  ///< the map C2 holds (none: no terrain)
  /// Each fire unit's fire-control radar's sector (none without one): it engages only inside it.
  std::vector<std::optional<scenario::Sector>> fire_control_sectors_;
  Identifier identifier_;
  Doctrine doctrine_;
  std::shared_ptr<const AssignmentPolicy> assignment_;
  ThreatRanker ranker_;
  FighterController fighters_;
  KillAssessor assessor_;
  OwnForcePicture own_forces_;
  std::map<std::uint32_t, std::vector<double>> ordered_pk_;  ///< rounds ordered, not yet reported launched
  std::set<std::uint32_t> arrived_;  ///< tracks that reached their asset
  std::map<std::size_t, std::uint32_t> column_of_asset_;  ///< moving assets: the entity each follows
  std::set<std::pair<std::uint32_t, std::size_t>> blocked_pairs_;
};

}  // namespace rampart::c2
