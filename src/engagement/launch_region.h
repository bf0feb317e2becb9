// The launch acceptability region (LAR) of a weapon type, built from its flyout (flyout.h), as
// the table C2 uses (messages/launch_region.h).
//
// Each cell of the grid (height above the launcher x inbound speed x crossing speed) describes a
// target at launch: at slant range R from the launcher, height h, at ground distance
// G = sqrt(R^2 - h^2) due north, flying straight at (crossing, -inbound, 0) m/s in the scenario
// frame. The interceptor is launched at t = 0 toward the target's position extrapolated by
// R / interceptor_speed_mps (C2's first guess), where the target's true height (over the curved
// Earth) is h, and guided on the target's true position (a perfect track). It reaches the
// target at R when its flyout ends at the closest approach with a miss of at most half the
// lethal radius (so with Pk >= 0.88 Pk0), inside the fire control's guidance limit
// max_range_m, with turn to spare: its lateral acceleration limit there (flyout.h: max_g scaled
// by the dynamic pressure) at least kTerminalLateralAccel_g, enough to out-turn a 3 g target by
// the usual 3:1. An interceptor that runs out of energy, time or turn (slow and high) does not. The cell's maximum launch range: flyouts at 13 ranges evenly from
// max(min_range_m, h + 100 m) to max_range_m + max(inbound, 0) x max_flight_time_s, the farthest
// reached (none: the cell is unreachable, 0) and the next one out bracket it, then 6 halvings of
// the bracket (a sixty-fourth of a scan step: about 120 m for a 90 km weapon). The times of
// flight are then flown at the range fractions 0, 1/4, 1/2, 3/4, 1 of
// that maximum (0 at 0).
//
// Grid: heights min_altitude_m to max_altitude_m in 6 equal steps; inbound -300, 0, 300, 600,
// 900 m/s; crossing 0, 200, 400, 600 m/s. 140 cells, at most 3000 flyouts, built once per weapon
// type (tables are shared: a process builds each distinct weapon type once).
//
// The intercept reach (messages/intercept_reach.h) of a weapon that engages ballistic missiles:
// for each grid point, at ground range G (0 to max_range_m in kReachGroundSteps steps) due north
// and height h above the launcher (0 to max_altitude_m in kReachHeightSteps steps; over the
// curved Earth, as above), the interceptor is launched toward the fixed point there and guided on
// it; its time of flight is the flyout's when it reaches the point by the criterion above (miss,
// guidance limit, turn to spare), and the point is unreachable otherwise or when sqrt(G^2 + h^2)
// exceeds max_range_m. 25 x 13 points, at most 325 flyouts. C2 (c2/ballistic.h) finds where
// this time equals the time a descending missile takes to get there; the table ignores the turn
// the round makes at the end onto a target coming at it, which the seeker flies (the figure in
// bench/engagement_figures_bench compares the two).
#pragma once

#include <memory>

#include "engagement/flyout.h"
#include "messages/launch_region.h"
#include "messages/orders.h"

namespace rampart::engagement {

/// The lateral acceleration an interceptor must still have at the intercept to count it reached.
inline constexpr double kTerminalLateralAccel_g = 10.0;

/// The flyout of `type` against `target` launched at launch_range_m (the geometry above).
FlyoutResult fly_launch_case(const messages::WeaponType& type, const messages::LaunchRegion::Target& target,
                             double launch_range_m);

/// Whether that flyout reached its target (the criterion above).
bool reaches(const messages::WeaponType& type, const FlyoutResult& flyout);

/// The LAR table of `type` (built, or the one already built for an identical type).
std::shared_ptr<const messages::LaunchRegion> launch_region_of(const messages::WeaponType& type);

inline constexpr int kReachGroundSteps = 24;
inline constexpr int kReachHeightSteps = 12;

/// The flyout of `type` launched toward, and guided on, a fixed point ground_m due north of the
/// launcher and height_m above it (over the curved Earth).
FlyoutResult fly_to_point(const messages::WeaponType& type, double ground_m, double height_m);

/// The intercept reach table of `type` (built, or the one already built for an identical type).
std::shared_ptr<const messages::InterceptReach> intercept_reach_of(const messages::WeaponType& type);

}  // namespace rampart::engagement
