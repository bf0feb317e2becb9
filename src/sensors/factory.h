// The one factory of the sensor family: builds every sensor a scenario declares.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/geodesy.h"
#include "scenario/scenario.h"
#include "sensors/iff.h"
#include "sensors/sensor.h"

namespace rampart::sensors {

/// An IFF interrogator and the index of the sensor it is mounted on.
struct MountedInterrogator {
  std::size_t sensor = 0;
  std::unique_ptr<IffInterrogator> interrogator;
};

struct SensorSuite {
  std::vector<std::unique_ptr<Sensor>> sensors;
  std::vector<MountedInterrogator> interrogators;
};

SensorSuite make_sensors(const scenario::Scenario& s, const LocalFrame& frame, std::uint64_t seed);

}  // namespace rampart::sensors
