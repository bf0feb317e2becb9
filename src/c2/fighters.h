// Defensive counter-air: C2's control of fighters at readiness and on combat air patrol.
//
// A hostile track that no SAM fire unit can reach from where it is now (outside every unit's
// maximum range) and that no fighter is already on is given to a fighter: the airborne one
// without a target, with missiles and endurance left, that would meet it first (the earliest
// intercept at its own speed, intercept.h; a fighter that cannot catch it is not a candidate),
// else a squadron with an aircraft on alert scrambles (take-off after its readiness time; the
// nearest squadron to the track). A fighter flies to the predicted intercept point of its track
// at its own speed until the track is within missile range; there it fires one missile at a time
// (time of flight at the squadron's missile_speed_mps) and holds off standoff_m from the track,
// on its own side of it (it drags away from a target that closes), so it never joins the bandit
// in one radar and IFF cell. A fighter with a radar fires only on its own radar's lock: when the
// pilot withholds a shot (on_fire_withheld) C2 orders it again a scan period later. After C2
// judges its target killed, a lost track or an empty magazine it takes the next target, or with
// nothing to do returns to base; past its endurance it returns. Within kLandingRadius_m of its
// base it lands; the aircraft is ready again after its readiness time (turn-round).
// Combat air patrol (scenario::PatrolStation): the squadron keeps on_station aircraft on the
// racetrack, launched at the start (airborne on the turn points, or from the base); an idle patrol
// fighter flies back to the racetrack instead of going home and flies it turn point to turn
// point, turning for the other when its reported position is within kTurnPointRadius_m of the one
// it flies to. When one goes home (missiles or endurance spent) an aircraft on alert of its
// squadron takes off after its readiness time to relieve it, if there is one.
// C2 knows its own fighters' positions from their reports (own-force tracking), not from truth.
#pragma once

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "c2/assignment.h"
#include "c2/threat_evaluation.h"
#include "scenario/scenario.h"
#include "messages/plots.h"
#include "messages/tracks.h"

namespace rampart::c2 {

inline constexpr double kLandingRadius_m = 3000.0;
inline constexpr double kTurnPointRadius_m = 2000.0;

/// The two turn points of a patrol's racetrack, leg_m / 2 before and after its station along
/// heading_deg (compass: east = sin, north = cos).
std::array<scenario::Point2, 2> turn_points(const scenario::PatrolStation& patrol);

struct FighterCommand {
  /// kCommit: C2 gave an airborne fighter a new target (steering follows in a kSteer);
  /// kOnStation: a patrol fighter reached its racetrack.
  enum class Kind { kLaunch, kSteer, kFire, kLand, kCommit, kOnStation };
  Kind kind = Kind::kSteer;
  std::size_t squadron = 0;
  std::uint32_t entity_id = 0;  ///< the fighter (0 for a launch: it has no id yet)
  scenario::Point2 goal;        ///< kSteer: where to fly; kLaunch: where it takes off (base or turn point)
  std::uint32_t track_id = 0;   ///< the target (kFire, kSteer, kLaunch, kCommit)
  double time_of_flight_s = 0.0;  ///< kFire
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();  ///< kFire
  Eigen::Vector3d cue_enu_m = Eigen::Vector3d::Zero();  ///< kFire: the track's position, cueing the fighter's radar
  double altitude_m = 0.0;  ///< kLaunch: the altitude it flies at
  bool patrol = false;      ///< kLaunch, kCommit: the fighter belongs to its squadron's patrol
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
  /// The fighter did not fire its kFire order (its radar had no lock): the missile is still
  /// aboard, and C2 orders the shot again no sooner than a scan period of its radar after t_s.
  void on_fire_withheld(double t_s, std::uint32_t entity_id);
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
    bool patrol = false;
    bool on_station = false;
    std::size_t leg_end = 0;  ///< the turn point it flies to
    double next_shot_s = 0.0;
  };
  struct Alert {
    double take_off_s = 0.0;
    std::uint32_t target = 0;
    bool patrol = false;
    std::optional<std::size_t> at_turn_point;  ///< airborne there at take-off (a patrol at the start)
  };
  bool sam_reachable(const messages::TrackState& t, const std::vector<WeaponStatus>& sams) const;
  scenario::Point2 base_of(std::size_t squadron) const;
  /// Gives each open track, in rank order, to the idle airborne fighter that meets it first;
  /// returns the tracks left over.
  std::vector<std::uint32_t> commit(const std::vector<std::uint32_t>& open,
                                    const std::map<std::uint32_t, messages::TrackState>& tracks,
                                    const std::map<std::uint32_t, Eigen::Vector3d>& own_positions,
                                    std::vector<FighterCommand>& commands);
  /// Steers an idle patrol fighter along its racetrack.
  void patrol(std::uint32_t id, Airborne& f, const Eigen::Vector3d& p_enu_m, std::vector<FighterCommand>& commands);
  /// Scrambles relief for a patrol short of aircraft on duty, from its squadron's alert.
  void relieve_patrols(double t_s);

  std::vector<scenario::FighterSquadron> squadrons_;
  std::vector<scenario::Asset> assets_;
  std::vector<int> ready_;                    ///< aircraft on alert per squadron
  std::vector<std::vector<double>> rearmed_at_s_;  ///< landed aircraft ready again at these times
  std::vector<std::vector<Alert>> scrambled_;  ///< ordered to take off
  std::map<std::uint32_t, Airborne> airborne_;
};

}  // namespace rampart::c2
