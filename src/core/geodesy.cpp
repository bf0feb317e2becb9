#include "core/geodesy.h"

#include <GeographicLib/Geocentric.hpp>
#include <algorithm>
#include <cmath>

#include "core/units.h"

namespace rampart {

Eigen::Vector3d geodetic_to_ecef(const Geodetic& g) {
  Eigen::Vector3d p;
  GeographicLib::Geocentric::WGS84().Forward(g.lat_deg, g.lon_deg, g.alt_m, p.x(), p.y(), p.z());
  return p;
}

Geodetic ecef_to_geodetic(const Eigen::Vector3d& p_ecef_m) {
  Geodetic g;
  GeographicLib::Geocentric::WGS84().Reverse(p_ecef_m.x(), p_ecef_m.y(), p_ecef_m.z(), g.lat_deg,
                                              g.lon_deg, g.alt_m);
  return g;
}

Eigen::Matrix3d ecef_from_enu_rotation(const Geodetic& g) {
  const double lat = deg_to_rad(g.lat_deg);
  const double lon = deg_to_rad(g.lon_deg);
  const double sl = std::sin(lat), cl = std::cos(lat), so = std::sin(lon), co = std::cos(lon);
  Eigen::Matrix3d r;
  r << -so, -sl * co, cl * co,
        co, -sl * so, cl * so,
       0.0,       cl,      sl;
  return r;
}

LocalFrame::LocalFrame(const Geodetic& origin)
    : origin_(origin),
      frame_(origin.lat_deg, origin.lon_deg, origin.alt_m, GeographicLib::Geocentric::WGS84()) {}

Eigen::Vector3d LocalFrame::to_enu(const Geodetic& g) const {
  Eigen::Vector3d p;
  frame_.Forward(g.lat_deg, g.lon_deg, g.alt_m, p.x(), p.y(), p.z());
  return p;
}

Geodetic LocalFrame::to_geodetic(const Eigen::Vector3d& p_enu_m) const {
  Geodetic g;
  frame_.Reverse(p_enu_m.x(), p_enu_m.y(), p_enu_m.z(), g.lat_deg, g.lon_deg, g.alt_m);
  return g;
}

Eigen::Vector3d LocalFrame::ecef_to_enu(const Eigen::Vector3d& p_ecef_m) const {
  return to_enu(ecef_to_geodetic(p_ecef_m));
}

Eigen::Vector3d LocalFrame::enu_to_ecef(const Eigen::Vector3d& p_enu_m) const {
  return geodetic_to_ecef(to_geodetic(p_enu_m));
}

Geodetic LocalFrame::surface_point(double east_m, double north_m, double alt_m) const {
  Geodetic g = to_geodetic(Eigen::Vector3d(east_m, north_m, 0.0));
  g.alt_m = alt_m;
  return g;
}

Eigen::Vector3d LocalFrame::map_point(const Geodetic& g) const {
  const Eigen::Vector3d on_ellipsoid_enu_m = to_enu({g.lat_deg, g.lon_deg, 0.0});
  const Eigen::Vector3d normal_enu =
      ecef_from_enu_rotation(origin_).transpose() * ecef_from_enu_rotation(g).col(2);
  const Eigen::Vector3d on_plane_enu_m = on_ellipsoid_enu_m - (on_ellipsoid_enu_m.z() / normal_enu.z()) * normal_enu;
  return {on_plane_enu_m.x(), on_plane_enu_m.y(), g.alt_m};
}

Eigen::Vector3d LocalFrame::surface_point_enu(double east_m, double north_m, double alt_m) const {
  return to_enu(surface_point(east_m, north_m, alt_m));
}

Eigen::Matrix3d LocalFrame::rotation_from(const LocalFrame& other) const {
  return ecef_from_enu_rotation(origin_).transpose() * ecef_from_enu_rotation(other.origin_);
}

double height_from_slant_m(double slant_range_m, double elevation_rad, double antenna_alt_m) {
  const double ra_m = kEarthRadius_m + antenna_alt_m;
  return std::sqrt(slant_range_m * slant_range_m + ra_m * ra_m + 2.0 * slant_range_m * ra_m * std::sin(elevation_rad)) -
         kEarthRadius_m;
}

double elevation_from_height_rad(double slant_range_m, double height_m, double antenna_alt_m) {
  const double ra_m = kEarthRadius_m + antenna_alt_m;
  const double rh_m = kEarthRadius_m + height_m;
  const double sin_el = (rh_m * rh_m - slant_range_m * slant_range_m - ra_m * ra_m) / (2.0 * slant_range_m * ra_m);
  return std::asin(std::clamp(sin_el, -1.0, 1.0));
}

double altitude_m(const Eigen::Vector3d& p_enu_m, double origin_alt_m) {
  const double d2 = p_enu_m.head<2>().squaredNorm();
  return origin_alt_m + p_enu_m.z() + d2 / (2.0 * kEarthRadius_m);
}

}  // namespace rampart
