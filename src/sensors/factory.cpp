#include "sensors/factory.h"

#include "sensors/esm.h"
#include "sensors/fire_control_radar.h"
#include "sensors/irst.h"
#include "sensors/radar.h"

namespace rampart::sensors {

SensorSuite make_sensors(const scenario::Scenario& s, const LocalFrame& frame, std::uint64_t seed) {
  SensorSuite suite;
  // Ids number the sensors of one kind from 1 (they key random streams).
  for (std::size_t i = 0; i < s.radars.size(); ++i) {
    const int id = static_cast<int>(i + 1);
    if (s.radars[i].fire_control) suite.sensors.push_back(std::make_unique<FireControlRadar>(id, s.radars[i], s.environment, frame, seed));
    else suite.sensors.push_back(std::make_unique<SurveillanceRadar>(id, s.radars[i], s.environment, frame, seed));
  }
  for (std::size_t i = 0; i < s.radars.size(); ++i) {
    if (!s.radars[i].iff_interrogator) continue;
    const auto& radar = static_cast<const SurveillanceRadar&>(*suite.sensors[i]);
    suite.interrogators.push_back({i, std::make_unique<IffInterrogator>(radar, seed)});
  }
  for (std::size_t i = 0; i < s.esm_sensors.size(); ++i)
    suite.sensors.push_back(std::make_unique<EsmReceiver>(static_cast<int>(i + 1), s.esm_sensors[i], s.emitters, frame, seed,
                                                          s.environment.terrain));
  for (std::size_t i = 0; i < s.irst_sensors.size(); ++i)
    suite.sensors.push_back(
        std::make_unique<InfraredSearchTrack>(static_cast<int>(i + 1), s.irst_sensors[i], frame, seed, s.environment.terrain));
  return suite;
}

}  // namespace rampart::sensors
