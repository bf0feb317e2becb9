#include "engagement/launch_region.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <fmt/format.h>

#include "core/atmosphere.h"
#include "core/geodesy.h"
#include "core/units.h"

namespace rampart::engagement {
namespace {

constexpr int kHeightSteps = 6;
constexpr int kScanRanges = 12;
constexpr int kBisections = 6;
constexpr double kMinSeparationAboveHeight_m = 100.0;

messages::LaunchRegion build(const messages::WeaponType& type) {
  messages::LaunchRegion lar;
  for (int k = 0; k <= kHeightSteps; ++k)
    lar.height_m.push_back(type.min_altitude_m + (type.max_altitude_m - type.min_altitude_m) * k / kHeightSteps);
  lar.inbound_mps = {-300.0, 0.0, 300.0, 600.0, 900.0};
  lar.crossing_mps = {0.0, 200.0, 400.0, 600.0};
  lar.range_fraction = {0.0, 0.25, 0.5, 0.75, 1.0};
  const std::size_t cells = lar.height_m.size() * lar.inbound_mps.size() * lar.crossing_mps.size();
  lar.max_range_m.assign(cells, 0.0);
  lar.time_of_flight_s.assign(cells * lar.range_fraction.size(), 0.0);
  for (std::size_t h = 0; h < lar.height_m.size(); ++h) {
    for (std::size_t i = 0; i < lar.inbound_mps.size(); ++i) {
      for (std::size_t c = 0; c < lar.crossing_mps.size(); ++c) {
        const messages::LaunchRegion::Target target{lar.height_m[h], lar.inbound_mps[i], lar.crossing_mps[c]};
        const std::size_t cell = lar.cell(h, i, c);
        const double near_m = std::max(type.min_range_m, target.height_m + kMinSeparationAboveHeight_m);
        const double far_m = type.max_range_m + std::max(target.inbound_mps, 0.0) * type.dynamics.max_flight_time_s;
        // The farthest of kScanRanges ranges reached, scanning in from far_m, brackets the edge.
        double lo_m = 0.0, hi_m = far_m;
        for (int k = kScanRanges; k >= 0 && lo_m == 0.0; --k) {
          const double range_m = near_m + (far_m - near_m) * k / kScanRanges;
          (reaches(type, fly_launch_case(type, target, range_m)) ? lo_m : hi_m) = range_m;
        }
        if (lo_m == 0.0) continue;
        for (int k = 0; k < kBisections && lo_m < hi_m; ++k) {
          const double mid_m = 0.5 * (lo_m + hi_m);
          (reaches(type, fly_launch_case(type, target, mid_m)) ? lo_m : hi_m) = mid_m;
        }
        lar.max_range_m[cell] = lo_m;
        for (std::size_t f = 1; f < lar.range_fraction.size(); ++f)
          lar.time_of_flight_s[cell * lar.range_fraction.size() + f] =
              fly_launch_case(type, target, lar.range_fraction[f] * lo_m).time_of_flight_s;
      }
    }
  }
  return lar;
}

messages::InterceptReach build_reach(const messages::WeaponType& type) {
  messages::InterceptReach reach;
  for (int k = 0; k <= kReachGroundSteps; ++k) reach.ground_m.push_back(type.max_range_m * k / kReachGroundSteps);
  for (int k = 0; k <= kReachHeightSteps; ++k) reach.height_m.push_back(type.max_altitude_m * k / kReachHeightSteps);
  reach.time_of_flight_s.assign(reach.ground_m.size() * reach.height_m.size(), -1.0);
  for (std::size_t g = 0; g < reach.ground_m.size(); ++g) {
    for (std::size_t h = 0; h < reach.height_m.size(); ++h) {
      if (std::hypot(reach.ground_m[g], reach.height_m[h]) > type.max_range_m) continue;
      const FlyoutResult flyout = fly_to_point(type, reach.ground_m[g], reach.height_m[h]);
      if (reaches(type, flyout)) reach.time_of_flight_s[reach.point(g, h)] = flyout.time_of_flight_s;
    }
  }
  return reach;
}

/// Every field the table depends on, exactly (hexadecimal floats).
std::string key_of(const messages::WeaponType& t) {
  const messages::InterceptorDynamics& d = t.dynamics;
  return fmt::format("{:a} {:a} {:a} {:a} {:a} {:a} | {:a} {:a} {:a} {:a} {:a} {:a} {:a} {:a} {:a} {:a} {:a}",
                     t.min_range_m, t.max_range_m, t.min_altitude_m, t.max_altitude_m, t.interceptor_speed_mps,
                     t.seeker_basket_m, d.boost_s, d.boost_accel_mps2, d.sustain_s, d.sustain_accel_mps2,
                     d.drag_area_per_mass_m2pkg, d.max_g, d.nav_constant, d.min_speed_mps, d.max_flight_time_s,
                     d.seeker_acquisition_range_m, d.lethal_radius_m);
}

/// The table `build_table` makes of `type`, built once per process for each distinct type (one
/// cache per kind of table).
template <typename Table>
std::shared_ptr<const Table> built_once(const messages::WeaponType& type, Table (*build_table)(const messages::WeaponType&)) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Table>> built;
  const std::string key = key_of(type);
  const std::lock_guard lock(mutex);
  auto& table = built[key];
  if (!table) table = std::make_shared<const Table>(build_table(type));
  return table;
}

}  // namespace

FlyoutResult fly_launch_case(const messages::WeaponType& type, const messages::LaunchRegion::Target& target,
                             double launch_range_m) {
  const double ground_m = std::sqrt(std::max(launch_range_m * launch_range_m - target.height_m * target.height_m, 0.0));
  // A straight line in the scenario frame is not level over the curved Earth (core/geodesy.h
  // altitude_m): the target is put at height h where the interceptor is aimed.
  const Eigen::Vector3d v_target_enu_mps(target.crossing_mps, -target.inbound_mps, 0.0);
  const Eigen::Vector3d lead_m = v_target_enu_mps * (launch_range_m / type.interceptor_speed_mps);
  const double aim_ground_m = Eigen::Vector2d(lead_m.x(), ground_m + lead_m.y()).norm();
  const Eigen::Vector3d p_target_enu_m(0.0, ground_m, target.height_m - aim_ground_m * aim_ground_m / (2.0 * kEarthRadius_m));
  const Eigen::Vector3d aim_enu_m = p_target_enu_m + lead_m;
  return fly(type.dynamics, Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero(), true, aim_enu_m, p_target_enu_m,
             v_target_enu_mps, 0.0);
}

FlyoutResult fly_to_point(const messages::WeaponType& type, double ground_m, double height_m) {
  const Eigen::Vector3d p_enu_m(0.0, ground_m, height_m - ground_m * ground_m / (2.0 * kEarthRadius_m));
  return fly(type.dynamics, Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero(), true, p_enu_m, p_enu_m,
             Eigen::Vector3d::Zero(), 0.0);
}

bool reaches(const messages::WeaponType& type, const FlyoutResult& flyout) {
  return flyout.end == FlyoutEnd::kClosestApproach && flyout.miss_distance_m <= 0.5 * type.dynamics.lethal_radius_m &&
         flyout.p_end_enu_m.norm() <= type.max_range_m &&
         max_lateral_accel_mps2(type.dynamics, altitude_m(flyout.p_end_enu_m, 0.0), flyout.speed_mps) >=
             kTerminalLateralAccel_g * kStandardGravity_mps2;
}

std::shared_ptr<const messages::LaunchRegion> launch_region_of(const messages::WeaponType& type) {
  return built_once(type, build);
}

std::shared_ptr<const messages::InterceptReach> intercept_reach_of(const messages::WeaponType& type) {
  return built_once(type, build_reach);
}

}  // namespace rampart::engagement
