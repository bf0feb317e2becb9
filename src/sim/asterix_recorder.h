// The radar picture of a run as raw ASTERIX, as a sink of the event stream (`rampart run
// --asterix FILE`, `--asterix-udp HOST:PORT`): what a rotating radar's plot extractor would send a
// control centre.
//
// For every plot of every radar of the scenario (scenario::Scenario::radars, all rotating): a
// CAT048 target report (asterix_cat048.h) with I048/010 SAC 0 and SIC = 1 + the radar's index in
// the scenario's `sensors:` radars (the first radar is SIC 1), I048/140 the plot's time, I048/020
// TYP 1 (single primary detection) and SIM 1 (a simulated report), I048/040 its slant range and
// azimuth measured by that radar (its own polar frame), and, for a 3-D radar, I048/090 the height
// of the plot (height_from_slant_m over a spherical earth from the antenna's altitude) as a flight
// level (omitted when beyond the item's +-2048 FL), I048/130 PAM the plot's amplitude (the echo's
// power per pulse at the receiver input, dBm, clamped to the byte's -128 to 127), and, for a
// Doppler radar, I048/120 CAL its measured radial speed (positive receding; omitted beyond the
// item's +-511 m/s). Not written, because a plot carries nothing to fill them honestly: I048/070
// and /220 (no IFF or Mode S reply travels with a primary plot), /161 and /200 (plots are not
// tracks: I048/200 is a track's ground velocity, not the radial speed).
// As each antenna turns: CAT034 (asterix_cat034.h) north markers (I034/000 = 1, with I034/041 the
// antenna rotation period) and sector crossings (I034/000 = 2, I034/020 the sector's start
// azimuth) at every multiple of 360/32 deg, timed where the beam crosses it.
// Time of day is the simulated time in seconds (the run starts at 00:00:00 UTC), modulo a day.
// The records of each step are written in time order, consecutive records of one category in one
// data block (at most io::kMaxUdpPayloadBytes); the file is published when the run ends
// (io::AtomicFile), and each data block is also sent as one UDP datagram when a target is given.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "io/asterix_cat034.h"
#include "io/asterix_cat048.h"
#include "io/atomic_file.h"
#include "io/udp_sender.h"
#include "scenario/scenario.h"
#include "sim/events.h"

namespace rampart::sim {

class AsterixRecorder : public EventSink {
 public:
  /// SAC of every record written.
  static constexpr std::uint8_t kSac = 0;
  /// Sectors per rotation between CAT034 messages (the first is the north marker).
  static constexpr int kSectorsPerRotation = 32;

  /// Opens `path` (an InputError when it cannot be written) and the UDP socket to `udp_target`
  /// (HOST:PORT), each when given, for the radars of `radars`.
  AsterixRecorder(const std::optional<std::string>& path, const std::optional<std::string>& udp_target,
                  const std::vector<scenario::Radar>& radars);

  void on(const PlotsMade& e) override;
  void on(const RunEnded& e) override;

 private:
  struct RadarState {
    std::uint8_t sic = 0;
    double antenna_alt_m = 0.0;
    double scan_period_s = 0.0;
    bool rotating = true;  ///< a fire-control radar steps over its sector: no north marker, no sector crossings
    double last_crossing_t_s = -1e300;  ///< when the last sector boundary written was crossed
  };
  struct Pending {
    double t_s = 0.0;
    std::variant<io::Cat048Report, io::Cat034Message> record;
  };

  void crossings(const messages::PlotBatch& batch, RadarState& radar);
  void flush();

  std::optional<io::AtomicFile> file_;
  std::optional<io::UdpSender> udp_;
  std::map<std::string, RadarState> radars_;
  std::vector<Pending> pending_;  ///< the current step's records
  double pending_t_s_ = 0.0;
};

}  // namespace rampart::sim
