#include "world/world.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"

#include <fmt/format.h>

#include "core/error.h"

namespace rampart::world {

World::World(const scenario::Scenario& s) : frame_(s.origin), assets_(s.assets) {
  for (const auto& a : assets_) asset_value_left_.push_back(a.value);
  for (const auto& raid : s.raids) add_raid(raid, 0.0);
  for (const auto& f : s.friendlies) {
    Entity e{.id = static_cast<std::uint32_t>(entities_.size() + 1),
             .name = f.name,
             .side = Side::kFriendly,
             .kind = scenario::to_string(f.kind),
             .start_time_s = f.start_time_s,
             .altitude_m = f.altitude_m,
             .speed_mps = f.speed_mps,
             .rcs_m2 = f.rcs_m2,
             .iff_on = f.iff_on,
             .on_datalink = f.kind == scenario::FriendlyKind::kFighter ||
                            f.kind == scenario::FriendlyKind::kAirborneEarlyWarning,
             .emitter = f.emitter,
             .route = Route(f.route, f.speed_mps, f.repeat_route)};
    entities_.push_back(std::move(e));
  }
}

std::vector<std::uint32_t> World::add_raid(const scenario::Raid& raid, double t0_s) {
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < raid.count; ++i) {
    Entity e{.id = static_cast<std::uint32_t>(entities_.size() + 1),
             .name = fmt::format("{}-{}", raid.name, i + 1),
             .side = Side::kHostile,
             .kind = scenario::to_string(raid.kind),
             .start_time_s = t0_s + raid.start_time_s + i * raid.spacing_s,
             .altitude_m = raid.altitude_m,
             .speed_mps = raid.speed_mps,
             .rcs_m2 = raid.rcs_m2,
             .iff_on = false,
             .emitter = raid.emitter,
             .expendable = raid.kind == scenario::ThreatKind::kCruiseMissile ||
                           raid.kind == scenario::ThreatKind::kDrone,
             .target_asset = raid.target_asset,
             .damage_fraction = raid.damage_fraction,
             .route = Route(raid.route, raid.speed_mps, false)};
    ids.push_back(e.id);
    entities_.push_back(std::move(e));
  }
  return ids;
}

namespace {
/// Moves a steered entity straight towards its goal for dt_s; stops on it.
RoutePoint steer_step(Entity& e, double dt_s) {
  const Eigen::Vector2d p(e.steered_position.east_m, e.steered_position.north_m);
  const Eigen::Vector2d to_goal = Eigen::Vector2d(e.steer_goal.east_m, e.steer_goal.north_m) - p;
  const double step_m = e.speed_mps * dt_s;
  RoutePoint rp;
  Eigen::Vector2d next = p;
  if (to_goal.norm() > 1e-9) {
    next = p + to_goal.normalized() * std::min(step_m, to_goal.norm());
    rp.heading_rad = azimuth_rad(to_goal.x(), to_goal.y());
  }
  e.steered_position = {next.x(), next.y()};
  rp.east_m = next.x();
  rp.north_m = next.y();
  return rp;
}
}  // namespace

std::vector<Arrival> World::advance(double t_s) {
  std::vector<Arrival> arrivals;
  const double dt_s = std::max(0.0, t_s - t_s_);
  t_s_ = t_s;
  for (auto& e : entities_) {
    if (e.state == EntityState::kWaiting && t_s >= e.start_time_s) e.state = EntityState::kFlying;
    if (!e.flying()) continue;
    const RoutePoint rp = e.steered ? steer_step(e, dt_s) : e.route.at(t_s - e.start_time_s);
    e.geodetic = frame_.surface_point(rp.east_m, rp.north_m, e.altitude_m);
    e.p_enu_m = frame_.to_enu(e.geodetic);
    // A steered aircraft standing on its goal (at take-off, or there before C2 steers it on) does
    // not move: it reports no velocity on the data link, which C2 dead-reckons by.
    const bool standing = e.steered && (Eigen::Vector2d(e.steer_goal.east_m, e.steer_goal.north_m) -
                                        Eigen::Vector2d(e.steered_position.east_m, e.steered_position.north_m))
                                               .norm() <= 1e-9;
    e.v_enu_mps = Eigen::Vector3d(std::sin(rp.heading_rad), std::cos(rp.heading_rad), 0.0) * e.speed_mps;
    if (standing) e.v_enu_mps.setZero();
    if (e.target_asset && !e.reached_target) {
      const auto& asset = assets_[*e.target_asset];
      if (std::hypot(rp.east_m - asset.position.east_m, rp.north_m - asset.position.north_m) <= asset.radius_m) {
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
    if (rp.finished) e.state = EntityState::kDeparted;
  }
  return arrivals;
}

std::uint32_t World::launch(const std::string& name, const std::string& kind, const scenario::Point2& at,
                            double altitude_m, double speed_mps, double rcs_m2, double t_s) {
  Entity e{.id = static_cast<std::uint32_t>(entities_.size() + 1),
           .name = name,
           .side = Side::kFriendly,
           .kind = kind,
           .start_time_s = t_s,
           .altitude_m = altitude_m,
           .speed_mps = speed_mps,
           .rcs_m2 = rcs_m2,
           .iff_on = true,
           .on_datalink = true,
           .route = Route({at, at}, speed_mps, false),
           .steered = true,
           .steer_goal = at,
           .steered_position = at};
  e.state = EntityState::kFlying;
  e.geodetic = frame_.surface_point(at.east_m, at.north_m, altitude_m);
  e.p_enu_m = frame_.to_enu(e.geodetic);
  entities_.push_back(std::move(e));
  return entities_.back().id;
}

void World::steer(std::uint32_t entity_id, const scenario::Point2& goal) {
  Entity& e = entities_.at(entity_id - 1);
  RAMPART_DEMAND(e.steered, "only a steered entity can be steered");
  e.steer_goal = goal;
}

void World::land(std::uint32_t entity_id) {
  Entity& e = entities_.at(entity_id - 1);
  RAMPART_DEMAND(e.steered && e.flying(), "only a flying steered entity can land");
  e.state = EntityState::kDeparted;
}

void World::kill(std::uint32_t entity_id) {
  Entity& e = entities_.at(entity_id - 1);
  RAMPART_DEMAND(e.flying(), "only a flying entity can be killed");
  e.state = EntityState::kKilled;
}

}  // namespace rampart::world
