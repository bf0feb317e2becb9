// The flight mover: an aircraft, missile or helicopter flying its route as a point mass with
// bank-limited turns, a climb limit and an acceleration limit (path_follower.h for the
// horizontal motion), along an altitude profile, optionally following the terrain, and, for a
// helicopter, hovering and popping up from behind terrain.
//
// Altitude profile. Each waypoint may give the altitude reached on it (else the route's
// altitude_m); along a leg the profile altitude is interpolated linearly in the fraction of the
// leg flown, so a low waypoint after a high one is a dive onto it (a terminal dive ends on the
// target), a high one after low ones a climb (a pop-up before weapon release). While holding on a
// waypoint the profile altitude is that waypoint's.
//
// Terrain following (clearance c, ground height G, ground speed V, climb limit w): the commanded
// altitude is
//     h_cmd = max(h_profile, max over 0 <= s <= L of (G(p + s u) + c - s w / V)),
// u the direction of flight and L = V kLookAhead_s, sampled every kLookAheadStep_m: the lowest
// altitude from which a climb at w still clears every point of the ground ahead by c (a climb
// starts as early as the steepest rise ahead requires, and never sooner). Hovering (V below
// 1 m/s), it is G(p) + c.
//
// Vertical motion. The climb rate z' is steered to
//     z'_cmd = clamp(h'_cmd + sign(dh) sqrt(a_v |dh|), -w, w),  dh = h_cmd - h,
// the rate at which the command moves (its change over the last step: a terrain-following command
// rising with the ground ahead is followed without lag) plus the approach from which half the
// vertical acceleration a_v stops on it (the other half lets it catch up with that curve, as the
// path following's braking does); z' changes by at most a_v dt a step; a_v = g (n - 1), n = sqrt(1 + (a_lat / g)^2) the load factor
// of the platform's steepest level turn (the pull-up its structure allows beyond 1 g). The
// altitude integrates z' by the trapezoid rule, as the horizontal position does, so the velocity
// (V sin psi, V cos psi, z') is the derivative of the path. Speeds are ground speeds: a climb adds
// its rate to them.
//
// Pop-up (a helicopter's attack from a hold behind terrain): when the hold on a waypoint with
// `pop_up` has lasted its hold_s, the helicopter climbs height_m above the altitude it held
// (unmasks), stays exposure_s once within kOnAltitude_m of that height (where it can see and fire),
// descends back (remasks), and flies on once within kOnAltitude_m of the held altitude.
#pragma once

#include <limits>
#include <memory>

#include "environment/terrain.h"
#include "world/mover.h"
#include "world/path_follower.h"

namespace rampart::world {

class FlightMover final : public Mover {
 public:
  static constexpr double kLookAhead_s = 30.0;
  static constexpr double kLookAheadStep_m = 50.0;
  static constexpr double kOnAltitude_m = 1.0;

  /// Starts on the first waypoint at its altitude (raised to the terrain-following altitude
  /// there), at the speed of the first leg. `terrain` may be null (sea level everywhere).
  FlightMover(const std::vector<scenario::Waypoint>& route, bool repeat, double altitude_m, double speed_mps,
              const scenario::Manoeuvre& manoeuvre, std::shared_ptr<const environment::Terrain> terrain);

  /// Steps by dt_s, in steps of at most PathFollower::kMaxStep_s; the flight time is not used.
  MoverState advance(double flight_time_s, double dt_s) override;

 private:
  enum class PopUpPhase { kNone, kClimbing, kExposed, kDescending, kRemasked };

  void step(double dt_s);
  double profile_altitude_m() const;
  double terrain_following_altitude_m() const;
  double commanded_altitude_m() const;
  /// Advances the pop-up of the hold under way; true while it keeps the helicopter holding
  /// (waiting masked, climbing, exposed, descending).
  bool pop_up_under_way(double dt_s);

  PathFollower path_;
  double altitude_default_m_;
  scenario::Manoeuvre manoeuvre_;
  double max_vertical_accel_mps2_;
  std::shared_ptr<const environment::Terrain> terrain_;
  double altitude_m_ = 0.0;
  double climb_mps_ = 0.0;
  double last_commanded_m_ = std::numeric_limits<double>::quiet_NaN();  ///< h_cmd of the last step
  PopUpPhase pop_up_ = PopUpPhase::kNone;
  double masked_altitude_m_ = 0.0;  ///< held before the pop-up
  double exposed_s_ = 0.0;
};

}  // namespace rampart::world
