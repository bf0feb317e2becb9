#include "scenario/overrides.h"

#include <gtest/gtest.h>

#include <functional>

#include "core/error.h"
#include "scenario/loader.h"

namespace rampart::scenario {
namespace {

const std::string kMinimal = std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml";

TEST(Overrides, SetAValueByItsPathThroughMapsAndLists) {
  const std::string text = "a: 1\nlist:\n  - {x: 1, y: 2}\n  - {x: 3}\n";
  const std::string out = apply_overrides(text, {{"a", "5"}, {"list.1.x", "7"}, {"list.0.z", "9"}, {"new.k", "v"}});
  Diagnostics d("t");
  // The text is YAML again, with the new values and the old ones kept.
  EXPECT_NE(out.find("a: 5"), std::string::npos) << out;
  EXPECT_NE(out.find("x: 7"), std::string::npos) << out;
  EXPECT_NE(out.find("z: 9"), std::string::npos) << out;
  EXPECT_NE(out.find("y: 2"), std::string::npos) << out;
  EXPECT_NE(out.find("k: v"), std::string::npos) << out;
}

TEST(Overrides, AScenarioLoadsWithItsOverrides) {
  const Scenario base = load_scenario_file(kMinimal);
  const Scenario changed = load_scenario_with(kMinimal, {{"c2.salvo_size", "3"}, {"threats.0.count", "4"}});
  EXPECT_EQ(changed.c2.salvo_size, 3);
  EXPECT_EQ(changed.raids[0].count, 4);
  EXPECT_EQ(changed.name, base.name);
  EXPECT_EQ(changed.fire_units.size(), base.fire_units.size());
}

TEST(Overrides, BadPathsAndValuesAreClearErrors) {
  const auto message = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([] { apply_overrides("l: [1, 2]\n", {{"l.2", "0"}}); }),
            "override 'l.2': 'l' is a list of 2; give an index from 0 to 1, not '2'");
  EXPECT_EQ(message([] { apply_overrides("l: [1, 2]\n", {{"l.first", "0"}}); }),
            "override 'l.first': 'l' is a list of 2; give an index from 0 to 1, not 'first'");
  EXPECT_EQ(message([] { apply_overrides("a: 1\n", {{"a.b", "0"}}); }),
            "override 'a.b': 'a' is a single value; it has no 'b'");
  EXPECT_EQ(message([] { apply_overrides("m: {k: 1}\n", {{"m", "0"}}); }), "override 'm': 'm' is not a single value");
  EXPECT_EQ(message([] { apply_overrides("a: 1\n", {{"a..b", "0"}}); }), "override 'a..b': an empty step in the path");
  EXPECT_NE(message([] { apply_overrides("a: [\n", {{"a", "0"}}); }).find("not valid YAML"), std::string::npos);
  EXPECT_NE(message([] { load_scenario_with(kMinimal, {{"c2.salvo_sise", "3"}}); }).find("did you mean 'salvo_size'"),
            std::string::npos);
  EXPECT_NE(message([] { load_scenario_with(kMinimal, {{"c2.salvo_size", "-3"}}); }).find("salvo_size"),
            std::string::npos);
  for (const std::string bad : {"novalue", "=1,2", "k=", "k=1,,2"}) EXPECT_THROW(parse_sweep(bad), InputError) << bad;
  const auto [path, values] = parse_sweep("c2.doctrine=salvo,shoot_look_shoot");
  EXPECT_EQ(path, "c2.doctrine");
  EXPECT_EQ(values, (std::vector<std::string>{"salvo", "shoot_look_shoot"}));
}

}  // namespace
}  // namespace rampart::scenario
