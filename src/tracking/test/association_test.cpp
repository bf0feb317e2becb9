#include "tracking/association.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rampart::tracking {
namespace {

// Two confirmed tracks, two plots, every pair gated.
std::vector<GatedPair> two_by_two() {
  return {{0, 0, 1.0, 9.2, -3.0}, {0, 1, 4.0, 9.2, -5.5}, {1, 0, 2.5, 9.2, -4.2}, {1, 1, 0.5, 9.2, -2.9}};
}

TEST(Jpda, MarginalsMatchExhaustiveEnumerationOfJointEvents) {
  const JpdaParameters p{0.8, 0.01, 0.99, 100};
  const auto jpda = make_jpda_associator(p);
  const auto pairs = two_by_two();
  const std::vector<TrackAssociation> a = jpda->associate(pairs, {true, true}, 2);
  // Events (plot of track 0, plot of track 1), -1 = none; weight = prod of factors.
  const auto g = [&](int track, int plot) {
    for (const GatedPair& x : pairs) {
      if (x.track == track && x.plot == plot) return p.detection_probability * std::exp(x.log_likelihood) / p.clutter_density;
    }
    return 0.0;
  };
  const double miss = 1.0 - p.detection_probability * p.gate_probability;
  double total = 0.0, b00 = 0.0, b01 = 0.0, b0_ = 0.0, b11 = 0.0;
  for (int j0 = -1; j0 < 2; ++j0) {
    for (int j1 = -1; j1 < 2; ++j1) {
      if (j0 >= 0 && j0 == j1) continue;
      const double w = (j0 < 0 ? miss : g(0, j0)) * (j1 < 0 ? miss : g(1, j1));
      total += w;
      if (j0 == 0) b00 += w;
      if (j0 == 1) b01 += w;
      if (j0 < 0) b0_ += w;
      if (j1 == 1) b11 += w;
    }
  }
  const auto weight = [](const TrackAssociation& t, int plot) {
    for (const auto& [j, w] : t.plot_weights) {
      if (j == plot) return w;
    }
    return 0.0;
  };
  EXPECT_NEAR(weight(a[0], 0), b00 / total, 1e-12);
  EXPECT_NEAR(weight(a[0], 1), b01 / total, 1e-12);
  EXPECT_NEAR(a[0].miss_weight, b0_ / total, 1e-12);
  EXPECT_NEAR(weight(a[1], 1), b11 / total, 1e-12);
  EXPECT_EQ(a[0].map_plot, 0);
  EXPECT_EQ(a[1].map_plot, 1);
}

TEST(Jpda, OneHypothesisGivesTheMostLikelyEventWithWeightOne) {
  const auto jpda = make_jpda_associator(JpdaParameters{0.8, 0.01, 0.99, 1});
  const std::vector<TrackAssociation> a = jpda->associate(two_by_two(), {true, true}, 2);
  EXPECT_EQ(a[0].plot_weights, (std::vector<std::pair<int, double>>{{0, 1.0}}));
  EXPECT_EQ(a[1].plot_weights, (std::vector<std::pair<int, double>>{{1, 1.0}}));
  EXPECT_DOUBLE_EQ(a[0].miss_weight, 0.0);
}

TEST(Jpda, ExistenceWeighsEventsAndGivesThePosteriorExistence) {
  const JpdaParameters p{0.8, 0.01, 0.99, 100};
  const auto pairs = two_by_two();
  const std::vector<double> r = {0.3, 0.95};
  const std::vector<TrackAssociation> a =
      make_jpda_associator(p)->associate_with_existence(pairs, {true, true}, r, 2);
  const double pd_pg = p.detection_probability * p.gate_probability;
  const auto g = [&](int track, int plot) {
    for (const GatedPair& x : pairs) {
      if (x.track == track && x.plot == plot) return r[track] * p.detection_probability * std::exp(x.log_likelihood) / p.clutter_density;
    }
    return 0.0;
  };
  const auto miss = [&](int track) { return 1.0 - r[track] * pd_pg; };
  double total = 0.0, b00 = 0.0, b01 = 0.0, b0_ = 0.0;
  for (int j0 = -1; j0 < 2; ++j0) {
    for (int j1 = -1; j1 < 2; ++j1) {
      if (j0 >= 0 && j0 == j1) continue;
      const double w = (j0 < 0 ? miss(0) : g(0, j0)) * (j1 < 0 ? miss(1) : g(1, j1));
      total += w;
      if (j0 == 0) b00 += w;
      if (j0 == 1) b01 += w;
      if (j0 < 0) b0_ += w;
    }
  }
  const double q0 = r[0] * (1.0 - pd_pg) / (1.0 - r[0] * pd_pg);
  const double existence0 = (b00 + b01 + b0_ * q0) / total;
  EXPECT_NEAR(a[0].existence, existence0, 1e-12);
  EXPECT_LT(a[0].existence, 1.0);
  EXPECT_NEAR(a[0].miss_weight, b0_ * q0 / total / existence0, 1e-12);
  double weights = a[0].miss_weight;
  for (const auto& [j, w] : a[0].plot_weights) {
    EXPECT_NEAR(w, (j == 0 ? b00 : b01) / total / existence0, 1e-12);
    weights += w;
  }
  EXPECT_NEAR(weights, 1.0, 1e-12);
}

TEST(Jpda, FullExistenceIsThePlainJpda) {
  const auto jpda = make_jpda_associator(JpdaParameters{0.8, 0.01, 0.99, 100});
  const auto plain = jpda->associate(two_by_two(), {true, true}, 2);
  const auto full = jpda->associate_with_existence(two_by_two(), {true, true}, {1.0, 1.0}, 2);
  for (int t = 0; t < 2; ++t) {
    EXPECT_DOUBLE_EQ(full[t].existence, 1.0);
    EXPECT_DOUBLE_EQ(full[t].miss_weight, plain[t].miss_weight);
    ASSERT_EQ(full[t].plot_weights.size(), plain[t].plot_weights.size());
    for (std::size_t k = 0; k < plain[t].plot_weights.size(); ++k) {
      EXPECT_NEAR(full[t].plot_weights[k].second, plain[t].plot_weights[k].second, 1e-12);
    }
  }
}

TEST(Gnn, ConfirmedTracksChooseBeforeTentativeOnes) {
  // Track 1 (tentative) is closer to plot 0 than track 0 (confirmed), yet 0 takes it.
  const std::vector<GatedPair> pairs = {{0, 0, 5.0, 9.2, 0.0}, {1, 0, 0.1, 9.2, 0.0}};
  const std::vector<TrackAssociation> a = make_gnn_associator()->associate(pairs, {true, false}, 1);
  EXPECT_EQ(a[0].map_plot, 0);
  EXPECT_EQ(a[1].map_plot, -1);
  EXPECT_DOUBLE_EQ(a[1].miss_weight, 1.0);
}

}  // namespace
}  // namespace rampart::tracking
