// Terminal ballistic-missile defence on tracks: what C2 takes for a ballistic missile, where and
// when it predicts it lands, and where an interceptor can meet it.
//
// Classification, from the track's kinematics alone (never truth): a track with height is
// ballistic when its 3-D speed is at least kBallisticMinSpeed_mps = 1000 m/s and it dives at
// least kBallisticMinDive_rad = 20 deg below the horizontal. Why these: no aircraft, cruise
// missile, drone or anti-radiation missile of the shipped scenarios flies faster than about
// 700 m/s (the launch acceptability region of the air-breathing threats stops at 900 m/s
// inbound), while a short-range ballistic missile comes down at about its burnout speed less the
// drag, of the order of sqrt(g R / sin 2 gamma) = 1.7 km/s over R = 300 km in vacuum (Zarchan,
// "Tactical and Strategic Missile Guidance", ch. 12); and it dives ever more steeply on the way
// down, to more than its burnout flight-path angle (mixed_raid's missiles, 40 deg at burnout,
// dive 30 deg at 60 km and 47 deg at 12 km at 1.2 to 1.5 km/s, bench/engagement_figures_bench
// (e)), whereas the anti-radiation missile's 30 deg terminal dive comes at a third of that speed
// and a fighter's dive is neither so steep nor so fast for long. Below some 8 km the air has
// slowed such a missile under 1000 m/s: C2 no longer takes it for ballistic, but it is then under
// every debris floor.
// A missile in its boost (climbing) or near its apogee (level) is not classified ballistic: its
// impact is far off and C2 waits for the descent.
//
// Prediction: a vacuum trajectory over a flat Earth from the track's state (p, v):
//     p(t) = p + v t - g t^2 / 2 e_up,    v(t) = v - g t e_up,
// and the impact where the true altitude h(t) = h0 + v_up t - g t^2 / 2 falls to 0:
//     t_impact = (v_up + sqrt(v_up^2 + 2 g h0)) / g,
// with h0 = altitude_m(p) (core/geodesy.h: over the curved Earth). Drag, which the tracker
// cannot measure from a few plots, slows the real missile in the lower atmosphere (below about
// 20 km): it lands somewhat short of, and later than, the predicted point. The prediction is
// refreshed every C2 cycle from the latest track.
//
// Intercept: with the target's state at launch (p0, v0), C2 looks for the earliest time tau
// after launch at which the interceptor's time of flight to the predicted point p(tau), from the
// weapon's intercept reach table (messages/intercept_reach.h, built from the flyout), equals
// tau: the first root of f(tau) = tau - tof(p(tau)), sampled every kInterceptScanStep_s and
// refined linearly between the samples that bracket it, over the points inside the window
// (altitude between the ballistic floor and the weapon's ceiling, slant range at most
// max_range_m). f < 0 at first (the round cannot yet be there) and grows as the missile comes
// on; a root found only where the window begins (f >= 0 at its first sample) lies outside it:
// C2 waits for a later cycle, when the collision point has moved into the window.
#pragma once

#include <optional>

#include "c2/intercept.h"
#include "messages/intercept_reach.h"
#include "messages/tracks.h"

namespace rampart::c2 {

inline constexpr double kBallisticMinSpeed_mps = 1000.0;
inline constexpr double kBallisticMinDive_rad = 0.3490658503988659;  // 20 deg
inline constexpr double kInterceptScanStep_s = 0.25;

/// Whether the track's kinematics say ballistic missile (speed and dive, above).
bool is_ballistic(const messages::TrackState& track);

/// p(t) and v(t) of the vacuum trajectory from (p, v).
Eigen::Vector3d ballistic_position_enu_m(const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& v_enu_mps, double t_s);
Eigen::Vector3d ballistic_velocity_enu_mps(const Eigen::Vector3d& v_enu_mps, double t_s);

/// Where and when the vacuum trajectory from (p, v) reaches altitude 0.
struct Impact {
  double time_s = 0.0;                                 ///< from the state's time
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();   ///< the impact point
};
Impact predict_impact(const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& v_enu_mps, double origin_alt_m);

/// Where C2 may intercept a ballistic missile: the altitude band and the guidance limit.
struct InterceptWindow {
  double min_altitude_m = 0.0;
  double max_altitude_m = 0.0;
  double max_range_m = 0.0;
};

/// The intercept of a missile at (p, v) at launch by a round from p_launcher_enu_m with `reach`
/// (the first root above, inside `window`); none when there is none before the impact.
std::optional<Intercept> ballistic_intercept(const messages::InterceptReach& reach,
                                             const Eigen::Vector3d& p_launcher_enu_m, const Eigen::Vector3d& p_enu_m,
                                             const Eigen::Vector3d& v_enu_mps, const InterceptWindow& window,
                                             double origin_alt_m);

}  // namespace rampart::c2
