#include "tracking/imm.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/random.h"
#include "tracking/measurement_models.h"
#include "tracking/nonlinear_filters.h"

namespace rampart::tracking {
namespace {

// Truth: 200 m/s east for 40 s, a 3 g coordinated left turn for 30 s, then straight again;
// a 3-D radar at the origin measures range, azimuth and elevation every 2 s.
struct Truth {
  std::vector<Eigen::VectorXd> states;
  std::vector<bool> turning;
};

Truth manoeuvring_target() {
  const auto ct = make_coordinated_turn_model(0.0, 0.0);
  Eigen::VectorXd x = Eigen::VectorXd::Zero(kImmStateSize);
  x << -8'000.0, 20'000.0, 5'000.0, 200.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0;
  Truth t;
  for (int k = 0; k < 60; ++k) {
    const double time_s = 2.0 * k;
    const bool turning = time_s >= 40.0 && time_s < 70.0;
    x(9) = turning ? 3.0 * 9.81 / 200.0 : 0.0;
    x = ct->transition(x, 2.0);
    t.states.push_back(x);
    t.turning.push_back(turning);
  }
  return t;
}

struct RunResult {
  double rmse_m = 0.0;
  double turn_probability_in_turn = 0.0;
};

RunResult run(bool use_imm, std::uint64_t seed) {
  const Truth truth = manoeuvring_target();
  PolarSensor sensor;
  sensor.range_sigma_m = 20.0;
  sensor.az_sigma_rad = 0.001;
  sensor.el_sigma_rad = 0.001;
  const auto polar = make_polar_model(sensor);
  RandomStream rng(seed, 1, Purpose::kTest);
  Eigen::Matrix<double, 6, 1> x0 = truth.states[0].head<6>();
  Eigen::Matrix<double, 6, 6> P0 = Eigen::Matrix<double, 6, 6>::Identity() * 100.0;
  const Gaussian start = embed_cv_state(x0, P0, 1.0, 1e-4);
  ImmTuning tuning;
  tuning.cv_q_m2ps3 = 0.5;
  tuning.ca_q_jerk_m2ps5 = 1.0;
  tuning.ct_q_m2ps3 = 0.5;
  const ImmFilter imm = make_cv_ca_ct_imm(tuning);
  ImmEstimate e = imm.initial(start, Eigen::Vector3d(0.8, 0.1, 0.1));
  const auto cv = make_constant_velocity_model(tuning.cv_q_m2ps3);
  Gaussian g = start;
  double se = 0.0;
  int counted = 0;
  double turn_sum = 0.0;
  int turn_count = 0;
  for (std::size_t k = 1; k < truth.states.size(); ++k) {
    Eigen::VectorXd z = polar->predict(truth.states[k]);
    const Eigen::VectorXd sd = polar->noise().diagonal().cwiseSqrt();
    for (Eigen::Index i = 0; i < z.size(); ++i) z(i) += sd(i) * rng.normal();
    Eigen::Vector3d p;
    if (use_imm) {
      e = imm.predict(e, 2.0);
      imm.update(e, *polar, z);
      p = combine(e).x.head<3>();
      if (truth.turning[k] && k > 25) {
        turn_sum += e.mode_probabilities(2);
        ++turn_count;
      }
    } else {
      g = ekf_update(ekf_predict(g, *cv, 2.0), *polar, z).posterior;
      p = g.x.head<3>();
    }
    if (k >= 5) {
      se += (p - truth.states[k].head<3>()).squaredNorm();
      ++counted;
    }
  }
  return {std::sqrt(se / counted), turn_count > 0 ? turn_sum / turn_count : 0.0};
}

TEST(Imm, BeatsConstantVelocityThroughATurnAndSelectsTheTurnMode) {
  double imm_rmse = 0.0, cv_rmse = 0.0, turn_probability = 0.0;
  const int runs = 10;
  for (int r = 0; r < runs; ++r) {
    const RunResult imm = run(true, 100 + r);
    imm_rmse += imm.rmse_m / runs;
    turn_probability += imm.turn_probability_in_turn / runs;
    cv_rmse += run(false, 100 + r).rmse_m / runs;
  }
  EXPECT_LT(imm_rmse, 0.7 * cv_rmse) << imm_rmse << " vs " << cv_rmse;
  EXPECT_GT(turn_probability, 0.5);
}

// Switching is a property of time, not of how often the filter predicts: with a 40 s mean
// sojourn spread over two other modes, P(stay over dt) = 1/3 + 2/3 exp(-1.5 dt / 40), 0.951829 over
// 2 s; six predictions of 1 s give the mode probabilities one of 6 s gives (Chapman-Kolmogorov).
TEST(Imm, ModeSwitchingFollowsElapsedTimeNotTheNumberOfPredictions) {
  const ImmFilter imm = make_cv_ca_ct_imm(ImmTuning{});
  EXPECT_NEAR(imm.transition_probabilities(2.0)(0, 0), 0.951829, 1e-6);
  EXPECT_NEAR(imm.transition_probabilities(2.0)(0, 1), (1.0 - 0.951829) / 2.0, 1e-6);
  EXPECT_NEAR(imm.transition_probabilities(0.0)(2, 2), 1.0, 1e-12);
  Eigen::Matrix<double, 6, 1> x;
  x << 0.0, 0.0, 1'000.0, 100.0, 0.0, 0.0;
  const ImmEstimate start =
      imm.initial(embed_cv_state(x, Eigen::Matrix<double, 6, 6>::Identity(), 1.0, 0.01), Eigen::Vector3d(0.8, 0.1, 0.1));
  ImmEstimate stepped = start;
  for (int k = 0; k < 6; ++k) stepped = imm.predict(stepped, 1.0);
  const ImmEstimate once = imm.predict(start, 6.0);
  EXPECT_LT((stepped.mode_probabilities - once.mode_probabilities).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_NEAR(once.mode_probabilities(0), 1.0 / 3.0 + (0.8 - 1.0 / 3.0) * std::exp(-1.5 * 6.0 / 40.0), 1e-9);
}

TEST(Imm, MixingPreservesTheMixtureMoments) {
  const ImmFilter imm = make_cv_ca_ct_imm(ImmTuning{});
  Eigen::Matrix<double, 6, 1> x;
  x << 1.0, 2.0, 3.0, 4.0, 5.0, 6.0;
  ImmEstimate e = imm.initial(embed_cv_state(x, Eigen::Matrix<double, 6, 6>::Identity(), 1.0, 0.01),
                              Eigen::Vector3d(0.2, 0.3, 0.5));
  e.modes[1].x(0) += 10.0;
  const Gaussian before = combine(e);
  // With no time elapsing, prediction only mixes: the combined estimate must not change.
  const ImmEstimate after = imm.predict(e, 0.0);
  const Gaussian g = combine(after);
  EXPECT_LT((g.x - before.x).cwiseAbs().maxCoeff(), 1e-9);
  EXPECT_NEAR(after.mode_probabilities.sum(), 1.0, 1e-12);
  EXPECT_NEAR(g.P(0, 0), before.P(0, 0), 1e-9);
}

TEST(Imm, WeightedUpdateWithOneCertainPlotIsThePlainUpdateAndAMissChangesNothing) {
  const ImmFilter imm = make_cv_ca_ct_imm(ImmTuning{});
  Eigen::Matrix<double, 6, 1> x;
  x << 1'000.0, 2'000.0, 3'000.0, 100.0, -50.0, 0.0;
  ImmEstimate e = imm.initial(embed_cv_state(x, Eigen::Matrix<double, 6, 6>::Identity() * 400.0, 1.0, 0.01),
                              Eigen::Vector3d(0.5, 0.3, 0.2));
  e = imm.predict(e, 4.0);
  const auto model = make_position_model(Eigen::Matrix3d::Identity() * 900.0, true, 0.0);
  const Eigen::Vector3d z(1'450.0, 1'780.0, 3'020.0);

  ImmEstimate plain = e;
  imm.update(plain, *model, z);
  ImmEstimate weighted = e;
  imm.update_weighted(weighted, {{model.get(), z, 1.0}}, 0.0);
  EXPECT_LT((weighted.mode_probabilities - plain.mode_probabilities).cwiseAbs().maxCoeff(), 1e-12);
  for (int j = 0; j < imm.modes(); ++j) {
    EXPECT_LT((weighted.modes[j].x - plain.modes[j].x).cwiseAbs().maxCoeff(), 1e-9);
    EXPECT_LT((weighted.modes[j].P - plain.modes[j].P).cwiseAbs().maxCoeff(), 1e-9);
  }

  ImmEstimate missed = e;
  imm.update_weighted(missed, {}, 1.0);
  EXPECT_LT((missed.mode_probabilities - e.mode_probabilities).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((combine(missed).x - combine(e).x).cwiseAbs().maxCoeff(), 1e-12);

  // Half sure of the plot: the estimate lies between the prediction and the plain update, and
  // the spread of the two hypotheses widens the covariance beyond both.
  ImmEstimate half = e;
  imm.update_weighted(half, {{model.get(), z, 0.5}}, 0.5);
  const Eigen::VectorXd mid = combine(half).x, before = combine(e).x, after = combine(plain).x;
  for (int i = 0; i < 3; ++i) {
    EXPECT_GE(mid(i), std::min(before(i), after(i)) - 1e-9);
    EXPECT_LE(mid(i), std::max(before(i), after(i)) + 1e-9);
  }
  EXPECT_GT(combine(half).P(0, 0), combine(plain).P(0, 0));
  EXPECT_NEAR(half.mode_probabilities.sum(), 1.0, 1e-12);
}

}  // namespace
}  // namespace rampart::tracking
