#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "core/random.h"
#include "core/units.h"
#include "tracking/offline_run.h"
#include "tracking/standard_scenarios.h"
#include "tracking/track_management.h"
#include "tracking/tracker.h"

namespace rampart::tracking {
namespace {

// A radar at the origin that sweeps the whole circle in each batch.
PlotBatch full_scan(double t_s) {
  PlotBatch batch;
  batch.t_begin_s = t_s;
  batch.t_s = t_s;
  batch.az_begin_rad = 0.0;
  batch.az_end_rad = kTwoPi;
  batch.max_range_m = 200'000.0;
  return batch;
}

Plot plot_at(std::uint64_t id, double t_s, const Eigen::Vector3d& p_m, double sigma_m,
             bool has_elevation = true) {
  Plot plot;
  plot.id = id;
  plot.t_s = t_s;
  plot.has_elevation = has_elevation;
  plot.p_enu_m = p_m;
  plot.p_cov_m2 = Eigen::Matrix3d::Identity() * sigma_m * sigma_m;
  if (!has_elevation) {
    plot.p_enu_m.z() = 0.0;
    plot.p_cov_m2(2, 2) = 0.0;
  }
  return plot;
}

Eigen::Vector3d noisy(RandomStream& rng, const Eigen::Vector3d& p_m, double sigma_m) {
  return p_m + sigma_m * Eigen::Vector3d(rng.normal(), rng.normal(), rng.normal());
}

// Full scans by sensor `sensor_id` at t = 0, 1, ..., 4 s, each with a plot at p_m (sigma 20 m):
// a track confirmed at the third.
void hold_for_five_scans(Tracker& tracker, const Eigen::Vector3d& p_m, int sensor_id = 0) {
  for (int scan = 0; scan < 5; ++scan) {
    PlotBatch batch = full_scan(scan);
    batch.sensor_id = sensor_id;
    batch.plots.push_back(plot_at(scan, scan, p_m, 20.0));
    batch.plots.back().sensor_id = sensor_id;
    tracker.process(batch);
  }
}

std::vector<TrackState> confirmed(const Tracker& tracker) {
  std::vector<TrackState> out;
  for (const TrackState& t : tracker.tracks()) {
    if (t.status == TrackStatus::kConfirmed) out.push_back(t);
  }
  return out;
}

TEST(TrackExistence, PredictionSurvivesPerSecondAndMissesLowerIt) {
  EXPECT_NEAR(predicted_existence(0.8, 2.0, 0.9), 0.8 * 0.81, 1e-15);
  EXPECT_DOUBLE_EQ(predicted_existence(0.8, -1.0, 0.9), 0.8);
  EXPECT_DOUBLE_EQ(posterior_existence(0.4, true, true, 0.9), 1.0);
  EXPECT_DOUBLE_EQ(posterior_existence(0.4, false, false, 0.9), 0.4);
  EXPECT_NEAR(posterior_existence(0.99, false, true, 0.9), 0.99 * 0.1 / (1.0 - 0.99 * 0.9), 1e-15);
  // Three misses in a row take a surviving track from 0.99 to below 0.1.
  double r = 1.0;
  for (int miss = 0; miss < 3; ++miss) r = posterior_existence(predicted_existence(r, 1.0, 0.99), false, true, 0.9);
  EXPECT_LT(r, 0.1);
}

// Williams' coalescence (standard_scenarios.h): after one of the four close targets dies, the
// existence-weighted JPDA and MHT put the misses on one track and delete it, so over ten runs
// their false-track part of GOSPA is below GNN's (same M-of-N logic and tuning for all three).
TEST(Coalescence, ExistenceWeightsDropTheDeadTargetsTrackSoonerThanGnn) {
  TrackerConfig c;
  c.process_noise_mps2 = std::sqrt(0.02);
  c.initial_speed_sigma_mps = 2.0;
  c.detection_probability = 0.9;
  c.clutter_density = 10.0 / (300.0 * 300.0);
  OfflineRunOptions options;
  options.sigma_m = 1.0;
  options.gospa_c_m = 10.0;
  std::map<std::string, double> false_part;
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const GeneratedScenario g = generate_coalescence(seed);
    const auto gnn = make_gnn_tracker(c);
    const auto jpda = make_jpda_tracker(c, 100);
    const auto mht = make_mht_tracker(c, MhtParameters{});
    false_part["gnn"] += run_offline(*gnn, g.detections, g.truth, options).gospa_false_mean;
    false_part["jpda"] += run_offline(*jpda, g.detections, g.truth, options).gospa_false_mean;
    false_part["mht"] += run_offline(*mht, g.detections, g.truth, options).gospa_false_mean;
  }
  EXPECT_LT(false_part["jpda"], false_part["gnn"]);
  EXPECT_LT(false_part["mht"], false_part["gnn"]);
}

// The IMM's constant-velocity and turn modes get the configuration's process noise.
ImmTuning imm_tuning_for(const TrackerConfig& config) {
  return imm_tuning_with_process_noise(config.process_noise_mps2);
}

// A 250 m/s target flying east, turning left at 4 g from 60 s to 100 s, seen every 2 s with 30 m
// of noise per axis, Pd 0.9, among 15 clutter plots per scan in a 6 km cube around it. Returns
// the mean position error of the confirmed track nearest the target over the scans after 30 s
// (a scan without a confirmed track within 1 km counts 1 km).
double manoeuvre_in_clutter_error_m(Tracker& tracker, std::uint64_t seed) {
  RandomStream rng(seed, 3, Purpose::kTest);
  Eigen::Vector3d p(0.0, 0.0, 6'000.0), v(250.0, 0.0, 0.0);
  double error_sum_m = 0.0;
  int counted = 0;
  for (int scan = 0; scan < 80; ++scan) {
    const double t_s = 2.0 * scan;
    if (scan > 0) {
      const double turn_radps = t_s > 60.0 && t_s <= 100.0 ? 4.0 * 9.81 / 250.0 : 0.0;
      const double a = turn_radps * 2.0;  // heading change over the 2 s step
      const Eigen::Vector3d v_next(v.x() * std::cos(a) - v.y() * std::sin(a),
                                   v.x() * std::sin(a) + v.y() * std::cos(a), 0.0);
      p += 0.5 * (v + v_next) * 2.0;
      v = v_next;
    }
    PlotBatch batch = full_scan(t_s);
    std::uint64_t id = static_cast<std::uint64_t>(scan) * 100;
    if (rng.bernoulli(0.9)) batch.plots.push_back(plot_at(id++, t_s, noisy(rng, p, 30.0), 30.0));
    for (int k = 0; k < 15; ++k) {
      const Eigen::Vector3d offset(rng.uniform(-3'000.0, 3'000.0), rng.uniform(-3'000.0, 3'000.0),
                                   rng.uniform(-3'000.0, 3'000.0));
      batch.plots.push_back(plot_at(id++, t_s, p + offset, 30.0));
    }
    tracker.process(batch);
    if (t_s < 30.0) continue;
    double nearest_m = 1'000.0;
    for (const TrackState& t : confirmed(tracker)) nearest_m = std::min(nearest_m, (t.position_enu_m() - p).norm());
    error_sum_m += nearest_m;
    ++counted;
  }
  return error_sum_m / counted;
}

// IMM-JPDA (ImmFilter::update_weighted with the JPDA marginals) keeps a turning target in clutter
// much better than the constant-velocity JPDA, over ten runs.
TEST(ImmJpda, FollowsATurnInClutterBetterThanConstantVelocityJpda) {
  TrackerConfig config;
  config.process_noise_mps2 = 3.0;
  config.clutter_density = 15.0 / (6'000.0 * 6'000.0 * 6'000.0);
  double imm_m = 0.0, cv_m = 0.0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    imm_m += manoeuvre_in_clutter_error_m(*make_jpda_tracker(config, 100, imm_tuning_for(config)), seed) / 10.0;
    cv_m += manoeuvre_in_clutter_error_m(*make_jpda_tracker(config, 100), seed) / 10.0;
  }
  EXPECT_LT(imm_m, 0.7 * cv_m) << "IMM-JPDA " << imm_m << " m, CV-JPDA " << cv_m << " m";
}

// Every tracker (GNN, JPDA, MHT, IMM-GNN, IMM-JPDA) must pass the same behaviour tests.
class AnyTracker : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<Tracker> make(const TrackerConfig& config) const {
    if (GetParam() == "jpda") return make_jpda_tracker(config, 100);
    if (GetParam() == "mht") return make_mht_tracker(config, MhtParameters{});
    if (GetParam() == "imm") return make_gnn_tracker(config, imm_tuning_for(config));
    if (GetParam() == "imm_jpda") return make_jpda_tracker(config, 100, imm_tuning_for(config));
    return make_gnn_tracker(config);
  }
};

INSTANTIATE_TEST_SUITE_P(Trackers, AnyTracker, ::testing::Values("gnn", "jpda", "mht", "imm", "imm_jpda"));

TEST_P(AnyTracker, StraightTargetConvergesWellUnderTheMeasurementSigma) {
  TrackerConfig config;
  config.process_noise_mps2 = 0.5;
  const auto tracker = make(config);
  RandomStream rng(1, 1, Purpose::kTest);
  const double sigma_m = 50.0;
  const Eigen::Vector3d p0(10'000.0, 5'000.0, 3'000.0);
  const Eigen::Vector3d v(-200.0, 50.0, 0.0);
  double error_sum_m = 0.0;
  for (int scan = 0; scan < 40; ++scan) {
    const double t_s = 4.0 * scan;
    PlotBatch batch = full_scan(t_s);
    batch.plots.push_back(plot_at(scan, t_s, noisy(rng, p0 + v * t_s, sigma_m), sigma_m));
    tracker->process(batch);
    if (scan >= 30) {
      const auto tracks = confirmed(*tracker);
      ASSERT_EQ(tracks.size(), 1u);
      error_sum_m += (tracks[0].position_enu_m() - (p0 + v * t_s)).norm();
    }
  }
  EXPECT_LT(error_sum_m / 10.0, 0.6 * sigma_m * std::sqrt(3.0));
  EXPECT_EQ(tracker->tracks().size(), 1u);
  EXPECT_NEAR(confirmed(*tracker)[0].velocity_enu_mps().x(), v.x(), 10.0);
}

TEST_P(AnyTracker, CrossingTargetsKeepTheirIds) {
  const auto tracker = make(TrackerConfig{});
  RandomStream rng(2, 1, Purpose::kTest);
  const double sigma_m = 30.0;
  // Two targets crossing at right angles at (0, 0, 2000) at t = 40 s.
  const Eigen::Vector3d v_a(150.0, 0.0, 0.0);
  const Eigen::Vector3d v_b(0.0, 150.0, 0.0);
  const Eigen::Vector3d crossing(0.0, 0.0, 2'000.0);
  std::map<std::uint32_t, std::set<int>> targets_of_track;
  for (int scan = 0; scan <= 20; ++scan) {
    const double t_s = 4.0 * scan;
    PlotBatch batch = full_scan(t_s);
    batch.plots.push_back(plot_at(2 * scan, t_s, noisy(rng, crossing + v_a * (t_s - 40.0), sigma_m), sigma_m));
    batch.plots.push_back(plot_at(2 * scan + 1, t_s, noisy(rng, crossing + v_b * (t_s - 40.0), sigma_m), sigma_m));
    for (const Association& a : tracker->process(batch).associations) {
      targets_of_track[a.track_id].insert(static_cast<int>(a.plot_id % 2));
    }
  }
  const auto tracks = confirmed(*tracker);
  ASSERT_EQ(tracks.size(), 2u);
  for (const TrackState& t : tracks) EXPECT_EQ(targets_of_track[t.id].size(), 1u) << t.id;
}

TEST_P(AnyTracker, ClutterAloneConfirmsAlmostNothing) {
  const auto tracker = make(TrackerConfig{});
  RandomStream rng(3, 1, Purpose::kTest);
  std::set<std::uint32_t> ever_confirmed;
  std::uint64_t id = 0;
  for (int scan = 0; scan < 50; ++scan) {
    const double t_s = 4.0 * scan;
    PlotBatch batch = full_scan(t_s);
    for (int k = 0; k < 10; ++k) {
      const Eigen::Vector3d p(rng.uniform(-50'000.0, 50'000.0), rng.uniform(-50'000.0, 50'000.0),
                              rng.uniform(0.0, 10'000.0));
      batch.plots.push_back(plot_at(id++, t_s, p, 50.0));
    }
    for (std::uint32_t c : tracker->process(batch).confirmed) ever_confirmed.insert(c);
  }
  EXPECT_LE(ever_confirmed.size(), 2u);
}

TEST_P(AnyTracker, ConfirmedTrackDeletedAfterConsecutiveMissedLooksOnly) {
  TrackerConfig config;
  config.delete_after_misses = 3;
  const auto tracker = make(config);
  const Eigen::Vector3d p(20'000.0, 0.0, 1'000.0);  // due east: azimuth 90 degrees
  hold_for_five_scans(*tracker, p);
  ASSERT_EQ(confirmed(*tracker).size(), 1u);
  const std::uint32_t id = confirmed(*tracker)[0].id;
  // A sweep of the western half does not look at the track.
  PlotBatch west = full_scan(5.0);
  west.az_begin_rad = deg_to_rad(180.0);
  west.az_end_rad = deg_to_rad(360.0);
  EXPECT_TRUE(tracker->process(west).deleted.empty());
  // Beyond the radar's range it is not looked at either.
  PlotBatch short_range = full_scan(5.5);
  short_range.max_range_m = 10'000.0;
  EXPECT_TRUE(tracker->process(short_range).deleted.empty());
  EXPECT_TRUE(tracker->process(full_scan(6.0)).deleted.empty());
  EXPECT_TRUE(tracker->process(full_scan(7.0)).deleted.empty());
  EXPECT_EQ(tracker->process(full_scan(8.0)).deleted, std::vector<std::uint32_t>{id});
  EXPECT_TRUE(tracker->tracks().empty());
}

TEST_P(AnyTracker, TwoDimensionalPlotsUpdateOnlyEastAndNorth) {
  TrackerConfig config;
  config.process_noise_mps2 = 0.5;
  const auto tracker = make(config);
  RandomStream rng(4, 1, Purpose::kTest);
  const Eigen::Vector3d p0(-30'000.0, 10'000.0, 5'000.0);
  const Eigen::Vector3d v(100.0, 100.0, 0.0);
  for (int scan = 0; scan < 30; ++scan) {
    const double t_s = 4.0 * scan;
    PlotBatch batch = full_scan(t_s);
    batch.plots.push_back(plot_at(scan, t_s, noisy(rng, p0 + v * t_s, 40.0), 40.0, false));
    tracker->process(batch);
  }
  const auto tracks = confirmed(*tracker);
  ASSERT_EQ(tracks.size(), 1u);
  const Eigen::Vector3d truth = p0 + v * tracks[0].t_s;
  EXPECT_LT((tracks[0].position_enu_m().head<2>() - truth.head<2>()).norm(), 40.0);
  EXPECT_FALSE(tracks[0].has_height);
  EXPECT_DOUBLE_EQ(tracks[0].position_enu_m().z(), 0.0);
  EXPECT_GT(std::sqrt(tracks[0].P(2, 2)), 5'000.0);
}

TEST_P(AnyTracker, MOfNConfirmsOnTheMthHitAndDeletesWhenMIsOutOfReach) {
  TrackerConfig config;
  config.confirm_hits_m = 2;
  config.confirm_window_n = 3;
  // A velocity sigma that makes the second plot clearly the track's: with the default 300 m/s
  // the MHT's existence weights (a one-plot track that missed) rightly prefer a new track.
  config.initial_speed_sigma_mps = 50.0;
  const Eigen::Vector3d p(5'000.0, 5'000.0, 1'000.0);
  {
    const auto tracker = make(config);
    PlotBatch first = full_scan(0.0);
    first.plots.push_back(plot_at(1, 0.0, p, 20.0));
    EXPECT_TRUE(tracker->process(first).confirmed.empty());
    EXPECT_TRUE(tracker->process(full_scan(1.0)).confirmed.empty());  // miss: 1 of 2
    PlotBatch third = full_scan(2.0);
    third.plots.push_back(plot_at(2, 2.0, p, 20.0));
    EXPECT_EQ(tracker->process(third).confirmed.size(), 1u);  // hit: 2 of 3
  }
  {
    const auto tracker = make(config);
    PlotBatch first = full_scan(0.0);
    first.plots.push_back(plot_at(1, 0.0, p, 20.0));
    tracker->process(first);
    EXPECT_TRUE(tracker->process(full_scan(1.0)).deleted.empty());  // 1 hit, 1 look left
    EXPECT_EQ(tracker->process(full_scan(2.0)).deleted.size(), 1u);  // 2 of 3 now impossible
  }
}

TEST_P(AnyTracker, TrackIdsAreNeverReused) {
  const auto tracker = make(TrackerConfig{});
  std::set<std::uint32_t> seen;
  std::uint64_t id = 0;
  for (int scan = 0; scan < 20; ++scan) {
    PlotBatch batch = full_scan(scan);
    // A plot in a fresh place every scan: each starts a track that later dies.
    batch.plots.push_back(plot_at(id++, scan, Eigen::Vector3d(50'000.0 * (scan % 2), 3'000.0 * scan, 0.0), 10.0));
    tracker->process(batch);
    for (const TrackState& t : tracker->tracks()) seen.insert(t.id);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST_P(AnyTracker, SameInputGivesSameOutput) {
  const auto run = [this] {
    const auto tracker = make(TrackerConfig{});
    RandomStream rng(5, 1, Purpose::kTest);
    std::uint64_t id = 0;
    for (int scan = 0; scan < 20; ++scan) {
      PlotBatch batch = full_scan(scan * 2.0);
      for (int k = 0; k < 30; ++k) {
        batch.plots.push_back(plot_at(id++, scan * 2.0, Eigen::Vector3d(rng.uniform(0, 5e3), rng.uniform(0, 5e3), 0.0), 30.0));
      }
      tracker->process(batch);
    }
    return tracker->tracks();
  };
  const auto a = run();
  const auto b = run();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].x, b[i].x);
  }
}

TEST_P(AnyTracker, ScoreLogicConfirmsAtTheSprtThresholdAndDropsOnTheScore) {
  TrackerConfig config;
  config.track_logic = TrackLogic::kScore;
  config.detection_probability = 0.9;
  config.clutter_density = 1e-9;
  config.false_track_probability = 1e-6;
  config.delete_score_drop = 4.0;
  const auto tracker = make(config);
  const Eigen::Vector3d p(5'000.0, 5'000.0, 1'000.0);
  const double confirm_score = std::log(0.95 / 1e-6);
  bool confirmed_once = false;
  for (int scan = 0; scan < 6 && !confirmed_once; ++scan) {
    PlotBatch batch = full_scan(scan);
    batch.plots.push_back(plot_at(scan, scan, p, 20.0));
    const TrackerStepResult r = tracker->process(batch);
    ASSERT_EQ(tracker->tracks().size(), 1u);
    const TrackState t = tracker->tracks()[0];
    confirmed_once = !r.confirmed.empty();
    // Confirmed exactly when the score first reaches log((1 - beta) / alpha).
    EXPECT_EQ(confirmed_once, t.score >= confirm_score) << "scan " << scan << " score " << t.score;
  }
  ASSERT_TRUE(confirmed_once);
  // Each miss costs log(1 - Pd) = -2.3: the second takes the score 4.6 below its peak.
  EXPECT_TRUE(tracker->process(full_scan(10.0)).deleted.empty());
  EXPECT_EQ(tracker->process(full_scan(11.0)).deleted.size(), 1u);
}

TEST_P(AnyTracker, TwoSensorsWithOutOfSequencePlotsFeedOneTrack) {
  TrackerConfig config;
  config.process_noise_mps2 = 1.0;
  const auto tracker = make(config);
  RandomStream rng(6, 1, Purpose::kTest);
  const Eigen::Vector3d p0(20'000.0, -10'000.0, 4'000.0);
  const Eigen::Vector3d v(-150.0, 120.0, 0.0);
  for (int cycle = 0; cycle < 20; ++cycle) {
    // Sensor 1 reports the target at t; sensor 2's batch, delivered just after, holds a plot
    // taken 0.5 s before t, older than the track's last update.
    const double t_s = 2.0 * cycle + 1.0;
    PlotBatch first = full_scan(t_s);
    first.sensor_id = 1;
    first.plots.push_back(plot_at(2 * cycle, t_s, noisy(rng, p0 + v * t_s, 20.0), 20.0));
    tracker->process(first);
    PlotBatch second = full_scan(t_s);
    second.sensor_id = 2;
    second.t_begin_s = t_s - 1.0;
    second.plots.push_back(plot_at(2 * cycle + 1, t_s - 0.5, noisy(rng, p0 + v * (t_s - 0.5), 20.0), 20.0));
    const TrackerStepResult r = tracker->process(second);
    if (cycle >= 5) {
      EXPECT_EQ(r.associations.size(), 1u) << cycle;
    }
  }
  ASSERT_EQ(tracker->tracks().size(), 1u);
  const TrackState t = tracker->tracks()[0];
  EXPECT_LT((t.position_enu_m() - (p0 + v * t.t_s)).norm(), 30.0);
}

TEST_P(AnyTracker, CovarianceGrowthDeletesACoastingTrack) {
  TrackerConfig config;
  config.delete_after_misses = 100;
  config.delete_position_sigma_m = 200.0;
  const auto tracker = make(config);
  const Eigen::Vector3d p(5'000.0, 5'000.0, 1'000.0);
  hold_for_five_scans(*tracker, p);
  ASSERT_EQ(confirmed(*tracker).size(), 1u);
  // Coasting, the position sigma grows with the process noise (5 m/s^1.5) and the velocity
  // uncertainty; it passes 200 m within a few tens of seconds, long before 100 misses.
  int deleted_at = -1;
  for (int scan = 5; scan < 100 && deleted_at < 0; ++scan) {
    if (!tracker->process(full_scan(scan)).deleted.empty()) deleted_at = scan;
  }
  EXPECT_GT(deleted_at, 6);
  EXPECT_LT(deleted_at, 60);
}

// Radar 1 confirms a track with plots at t = 0..4 s and goes silent; radar 2, which never
// detected it, sweeps the whole circle every 2 s from t = 6 s: its looks do not count, so only
// the age deletes the track. With max_coast_s = 9 its latest plot (t = 4) is 8 s old at t = 12
// (kept) and 10 s old at t = 14 (deleted in that batch). A tentative track born at t = 6 of a
// plot of radar 3 (which never looks again) goes 9 s later, at t = 16 (15 is exactly 9 s: kept).
TEST_P(AnyTracker, ATrackNoRadarThatDetectedItLooksAtIsDeletedAfterMaxCoast) {
  TrackerConfig config;
  config.max_coast_s = 9.0;
  const auto tracker = make(config);
  const Eigen::Vector3d p(20'000.0, 0.0, 1'000.0);
  hold_for_five_scans(*tracker, p, 1);
  ASSERT_EQ(confirmed(*tracker).size(), 1u);
  const std::uint32_t held = confirmed(*tracker)[0].id;
  EXPECT_DOUBLE_EQ(confirmed(*tracker)[0].t_updated_s, 4.0);
  const auto radar_2 = [](double t_s) {
    PlotBatch b = full_scan(t_s);
    b.sensor_id = 2;
    return b;
  };
  PlotBatch with_plot = full_scan(6.0);
  with_plot.sensor_id = 3;
  with_plot.plots.push_back(plot_at(100, 6.0, Eigen::Vector3d(-60'000.0, 30'000.0, 5'000.0), 20.0));
  with_plot.plots.back().sensor_id = 3;
  EXPECT_TRUE(tracker->process(with_plot).deleted.empty());
  ASSERT_EQ(tracker->tracks().size(), 2u);
  for (const double t_s : {8.0, 10.0, 12.0}) EXPECT_TRUE(tracker->process(radar_2(t_s)).deleted.empty()) << t_s;
  EXPECT_EQ(tracker->process(radar_2(14.0)).deleted, std::vector<std::uint32_t>{held});
  ASSERT_EQ(tracker->tracks().size(), 1u);
  const std::uint32_t tentative = tracker->tracks()[0].id;
  EXPECT_EQ(tracker->tracks()[0].status, TrackStatus::kTentative);
  EXPECT_TRUE(tracker->process(radar_2(15.0)).deleted.empty());
  EXPECT_EQ(tracker->process(radar_2(16.0)).deleted, std::vector<std::uint32_t>{tentative});
  EXPECT_TRUE(tracker->tracks().empty());
}

// With every radar silent no batch comes: delete_stale deletes by age alone, at any time, and
// leaves the tracker's clock where it was (a batch older than the call still comes in).
TEST_P(AnyTracker, DeleteStaleWorksWithoutBatchesAndKeepsTheClock) {
  TrackerConfig config;
  config.max_coast_s = 9.0;
  const auto tracker = make(config);
  const Eigen::Vector3d p(5'000.0, 5'000.0, 1'000.0);
  hold_for_five_scans(*tracker, p);
  ASSERT_EQ(tracker->tracks().size(), 1u);
  const std::uint32_t id = tracker->tracks()[0].id;
  EXPECT_TRUE(tracker->delete_stale(13.0).deleted.empty());  // exactly 9 s after its plot at 4 s
  const TrackerStepResult stale = tracker->delete_stale(13.5);
  EXPECT_EQ(stale.deleted, std::vector<std::uint32_t>{id});
  EXPECT_TRUE(stale.associations.empty());
  EXPECT_TRUE(stale.confirmed.empty());
  EXPECT_TRUE(tracker->tracks().empty());
  PlotBatch late = full_scan(5.0);
  late.plots.push_back(plot_at(5, 5.0, p, 20.0));
  tracker->process(late);
  EXPECT_EQ(tracker->tracks().size(), 1u);
}

}  // namespace
}  // namespace rampart::tracking
