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
// Each target draws from its own random streams (seed, target, purpose), clutter and the
// shuffling of each scan's detections from (seed, scan, purpose), so the output depends only on
// the parameters and the seed.
#pragma once

#include <cstdint>
#include <vector>

#include "tracking/scan_csv.h"

namespace rampart::tracking {

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
