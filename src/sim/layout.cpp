#include "sim/layout.h"

#include <fmt/format.h>

namespace rampart::sim {

std::vector<LayoutItem> layout_of(const scenario::Scenario& s, const LocalFrame& frame,
                                  const std::vector<sensors::SensorSite>& sensors) {
  std::vector<LayoutItem> items;
  const auto at = [&](const std::string& kind, const std::string& name, int vertex, const Eigen::Vector3d& enu,
                      std::optional<double> radius_m, const std::string& detail) {
    items.push_back({kind, name, vertex, frame.to_geodetic(enu), enu, radius_m, detail});
  };
  const auto on_surface = [&](const std::string& kind, const std::string& name, int vertex, const scenario::Point2& p,
                              double alt_m, std::optional<double> radius_m, const std::string& detail) {
    at(kind, name, vertex, frame.surface_point_enu(p.east_m, p.north_m, alt_m), radius_m, detail);
  };
  at("origin", s.name, 0, Eigen::Vector3d::Zero(), std::nullopt, "");
  for (const auto& a : s.assets) on_surface("asset", a.name, 0, a.position, 0.0, a.radius_m, a.kind);
  for (const auto& x : sensors) at("sensor", x.name, 0, x.p_enu_m, x.max_range_m, x.kind);
  for (const auto& f : s.fire_units)
    on_surface("fire_unit", f.name, 0, f.position, f.site_alt_m, s.weapon_types[f.weapon_type].max_range_m,
               s.weapon_types[f.weapon_type].name);
  for (const auto& z : s.c2.zones)
    on_surface("zone", z.name, 0, z.center, 0.0, z.radius_m, scenario::to_string(z.control));
  for (const auto& k : s.c2.corridors)
    for (std::size_t i = 0; i < k.route.size(); ++i)
      on_surface("corridor", k.name, static_cast<int>(i), k.route[i], 0.5 * (k.min_altitude_m + k.max_altitude_m),
                 0.5 * k.width_m, fmt::format("{:.0f}-{:.0f} m", k.min_altitude_m, k.max_altitude_m));
  return items;
}

}  // namespace rampart::sim
