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
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
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
    bool emitting = true;
    double last_in_reach_t_s = -1e300;  ///< last cycle a track was in reach
  };
  std::vector<RadarState> radars_;
};

}  // namespace rampart::c2
