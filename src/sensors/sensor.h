// The sensor family: one interface every sensor kind implements, and one factory.
//
// Each base step the kernel asks every sensor in action to observe truth over the interval
// (t_begin_s, t_end_s] (Stone Soup's Sensor.measure()). A sensor appends what it produced:
// plot batches for the tracker (each plot with the truth that caused it, kept apart for
// analysis) and passive angle reports for C2 (ESM bearings with the emitter heard, or infrared
// bearings and elevations with none). Sensors are the only stage besides engagement physics and
// scoring that reads truth. Adding a kind: its files, its scenario spec, one line in
// make_sensors(), and its entry in the shared test set (test/any_sensor_test.cpp).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "messages/plots.h"
#include "messages/tracks.h"
#include "world/world.h"

namespace rampart::sensors {

/// Which truth caused a plot. For analysis only; never given to the tracker or C2.
struct PlotOrigin {
  std::uint64_t plot_id = 0;
  std::uint32_t truth_id = 0;  ///< 0 for a false alarm
};

/// One look of a radar: a plot batch for the tracker, and the origin of each plot (same order).
struct Look {
  messages::PlotBatch batch;
  std::vector<PlotOrigin> origins;
};

/// A passive line of bearing (and elevation, when the sensor measures it) from a sensor.
struct AngleReport {
  double t_s = 0.0;
  std::string sensor;
  Eigen::Vector3d sensor_enu_m = Eigen::Vector3d::Zero();  ///< scenario frame
  double bearing_rad = 0.0;                                ///< compass, scenario frame axes
  double bearing_sigma_rad = 0.0;
  std::optional<double> elevation_rad;  ///< above the sensor's horizontal plane
  double elevation_sigma_rad = 0.0;
  std::string emitter;      ///< the emitter identified from its signal (ESM); empty otherwise
  std::uint32_t truth_id = 0;  ///< the entity seen, for analysis only: never given to C2
};

/// What a radar's strobe (an AngleReport) names as its emitter: noise jamming on that bearing.
inline constexpr const char* kJammerStrobe = "noise jammer";

/// What the sensors produced in one step.
struct Observation {
  std::vector<Look> looks;
  std::vector<AngleReport> angles;
};

/// A sensor's own frame: ENU at its antenna or aperture, which it measures in, and how that
/// frame sits in the scenario frame.
struct SensorMount {
  SensorMount(const LocalFrame& scenario_frame, double east_m, double north_m, double site_alt_m)
      : frame(scenario_frame.surface_point(east_m, north_m, site_alt_m)),
        position_enu_m(scenario_frame.to_enu(frame.origin())),
        R_scenario_from_sensor(scenario_frame.rotation_from(frame)),
        alt_m(site_alt_m) {}
  LocalFrame frame;
  Eigen::Vector3d position_enu_m;  ///< in the scenario frame
  Eigen::Matrix3d R_scenario_from_sensor;
  double alt_m;  ///< above the ellipsoid
};

/// Where a sensor stands and what it is, for the record.
struct SensorSite {
  std::string name;
  std::string kind;  ///< radar_2d, radar_3d, esm, irst, ...
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  double max_range_m = 0.0;
};

class Sensor {
 public:
  virtual ~Sensor() = default;
  virtual SensorSite site() const = 0;
  /// Observes the flying truth over (t_begin_s, t_end_s]; plot ids come from `next_plot_id`,
  /// which is advanced.
  virtual void observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
                       std::uint64_t& next_plot_id, Observation& out) = 0;
};

}  // namespace rampart::sensors
