#include "tracking/stonesoup_scenario.h"

#include <gtest/gtest.h>

#include "tracking/offline_run.h"

namespace rampart::tracking {
namespace {

TEST(StoneSoupScenario, HasTheReferenceDensitiesAndIsDeterministic) {
  StoneSoupScenarioParams params;
  params.targets = 200;
  params.scans = 50;
  const GeneratedScenario a = generate_stonesoup_scenario(params, 9);
  const GeneratedScenario b = generate_stonesoup_scenario(params, 9);
  ASSERT_EQ(a.detections.size(), 50u);
  double plots = 0.0;
  for (std::size_t k = 0; k < a.detections.size(); ++k) {
    EXPECT_EQ(a.detections[k].p_m, b.detections[k].p_m);
    EXPECT_EQ(a.truth[k].p_m.size(), 200u);
    EXPECT_DOUBLE_EQ(a.detections[k].t_s, static_cast<double>(k));
    plots += static_cast<double>(a.detections[k].p_m.size());
  }
  // Expected plots per scan: 0.9 * 200 targets + 0.5 * 200 clutter = 280 (sd of the mean ~1).
  EXPECT_NEAR(plots / 50.0, 280.0, 5.0);
  EXPECT_DOUBLE_EQ(params.area_side_m(), 1000.0 * std::sqrt(20.0));
  const GeneratedScenario c = generate_stonesoup_scenario(params, 10);
  EXPECT_NE(a.truth[0].p_m[0], c.truth[0].p_m[0]);
}

TEST(StoneSoupScenario, GnnTracksTenTargetsAtLeastAsWellAsStoneSoup) {
  const GeneratedScenario scenario = generate_stonesoup_scenario(StoneSoupScenarioParams{}, 1);
  TrackerConfig config;
  config.process_noise_mps2 = 0.3;
  config.initial_speed_sigma_mps = 10.0;
  const auto tracker = make_gnn_tracker(config);
  const OfflineRunSummary s = run_offline(*tracker, scenario.detections, scenario.truth, {});
  EXPECT_EQ(s.scans, 100);
  EXPECT_LT(s.gospa_mean, 31.0);  // Stone Soup's published mean GOSPA at 10 targets
}

}  // namespace
}  // namespace rampart::tracking
