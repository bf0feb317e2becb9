// What a run produced: the scores of a scenario run, readable and as JSON.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rampart::sim {

struct KindScore {
  int count = 0;
  int killed = 0;
  int leakers = 0;
};

/// A threat's way to an asset it reached: its truth position every kLeakPathStep_s over its last
/// kLeakPathSpan_s, ending where it arrived.
struct LeakPath {
  std::string asset;
  std::string kind;
  double t_s = 0.0;  ///< arrival
  std::vector<std::array<double, 2>> path_en_m;  ///< scenario-frame east, north; oldest first
};
inline constexpr double kLeakPathStep_s = 10.0;
inline constexpr double kLeakPathSpan_s = 300.0;

struct Summary {
  std::string scenario;
  std::uint64_t seed = 0;
  std::string doctrine;
  std::string assignment;  ///< the C2 assignment policy (scenario::AssignmentPolicyKind)
  std::string weapons_control;
  double sim_time_s = 0.0;
  double wall_time_s = 0.0;
  int threats = 0;
  int killed = 0;
  /// Threats that reached their target, each counted once: an asset, or for an anti-radiation
  /// missile its radar, which it destroyed.
  int leakers = 0;
  /// Leakers killed afterwards (a strike aircraft shot down after its release over an asset):
  /// in both killed and leakers.
  int killed_after_leaking = 0;
  int interceptors_fired = 0;  ///< surface-to-air missiles
  int air_to_air_fired = 0;
  int gun_bursts_fired = 0;    ///< by gun mounts (engagement/gun.h)
  int gun_burst_kills = 0;     ///< bursts that killed what they were fired at (also in interceptor_kills)
  /// Surface-to-air missiles and gun bursts fired on the orders of a fire unit's own C2 while it
  /// was cut off from the central one (sim/autonomy.h; also in interceptors_fired, gun_bursts_fired).
  int autonomous_launches = 0;
  int autonomous_kills = 0;  ///< of those, the ones that killed a threat (also in killed)
  int fighter_sorties = 0;
  int cap_commits = 0;          ///< patrol fighters C2 committed to a track (from the station or after a target)
  int air_to_air_withheld = 0;  ///< fire orders a fighter withheld: its own radar had no lock on the target
  int interceptor_kills = 0;
  int interceptor_misses = 0;
  int interceptor_no_target = 0;
  /// Destroyed in flight when their track was identified friendly, or their launch cancelled
  /// (that, or their fire-control radar went silent between the order and the launch).
  int interceptors_aborted = 0;
  /// Self-destructed in flight: their fire-control radar went silent or out of action before
  /// their seeker locked (engagement/engagements.h).
  int interceptors_guidance_lost = 0;
  /// The outcomes above count missiles and gun bursts alike: kills + misses + no target + aborted
  /// + guidance lost + in flight = interceptors_fired + air_to_air_fired + gun_bursts_fired.
  int interceptors_in_flight_at_end = 0;
  double asset_value_total = 0.0;
  double asset_value_lost = 0.0;
  int friendlies = 0;
  int fratricides = 0;
  int blocked_engagements = 0;  ///< engagements withheld because a friend was near the intercept
  int orders_dropped = 0;       ///< fire orders a unit could not carry out when they arrived
  int kill_assessments = 0;        ///< C2's judgements killed or survived (reopenings not counted)
  int kill_assessments_wrong = 0;  ///< judged killed while the target lives, or survived while it was killed
  long plots = 0;
  long false_alarm_plots = 0;
  long jamming_strobes = 0;    ///< bearing-only reports of noise jammers by the radars
  int jammer_tracks_confirmed = 0;  ///< jammer tracks triangulated from the strobes and confirmed
  double radar_silent_s = 0.0;  ///< radar-seconds without radiating (emission control, marching), summed over radars
  /// Mobile fire units and radars (world/mobile_unit.h): times one became ready (emplaced),
  /// shoot-and-scoot displacements begun (march orders after launches), and fire-unit-seconds
  /// mobile fire units were ready to launch, summed over them.
  int emplacements = 0;
  int shoot_and_scoot_displacements = 0;
  double mobile_fire_unit_ready_s = 0.0;
  int stand_off_weapons_released = 0;  ///< by the raids' aircraft (each also counted in threats)
  std::vector<std::string> radars_destroyed;  ///< by anti-radiation missiles, in the order they fell
  int tracks_confirmed = 0;
  int false_tracks = 0;   ///< see scorer.h and docs/outputs.md
  int track_breaks = 0;   ///< see scorer.h and docs/outputs.md
  /// Air-picture quality: GOSPA of the confirmed tracks against the flying truth objects (see
  /// scorer.h), its time mean over the picture samples and the mean of each part, metres.
  double gospa_mean_m = 0.0;
  double gospa_localisation_mean_m = 0.0;
  double gospa_missed_mean_m = 0.0;
  double gospa_false_mean_m = 0.0;
  int friendly_tracks_identified = 0;
  int hostile_tracks_identified = 0;
  int assumed_friend_tracks = 0;       ///< tracks C2 ever called assumed friend
  int hostiles_identified_friend = 0;  ///< threats whose track C2 ever called friend or assumed friend
  std::map<std::string, KindScore> by_kind;  ///< threat kind -> scores
  std::map<std::string, double> asset_value_lost_by_asset;
  std::map<std::string, int> leakers_by_asset;  ///< threats that reached each asset (every asset listed)
  std::optional<double> first_leaker_time_s;    ///< when the first threat reached an asset; none: no leaker
  std::vector<LeakPath> leaks;                  ///< one per (threat, asset) arrival, in the order they happened
};

/// Threats neither killed nor leaked: threats - killed - leakers + killed_after_leaking.
int survived_otherwise(const Summary& s);

nlohmann::ordered_json to_json(const Summary& s);
/// The summary to_json wrote (derived fields such as survived_otherwise are recomputed, not read).
/// Throws InputError naming the field when j is not such an object.
Summary summary_from_json(const nlohmann::json& j);
/// A human-readable multi-line report.
std::string to_text(const Summary& s);

}  // namespace rampart::sim
