// What a fire unit cut off from C2 fights on: its own site and the assets within its reach,
// weapons tight, no fighters.
#include <gtest/gtest.h>

#include "c2/self_defence.h"

namespace rampart::c2 {
namespace {

scenario::Scenario two_units_three_assets() {
  scenario::Scenario s;
  s.weapon_types.push_back({.name = "SHORAD", .max_range_m = 12'000.0});
  s.weapon_types.push_back({.name = "LR", .max_range_m = 100'000.0});
  s.fire_units.push_back({.name = "FU-1", .weapon_type = 1, .position = {0.0, 0.0}});
  s.fire_units.push_back({.name = "FU-2", .weapon_type = 0, .position = {10'000.0, 0.0}});
  s.assets.push_back({.name = "Near", .kind = "city", .position = {18'000.0, 8'000.0}, .radius_m = 2000.0,
                      .value = 40.0});  // 11.31 km from FU-2: within its 12 km
  s.assets.push_back({.name = "Far", .kind = "port", .position = {22'000.0, 1'000.0}, .radius_m = 2000.0,
                      .value = 100.0});  // 12.04 km: beyond
  s.assets.push_back({.name = "Column", .kind = "point", .position = {10'000.0, -5'000.0}, .radius_m = 500.0,
                      .value = 10.0, .follows = 0});
  s.squadrons.push_back({});
  s.c2.weapons_control = scenario::WeaponsControl::kFree;
  return s;
}

TEST(SelfDefence, TheUnitDefendsItsSiteAndTheAssetsWithinItsReachUnderWeaponsTight) {
  const scenario::Scenario s = two_units_three_assets();
  const scenario::Point2 at{10'000.0, 0.0};
  const scenario::Scenario local = self_defence_scenario(s, 1, at, s.assets);
  ASSERT_EQ(local.fire_units.size(), 1u);
  EXPECT_EQ(local.fire_units[0].name, "FU-2");
  EXPECT_TRUE(local.squadrons.empty());
  EXPECT_EQ(local.c2.weapons_control, scenario::WeaponsControl::kTight);
  ASSERT_EQ(local.assets.size(), 3u);  // Near, Column (no longer following its column), its own site
  EXPECT_EQ(local.assets[0].name, "Near");
  EXPECT_EQ(local.assets[1].name, "Column");
  EXPECT_FALSE(local.assets[1].follows.has_value());
  const scenario::Asset& site = local.assets[2];
  EXPECT_EQ(site.name, "FU-2");
  EXPECT_EQ(site.kind, "fire_unit");
  EXPECT_DOUBLE_EQ(site.position.east_m, 10'000.0);
  EXPECT_DOUBLE_EQ(site.position.north_m, 0.0);
  EXPECT_DOUBLE_EQ(site.radius_m, kUnitSiteRadius_m);
  EXPECT_DOUBLE_EQ(site.value, 100.0);  // the most valuable asset's, Far's, though Far is out of reach
  EXPECT_EQ(site.priority, 1);
}

TEST(SelfDefence, WhereC2LastPlacedAnAssetIsWhereTheUnitDefendsIt) {
  const scenario::Scenario s = two_units_three_assets();
  std::vector<scenario::Asset> placed = s.assets;
  placed[2].position = {40'000.0, 0.0};  // the column moved out of FU-2's reach
  const scenario::Scenario local = self_defence_scenario(s, 1, {10'000.0, 0.0}, placed);
  ASSERT_EQ(local.assets.size(), 2u);
  EXPECT_EQ(local.assets[0].name, "Near");
  EXPECT_EQ(local.assets[1].name, "FU-2");
}

TEST(SelfDefence, WithNoAssetTheUnitsOwnSiteIsWorthOne) {
  scenario::Scenario s = two_units_three_assets();
  s.assets.clear();
  const scenario::Scenario local = self_defence_scenario(s, 0, {0.0, 0.0}, s.assets);
  ASSERT_EQ(local.assets.size(), 1u);
  EXPECT_DOUBLE_EQ(local.assets[0].value, 1.0);
}

}  // namespace
}  // namespace rampart::c2
