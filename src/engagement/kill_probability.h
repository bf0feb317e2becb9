// Kill probability from the miss distance and the target's kind: a Gaussian (Carleton) lethality
// function of a proximity-fuzed blast-fragmentation warhead,
//   Pk(miss) = Pk0 x vulnerability(kind) x exp(-miss^2 / (2 R_l^2)),
// with Pk0 the weapon's kill_probability (at zero miss), R_l its lethal_radius_m (at R_l the
// kill probability falls to e^-1/2 = 0.61 of its peak; at 2 R_l to 0.14, at 3 R_l to 0.011) and
// the vulnerability of the target's kind (notional):
//   strike_aircraft, fighter, transport, airborne_early_warning  1.0  (large, soft airframes)
//   helicopter                                                    1.0
//   drone                                                         1.0  (fragile)
//   cruise_missile                                                0.85 (small, dense: fragments
//                                                                       often miss the vital parts)
//   ballistic_missile                                             0.6  (the re-entry vehicle: a
//                                                                       compact, hardened body that
//                                                                       a kill must break up
//                                                                       before its warhead arms)
// any other kind 1.0. Ball, "The Fundamentals of Aircraft Combat Survivability Analysis and
// Design", 2nd ed., ch. 5 (the Carleton damage function; Driels, "Weaponeering", ch. 11).
#pragma once

#include <string_view>

namespace rampart::engagement {

double vulnerability(std::string_view kind);

double kill_probability(double pk_at_zero_miss, double miss_distance_m, double lethal_radius_m, std::string_view kind);

}  // namespace rampart::engagement
