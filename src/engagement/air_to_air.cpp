#include "engagement/air_to_air.h"

#include <limits>

#include "core/error.h"

namespace rampart::engagement {

AirToAirMissiles::AirToAirMissiles(std::size_t index, const scenario::FighterSquadron& squadron,
                                   const world::World& world, std::uint32_t fighter_entity)
    : index_(index),
      world_(world),
      fighter_entity_(fighter_entity),
      name_(world.entity(fighter_entity).name),
      type_{.name = squadron.name + " air-to-air missile",
            .min_range_m = 0.0,
            .max_range_m = squadron.missile_range_m,
            .min_altitude_m = -std::numeric_limits<double>::infinity(),
            .max_altitude_m = std::numeric_limits<double>::infinity(),
            .interceptor_speed_mps = squadron.missile_speed_mps,
            .kill_probability = squadron.kill_probability,
            .seeker_basket_m = squadron.missile_seeker_basket_m,
            .reload_time_s = 0.0,
            .fire_control_channels = squadron.missiles,
            .reaction_time_s = 0.0,
            .dynamics = messages::derived_dynamics(squadron.missile_speed_mps, squadron.missile_range_m,
                                                   squadron.missile_seeker_basket_m)},
      missiles_(squadron.missiles) {}

messages::WeaponStatus AirToAirMissiles::status() const {
  // Fire and forget: no missile holds a channel, so all of them are always free.
  return {index_, world_.entity(fighter_entity_).p_enu_m, type_, type_.fire_control_channels, missiles_};
}

std::vector<Interceptor> AirToAirMissiles::launch(double t_s, const messages::FireOrder& order) {
  RAMPART_DEMAND(order.rounds <= missiles_, "launch of more missiles than the fighter carries");
  missiles_ -= order.rounds;
  const world::Entity& fighter = world_.entity(fighter_entity_);
  return interceptors_for(order, name_, type_, t_s, fighter.p_enu_m, fighter.v_enu_mps, fighter_entity_);
}

}  // namespace rampart::engagement
