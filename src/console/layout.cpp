#include "console/layout.h"

#include <cstdio>
#include <map>

#include "core/csv_reader.h"

namespace rampart::console {

nlohmann::json layout_json(const std::vector<sim::LayoutItem>& items) {
  using Json = nlohmann::json;
  Json layout = {{"assets", Json::array()}, {"sensors", Json::array()}, {"fire_units", Json::array()},
                 {"zones", Json::array()}, {"corridors", Json::array()}};
  std::map<std::string, std::size_t> corridor_index;
  for (const auto& x : items) {
    const double radius_m = x.radius_m.value_or(0.0);
    Json j = {{"name", x.name}, {"lat", x.geodetic.lat_deg}, {"lon", x.geodetic.lon_deg}};
    if (x.kind == "asset") {
      j["kind"] = x.detail;
      j["radius_m"] = radius_m;
      layout["assets"].push_back(j);
    } else if (x.kind == "sensor") {
      j["kind"] = x.detail;
      j["range_m"] = radius_m;
      layout["sensors"].push_back(j);
    } else if (x.kind == "fire_unit") {
      j["weapon"] = x.detail;
      j["max_range_m"] = radius_m;
      layout["fire_units"].push_back(j);
    } else if (x.kind == "zone") {
      j["control"] = x.detail;
      j["radius_m"] = radius_m;
      layout["zones"].push_back(j);
    } else if (x.kind == "corridor") {
      auto [it, added] = corridor_index.emplace(x.name, layout["corridors"].size());
      if (added) {
        double min_alt_m = 0.0, max_alt_m = 0.0;  // the band is written "LO-HI m" (sim/layout.h)
        std::sscanf(x.detail.c_str(), "%lf-%lf m", &min_alt_m, &max_alt_m);
        layout["corridors"].push_back({{"name", x.name}, {"width_m", 2.0 * radius_m}, {"min_alt_m", min_alt_m},
                                       {"max_alt_m", max_alt_m}, {"points", Json::array()}});
      }
      layout["corridors"][it->second]["points"].push_back({x.geodetic.lat_deg, x.geodetic.lon_deg});
    }
  }
  return layout;
}

std::vector<sim::LayoutItem> read_layout_csv(const std::string& path) {
  const std::string header = "kind,name,vertex,lat_deg,lon_deg,alt_m,east_m,north_m,up_m,radius_m,detail";
  CsvTable table(path, header);
  table.require({"kind", "name", "vertex", "lat_deg", "lon_deg", "alt_m", "east_m", "north_m", "up_m", "radius_m",
                 "detail"});
  std::vector<sim::LayoutItem> items;
  while (table.next()) {
    sim::LayoutItem x;
    x.kind = table.field("kind");
    x.name = table.field("name");
    x.vertex = static_cast<int>(table.integer("vertex"));
    x.geodetic = {table.number("lat_deg"), table.number("lon_deg"), table.number("alt_m")};
    x.p_enu_m = {table.number("east_m"), table.number("north_m"), table.number("up_m")};
    if (!table.field("radius_m").empty()) x.radius_m = table.number("radius_m");
    x.detail = table.field("detail");
    items.push_back(std::move(x));
  }
  if (items.empty() || items.front().kind != "origin")
    table.reader().fail("the first row must be the frame's origin (kind `origin`); record the run again with "
                        "this version of rampart");
  return items;
}

}  // namespace rampart::console
