#include "tracking/triangulation.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <set>

#include "core/units.h"

namespace rampart::tracking {
namespace {

constexpr int kStansfieldIterations = 3;

Eigen::Vector2d direction(double bearing_rad) { return {std::sin(bearing_rad), std::cos(bearing_rad)}; }
Eigen::Vector2d normal(double bearing_rad) { return {std::cos(bearing_rad), -std::sin(bearing_rad)}; }

// The angle between two lines of bearing, in [0, pi/2].
double crossing_angle_rad(double a_rad, double b_rad) {
  const double d = std::abs(wrap_pi(a_rad - b_rad));
  return std::min(d, kPi - d);
}

// c_i of the header: the variance across line l of a fix at range r_m and time t_fix_s.
double cross_range_variance_m2(const LineOfBearing& l, double r_m, double t_fix_s, double jammer_speed_mps) {
  const double moved_m = jammer_speed_mps * (t_fix_s - l.t_s);
  return l.bearing_sigma_rad * l.bearing_sigma_rad * r_m * r_m + moved_m * moved_m;
}

double normalised_residual(const LineOfBearing& l, const Eigen::Vector2d& p_en_m, double t_fix_s,
                           double jammer_speed_mps) {
  const Eigen::Vector2d d = p_en_m - l.sensor_en_m;
  const double r_m = d.norm();
  return r_m * std::sin(wrap_pi(l.bearing_rad - azimuth_rad(d.x(), d.y()))) /
         std::sqrt(cross_range_variance_m2(l, r_m, t_fix_s, jammer_speed_mps));
}

}  // namespace

std::optional<BearingFix> stansfield_fix(const std::vector<LineOfBearing>& strobes, const std::vector<int>& lines,
                                         const TriangulationParameters& parameters) {
  bool crossing = false;
  for (std::size_t a = 0; a < lines.size(); ++a)
    for (std::size_t b = a + 1; b < lines.size(); ++b)
      crossing = crossing || crossing_angle_rad(strobes[lines[a]].bearing_rad, strobes[lines[b]].bearing_rad) >=
                                 parameters.min_crossing_angle_rad;
  if (!crossing) return std::nullopt;
  double t_fix_s = strobes[lines.front()].t_s;
  for (const int i : lines) t_fix_s = std::max(t_fix_s, strobes[i].t_s);
  Eigen::Vector2d p = Eigen::Vector2d::Zero();
  Eigen::Matrix2d A = Eigen::Matrix2d::Zero();
  for (int iteration = 0; iteration <= kStansfieldIterations; ++iteration) {
    A.setZero();
    Eigen::Vector2d b = Eigen::Vector2d::Zero();
    for (const int i : lines) {
      const LineOfBearing& l = strobes[i];
      const double w = iteration == 0 ? 1.0 / (l.bearing_sigma_rad * l.bearing_sigma_rad)
                                      : 1.0 / cross_range_variance_m2(l, (p - l.sensor_en_m).norm(), t_fix_s,
                                                                      parameters.jammer_speed_mps);
      const Eigen::Vector2d n = normal(l.bearing_rad);
      const Eigen::Matrix2d nn = w * n * n.transpose();
      A += nn;
      b += nn * l.sensor_en_m;
    }
    p = A.ldlt().solve(b);
    for (const int i : lines)
      if ((p - strobes[i].sensor_en_m).dot(direction(strobes[i].bearing_rad)) <= 0.0) return std::nullopt;
  }
  BearingFix fix;
  fix.p_en_m = p;
  fix.cov_m2 = A.inverse();
  fix.lines = lines;
  fix.t_s = t_fix_s;
  for (const int i : lines) {
    const double z = normalised_residual(strobes[i], p, t_fix_s, parameters.jammer_speed_mps);
    fix.chi2 += z * z;
  }
  return fix;
}

std::vector<BearingFix> triangulate(const std::vector<LineOfBearing>& strobes, const TriangulationParameters& parameters) {
  // Every crossing of two lines of different sensors, with the best line of each further sensor
  // that passes within the gate.
  std::vector<BearingFix> candidates;
  std::set<std::vector<int>> seen;
  const int n = static_cast<int>(strobes.size());
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      if (strobes[a].sensor_id == strobes[b].sensor_id) continue;
      const auto pair = stansfield_fix(strobes, {a, b}, parameters);
      if (!pair) continue;
      std::vector<int> lines{a, b};
      std::set<int> sensors{strobes[a].sensor_id, strobes[b].sensor_id};
      std::vector<std::pair<int, double>> best;  // (line, |residual|) per further sensor
      for (int c = 0; c < n; ++c) {
        if (sensors.count(strobes[c].sensor_id)) continue;
        const double t_fix_s = std::max(pair->t_s, strobes[c].t_s);
        const double z = std::abs(normalised_residual(strobes[c], pair->p_en_m, t_fix_s, parameters.jammer_speed_mps));
        if (z > parameters.gate_sigmas) continue;
        const auto same = std::find_if(best.begin(), best.end(),
                                       [&](const auto& x) { return strobes[x.first].sensor_id == strobes[c].sensor_id; });
        if (same == best.end()) best.emplace_back(c, z);
        else if (z < same->second) *same = {c, z};
      }
      for (const auto& [c, z] : best) lines.push_back(c);
      std::sort(lines.begin(), lines.end());
      if (!seen.insert(lines).second) continue;
      auto fix = lines.size() == 2 ? pair : stansfield_fix(strobes, lines, parameters);
      if (fix) candidates.push_back(std::move(*fix));
    }
  }
  const auto per_dof = [](const BearingFix& f) { return f.chi2 / std::max<double>(1.0, static_cast<double>(f.lines.size()) - 2.0); };
  std::stable_sort(candidates.begin(), candidates.end(), [&](const BearingFix& x, const BearingFix& y) {
    if (x.lines.size() != y.lines.size()) return x.lines.size() > y.lines.size();
    return per_dof(x) < per_dof(y);
  });
  std::vector<char> used(strobes.size(), 0);
  std::vector<BearingFix> fixes;
  for (BearingFix& f : candidates) {
    if (std::any_of(f.lines.begin(), f.lines.end(), [&](int i) { return used[i] != 0; })) continue;
    for (const int i : f.lines) used[i] = 1;
    if (f.lines.size() == 2) {
      f.ambiguous = std::any_of(candidates.begin(), candidates.end(), [&](const BearingFix& other) {
        return other.lines.size() == 2 && other.lines != f.lines &&
               (std::count(other.lines.begin(), other.lines.end(), f.lines[0]) ||
                std::count(other.lines.begin(), other.lines.end(), f.lines[1]));
      });
    }
    fixes.push_back(std::move(f));
  }
  return fixes;
}

}  // namespace rampart::tracking
