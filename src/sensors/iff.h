// An IFF interrogator co-located with a surveillance radar.
//
// C2 challenges a track; the interrogator (a sensor, so it may read truth) transmits in the
// track's direction and decodes the replies of the flying entities whose transponder is on. A
// reply correlates with the track when it comes from the track's cell, measured from the
// interrogator, widened by the track's own position error:
//   |r_e - r_t|   <= iff_range_resolution_m + 3 sigma_r                 (slant range)
//   |az_e - az_t| <= iff_azimuth_resolution_deg / 2 + 3 sigma_c / rho   (the interrogator's beam)
//   |h_e - h_t|   <= iff_altitude_tolerance_m + 2 sigma_h               (Mode C; only when the
//                                                                        track has height)
// Range and azimuth take three sigma (a manoeuvring friend's track lags); height two, since Mode C
// is what separates aircraft stacked a thousand metres apart.
// where sigma_r^2 = u_r' P u_r and sigma_c^2 = u_c' P u_c are the track's position variances
// along the line of sight and across it horizontally, rho the horizontal range, sigma_h^2 = P_uu,
// and h_e the entity's true altitude (Mode C). Heights are above the ellipsoid; in the scenario
// frame h = h0 + up + d^2 / 2R to second order in the distance d from its origin, so h_e - h_t
// needs no origin. A correlated transponder answers with the configured reply probability.
// Two modes are interrogated: the secure mode (Mode 4/5 style: only own forces' transponders,
// `iff_on`, can answer it validly) and Mode 3/A (a four-digit octal code anyone may squawk).
// C2 learns only whether a valid correlated secure reply came back and which Mode 3/A code did,
// never which entity sent them.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <vector>

#include "sensors/radar.h"
#include "world/world.h"

namespace rampart::sensors {

/// The challenged track as the interrogator sees it.
struct IffTrack {
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  Eigen::Matrix3d p_cov_m2 = Eigen::Matrix3d::Zero();  ///< covariance of p_enu_m
  bool has_height = false;
};

class IffInterrogator {
 public:
  IffInterrogator(const SurveillanceRadar& radar, std::uint64_t seed);

  /// Whether the challenged position can be interrogated at all (in range and above the horizon
  /// of a target at the challenged height).
  bool covers(const Eigen::Vector3d& p_enu_m) const;

  /// Whether `e` lies in the cell of the challenged track (position and its covariance).
  bool correlates(const world::Entity& e, const IffTrack& track) const;

  /// What came back from the challenged cell: a valid secure-mode (Mode 4/5) reply, and a Mode 3/A
  /// code (unauthenticated: friends, airliners and spoofers alike answer it).
  struct Answer {
    bool secure = false;
    std::optional<int> mode3a_code;
  };
  /// Challenges the track in both modes; `challenge_key` identifies the challenge (track and
  /// challenge number) so draws do not depend on the order of challenges. Each transponder in the
  /// cell answers each mode it has with the reply probability.
  Answer challenge(const IffTrack& track, std::uint64_t challenge_key, const std::vector<world::Entity>& truth) const;

 private:
  const SurveillanceRadar& radar_;
  std::uint64_t seed_;
};

}  // namespace rampart::sensors
