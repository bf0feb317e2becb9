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
#include "world/world.h"

namespace rampart::sensors {

struct EsmReport {
  double t_s = 0.0;
  int sensor_id = 0;
  Eigen::Vector3d sensor_enu_m = Eigen::Vector3d::Zero();
  double bearing_rad = 0.0;
  double bearing_sigma_rad = 0.0;
  std::string emitter;
};

class EsmReceiver {
 public:
  EsmReceiver(int sensor_id, const scenario::EsmSensor& spec, const LocalFrame& scenario_frame,
              std::uint64_t seed);

  std::vector<EsmReport> listen(double t_s, const std::vector<world::Entity>& truth);
  double period_s() const { return spec_.period_s; }

 private:
  int id_;
  scenario::EsmSensor spec_;
  Eigen::Vector3d position_enu_m_;
  double horizon_k_re_m_;
  RandomStream noise_;
};

}  // namespace rampart::sensors
