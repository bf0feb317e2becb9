#include "c2/wta/cuts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/random.h"

namespace rampart::wta {
namespace {

// Every count vector c in {0..mu}^m, in lexicographic order.
std::vector<std::vector<int>> all_counts(int m, int mu) {
  std::vector<std::vector<int>> out{std::vector<int>(m, 0)};
  for (int i = 0; i < m; ++i) {
    std::vector<std::vector<int>> next;
    for (const auto& c : out) {
      for (int v = 0; v <= mu; ++v) {
        next.push_back(c);
        next.back()[i] = v;
      }
    }
    out = std::move(next);
  }
  return out;
}

// Columns with target j holding counts c (w ordered) and z_j = V_j prod q^c.
std::vector<double> columns_of(const Instance& instance, const Layout& layout, int j,
                               const std::vector<int>& c) {
  std::vector<double> x(layout.columns(), 0.0);
  double survival = instance.value[j];
  for (int i = 0; i < layout.m; ++i) {
    for (int k = 0; k < c[i]; ++k) x[layout.w(i, j, k)] = 1.0;
    survival *= std::pow(1.0 - instance.p(i, j), c[i]);
  }
  x[layout.z(j)] = survival;
  return x;
}

Instance instance_with(int m, int n, int mu, std::uint64_t seed) {
  RandomStream random(seed, 5, Purpose::kTest);
  Instance instance{m, n, mu, {}, {}};
  for (int j = 0; j < n; ++j) instance.value.push_back(random.uniform(1.0, 100.0));
  for (int k = 0; k < m * n; ++k)
    instance.kill_probability.push_back(random.bernoulli(0.15) ? 1.0 : random.uniform());
  return instance;
}

TEST(WtaCuts, SubmodularCutsHoldAtEveryIntegerPointAndAreTightAtTheirOwn) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Instance instance = instance_with(3, 2, 1 + static_cast<int>(seed % 3), seed);
    const Layout layout{instance.weapon_types, instance.targets, instance.weapons_per_type};
    const auto counts = all_counts(layout.m, layout.mu);
    for (int j = 0; j < layout.n; ++j) {
      for (const auto& t : counts) {
        for (const CutKind kind : {CutKind::kRemovalExact, CutKind::kAdditionExact}) {
          const Cut cut = submodular_cut(instance, layout, j, t, kind);
          for (const auto& c : counts) {
            const std::vector<double> x = columns_of(instance, layout, j, c);
            const double slack = cut.slack(x.data());
            EXPECT_GE(slack, -1e-9 * instance.value[j]) << "seed " << seed << " j " << j;
            if (c == t) {
              EXPECT_NEAR(slack, 0.0, 1e-9 * instance.value[j]);
            }
          }
        }
      }
    }
  }
}

TEST(WtaCuts, TangentCutsHoldAtIntegerPointsAndTouchAtTheirPoint) {
  const Instance instance = generate_ahuja(3, 9);  // p < 1, so every tangent exists
  const Layout layout{3, 3, 1};
  RandomStream random(2, 3, Purpose::kTest);
  std::vector<double> fractional(layout.columns(), 0.0);
  for (int c = 0; c < layout.m * layout.n; ++c) fractional[c] = random.uniform();
  for (int j = 0; j < layout.n; ++j) {
    const auto cut = tangent_cut(instance, layout, j, fractional.data());
    ASSERT_TRUE(cut.has_value());
    for (const auto& c : all_counts(layout.m, 1)) {
      const std::vector<double> x = columns_of(instance, layout, j, c);
      EXPECT_GE(cut->slack(x.data()), -1e-9);
    }
    double y0 = 0.0;
    for (int i = 0; i < layout.m; ++i) y0 += std::log(1.0 - instance.p(i, j)) * fractional[layout.w(i, j, 0)];
    std::vector<double> at_point = fractional;
    at_point[layout.z(j)] = instance.value[j] * std::exp(y0);
    EXPECT_NEAR(cut->slack(at_point.data()), 0.0, 1e-9);
  }
  Instance certain = instance;
  certain.kill_probability[0] = 1.0;
  EXPECT_FALSE(tangent_cut(certain, layout, 0, fractional.data()).has_value());
}

}  // namespace
}  // namespace rampart::wta
