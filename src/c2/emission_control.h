// Emission control (EMCON) of the scenario's radars, decided on C2's air picture.
//
// A radar radiates always (Emission::kOn), never (kOff), or on weapons reach (kWeaponsReach): it
// goes live at the C2 cycle when a confirmed track that C2 has not identified friendly or
// neutral lies within emission_reach_m of it (horizontal range from the radar to the track's
// position), and goes silent emission_hold_s after the last such track left (or was lost), so
// that a track flickering at the edge of reach does not switch it every cycle. The decision is
// made on tracks, never on truth: a radar that goes silent no longer feeds the picture that
// would bring it back, so a weapons-reach radar needs other sensors to cue it (which is the
// point: it stays dark, unheard by enemy ESM and anti-radiation missiles, until it has a target).
// A scripted `emission` event sets a radar's mode from then on.
//
// ARM warning (a radar's `arm_warning` doctrine, scenario::ArmWarning): a crew shuts its radar
// down when C2 judges that an anti-radiation missile is coming at it, and radiates again once the
// danger has passed. C2 judges on the track alone, as it judges identity and threat: the tracks
// carry no size, so "small" cannot be told, but speed and heading can. A track is taken for an
// ARM aimed at the radar when it is confirmed, not identified friendly or neutral
// (identification.h: a hostile, suspect or still unknown track), within range_m of the radar
// (horizontal), faster than min_speed_mps (horizontal speed; 400 m/s by default, above the
// speed of the aircraft and cruise missiles of the scenarios and below an ARM's), and its
// horizontal velocity points at the radar within cone_deg: with d the horizontal vector from the
// track, extrapolated at its velocity from its last update to now (a track no radar updates any
// more, its ARM burst or its radar silent, flies on past the radar instead of pointing at it
// forever), to the radar and v the track's horizontal velocity, the angle
// acos(v . d / (|v| |d|)) <= cone_deg. The radar then goes silent (whatever its mode wants) until
// shutdown_s after the last cycle such a track was seen; then its mode rules again. An ARM that
// loses the radar flies on to where it last heard it (world/homing_mover.h), so it stays aimed
// at the radar and keeps it silent until it bursts or its track is lost.
// The mode and the warning are separate: a radar radiates when its mode wants it and no warning
// holds it silent; each change of that is reported with its reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "c2/identity.h"
#include "messages/tracks.h"
#include "scenario/scenario.h"

namespace rampart::c2 {

class EmissionControl {
 public:
  /// A radar starting or stopping to radiate, and why.
  struct Change {
    std::size_t radar = 0;  ///< index into the scenario's radars
    bool emitting = false;
    std::string reason;
  };

  /// Modes as the scenario sets them; every radar starts radiating unless its mode is kOff or
  /// kWeaponsReach (which starts silent until the first C2 cycle finds a track in reach).
  explicit EmissionControl(const std::vector<scenario::Radar>& radars);

  /// A new mode for `radar` from now on; returns the change it makes at once, if any (on and
  /// off take effect at once, weapons reach at the next update).
  std::vector<Change> set_mode(double t_s, std::size_t radar, scenario::Emission mode);
  /// One C2 cycle: the radars on weapons reach go live or silent by the tracks and their
  /// identities (`identity_of` a track id).
  std::vector<Change> update(double t_s, const std::vector<messages::TrackState>& tracks,
                             const std::function<Identity(std::uint32_t)>& identity_of);

  bool emitting(std::size_t radar) const { return radars_[radar].emitting; }

 private:
  struct RadarState {
    scenario::Emission mode = scenario::Emission::kOn;
    double east_m = 0.0, north_m = 0.0;
    double reach_m = 0.0;
    double hold_s = 0.0;
    bool wanted = true;    ///< what the mode wants
    bool emitting = true;  ///< wanted, and no ARM warning holds it silent
    double last_in_reach_t_s = -1e300;  ///< last cycle a track was in reach
    std::optional<scenario::ArmWarning> arm_warning;
    bool warned = false;                ///< silent on an ARM warning
    double silent_until_t_s = -1e300;   ///< shutdown_s after the last cycle an ARM track was seen
  };
  /// The first track C2 judges an ARM aimed at `r` (see above) and why, or none.
  static std::optional<std::string> arm_aimed_at(const RadarState& r, double t_s,
                                                 const std::vector<messages::TrackState>& tracks,
                                                 const std::function<Identity(std::uint32_t)>& identity_of);
  /// The weapons-reach mode's decision for `r` this cycle; the reason when it changes.
  static std::optional<std::string> weapons_reach(RadarState& r, double t_s,
                                                  const std::vector<messages::TrackState>& tracks,
                                                  const std::function<Identity(std::uint32_t)>& identity_of);
  /// The ARM warning's decision for `r` this cycle; the reason when it starts or ends.
  static std::optional<std::string> arm_warning(RadarState& r, double t_s,
                                                const std::vector<messages::TrackState>& tracks,
                                                const std::function<Identity(std::uint32_t)>& identity_of);
  std::vector<RadarState> radars_;
};

}  // namespace rampart::c2
