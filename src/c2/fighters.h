// Defensive counter-air: C2's control of fighters at readiness.
//
// A hostile track that no SAM fire unit can reach from where it is now (outside every unit's
// maximum range) and that no fighter is already on is given to a fighter: an airborne one without
// a target if there is one, else a squadron with an aircraft on alert scrambles (take-off after
// its readiness time). A fighter flies to the predicted intercept point of its track at its own
// speed until the track is within missile range; there it fires one missile at a time (time of
// flight at the squadron's missile_speed_mps) and holds off standoff_m from the track, on its
// own side of it (it drags away from a target that closes), so it never joins the bandit in one
// radar and IFF cell. After C2 judges its target killed, a lost track or an empty magazine it
// takes the next target or returns to base; past its endurance it returns. Within
// kLandingRadius_m of its base it lands; the aircraft is ready again after its readiness time
// (turn-round).
// C2 knows its own fighters' positions from their reports (own-force tracking), not from truth.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "c2/assignment.h"
#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"
#include "messages/plots.h"
#include "messages/tracks.h"

namespace rampart::c2 {

inline constexpr double kLandingRadius_m = 3000.0;

struct FighterCommand {
  enum class Kind { kLaunch, kSteer, kFire, kLand };
  Kind kind = Kind::kSteer;
  std::size_t squadron = 0;
  std::uint32_t entity_id = 0;  ///< the fighter (0 for a launch: it has no id yet)
  scenario::Point2 goal;        ///< kSteer: where to fly; kLaunch: the base
  std::uint32_t track_id = 0;   ///< the target (kFire, kSteer, kLaunch)
  double time_of_flight_s = 0.0;  ///< kFire
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();  ///< kFire
  std::string reason;
};

class FighterController {
 public:
  explicit FighterController(const scenario::Scenario& s);

  /// `threats` are ranked and permitted to engage; `tracks` holds the tracks open to engagement
  /// (not judged killed); `own_positions` are the airborne fighters' reported positions by
  /// entity id.
  std::vector<FighterCommand> step(double t_s, const std::vector<ThreatAssessment>& threats,
                                   const std::map<std::uint32_t, messages::TrackState>& tracks,
                                   const std::vector<WeaponStatus>& sams,
                                   const std::map<std::uint32_t, Eigen::Vector3d>& own_positions);
  /// The sim launched the aircraft of a kLaunch command as entity `entity_id`.
  void on_launched(double t_s, const FighterCommand& launch, std::uint32_t entity_id);
  /// C2 assessed the outcome of the fighter's missile: it may fire again (a target judged
  /// killed no longer appears in `tracks`).
  void on_assessed(std::uint32_t entity_id);
  const scenario::FighterSquadron& squadron(std::size_t i) const { return squadrons_[i]; }
  bool is_fighter(std::uint32_t entity_id) const { return airborne_.count(entity_id) > 0; }

 private:
  struct Airborne {
    std::size_t squadron = 0;
    int missiles = 0;
    std::uint32_t target = 0;
    bool missile_in_flight = false;
    bool returning = false;
    double airborne_since_s = 0.0;
  };
  struct Alert {
    double take_off_s = 0.0;
    std::uint32_t target = 0;
  };
  bool sam_reachable(const messages::TrackState& t, const std::vector<WeaponStatus>& sams) const;
  scenario::Point2 base_of(std::size_t squadron) const;

  std::vector<scenario::FighterSquadron> squadrons_;
  std::vector<scenario::Asset> assets_;
  std::vector<int> ready_;                    ///< aircraft on alert per squadron
  std::vector<std::vector<double>> rearmed_at_s_;  ///< landed aircraft ready again at these times
  std::vector<std::vector<Alert>> scrambled_;  ///< ordered to take off
  std::map<std::uint32_t, Airborne> airborne_;
};

}  // namespace rampart::c2
