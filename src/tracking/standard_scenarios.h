// Standard multi-target scenarios with published definitions (references.md).
//
// Vo and Vo linear benchmark (B.-T. Vo's gen_truth.m of the linear example, noiseless truth):
//   [-1000, 1000]^2 m, 100 scans of 1 s, 12 constant-velocity targets, state at birth
//   (east, north, v_east, v_north) and life [birth, death] (scans 1-based, death inclusive):
//     (0,0,0,-10) [1,70]      (400,-600,-10,5) [1,100]   (-800,-200,20,-5) [1,70]
//     (400,-600,-7,-4) [20,100]  (400,-600,-2.5,10) [20,100]  (0,0,7.5,-5) [20,100]
//     (-800,-200,12,7) [40,100]  (-200,800,15,-10) [40,100]
//     (-800,-200,3,15) [60,100]  (-200,800,-3,-15) [60,100]
//     (0,0,-20,-15) [80,100]     (-200,800,15,-5) [80,100];
//   Pd 0.98, 30 clutter plots per scan (Poisson mean) uniform over the area, sigma 10 m.
// Williams 2015 coalescence: 4 targets, 81 scans of 1 s, nearly constant velocity with
//   q = 0.02 m^2/s^3; at scan 41 every target's state is drawn from N(0, I) (m, m/s) and the
//   trajectories are run forward to scan 81 and backward to scan 1, so all four pass close to
//   each other at scan 41, after which target 0 is gone; Pd 0.9, sigma 1 m (R = I),
//   10 clutter plots per scan (Poisson mean) uniform over [-150, 150]^2 m.
// Every Monte Carlo run draws a new truth (coalescence) and new detections from its seed.
#pragma once

#include <cstdint>

#include "tracking/stonesoup_scenario.h"

namespace rampart::tracking {

GeneratedScenario generate_vo_vo_linear(std::uint64_t seed);
GeneratedScenario generate_coalescence(std::uint64_t seed);

}  // namespace rampart::tracking
