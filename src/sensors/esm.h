// A passive ESM receiver.
//
// Every period it hears each flying entity whose radar emits, within max_range_m and above the
// 4/3-Earth horizon of the receiver, and reports the bearing (compass, in the scenario frame's
// axes, Gaussian noise of bearing_sigma_deg) and the emitter's name as identified by its
// signal parameters. It never reports which entity it heard.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "core/random.h"
#include "scenario/scenario.h"
#include "sensors/sensor.h"
#include "world/world.h"

namespace rampart::sensors {

class EsmReceiver : public Sensor {
 public:
  EsmReceiver(int sensor_id, const scenario::EsmSensor& spec, const LocalFrame& scenario_frame,
              std::uint64_t seed);

  /// What it hears at t_s.
  std::vector<AngleReport> listen(double t_s, const std::vector<world::Entity>& truth);
  double period_s() const { return spec_.period_s; }

  SensorSite site() const override;
  /// Reports once per period: when (t_begin_s, t_end_s] holds a multiple of it.
  void observe(double t_begin_s, double t_end_s, const std::vector<world::Entity>& truth,
               std::uint64_t& next_plot_id, Observation& out) override;

 private:
  int id_;
  scenario::EsmSensor spec_;
  Eigen::Vector3d position_enu_m_;
  double horizon_k_re_m_;
  RandomStream noise_;
};

}  // namespace rampart::sensors
