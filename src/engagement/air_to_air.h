// A fighter's air-to-air missiles: a magazine of `missiles` fire-and-forget missiles with active
// seekers (no fire-control channel: each needs only its own round), launched the moment the
// order comes (the pilot is the fire control), from wherever the aircraft is. The warhead has no
// altitude limits of its own; the seeker never homes on the aircraft that fired it.
#pragma once

#include <cstdint>
#include <string>

#include "engagement/effector.h"
#include "scenario/scenario.h"
#include "world/world.h"

namespace rampart::engagement {

class AirToAirMissiles final : public Effector {
 public:
  /// The missiles of one sortie of `squadron`, carried by the aircraft `fighter_entity` of `world`.
  AirToAirMissiles(std::size_t index, const scenario::FighterSquadron& squadron, const world::World& world,
                   std::uint32_t fighter_entity);

  const std::string& name() const override { return name_; }
  messages::WeaponStatus status() const override;
  int rounds_left() const override { return missiles_; }
  int update(double) override { return 0; }  // no reloading in the air
  std::vector<Interceptor> launch(double t_s, const messages::FireOrder& order) override;
  void release_channel() override {}  // fire and forget: no channel held

 private:
  std::size_t index_;
  const world::World& world_;
  std::uint32_t fighter_entity_;
  std::string name_;
  messages::WeaponType type_;
  int missiles_;
};

}  // namespace rampart::engagement
