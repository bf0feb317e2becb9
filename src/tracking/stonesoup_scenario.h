// Generator of Stone Soup's benchmark scenario family (references.md): N targets moving with
// 2-D nearly constant velocity, detected with probability Pd each scan with Gaussian position
// noise, plus Poisson clutter uniform over the square area of side 1000 * sqrt(N / 10) m.
//
// Choices the reference leaves open, fixed here and documented:
//  - every target lives for the whole run, starting uniform in the area with velocity
//    N(0, initial_speed_sigma_mps^2) per axis (default 5 m/s);
//  - motion: discretised continuous white-acceleration CV model with spectral density
//    q_m2ps3 = 0.05 m^2/s^3 (Stone Soup's ConstantVelocity(0.05), the value of its tutorials);
//  - scans: 100 of dt 1 s; clutter mean = clutter_per_target * N per scan.
// Each target's motion draws from its own random stream (seed, target, purpose); detection,
// noise, clutter and the shuffling of each scan's detections from (seed, scan, purpose), so the
// output depends only on the parameters and the seed.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "core/random.h"
#include "tracking/scan_csv.h"

namespace rampart::tracking {

/// How a truth is observed: each target detected with probability pd with position noise
/// N(0, sigma_m^2) per axis; Poisson(clutter_mean) false plots uniform over the area box.
struct Observation {
  double pd = 0.9;
  double sigma_m = 10.0;
  double clutter_mean = 0.0;
  Eigen::Vector2d area_min_m = Eigen::Vector2d::Zero();
  Eigen::Vector2d area_max_m = Eigen::Vector2d::Zero();
};

/// Detections of a truth, shuffled within each scan.
std::vector<PointScan> observe(const std::vector<PointScan>& truth, const Observation& o,
                               std::uint64_t seed);

/// Exact sampling of the 2-D white-acceleration model (density q) over dt, forward or backward.
class NearlyConstantVelocity {
 public:
  NearlyConstantVelocity(double q_m2ps3, double dt_s);
  /// x = (east, north, v_east, v_north).
  void step(Eigen::Vector4d& x, RandomStream& rng, bool backward) const;

 private:
  double dt_s_ = 1.0;
  double l11_ = 0.0;
  double l21_ = 0.0;
  double l22_ = 0.0;
};

struct StoneSoupScenarioParams {
  int targets = 10;
  int scans = 100;
  double dt_s = 1.0;
  double pd = 0.9;
  double clutter_per_target = 0.5;
  double sigma_m = 10.0;
  double q_m2ps3 = 0.05;
  double initial_speed_sigma_mps = 5.0;

  double area_side_m() const;
};

struct GeneratedScenario {
  std::vector<PointScan> truth;       ///< ids are target numbers 0..N-1
  std::vector<PointScan> detections;  ///< target detections and clutter, shuffled per scan
};

GeneratedScenario generate_stonesoup_scenario(const StoneSoupScenarioParams& params,
                                              std::uint64_t seed);

}  // namespace rampart::tracking
