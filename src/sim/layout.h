// Where things stand in a run: the frame's origin, every asset, sensor, fire unit and zone, and
// each waypoint of each corridor. One list serves the CSV record (layout.csv) and the console's
// map, so both show the same sites.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "scenario/scenario.h"
#include "sensors/sensor.h"

namespace rampart::sim {

struct LayoutItem {
  std::string kind;  ///< origin, asset, sensor, fire_unit, zone, corridor
  std::string name;
  int vertex = 0;    ///< a corridor's waypoint index; 0 otherwise
  Geodetic geodetic;
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  /// asset: radius; sensor: maximum range; fire unit: its weapon's maximum range; zone: radius;
  /// corridor: half its width
  std::optional<double> radius_m;
  /// asset kind; sensor kind; weapon type; zone weapons control; corridor altitude band "LO-HI m"
  std::string detail;
};

std::vector<LayoutItem> layout_of(const scenario::Scenario& s, const LocalFrame& frame,
                                  const std::vector<sensors::SensorSite>& sensors);

}  // namespace rampart::sim
