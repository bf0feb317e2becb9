#include "sim/summary.h"

#include <fmt/format.h>

namespace rampart::sim {

int survived_otherwise(const Summary& s) { return s.threats - s.killed - s.leakers + s.killed_after_leaking; }

nlohmann::ordered_json to_json(const Summary& s) {
  nlohmann::ordered_json j;
  j["scenario"] = s.scenario;
  j["seed"] = s.seed;
  j["doctrine"] = s.doctrine;
  j["assignment"] = s.assignment;
  j["weapons_control"] = s.weapons_control;
  j["sim_time_s"] = s.sim_time_s;
  j["wall_time_s"] = s.wall_time_s;
  j["threats"] = s.threats;
  j["killed"] = s.killed;
  j["leakers"] = s.leakers;
  j["killed_after_leaking"] = s.killed_after_leaking;
  j["survived_otherwise"] = survived_otherwise(s);
  j["interceptors_fired"] = s.interceptors_fired;
  j["air_to_air_fired"] = s.air_to_air_fired;
  j["fighter_sorties"] = s.fighter_sorties;
  j["interceptor_outcomes"] = {{"kill", s.interceptor_kills}, {"miss", s.interceptor_misses},
                               {"no_target", s.interceptor_no_target}, {"aborted", s.interceptors_aborted}};
  j["interceptors_in_flight_at_end"] = s.interceptors_in_flight_at_end;
  j["asset_value_total"] = s.asset_value_total;
  j["asset_value_lost"] = s.asset_value_lost;
  j["asset_value_lost_by_asset"] = s.asset_value_lost_by_asset;
  j["leakers_by_asset"] = s.leakers_by_asset;
  j["first_leaker_time_s"] = s.first_leaker_time_s ? nlohmann::ordered_json(*s.first_leaker_time_s) : nullptr;
  j["friendlies"] = s.friendlies;
  j["fratricides"] = s.fratricides;
  j["blocked_engagements"] = s.blocked_engagements;
  j["orders_dropped"] = s.orders_dropped;
  j["kill_assessments"] = s.kill_assessments;
  j["kill_assessments_wrong"] = s.kill_assessments_wrong;
  j["plots"] = s.plots;
  j["false_alarm_plots"] = s.false_alarm_plots;
  j["tracks_confirmed"] = s.tracks_confirmed;
  j["false_tracks"] = s.false_tracks;
  j["track_breaks"] = s.track_breaks;
  j["tracks_identified"] = {{"friend", s.friendly_tracks_identified}, {"hostile", s.hostile_tracks_identified}};
  j["assumed_friend_tracks"] = s.assumed_friend_tracks;
  j["hostiles_identified_friend"] = s.hostiles_identified_friend;
  nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
  for (const auto& [kind, k] : s.by_kind) kinds[kind] = {{"count", k.count}, {"killed", k.killed}, {"leakers", k.leakers}};
  j["by_kind"] = kinds;
  return j;
}

std::string to_text(const Summary& s) {
  std::string out = fmt::format("Scenario: {}   seed {}   doctrine {}, assignment {}, weapons {} by default\n",
                                s.scenario, s.seed, s.doctrine, s.assignment, s.weapons_control);
  out += fmt::format("Simulated {:.0f} s in {:.2f} s of wall time ({:.0f}x real time)\n", s.sim_time_s,
                     s.wall_time_s, s.wall_time_s > 0 ? s.sim_time_s / s.wall_time_s : 0.0);
  const std::string after = s.killed_after_leaking > 0
                                ? fmt::format(" ({} of them killed afterwards)", s.killed_after_leaking)
                                : std::string();
  out += fmt::format("Threats: {}   killed {}   leakers {}{}   survived otherwise {}\n", s.threats, s.killed,
                     s.leakers, after, survived_otherwise(s));
  for (const auto& [kind, k] : s.by_kind)
    out += fmt::format("  {:<16} {:>4} threats  {:>4} killed  {:>4} leakers\n", kind, k.count, k.killed, k.leakers);
  out += fmt::format("Interceptors fired: {} (surface-to-air)   outcomes of all missiles: kills {}   misses {}   "
                     "no target {}   aborted {}   in flight at the end {}\n", s.interceptors_fired, s.interceptor_kills,
                     s.interceptor_misses, s.interceptor_no_target, s.interceptors_aborted, s.interceptors_in_flight_at_end);
  out += fmt::format("Kill assessment: {} judgements, {} wrong; {} orders dropped on arrival\n", s.kill_assessments,
                     s.kill_assessments_wrong, s.orders_dropped);
  out += fmt::format("Fighters: {} sorties, {} air-to-air missiles fired\n", s.fighter_sorties, s.air_to_air_fired);
  out += fmt::format("Defended value lost: {:.1f} of {:.1f}\n", s.asset_value_lost, s.asset_value_total);
  for (const auto& [asset, lost] : s.asset_value_lost_by_asset)
    out += fmt::format("  {:<16} {:.1f}\n", asset, lost);
  out += fmt::format("Friendly aircraft: {}   fratricides {}   engagements blocked to protect friends {}\n",
                     s.friendlies, s.fratricides, s.blocked_engagements);
  out += fmt::format("Air picture: {} plots ({} false alarms), {} tracks confirmed, {} false tracks, {} track "
                     "breaks\n", s.plots, s.false_alarm_plots, s.tracks_confirmed, s.false_tracks, s.track_breaks);
  out += fmt::format("Identification: {} tracks identified friend, {} assumed friend, {} hostile; {} hostiles "
                     "identified friend\n", s.friendly_tracks_identified, s.assumed_friend_tracks,
                     s.hostile_tracks_identified, s.hostiles_identified_friend);
  return out;
}

}  // namespace rampart::sim
