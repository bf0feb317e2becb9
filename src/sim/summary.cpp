#include "sim/summary.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.h"

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
  j["gun_bursts_fired"] = s.gun_bursts_fired;
  j["gun_burst_kills"] = s.gun_burst_kills;
  j["autonomous_launches"] = s.autonomous_launches;
  j["autonomous_kills"] = s.autonomous_kills;
  j["fighter_sorties"] = s.fighter_sorties;
  j["cap_commits"] = s.cap_commits;
  j["air_to_air_withheld"] = s.air_to_air_withheld;
  j["interceptor_outcomes"] = {{"kill", s.interceptor_kills}, {"miss", s.interceptor_misses},
                               {"no_target", s.interceptor_no_target}, {"aborted", s.interceptors_aborted},
                               {"guidance_lost", s.interceptors_guidance_lost}};
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
  j["jamming_strobes"] = s.jamming_strobes;
  j["jammer_tracks_confirmed"] = s.jammer_tracks_confirmed;
  j["radar_silent_s"] = s.radar_silent_s;
  j["emplacements"] = s.emplacements;
  j["shoot_and_scoot_displacements"] = s.shoot_and_scoot_displacements;
  j["mobile_fire_unit_ready_s"] = s.mobile_fire_unit_ready_s;
  j["stand_off_weapons_released"] = s.stand_off_weapons_released;
  j["radars_destroyed"] = s.radars_destroyed;
  j["tracks_confirmed"] = s.tracks_confirmed;
  j["false_tracks"] = s.false_tracks;
  j["track_breaks"] = s.track_breaks;
  j["gospa_mean_m"] = s.gospa_mean_m;
  j["gospa_parts_mean_m"] = {{"localisation", s.gospa_localisation_mean_m}, {"missed", s.gospa_missed_mean_m},
                             {"false", s.gospa_false_mean_m}};
  j["tracks_identified"] = {{"friend", s.friendly_tracks_identified}, {"hostile", s.hostile_tracks_identified}};
  j["assumed_friend_tracks"] = s.assumed_friend_tracks;
  j["hostiles_identified_friend"] = s.hostiles_identified_friend;
  nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
  for (const auto& [kind, k] : s.by_kind) kinds[kind] = {{"count", k.count}, {"killed", k.killed}, {"leakers", k.leakers}};
  j["by_kind"] = kinds;
  nlohmann::ordered_json leaks = nlohmann::ordered_json::array();
  for (const auto& l : s.leaks)
    leaks.push_back({{"asset", l.asset}, {"kind", l.kind}, {"t_s", l.t_s}, {"path_en_m", l.path_en_m}});
  j["leaks"] = leaks;
  return j;
}

Summary summary_from_json(const nlohmann::json& j) {
  Summary s;
  try {
    j.at("scenario").get_to(s.scenario);
    j.at("seed").get_to(s.seed);
    j.at("doctrine").get_to(s.doctrine);
    j.at("assignment").get_to(s.assignment);
    j.at("weapons_control").get_to(s.weapons_control);
    j.at("sim_time_s").get_to(s.sim_time_s);
    j.at("wall_time_s").get_to(s.wall_time_s);
    j.at("threats").get_to(s.threats);
    j.at("killed").get_to(s.killed);
    j.at("leakers").get_to(s.leakers);
    j.at("killed_after_leaking").get_to(s.killed_after_leaking);
    j.at("interceptors_fired").get_to(s.interceptors_fired);
    j.at("air_to_air_fired").get_to(s.air_to_air_fired);
    j.at("gun_bursts_fired").get_to(s.gun_bursts_fired);
    j.at("gun_burst_kills").get_to(s.gun_burst_kills);
    j.at("autonomous_launches").get_to(s.autonomous_launches);
    j.at("autonomous_kills").get_to(s.autonomous_kills);
    j.at("fighter_sorties").get_to(s.fighter_sorties);
    j.at("cap_commits").get_to(s.cap_commits);
    j.at("air_to_air_withheld").get_to(s.air_to_air_withheld);
    const auto& outcomes = j.at("interceptor_outcomes");
    outcomes.at("kill").get_to(s.interceptor_kills);
    outcomes.at("miss").get_to(s.interceptor_misses);
    outcomes.at("no_target").get_to(s.interceptor_no_target);
    outcomes.at("aborted").get_to(s.interceptors_aborted);
    outcomes.at("guidance_lost").get_to(s.interceptors_guidance_lost);
    j.at("interceptors_in_flight_at_end").get_to(s.interceptors_in_flight_at_end);
    j.at("asset_value_total").get_to(s.asset_value_total);
    j.at("asset_value_lost").get_to(s.asset_value_lost);
    j.at("asset_value_lost_by_asset").get_to(s.asset_value_lost_by_asset);
    j.at("leakers_by_asset").get_to(s.leakers_by_asset);
    if (const auto& first = j.at("first_leaker_time_s"); !first.is_null()) s.first_leaker_time_s = first.get<double>();
    j.at("friendlies").get_to(s.friendlies);
    j.at("fratricides").get_to(s.fratricides);
    j.at("blocked_engagements").get_to(s.blocked_engagements);
    j.at("orders_dropped").get_to(s.orders_dropped);
    j.at("kill_assessments").get_to(s.kill_assessments);
    j.at("kill_assessments_wrong").get_to(s.kill_assessments_wrong);
    j.at("plots").get_to(s.plots);
    j.at("false_alarm_plots").get_to(s.false_alarm_plots);
    j.at("jamming_strobes").get_to(s.jamming_strobes);
    j.at("jammer_tracks_confirmed").get_to(s.jammer_tracks_confirmed);
    j.at("radar_silent_s").get_to(s.radar_silent_s);
    j.at("emplacements").get_to(s.emplacements);
    j.at("shoot_and_scoot_displacements").get_to(s.shoot_and_scoot_displacements);
    j.at("mobile_fire_unit_ready_s").get_to(s.mobile_fire_unit_ready_s);
    j.at("stand_off_weapons_released").get_to(s.stand_off_weapons_released);
    j.at("radars_destroyed").get_to(s.radars_destroyed);
    j.at("tracks_confirmed").get_to(s.tracks_confirmed);
    j.at("false_tracks").get_to(s.false_tracks);
    j.at("track_breaks").get_to(s.track_breaks);
    j.at("gospa_mean_m").get_to(s.gospa_mean_m);
    const auto& parts = j.at("gospa_parts_mean_m");
    parts.at("localisation").get_to(s.gospa_localisation_mean_m);
    parts.at("missed").get_to(s.gospa_missed_mean_m);
    parts.at("false").get_to(s.gospa_false_mean_m);
    j.at("tracks_identified").at("friend").get_to(s.friendly_tracks_identified);
    j.at("tracks_identified").at("hostile").get_to(s.hostile_tracks_identified);
    j.at("assumed_friend_tracks").get_to(s.assumed_friend_tracks);
    j.at("hostiles_identified_friend").get_to(s.hostiles_identified_friend);
    for (const auto& [kind, k] : j.at("by_kind").items())
      s.by_kind[kind] = {k.at("count").get<int>(), k.at("killed").get<int>(), k.at("leakers").get<int>()};
    for (const auto& l : j.at("leaks"))
      s.leaks.push_back({l.at("asset").get<std::string>(), l.at("kind").get<std::string>(), l.at("t_s").get<double>(),
                         l.at("path_en_m").get<std::vector<std::array<double, 2>>>()});
  } catch (const nlohmann::json::exception& e) {
    throw InputError(fmt::format("not a run summary as rampart writes it: {}", e.what()));
  }
  return s;
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
                     "no target {}   aborted {}   guidance lost {}   in flight at the end {}\n", s.interceptors_fired,
                     s.interceptor_kills, s.interceptor_misses, s.interceptor_no_target, s.interceptors_aborted,
                     s.interceptors_guidance_lost, s.interceptors_in_flight_at_end);
  if (s.gun_bursts_fired > 0)
    out += fmt::format("Guns: {} bursts fired, {} killed their target (in the outcomes above)\n", s.gun_bursts_fired,
                       s.gun_burst_kills);
  if (s.autonomous_launches > 0)
    out += fmt::format("Cut off from C2: {} launches on the units' own tracks, {} killed a threat (in the figures "
                       "above)\n", s.autonomous_launches, s.autonomous_kills);
  out += fmt::format("Kill assessment: {} judgements, {} wrong; {} orders dropped on arrival\n", s.kill_assessments,
                     s.kill_assessments_wrong, s.orders_dropped);
  out += fmt::format("Fighters: {} sorties, {} air-to-air missiles fired", s.fighter_sorties, s.air_to_air_fired);
  if (s.cap_commits > 0 || s.air_to_air_withheld > 0)
    out += fmt::format(", {} commits from combat air patrol, {} shots withheld without a radar lock", s.cap_commits,
                       s.air_to_air_withheld);
  out += "\n";
  out += fmt::format("Defended value lost: {:.1f} of {:.1f}\n", s.asset_value_lost, s.asset_value_total);
  for (const auto& [asset, lost] : s.asset_value_lost_by_asset)
    out += fmt::format("  {:<16} {:.1f}\n", asset, lost);
  out += fmt::format("Friendly aircraft: {}   fratricides {}   engagements blocked to protect friends {}\n",
                     s.friendlies, s.fratricides, s.blocked_engagements);
  out += fmt::format("Air picture: {} plots ({} false alarms), {} tracks confirmed, {} false tracks, {} track "
                     "breaks\n", s.plots, s.false_alarm_plots, s.tracks_confirmed, s.false_tracks, s.track_breaks);
  out += fmt::format("Radars: {:.0f} radar-seconds silent (emission control, marching), {} jamming strobes, {} destroyed "
                     "by anti-radiation missiles{}\n", s.radar_silent_s, s.jamming_strobes, s.radars_destroyed.size(),
                     s.radars_destroyed.empty() ? "" : fmt::format(" ({})", fmt::join(s.radars_destroyed, ", ")));
  if (s.jamming_strobes > 0)
    out += fmt::format("Jammers: {} jammer tracks confirmed from the strobes crossed\n", s.jammer_tracks_confirmed);
  if (s.emplacements > 0)
    out += fmt::format("Mobile units: {} emplacements, {} shoot-and-scoot displacements, {:.0f} fire-unit-seconds "
                       "of mobile fire units ready to launch\n", s.emplacements, s.shoot_and_scoot_displacements,
                       s.mobile_fire_unit_ready_s);
  if (s.stand_off_weapons_released > 0)
    out += fmt::format("Stand-off weapons released by the raids: {}\n", s.stand_off_weapons_released);
  out += fmt::format("Air picture quality: GOSPA {:.0f} m on average (localisation {:.0f}, missed {:.0f}, false "
                     "{:.0f})\n", s.gospa_mean_m, s.gospa_localisation_mean_m, s.gospa_missed_mean_m,
                     s.gospa_false_mean_m);
  out += fmt::format("Identification: {} tracks identified friend, {} assumed friend, {} hostile; {} hostiles "
                     "identified friend\n", s.friendly_tracks_identified, s.assumed_friend_tracks,
                     s.hostile_tracks_identified, s.hostiles_identified_friend);
  return out;
}

}  // namespace rampart::sim
