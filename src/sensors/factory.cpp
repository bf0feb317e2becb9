#include "sensors/factory.h"

#include "sensors/esm.h"
#include "sensors/irst.h"
#include "sensors/radar.h"

namespace rampart::sensors {

namespace {
/// Builds one sensor per spec; ids number the sensors of one kind from 1 (they key random streams).
template <typename Kind, typename Spec>
void add_all(const std::vector<Spec>& specs, const LocalFrame& frame, std::uint64_t seed, SensorSuite& suite) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    suite.sensors.push_back(std::make_unique<Kind>(static_cast<int>(i + 1), specs[i], frame, seed));
}
}  // namespace

SensorSuite make_sensors(const scenario::Scenario& s, const LocalFrame& frame, std::uint64_t seed) {
  SensorSuite suite;
  for (std::size_t i = 0; i < s.radars.size(); ++i)
    suite.sensors.push_back(std::make_unique<SurveillanceRadar>(static_cast<int>(i + 1), s.radars[i], s.environment, frame, seed));
  for (std::size_t i = 0; i < s.radars.size(); ++i) {
    if (!s.radars[i].iff_interrogator) continue;
    const auto& radar = static_cast<const SurveillanceRadar&>(*suite.sensors[i]);
    suite.interrogators.push_back({i, std::make_unique<IffInterrogator>(radar, seed)});
  }
  for (std::size_t i = 0; i < s.esm_sensors.size(); ++i)
    suite.sensors.push_back(std::make_unique<EsmReceiver>(static_cast<int>(i + 1), s.esm_sensors[i], s.emitters, frame, seed));
  add_all<InfraredSearchTrack>(s.irst_sensors, frame, seed, suite);
  return suite;
}

}  // namespace rampart::sensors
