// The ESM receiver hears emitters by their power, and names them from its library by their
// measured signal parameters, confusing similar ones as often as its measurement noise says.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"
#include "sensors/esm.h"

namespace rampart::sensors {
namespace {

const LocalFrame kFrame({35.0, -30.0, 0.0});

scenario::EsmSensor receiver() {
  return {.name = "ESM", .site_alt_m = 0.0, .mast_height_m = 10.0, .bearing_sigma_deg = 1.0, .period_s = 1.0,
          .sensitivity_dbm = -60.0, .antenna_gain_db = 0.0, .losses_db = 0.0, .frequency_sigma_hz = 5e6,
          .prf_sigma_hz = 5.0, .pulse_width_sigma_s = 5e-8};
}

const scenario::Emitter kAttack{.name = "Attack", .frequency_hz = 9.42e9, .prf_hz = 2000.0, .pulse_width_s = 1e-6,
                                .peak_power_w = 1000.0, .antenna_gain_db = 30.0};

world::Entity flying(std::uint32_t id, double north_m, double alt_m, const std::string& emitter) {
  world::Entity e{.id = id, .name = "t", .rcs_m2 = 5.0, .emitter = emitter};
  e.state = world::EntityState::kFlying;
  e.geodetic = kFrame.surface_point(0.0, north_m, alt_m);
  e.p_enu_m = kFrame.to_enu(e.geodetic);
  return e;
}

TEST(Esm, HearsAnEmitterOutToTheRangeItsPowerGives) {
  EsmReceiver esm(1, receiver(), {kAttack}, kFrame, 1);
  // lambda = c / 9.42 GHz = 0.031825 m; Pt Gt = 1e3 * 1e3 = 1e6 W; S = 1e-9 W; L = G_r = 1:
  // R = 0.031825 / (4 pi) * sqrt(1e6 / 1e-9) = 2.5326e-3 * 3.1623e7 = 80.09 km.
  EXPECT_NEAR(esm.hearing_range_m(kAttack), 80'088.0, 50.0);
  // At 10 km altitude the 4/3-Earth horizon (13 km + 412 km) is far beyond: power is the limit.
  EXPECT_EQ(esm.listen(1.0, {flying(1, 79'000.0, 10'000.0, "Attack")}).size(), 1u);
  EXPECT_TRUE(esm.listen(2.0, {flying(1, 81'500.0, 10'000.0, "Attack")}).empty());
}

TEST(Esm, TheHorizonHidesALowEmitter) {
  scenario::Emitter loud = kAttack;
  loud.peak_power_w = 1e6;  // heard to 2,500 km by power
  EsmReceiver esm(1, receiver(), {loud}, kFrame, 1);
  // Mast 10 m and target 50 m: sqrt(2 * 4/3 * 6371 km) * (sqrt 10 + sqrt 50) = 13.03 + 29.14 = 42.2 km.
  EXPECT_EQ(esm.listen(1.0, {flying(1, 41'000.0, 50.0, "Attack")}).size(), 1u);
  EXPECT_TRUE(esm.listen(2.0, {flying(1, 43'500.0, 50.0, "Attack")}).empty());
}

TEST(Esm, NamesTheNearestLibraryEntryInsideTheGate) {
  const scenario::Emitter nav{.name = "Nav", .frequency_hz = 9.41e9, .prf_hz = 1000.0, .pulse_width_s = 2.5e-7,
                              .peak_power_w = 25e3, .antenna_gain_db = 28.0};
  EsmReceiver esm(1, receiver(), {kAttack, nav}, kFrame, 1);
  EXPECT_EQ(esm.identify(9.42e9, 2000.0, 1e-6), "Attack");
  // 3 sigma off in frequency and PRF: d^2 = 9 + 9 = 18 > 16.27.
  EXPECT_EQ(esm.identify(9.42e9 + 15e6, 2015.0, 1e-6), kUnknownEmitter);
  // 2 sigma in each: d^2 = 12, inside.
  EXPECT_EQ(esm.identify(9.42e9 + 10e6, 2010.0, 1e-6), "Attack");
  EXPECT_EQ(esm.identify(9.41e9, 1001.0, 2.6e-7), "Nav");
}

TEST(Esm, ConfusesSimilarEmittersAsOftenAsTheNoiseSays) {
  // Two emitters 1 sigma apart in frequency only: the measured frequency lands nearer the wrong
  // one when its noise exceeds half the gap, P = Q(0.5) = 0.3085.
  scenario::Emitter twin = kAttack;
  twin.name = "Twin";
  twin.frequency_hz = kAttack.frequency_hz + 5e6;
  twin.in_library = true;
  EsmReceiver esm(1, receiver(), {kAttack, twin}, kFrame, 7);
  int wrong = 0, heard = 0, unknown = 0;
  for (int i = 0; i < 4000; ++i) {
    for (const auto& r : esm.listen(i, {flying(1, 30'000.0, 8000.0, "Attack")})) {
      ++heard;
      if (r.emitter == "Twin") ++wrong;
      if (r.emitter == kUnknownEmitter) ++unknown;
    }
  }
  ASSERT_EQ(heard, 4000);
  // The gate lets 0.1% of a true emitter's measurements fall outside: about 4 of 4000.
  EXPECT_LE(unknown, 15);
  // Binomial sigma sqrt(4000 * 0.31 * 0.69) = 29: within 4 sigma of 1234.
  EXPECT_NEAR(wrong, 1234, 117);
}

TEST(Esm, AnEmitterMissingFromTheLibraryIsHeardButNotNamed) {
  scenario::Emitter stranger = kAttack;
  stranger.name = "Stranger";
  stranger.frequency_hz = 5.6e9;
  stranger.in_library = false;
  EsmReceiver esm(1, receiver(), {kAttack, stranger}, kFrame, 1);
  const auto reports = esm.listen(1.0, {flying(1, 20'000.0, 8000.0, "Stranger")});
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].emitter, kUnknownEmitter);
  EXPECT_EQ(reports[0].truth_id, 1u);
  EXPECT_NEAR(reports[0].bearing_rad < kPi ? reports[0].bearing_rad : reports[0].bearing_rad - kTwoPi, 0.0,
              deg_to_rad(5.0));
}

}  // namespace
}  // namespace rampart::sensors
