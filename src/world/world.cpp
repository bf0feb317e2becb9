#include "world/world.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/error.h"
#include "core/random.h"
#include "core/units.h"
#include "world/mover_factory.h"

namespace rampart::world {

namespace {
/// Height above the ground of the point a crew must see to fire at a target (a building, a vehicle).
constexpr double kTargetHeight_m = 5.0;
}  // namespace

World::World(const scenario::Scenario& s, std::uint64_t seed)
    : frame_(s.origin), seed_(seed), surroundings_{s.origin, s.environment.terrain}, assets_(s.assets) {
  for (const auto& a : assets_) asset_value_left_.push_back(a.value);
  for (const auto& r : s.radars)
    radars_.push_back({Eigen::Vector3d(r.position.east_m, r.position.north_m, r.site_alt_m + r.antenna_height_m)});
  for (const auto& raid : s.raids) add_raid(raid, 0.0);
  for (const auto& f : s.friendlies) {
    friendly_ids_.push_back(static_cast<std::uint32_t>(entities_.size() + 1));
    friendly_starts_.push_back(f.route.empty() ? scenario::Point2{}
                                               : scenario::Point2{f.route.front().east_m, f.route.front().north_m});
    add({.name = f.name,
         .side = Side::kFriendly,
         .kind = scenario::to_string(f.kind),
         .start_time_s = f.start_time_s,
         .rcs_m2 = f.rcs_m2,
         .iff_on = f.iff_on,
         .mode3a_code = f.mode3a_code,
         .on_datalink = f.kind == scenario::FriendlyKind::kFighter ||
                        f.kind == scenario::FriendlyKind::kAirborneEarlyWarning ||
                        f.kind == scenario::FriendlyKind::kGroundVehicle,
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
    Entity e{.name = fmt::format("{}-{}", raid.name, i + 1),
             .side = Side::kHostile,
             .kind = scenario::to_string(raid.kind),
             .start_time_s = t0_s + raid.start_time_s + i * raid.spacing_s,
             .rcs_m2 = raid.rcs_m2,
             .iff_on = false,
             .mode3a_code = raid.mode3a_code,
             .emitter = raid.emitter,
             .jammer = raid.jammer,
             .expendable = raid.kind == scenario::ThreatKind::kCruiseMissile ||
                           raid.kind == scenario::ThreatKind::kDrone ||
                           raid.kind == scenario::ThreatKind::kBallisticMissile ||
                           raid.kind == scenario::ThreatKind::kAntiRadiationMissile,
             .arrives_on_impact = raid.kind == scenario::ThreatKind::kBallisticMissile,
             .damage_fraction = raid.damage_fraction};
    if (raid.target_radar) {
      // Launched with the radar's position as intelligence gave it (its antenna), as if just heard.
      const RadarSite& site = radars_.at(*raid.target_radar);
      auto mover = make_homing_mover(raid, site.antenna_map_m);
      RandomStream drift(seed_, entities_.size() + 1, Purpose::kNavigation);
      const double direction_rad = drift.uniform(0.0, kTwoPi);
      homing_[static_cast<std::uint32_t>(entities_.size() + 1)] =
          Homing{*raid.target_radar, mover.get(), site.antenna_map_m, e.start_time_s,
                 Eigen::Vector2d(std::sin(direction_rad), std::cos(direction_rad)), raid.drift_mps,
                 raid.lethal_radius_m};
      add(std::move(e), std::move(mover));
    } else {
      e.target_asset = raid.target_asset;
      add(std::move(e), make_mover(raid, surroundings_));
    }
    if (!raid.weapons.empty()) loads_[entities_.back().id] = raid.weapons;
    ids.push_back(entities_.back().id);
  }
  return ids;
}

void World::set_emitting(std::size_t radar, bool emitting) {
  RadarSite& site = radars_.at(radar);
  site.emitting = emitting && !site.destroyed;
}

void World::guide(Homing& h, double t_s) {
  const RadarSite& site = radars_[h.radar];
  if (site.emitting) {
    h.last_heard_map_m = site.antenna_map_m;
    h.last_heard_t_s = t_s;
    h.mover->aim(site.antenna_map_m);
    return;
  }
  const Eigen::Vector2d drift_m = h.drift_direction * h.drift_mps * (t_s - h.last_heard_t_s);
  h.mover->aim(h.last_heard_map_m + Eigen::Vector3d(drift_m.x(), drift_m.y(), 0.0));
}

Eigen::Vector2d World::target_map_m(const scenario::Raid& weapon) const {
  if (weapon.target_radar) return radars_.at(*weapon.target_radar).antenna_map_m.head<2>();
  const auto& p = assets_.at(weapon.target_asset).position;
  return {p.east_m, p.north_m};
}

std::vector<Release> World::release_weapons(double t_s) {
  std::vector<std::pair<std::uint32_t, scenario::Raid>> due;  // carrier, the weapons it releases
  for (auto& [carrier_id, loads] : loads_) {
    const Entity& carrier = entities_[carrier_id - 1];
    if (!carrier.flying()) continue;
    const MoverState& m = states_[carrier_id - 1];
    const Eigen::Vector2d at_m(m.east_m, m.north_m);
    for (auto load = loads.begin(); load != loads.end();) {
      const Eigen::Vector2d target_m = target_map_m(load->weapon);
      const auto& terrain = surroundings_.terrain;
      const bool masked = load->line_of_sight && terrain &&
                          !terrain->line_of_sight(m.east_m, m.north_m, m.altitude_m, target_m.x(), target_m.y(),
                                                  terrain->height_m(target_m.x(), target_m.y()) + kTargetHeight_m);
      if ((target_m - at_m).norm() > load->release_range_m || masked) {
        ++load;
        continue;
      }
      scenario::Raid weapon = load->weapon;
      weapon.name = fmt::format("{} {}", carrier.name, weapon.name);
      weapon.start_time_s = 0.0;
      weapon.route = {{at_m.x(), at_m.y()}};
      if (!weapon.target_radar) weapon.route.push_back({target_m.x(), target_m.y()});
      due.emplace_back(carrier_id, std::move(weapon));
      load = loads.erase(load);
    }
  }
  std::vector<Release> releases;
  for (const auto& [carrier_id, weapon] : due)
    releases.push_back({carrier_id, weapon.name, add_raid(weapon, t_s)});
  return releases;
}

void World::place(Entity& e, const MoverState& m) const {
  e.geodetic = frame_.surface_point(m.east_m, m.north_m, m.altitude_m);
  e.p_enu_m = frame_.to_enu(e.geodetic);
  e.v_enu_mps = m.v_enu_mps;
}

Advance World::advance(double t_s) {
  Advance out;
  const double dt_s = std::max(0.0, t_s - t_s_);
  t_s_ = t_s;
  states_.resize(entities_.size());
  std::vector<std::size_t> seeking;  // threats moved now that may reach their asset
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    Entity& e = entities_[i];
    const bool starts = e.state == EntityState::kWaiting && t_s >= e.start_time_s;
    if (starts) e.state = EntityState::kFlying;
    if (!e.flying()) continue;
    if (e.target_asset && !e.reached_target) seeking.push_back(i);
    const double flight_time_s = t_s - e.start_time_s;
    const auto homing = homing_.find(e.id);
    if (homing != homing_.end()) guide(homing->second, t_s);
    // A mover's steps add up to its flight time: the first one counts from its start.
    const MoverState m = movers_[i]->advance(flight_time_s, starts ? flight_time_s : dt_s);
    states_[i] = m;
    place(e, m);
    if (homing != homing_.end()) {
      if (m.finished) {
        RadarSite& site = radars_[homing->second.radar];
        const double miss_m = std::hypot(m.east_m - site.antenna_map_m.x(), m.north_m - site.antenna_map_m.y());
        const bool destroyed = !site.destroyed && miss_m <= homing->second.lethal_radius_m;
        if (destroyed) site = {site.antenna_map_m, false, true};
        out.strikes.push_back({e.id, homing->second.radar, miss_m, destroyed});
        e.state = EntityState::kImpacted;
      }
      continue;
    }
    if (m.finished) e.state = EntityState::kDeparted;
  }
  // The moving assets stand where their columns now are; threats reach them there.
  for (auto& asset : assets_) {
    if (!asset.follows) continue;
    const MoverState column = column_state(*asset.follows);
    asset.position = {column.east_m, column.north_m};
  }
  for (const std::size_t i : seeking) {
    Entity& e = entities_[i];
    const MoverState& m = states_[i];
    if (!m.finished && e.arrives_on_impact) continue;
    const auto& asset = assets_[*e.target_asset];
    if (std::hypot(m.east_m - asset.position.east_m, m.north_m - asset.position.north_m) > asset.radius_m) continue;
    e.reached_target = true;
    const double lost = asset_value_left_[*e.target_asset] * e.damage_fraction;
    asset_value_left_[*e.target_asset] -= lost;
    out.arrivals.push_back({e.id, *e.target_asset, lost});
    if (e.expendable) e.state = EntityState::kImpacted;
  }
  out.releases = release_weapons(t_s);
  return out;
}

MoverState World::column_state(std::size_t friendly) const {
  const std::uint32_t id = friendly_ids_.at(friendly);
  const Entity& e = entities_[id - 1];
  if (e.state == EntityState::kWaiting || states_.size() < id) {
    const scenario::Point2& start = friendly_starts_[friendly];
    return {.east_m = start.east_m, .north_m = start.north_m};
  }
  MoverState m = states_[id - 1];
  if (!e.flying()) m.v_enu_mps.setZero();  // at the end of its road, or destroyed: standing
  return m;
}

std::uint32_t World::launch(const std::string& name, const scenario::FighterSquadron& squadron,
                            const scenario::Point2& at, double altitude_m, double t_s) {
  add({.name = name,
       .side = Side::kFriendly,
       .kind = scenario::to_string(scenario::FriendlyKind::kFighter),
       .start_time_s = t_s,
       .rcs_m2 = squadron.rcs_m2,
       .iff_on = true,
       .on_datalink = true},
      make_mover(squadron, at, altitude_m));
  Entity& e = entities_.back();
  e.state = EntityState::kFlying;
  place(e, movers_.back()->advance(0.0, 0.0));
  return e.id;
}

std::uint32_t World::add_external(Entity e, const ExternalFix& fix) {
  e.start_time_s = fix.t_s;
  e.external = true;
  e.state = EntityState::kWaiting;
  add(std::move(e), std::make_unique<ExternalMover>(frame_, fix));
  return entities_.back().id;
}

ExternalMover& World::external(std::uint32_t entity_id) {
  auto* mover = dynamic_cast<ExternalMover*>(movers_.at(entity_id - 1).get());
  RAMPART_DEMAND(mover != nullptr, fmt::format("entity {} is not external", entity_id));
  return *mover;
}

void World::report_external(std::uint32_t entity_id, const ExternalFix& fix) {
  ExternalMover& mover = external(entity_id);
  const Entity& e = entities_[entity_id - 1];
  if (e.flying() || e.state == EntityState::kWaiting) mover.report(fix);
}

void World::end_external(std::uint32_t entity_id, EntityState end) {
  RAMPART_DEMAND(end == EntityState::kKilled || end == EntityState::kDeparted, "an external entity is killed or departs");
  external(entity_id);
  Entity& e = entities_[entity_id - 1];
  if (e.flying() || e.state == EntityState::kWaiting) e.state = end;
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
