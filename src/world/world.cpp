#include "world/world.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/error.h"
#include "world/mover_factory.h"

namespace rampart::world {

World::World(const scenario::Scenario& s)
    : frame_(s.origin), surroundings_{s.origin, s.environment.terrain}, assets_(s.assets) {
  for (const auto& a : assets_) asset_value_left_.push_back(a.value);
  for (const auto& raid : s.raids) add_raid(raid, 0.0);
  for (const auto& f : s.friendlies) {
    add({.name = f.name,
         .side = Side::kFriendly,
         .kind = scenario::to_string(f.kind),
         .start_time_s = f.start_time_s,
         .rcs_m2 = f.rcs_m2,
         .iff_on = f.iff_on,
         .mode3a_code = f.mode3a_code,
         .on_datalink = f.kind == scenario::FriendlyKind::kFighter ||
                        f.kind == scenario::FriendlyKind::kAirborneEarlyWarning,
         .emitter = f.emitter,
         .jammer = f.jammer},
        make_mover(f, surroundings_));
  }
}

void World::add(Entity e, std::unique_ptr<Mover> mover) {
  e.id = static_cast<std::uint32_t>(entities_.size() + 1);
  entities_.push_back(std::move(e));
  movers_.push_back(std::move(mover));
}

std::vector<std::uint32_t> World::add_raid(const scenario::Raid& raid, double t0_s) {
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < raid.count; ++i) {
    add({.name = fmt::format("{}-{}", raid.name, i + 1),
         .side = Side::kHostile,
         .kind = scenario::to_string(raid.kind),
         .start_time_s = t0_s + raid.start_time_s + i * raid.spacing_s,
         .rcs_m2 = raid.rcs_m2,
         .iff_on = false,
         .mode3a_code = raid.mode3a_code,
         .emitter = raid.emitter,
         .jammer = raid.jammer,
         .expendable = raid.kind == scenario::ThreatKind::kCruiseMissile || raid.kind == scenario::ThreatKind::kDrone ||
                       raid.kind == scenario::ThreatKind::kBallisticMissile,
         .arrives_on_impact = raid.kind == scenario::ThreatKind::kBallisticMissile,
         .target_asset = raid.target_asset,
         .damage_fraction = raid.damage_fraction},
        make_mover(raid, surroundings_));
    ids.push_back(entities_.back().id);
  }
  return ids;
}

void World::place(Entity& e, const MoverState& m) const {
  e.geodetic = frame_.surface_point(m.east_m, m.north_m, m.altitude_m);
  e.p_enu_m = frame_.to_enu(e.geodetic);
  e.v_enu_mps = m.v_enu_mps;
}

std::vector<Arrival> World::advance(double t_s) {
  std::vector<Arrival> arrivals;
  const double dt_s = std::max(0.0, t_s - t_s_);
  t_s_ = t_s;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    Entity& e = entities_[i];
    const bool starts = e.state == EntityState::kWaiting && t_s >= e.start_time_s;
    if (starts) e.state = EntityState::kFlying;
    if (!e.flying()) continue;
    const double flight_time_s = t_s - e.start_time_s;
    // A mover's steps add up to its flight time: the first one counts from its start.
    const MoverState m = movers_[i]->advance(flight_time_s, starts ? flight_time_s : dt_s);
    place(e, m);
    if (e.target_asset && !e.reached_target && (m.finished || !e.arrives_on_impact)) {
      const auto& asset = assets_[*e.target_asset];
      if (std::hypot(m.east_m - asset.position.east_m, m.north_m - asset.position.north_m) <= asset.radius_m) {
        e.reached_target = true;
        const double lost = asset_value_left_[*e.target_asset] * e.damage_fraction;
        asset_value_left_[*e.target_asset] -= lost;
        arrivals.push_back({e.id, *e.target_asset, lost});
        if (e.expendable) {
          e.state = EntityState::kImpacted;
          continue;
        }
      }
    }
    if (m.finished) e.state = EntityState::kDeparted;
  }
  return arrivals;
}

std::uint32_t World::launch(const std::string& name, const scenario::FighterSquadron& squadron,
                            const scenario::Point2& at, double t_s) {
  add({.name = name,
       .side = Side::kFriendly,
       .kind = scenario::to_string(scenario::FriendlyKind::kFighter),
       .start_time_s = t_s,
       .rcs_m2 = squadron.rcs_m2,
       .iff_on = true,
       .on_datalink = true},
      make_mover(squadron, at));
  Entity& e = entities_.back();
  e.state = EntityState::kFlying;
  place(e, movers_.back()->advance(0.0, 0.0));
  return e.id;
}

SteerableMover& World::steerable(std::uint32_t entity_id, const char* order) {
  const Entity& e = entities_.at(entity_id - 1);
  auto* mover = dynamic_cast<SteerableMover*>(movers_[entity_id - 1].get());
  RAMPART_DEMAND(mover != nullptr, fmt::format("{} (entity {}) cannot {}: its mover is not steerable (only an aircraft "
                                               "C2 launched is)",
                                               e.name, entity_id, order));
  return *mover;
}

void World::steer(std::uint32_t entity_id, const scenario::Point2& goal) {
  steerable(entity_id, "be steered").steer(goal);
}

void World::land(std::uint32_t entity_id) {
  steerable(entity_id, "land");  // only C2's own aircraft land on its order
  Entity& e = entities_.at(entity_id - 1);
  RAMPART_DEMAND(e.flying(), fmt::format("{} (entity {}) cannot land: it is not flying", e.name, entity_id));
  e.state = EntityState::kDeparted;
}

void World::kill(std::uint32_t entity_id) {
  Entity& e = entities_.at(entity_id - 1);
  RAMPART_DEMAND(e.flying(), "only a flying entity can be killed");
  e.state = EntityState::kKilled;
}

}  // namespace rampart::world
