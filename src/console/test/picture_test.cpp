#include "console/picture.h"

#include <gtest/gtest.h>

namespace rampart::console {
namespace {

Json track(std::uint32_t id, double lat) { return {{"id", id}, {"lat", lat}, {"lon", 0.0}, {"identity", "hostile"}}; }

Json parse(const std::string& s) { return Json::parse(s); }

TEST(Picture, ADeltaCarriesOnlyWhatChangedAndWhatWasDropped) {
  Picture p;
  p.set_tracks({track(1, 10.0), track(2, 20.0)});
  p.set_unit({{"name", "LR-1"}, {"ready", 4}});
  Delta first = p.take_delta();
  EXPECT_EQ(first.seq, 1u);
  EXPECT_EQ(first.tracks.size(), 2u);
  EXPECT_EQ(first.units.size(), 1u);

  p.set_tracks({track(1, 10.0), track(3, 30.0)});  // 1 unchanged, 2 dropped, 3 new
  p.set_unit({{"name", "LR-1"}, {"ready", 4}});      // unchanged
  const Json d = parse(p.take_delta().message({}));
  EXPECT_EQ(d.at("type"), "delta");
  EXPECT_EQ(d.at("seq"), 2);
  ASSERT_EQ(d.at("tracks").size(), 1u);
  EXPECT_EQ(d.at("tracks")[0].at("id"), 3);
  EXPECT_EQ(d.at("dropped"), Json::array({2}));
  EXPECT_TRUE(d.at("units").empty());

  p.set_tracks({track(1, 10.5), track(3, 30.0)});  // 1 moved
  const Json moved = parse(p.take_delta().message({}));
  ASSERT_EQ(moved.at("tracks").size(), 1u);
  EXPECT_EQ(moved.at("tracks")[0].at("lat"), 10.5);
}

TEST(Picture, EventsAndTruthGoOnlyToTheirAudience) {
  Picture p;
  p.add_event({{"kind", "launch"}}, EventAudience::kAll);
  p.add_event({{"kind", "intercept"}}, EventAudience::kTruth);
  p.add_event({{"kind", "script"}}, EventAudience::kInstructor);
  p.set_truth(Json::array({{{"id", 7}}}));
  const Delta d = p.take_delta();
  const Json trainee = parse(d.message({false, false}));
  const Json analyst = parse(d.message({true, false}));
  const Json instructor = parse(d.message({false, true}));
  EXPECT_EQ(trainee.at("events").size(), 1u);
  EXPECT_FALSE(trainee.contains("truth"));
  EXPECT_EQ(analyst.at("events").size(), 2u);
  EXPECT_EQ(analyst.at("truth").size(), 1u);
  ASSERT_EQ(instructor.at("events").size(), 2u);
  EXPECT_EQ(instructor.at("events")[1].at("kind"), "script");
  EXPECT_TRUE(parse(p.take_delta().message({true, true})).at("events").empty()) << "an event is sent once";

  const Json snapshot = parse(p.snapshot({false, false}));
  EXPECT_EQ(snapshot.at("type"), "snapshot");
  EXPECT_EQ(snapshot.at("events").size(), 1u);
  EXPECT_FALSE(snapshot.contains("truth"));
}

TEST(Picture, ASnapshotKeepsTheLastEventsAndNamesTheDeltaItHolds) {
  Picture p;
  for (int i = 0; i < 250; ++i) p.add_event({{"n", i}}, EventAudience::kAll);
  p.take_delta();
  p.take_delta();
  const Json s = parse(p.snapshot({}));
  EXPECT_EQ(s.at("seq"), 2);
  ASSERT_EQ(s.at("events").size(), Picture::kEventsKept);
  EXPECT_EQ(s.at("events")[0].at("n"), 50);
  EXPECT_EQ(s.at("events").back().at("n"), 249);
}

TEST(Picture, AnInterceptorIsShownFromLaunchToEnd) {
  Picture p;
  p.add_interceptor({{"id", 5}, {"shooter", "LR-1"}});
  Json d = parse(p.take_delta().message({}));
  ASSERT_EQ(d.at("interceptors").size(), 1u);
  EXPECT_EQ(parse(p.snapshot({})).at("interceptors").size(), 1u);
  p.end_interceptor(5);
  p.end_interceptor(6);  // never launched: nothing to end
  d = parse(p.take_delta().message({}));
  EXPECT_TRUE(d.at("interceptors").empty());
  EXPECT_EQ(d.at("interceptors_ended"), Json::array({5}));
  EXPECT_TRUE(parse(p.snapshot({})).at("interceptors").empty());
}

TEST(Picture, RebaseCountsEverythingAsSentSoTheNextDeltaIsEmpty) {
  Picture p;
  p.set_tracks({track(1, 1.0)});
  p.take_delta();
  p.clear();
  p.set_tracks({track(9, 9.0)});
  p.add_event({{"kind", "launch"}}, EventAudience::kAll);
  p.rebase();
  EXPECT_EQ(p.seq(), 2u);
  const Json s = parse(p.snapshot({}));
  ASSERT_EQ(s.at("tracks").size(), 1u);
  EXPECT_EQ(s.at("tracks")[0].at("id"), 9);
  const Json d = parse(p.take_delta().message({}));
  EXPECT_TRUE(d.at("tracks").empty());
  EXPECT_TRUE(d.at("dropped").empty());
  EXPECT_TRUE(d.at("events").empty());
}

}  // namespace
}  // namespace rampart::console
