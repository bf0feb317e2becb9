// Geodesy on the WGS-84 ellipsoid, through GeographicLib.
//
// Frames: geodetic (latitude, longitude in degrees, height above the ellipsoid in metres), ECEF
// (earth-centred, earth-fixed, metres) and local ENU (east, north, up in metres, tangent to the
// ellipsoid at an origin). Rampart's scenario frame is the ENU frame at the scenario's origin.
#pragma once

#include <Eigen/Core>
#include <GeographicLib/LocalCartesian.hpp>

namespace rampart {

struct Geodetic {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
  double alt_m = 0.0;
};

/// Geodetic to ECEF and back (WGS-84).
Eigen::Vector3d geodetic_to_ecef(const Geodetic& g);
Geodetic ecef_to_geodetic(const Eigen::Vector3d& p_ecef_m);

/// Rotation taking ENU vectors at `g` to ECEF vectors (columns: east, north, up).
Eigen::Matrix3d ecef_from_enu_rotation(const Geodetic& g);

/// A local east-north-up frame tangent to WGS-84 at an origin.
class LocalFrame {
 public:
  explicit LocalFrame(const Geodetic& origin);

  const Geodetic& origin() const { return origin_; }
  Eigen::Vector3d to_enu(const Geodetic& g) const;
  Geodetic to_geodetic(const Eigen::Vector3d& p_enu_m) const;
  Eigen::Vector3d ecef_to_enu(const Eigen::Vector3d& p_ecef_m) const;
  Eigen::Vector3d enu_to_ecef(const Eigen::Vector3d& p_enu_m) const;

  /// The point reached by going east_m and north_m along the tangent plane and then standing at
  /// alt_m above the ellipsoid there. Movers fly "straight at constant altitude" in these
  /// coordinates, so a route does not climb away from the curved Earth.
  Geodetic surface_point(double east_m, double north_m, double alt_m) const;
  /// The inverse of surface_point: the map coordinates (east_m, north_m, alt_m) of a point, where
  /// the ellipsoid's normal through it meets the tangent plane (the normal is a straight line,
  /// p(h) = p(0) + h n in ENU, so east and north are those of p(h) at the h where its up is 0).
  Eigen::Vector3d map_point(const Geodetic& g) const;
  /// That point in this frame's ENU coordinates (where a site given on the map stands).
  Eigen::Vector3d surface_point_enu(double east_m, double north_m, double alt_m) const;

  /// Rotation taking vectors expressed in `other`'s ENU axes to this frame's ENU axes.
  Eigen::Matrix3d rotation_from(const LocalFrame& other) const;

 private:
  Geodetic origin_;
  GeographicLib::LocalCartesian frame_;
};

/// Height above the ellipsoid of a point in a scenario frame whose origin is at origin_alt_m,
/// to second order in the horizontal distance (Earth curvature drop d^2 / 2R).
double altitude_m(const Eigen::Vector3d& p_enu_m, double origin_alt_m);

/// Height above a spherical earth (radius kEarthRadius_m, no refraction) of a point at slant range
/// `slant_range_m` and elevation `elevation_rad` from an antenna `antenna_alt_m` above that earth:
/// h = sqrt(r^2 + (R + a)^2 + 2 r (R + a) sin(el)) - R (law of cosines at the earth's centre).
double height_from_slant_m(double slant_range_m, double elevation_rad, double antenna_alt_m);

/// The inverse of height_from_slant_m: the elevation at which a point at `height_m` appears at
/// slant range `slant_range_m`, sin(el) = ((R + h)^2 - r^2 - (R + a)^2) / (2 r (R + a)), clamped
/// to [-90, 90] deg when the height cannot be reached at that range.
double elevation_from_height_rad(double slant_range_m, double height_m, double antenna_alt_m);

}  // namespace rampart
