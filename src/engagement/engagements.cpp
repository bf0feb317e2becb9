#include "engagement/engagements.h"

#include <cmath>
#include <fmt/format.h>

#include "core/random.h"
#include "engagement/gun.h"
#include "engagement/kill_probability.h"
#include "messages/gun_ballistics.h"

namespace rampart::engagement {
namespace {

/// An entity's position at t_s, extrapolated from the world's time world_t_s at its velocity.
Eigen::Vector3d position_at(const world::Entity& e, double t_s, double world_t_s) {
  return e.p_enu_m + e.v_enu_mps * (t_s - world_t_s);
}

/// Why a round whose target fell before it arrived found nothing: `e` fell distance_m away.
std::string already_destroyed(const world::Entity& e, double distance_m) {
  return fmt::format("target already destroyed ({} at {:.0f} m)", e.name, distance_m);
}

}  // namespace

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kKill: return "kill";
    case Outcome::kMiss: return "miss";
    case Outcome::kNoTarget: return "no_target";
    case Outcome::kAborted: return "aborted";
    case Outcome::kGuidanceLost: return "guidance_lost";
  }
  return "?";
}

messages::LaunchReport launch_report(const Interceptor& m) {
  return {m.id, m.track_id, m.launch_time_s, m.intercept_time_s, m.kill_probability, m.fighter_entity};
}

std::vector<Interceptor> Engagements::fire(double t_s, const messages::FireOrder& order, Arsenal& arsenal) {
  std::vector<Interceptor> launched = arsenal.at(order.fire_unit)->launch(t_s, order);
  for (auto& m : launched) {
    m.id = next_id_++;
    m.autonomous = order.autonomous;
    flying_.push_back(m);
  }
  return launched;
}

void Engagements::guide(const std::vector<messages::TrackState>& tracks) {
  for (auto& m : flying_) {
    for (const auto& t : tracks) {
      if (t.id != m.track_id) continue;
      m.estimate_enu_m = t.position_enu_m();
      m.estimate_v_enu_mps = t.velocity_enu_mps();
      m.estimate_t_s = t.t_s;
      break;
    }
  }
}

void Engagements::retarget(std::uint64_t interceptor_id, std::uint32_t track_id) {
  for (auto& m : flying_)
    if (m.id == interceptor_id) m.track_id = track_id;
}

const world::Entity* Engagements::acquire(const Interceptor& m, const Eigen::Vector3d& estimate_enu_m, double t_s,
                                          const world::World& world, double world_t_s) const {
  const world::Entity* nearest = nullptr;
  double nearest_m = m.seeker_basket_m;
  for (const auto& e : world.entities()) {
    if (!e.flying() || e.id == m.fighter_entity) continue;  // never its own launcher
    const double d_m = (position_at(e, t_s, world_t_s) - estimate_enu_m).norm();
    if (d_m <= nearest_m) {
      nearest_m = d_m;
      nearest = &e;
    }
  }
  return nearest;
}

Resolution Engagements::detonate(const Interceptor& m, const world::Entity& target, Resolution r,
                                 world::World& world) const {
  r.truth_id = target.id;
  const double alt_m = target.geodetic.alt_m;
  if (terrain_ && m.fire_control_site_m) {
    const Eigen::Vector3d& site = *m.fire_control_site_m;
    if (!terrain_->line_of_sight(site.x(), site.y(), site.z(), target.p_enu_m.x(), target.p_enu_m.y(), alt_m)) {
      r.outcome = Outcome::kNoTarget;
      r.truth_id = 0;
      r.reason = fmt::format("terrain masks {} from the fire-control radar", target.name);
      return r;
    }
  }
  if (alt_m < m.min_altitude_m || alt_m > m.max_altitude_m) {
    r.outcome = Outcome::kNoTarget;
    r.truth_id = 0;
    r.reason = alt_m < m.min_altitude_m
                   ? fmt::format("below floor ({} at {:.0f} m, floor {:.0f} m)", target.name, alt_m, m.min_altitude_m)
                   : fmt::format("above ceiling ({} at {:.0f} m, ceiling {:.0f} m)", target.name, alt_m,
                                 m.max_altitude_m);
    return r;
  }
  const double range_m = (r.intercept_enu_m - m.p_launch_enu_m).norm();  // a burst's, at its arrival
  r.kill_probability =
      m.burst ? burst_kill_probability(m.burst->gun, m.burst->rounds, range_m, target.kind)
              : kill_probability(m.kill_probability, r.miss_distance_m, m.dynamics.lethal_radius_m, target.kind);
  RandomStream draw(seed_, m.id, Purpose::kKill);
  const bool kill = draw.bernoulli(r.kill_probability);
  r.outcome = kill ? Outcome::kKill : Outcome::kMiss;
  if (!kill) {
    r.reason = m.burst ? fmt::format("survived the burst ({} rounds at {:.0f} m, sigma {:.1f} m, Pk {:.2f})",
                                     m.burst->rounds, range_m, r.miss_distance_m, r.kill_probability)
                       : fmt::format("survived the warhead ({:.1f} m miss, Pk {:.2f})", r.miss_distance_m,
                                     r.kill_probability);
    return r;
  }
  r.fratricide = target.side == world::Side::kFriendly;
  world.kill(target.id);
  return r;
}

Resolution Engagements::end_unlocked(const Interceptor& m, FlyoutEnd end, Resolution r, const world::World& world,
                                     double world_t_s) const {
  const world::Entity* nearest = nullptr;
  const world::Entity* nearest_down = nullptr;  // destroyed before this interceptor arrived
  double down_m = std::numeric_limits<double>::infinity();
  for (const auto& e : world.entities()) {
    if (e.id == m.fighter_entity) continue;
    if (e.flying()) {
      const double d_m = (position_at(e, r.end_time_s, world_t_s) - r.intercept_enu_m).norm();
      if (d_m < r.miss_distance_m) {
        r.miss_distance_m = d_m;
        nearest = &e;
      }
    } else if (e.state == world::EntityState::kKilled && (e.p_enu_m - r.intercept_enu_m).norm() < down_m) {
      down_m = (e.p_enu_m - r.intercept_enu_m).norm();  // where it fell
      nearest_down = &e;
    }
  }
  if (end != FlyoutEnd::kClosestApproach) {
    r.outcome = Outcome::kMiss;
    r.reason = fmt::format("{} before its seeker found a target ({:.0f} m/s)", to_string(end),
                           m.flight.v_enu_mps.norm());
  } else if (nearest_down && down_m <= m.seeker_basket_m) {
    r.reason = already_destroyed(*nearest_down, down_m);
  } else {
    r.reason = nearest ? fmt::format("nothing in basket (nearest {:.0f} m, basket {:.0f} m)", r.miss_distance_m,
                                     m.seeker_basket_m)
                       : std::string("nothing in basket (nothing flying)");
  }
  return r;
}

std::optional<Resolution> Engagements::fire_burst(Interceptor& m, double t_s, world::World& world) const {
  GunBurst& b = *m.burst;
  if (!b.predicted) {
    // The first round: the fire control takes the entity nearest the track estimate then.
    b.predicted = true;
    m.launched = true;
    m.flight.p_enu_m = m.p_launch_enu_m;
    const Eigen::Vector3d estimate_enu_m =
        m.estimate_enu_m + m.estimate_v_enu_mps * (m.launch_time_s - m.estimate_t_s);
    const world::Entity* target = acquire(m, estimate_enu_m, m.launch_time_s, world, t_s);
    if (!target) {
      Resolution r{m, Outcome::kNoTarget, 0, false, estimate_enu_m};
      r.end_time_s = m.launch_time_s;
      return end_unlocked(m, FlyoutEnd::kClosestApproach, std::move(r), world, t_s);
    }
    m.locked_entity = target->id;
    const auto arrival = messages::burst_arrival(
        b.gun, position_at(*target, m.launch_time_s, t_s) - m.p_launch_enu_m, target->v_enu_mps);
    if (!arrival) {
      Resolution r{m, Outcome::kMiss, target->id, false, m.p_launch_enu_m};
      r.end_time_s = m.launch_time_s;
      r.reason = fmt::format("the rounds cannot catch {}", target->name);
      return r;
    }
    b.arrival_s = m.launch_time_s + arrival->time_s;
  }
  if (t_s < b.arrival_s) return std::nullopt;
  const world::Entity& target = world.entity(m.locked_entity);
  Resolution r{m, Outcome::kNoTarget, 0, false, position_at(target, b.arrival_s, t_s)};
  r.end_time_s = b.arrival_s;
  const double range_m = (r.intercept_enu_m - m.p_launch_enu_m).norm();
  if (!target.flying()) {
    r.miss_distance_m = 0.0;
    r.reason = already_destroyed(target, 0.0);
    return r;
  }
  if (range_m > b.max_range_m) {
    r.outcome = Outcome::kMiss;
    r.truth_id = target.id;
    r.reason = fmt::format("beyond the gun's effective range ({} at {:.0f} m, range {:.0f} m)", target.name, range_m,
                           b.max_range_m);
    return r;
  }
  r.miss_distance_m = round_miss_sigma_m(b.gun, range_m, b.gun.time_of_flight_s(range_m));
  return detonate(m, target, r, world);
}

std::optional<Resolution> Engagements::fly(Interceptor& m, double t_s, world::World& world) const {
  if (t_s <= m.launch_time_s) return std::nullopt;
  if (m.burst) return fire_burst(m, t_s, world);
  if (!m.launched) {
    m.flight = launch_state(m.p_launch_enu_m, m.v_launcher_enu_mps, m.aim_enu_m, m.surface_to_air());
    m.flight_t_s = m.launch_time_s;
    m.launched = true;
  }
  const int steps = static_cast<int>(std::ceil((t_s - m.flight_t_s) / kFlyoutStep_s - 1e-9));
  if (steps <= 0) return std::nullopt;
  const double dt_s = (t_s - m.flight_t_s) / steps;
  const double world_t_s = t_s;  // the world stands at t_s
  for (int k = 0; k < steps; ++k) {
    const double tau_s = m.flight_t_s;
    const world::Entity* locked = m.locked_entity ? &world.entity(m.locked_entity) : nullptr;
    if (locked && !locked->flying()) {
      Resolution r{m, Outcome::kNoTarget, 0, false, m.flight.p_enu_m};
      r.end_time_s = tau_s;
      r.miss_distance_m = (locked->p_enu_m - m.flight.p_enu_m).norm();  // where it fell
      r.reason = already_destroyed(*locked, r.miss_distance_m);
      return r;
    }
    const Eigen::Vector3d estimate_enu_m = m.estimate_enu_m + m.estimate_v_enu_mps * (tau_s - m.estimate_t_s);
    if (!locked && (estimate_enu_m - m.flight.p_enu_m).norm() <= m.dynamics.seeker_acquisition_range_m) {
      locked = acquire(m, estimate_enu_m, tau_s, world, world_t_s);
      if (locked) m.locked_entity = locked->id;
    }
    const Eigen::Vector3d p_target_enu_m = locked ? position_at(*locked, tau_s, world_t_s) : estimate_enu_m;
    const Eigen::Vector3d v_target_enu_mps = locked ? locked->v_enu_mps : m.estimate_v_enu_mps;
    const FlyoutStep step = flyout_step(m.flight, m.dynamics, origin_alt_m_, p_target_enu_m, v_target_enu_mps, dt_s);
    m.flight_t_s = k + 1 == steps ? t_s : tau_s + dt_s;
    if (step.end == FlyoutEnd::kFlying) continue;
    Resolution r{m, Outcome::kNoTarget, 0, false, step.p_end_enu_m};
    r.end_time_s = tau_s + step.time_into_step_s;
    if (locked) {
      r.miss_distance_m = step.miss_distance_m;
      if (step.end == FlyoutEnd::kClosestApproach) return detonate(m, *locked, r, world);
      r.outcome = Outcome::kMiss;
      r.truth_id = locked->id;
      r.reason = fmt::format("{} ({:.0f} m/s, {:.0f} m from {})", to_string(step.end), m.flight.v_enu_mps.norm(),
                             r.miss_distance_m, locked->name);
      return r;
    }
    return end_unlocked(m, step.end, std::move(r), world, world_t_s);
  }
  return std::nullopt;
}

std::vector<Resolution> Engagements::resolve(double t_s, world::World& world, Arsenal& arsenal) {
  std::vector<Resolution> out;
  std::vector<Interceptor> still_flying;
  for (auto& m : flying_) {
    auto r = fly(m, t_s, world);
    if (!r) {
      still_flying.push_back(std::move(m));
      continue;
    }
    arsenal.at(m.effector)->release_channel();
    out.push_back(std::move(*r));
  }
  flying_ = std::move(still_flying);
  return out;
}

std::vector<Resolution> Engagements::end_early(double t_s, const std::function<bool(const Interceptor&)>& which,
                                               Outcome in_flight, const std::string& in_flight_reason,
                                               const std::string& why, Arsenal& arsenal) {
  std::vector<Resolution> out;
  std::erase_if(flying_, [&](const Interceptor& m) {
    if (!which(m)) return false;
    const bool pending = m.launch_time_s > t_s;
    Resolution r{m, pending ? Outcome::kAborted : in_flight, 0, false, m.launched ? m.flight.p_enu_m : m.p_launch_enu_m};
    r.end_time_s = t_s;
    r.reason = fmt::format("{}: {}", pending ? "launch cancelled" : in_flight_reason, why);
    arsenal.at(m.effector)->release_channel();
    out.push_back(std::move(r));
    return true;
  });
  return out;
}

std::vector<Resolution> Engagements::abort(double t_s, std::uint32_t track_id, Arsenal& arsenal) {
  return end_early(t_s, [&](const Interceptor& m) { return m.track_id == track_id; }, Outcome::kAborted,
                   "destroyed in flight", "C2 identified its track friendly", arsenal);
}

std::vector<Resolution> Engagements::lose_guidance(double t_s, std::size_t effector, const std::string& why,
                                                   Arsenal& arsenal) {
  const auto unguided = [&](const Interceptor& m) {
    return m.effector == effector && m.surface_to_air() && !m.burst && m.locked_entity == 0;
  };
  return end_early(t_s, unguided, Outcome::kGuidanceLost, "guidance lost", why, arsenal);
}

}  // namespace rampart::engagement
