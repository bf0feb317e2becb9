// A passive infrared search-and-track (IRST) sensor: bearing and elevation, no range.
//
// Once per frame it reports every flying entity that lies within max_range_m and above the
// 4/3-Earth horizon, R <= sqrt(2 k Re h_sensor) + sqrt(2 k Re h_target) with k = 4/3, and in
// its line of sight over the terrain, detected
// with the frame's detection probability. Measurements: the compass bearing and the elevation
// above the sensor's horizontal plane, each with Gaussian noise. It emits nothing, so ESM
// cannot hear it. Draws are keyed by (sensor, entity, frame), so they do not depend on order.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/geodesy.h"
#include "environment/terrain.h"
#include "scenario/scenario.h"
#include "sensors/sensor.h"
#include "world/world.h"

namespace rampart::sensors {

class InfraredSearchTrack : public Sensor {
 public:
  /// With `terrain`, it sees only what the terrain does not hide.
  InfraredSearchTrack(int sensor_id, const scenario::Irst& spec, const LocalFrame& scenario_frame, std::uint64_t seed,
                      std::shared_ptr<const environment::Terrain> terrain = nullptr);

  SensorSite site() const override;
  /// Reports once per frame: when (t_begin_s, t_end_s] holds a multiple of the frame period.
  void observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
               std::uint64_t& next_plot_id, Observation& out) override;

 private:
  int id_;
  scenario::Irst spec_;
  SensorMount mount_;
  std::uint64_t seed_;
  std::shared_ptr<const environment::Terrain> terrain_;
};

}  // namespace rampart::sensors
