#include "tracking/adsb.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "tracking/offline_run.h"

namespace rampart::tracking {
namespace {

const std::string kFixture = RAMPART_SOURCE_DIR "/src/tracking/test/data/adsb_switzerland_20min.json.gz";

TEST(Adsb, ReadsTheTrimmedFixture) {
  const std::vector<AdsbReport> reports = read_adsb_json_gz(kFixture);
  EXPECT_EQ(reports.size(), 3976u);
  // Sorted by aircraft, then time; altitude converted from feet.
  for (std::size_t i = 1; i < reports.size(); ++i) {
    if (reports[i].aircraft == reports[i - 1].aircraft) {
      EXPECT_GT(reports[i].t_s, reports[i - 1].t_s);
    } else {
      EXPECT_GT(reports[i].aircraft, reports[i - 1].aircraft);
    }
  }
  for (const AdsbReport& r : reports) {
    EXPECT_GT(r.position.lat_deg, 44.0);
    EXPECT_LT(r.position.lat_deg, 49.0);
    EXPECT_LT(r.position.alt_m, 50'000.0 * 0.3048);
  }
}

TEST(Adsb, NotGzippedJsonIsInputError) {
  const auto path = std::filesystem::temp_directory_path() / "rampart_adsb_bad.json.gz";
  std::ofstream(path) << "[{\"timestamp\": 1,";
  EXPECT_THROW(read_adsb_json_gz(path.string()), InputError);
  EXPECT_THROW(read_adsb_json_gz((path.string() + ".absent")), InputError);
  std::filesystem::remove(path);
}

TEST(Adsb, SamplesTruthByLinearInterpolationWithinGaps) {
  const LocalFrame frame({46.0, 8.0, 0.0});
  const Geodetic a{46.0, 8.0, 1000.0};
  const Geodetic b{46.0, 8.0, 2000.0};
  std::vector<AdsbReport> reports = {{100.0, 1, a}, {110.0, 1, b}, {200.0, 1, a}};
  const std::vector<PointScan> truth = sample_truth(reports, frame, 100.0, 220.0, 4.0, 30.0);
  ASSERT_EQ(truth.size(), 30u);
  // 100, 104 and 108 lie in the first segment; 112..196 in the 90 s gap; none after 200.
  EXPECT_EQ(truth[0].p_m.size(), 1u);
  EXPECT_NEAR(truth[1].p_m[0].z(), 1400.0, 1e-6);
  EXPECT_NEAR(truth[2].p_m[0].z(), 1800.0, 1e-6);
  EXPECT_TRUE(truth[3].p_m.empty());
  EXPECT_TRUE(truth[25].p_m.empty());
  EXPECT_DOUBLE_EQ(busiest_hour_start_s(reports), 60.0);
}

TEST(Adsb, ImmBeatsConstantVelocityOnTheFixture) {
  const std::vector<AdsbReport> reports = read_adsb_json_gz(kFixture);
  const SimulatedRadar radar;
  const double t0_s = std::min_element(reports.begin(), reports.end(), [](const AdsbReport& a, const AdsbReport& b) {
                        return a.t_s < b.t_s;
                      })->t_s;
  const TrafficRun traffic = prepare_traffic(reports, t0_s, 1200.0, radar, 3);
  TrackerConfig config = traffic_tracker_config(radar);
  OfflineRunOptions options;
  options.gospa_c_m = 1000.0;
  const auto gospa_of = [&](Tracker& tracker) {
    return run_batches(tracker, traffic.batches, traffic.scan_numbers, traffic.truth, options).gospa_mean;
  };
  double best_cv = 1e300;
  for (const double noise : {10.0, 20.0, 30.0}) {
    config.process_noise_mps2 = noise;
    best_cv = std::min(best_cv, gospa_of(*make_gnn_tracker(config)));
  }
  const double imm_gospa = gospa_of(*make_gnn_tracker(config, traffic_imm_tuning()));
  EXPECT_LT(imm_gospa, best_cv);
}

}  // namespace
}  // namespace rampart::tracking
