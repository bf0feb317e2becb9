#include "sim/summary.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace rampart::sim {
namespace {

// Every field set to a value of its own, so a field read into the wrong member shows.
Summary every_field_set() {
  Summary s;
  s.scenario = "Two <bases> & \"a town\"";
  s.seed = 18446744073709551557ull;
  s.doctrine = "salvo";
  s.assignment = "wta_exact";
  s.weapons_control = "tight";
  s.sim_time_s = 1800.5;
  s.wall_time_s = 3.25;
  s.threats = 40;
  s.killed = 31;
  s.leakers = 7;
  s.killed_after_leaking = 2;
  s.interceptors_fired = 55;
  s.air_to_air_fired = 6;
  s.fighter_sorties = 3;
  s.interceptor_kills = 29;
  s.interceptor_misses = 17;
  s.interceptor_no_target = 5;
  s.interceptors_aborted = 1;
  s.interceptors_in_flight_at_end = 9;
  s.asset_value_total = 250.0;
  s.asset_value_lost = 61.125;
  s.asset_value_lost_by_asset = {{"Town", 40.0}, {"Port", 21.125}};
  s.leakers_by_asset = {{"Town", 4}, {"Port", 3}, {"Airbase", 0}};
  s.first_leaker_time_s = 412.75;
  s.friendlies = 8;
  s.fratricides = 1;
  s.blocked_engagements = 12;
  s.orders_dropped = 4;
  s.kill_assessments = 38;
  s.kill_assessments_wrong = 5;
  s.plots = 123456;
  s.false_alarm_plots = 2345;
  s.tracks_confirmed = 77;
  s.false_tracks = 11;
  s.track_breaks = 13;
  s.gospa_mean_m = 5123.5;
  s.gospa_localisation_mean_m = 1100.25;
  s.gospa_missed_mean_m = 3000.0;
  s.gospa_false_mean_m = 1023.25;
  s.leaks = {{"Town", "cruise_missile", 412.75, {{-3000.0, 250.5}, {-10.0, 2.0}}}, {"Port", "drone", 900.0, {{1.0, 2.0}}}};
  s.friendly_tracks_identified = 8;
  s.hostile_tracks_identified = 36;
  s.assumed_friend_tracks = 2;
  s.hostiles_identified_friend = 1;
  s.by_kind = {{"cruise_missile", {20, 18, 2}}, {"strike_aircraft", {20, 13, 5}}};
  return s;
}

TEST(Summary, ReadsBackWhatToJsonWrote) {
  const Summary s = every_field_set();
  const nlohmann::ordered_json written = to_json(s);
  const Summary back = summary_from_json(nlohmann::json::parse(written.dump()));
  EXPECT_EQ(to_json(back).dump(), written.dump());
  EXPECT_EQ(back.seed, s.seed);
  EXPECT_EQ(back.first_leaker_time_s, s.first_leaker_time_s);
  EXPECT_EQ(back.by_kind.at("strike_aircraft").leakers, 5);
  ASSERT_EQ(back.leaks.size(), 2u);
  EXPECT_EQ(back.leaks[0].path_en_m[0][1], 250.5);
  EXPECT_EQ(back.gospa_false_mean_m, 1023.25);
  Summary none = s;
  none.first_leaker_time_s.reset();
  EXPECT_FALSE(summary_from_json(nlohmann::json::parse(to_json(none).dump())).first_leaker_time_s.has_value());
}

TEST(Summary, RefusesWhatIsNotASummary) {
  nlohmann::json j = nlohmann::json::parse(to_json(every_field_set()).dump());
  auto missing = j;
  missing.erase("killed");
  try {
    summary_from_json(missing);
    FAIL() << "a summary without 'killed' was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("killed"), std::string::npos) << e.what();
  }
  auto wrong_type = j;
  wrong_type["leakers"] = "seven";
  EXPECT_THROW(summary_from_json(wrong_type), InputError);
  auto bad_outcomes = j;
  bad_outcomes["interceptor_outcomes"] = nlohmann::json::array({1, 2});
  EXPECT_THROW(summary_from_json(bad_outcomes), InputError);
  auto bad_path = j;
  bad_path["leaks"][0]["path_en_m"] = nlohmann::json::array({nlohmann::json::array({1.0})});
  EXPECT_THROW(summary_from_json(bad_path), InputError);
  EXPECT_THROW(summary_from_json(nlohmann::json::array()), InputError);
  EXPECT_THROW(summary_from_json(nullptr), InputError);
}

}  // namespace
}  // namespace rampart::sim
