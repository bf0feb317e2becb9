#include "engagement/engagements.h"

#include <fmt/format.h>

#include "core/random.h"

namespace rampart::engagement {

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kKill: return "kill";
    case Outcome::kMiss: return "miss";
    case Outcome::kNoTarget: return "no_target";
    case Outcome::kAborted: return "aborted";
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
    flying_.push_back(m);
  }
  return launched;
}

void Engagements::guide(const std::vector<messages::TrackState>& tracks) {
  for (auto& m : flying_) {
    for (const auto& t : tracks) {
      if (t.id != m.track_id) continue;
      const double dt_s = m.intercept_time_s - t.t_s;
      m.aim_enu_m = t.position_enu_m() + t.velocity_enu_mps() * dt_s;
      break;
    }
  }
}

Resolution Engagements::endgame(const Interceptor& m, world::World& world) const {
  Resolution r{m, Outcome::kNoTarget, 0, false, m.aim_enu_m};
  const world::Entity* nearest = nullptr;
  const world::Entity* nearest_down = nullptr;  // destroyed before this interceptor arrived
  double down_m = std::numeric_limits<double>::infinity();
  for (const auto& e : world.entities()) {
    if (e.id == m.fighter_entity) continue;  // a missile's seeker does not home on its own launcher
    const double miss_m = (e.p_enu_m - m.aim_enu_m).norm();
    if (e.flying() && miss_m < r.miss_distance_m) {
      r.miss_distance_m = miss_m;
      nearest = &e;
    } else if (e.state == world::EntityState::kKilled && miss_m < down_m) {
      down_m = miss_m;
      nearest_down = &e;
    }
  }
  if (!nearest || r.miss_distance_m > m.seeker_basket_m) {
    if (nearest_down && down_m <= m.seeker_basket_m) {
      r.reason = fmt::format("target already destroyed ({} at {:.0f} m)", nearest_down->name, down_m);
    } else {
      r.reason = nearest ? fmt::format("nothing in basket (nearest {:.0f} m, basket {:.0f} m)", r.miss_distance_m,
                                       m.seeker_basket_m)
                         : std::string("nothing in basket (nothing flying)");
    }
    return r;
  }
  const double alt_m = nearest->geodetic.alt_m;
  if (terrain_ && m.fire_control_site_m) {
    const Eigen::Vector3d& site = *m.fire_control_site_m;
    if (!terrain_->line_of_sight(site.x(), site.y(), site.z(), nearest->p_enu_m.x(), nearest->p_enu_m.y(), alt_m)) {
      r.reason = fmt::format("terrain masks {} from the fire-control radar", nearest->name);
      return r;
    }
  }
  if (alt_m < m.min_altitude_m) {
    r.reason = fmt::format("below floor ({} at {:.0f} m, floor {:.0f} m)", nearest->name, alt_m, m.min_altitude_m);
    return r;
  }
  if (alt_m > m.max_altitude_m) {
    r.reason = fmt::format("above ceiling ({} at {:.0f} m, ceiling {:.0f} m)", nearest->name, alt_m, m.max_altitude_m);
    return r;
  }
  r.truth_id = nearest->id;
  RandomStream draw(seed_, m.id, Purpose::kKill);
  const bool kill = draw.bernoulli(m.kill_probability);
  r.outcome = kill ? Outcome::kKill : Outcome::kMiss;
  if (kill) {
    r.fratricide = nearest->side == world::Side::kFriendly;
    world.kill(r.truth_id);
  }
  return r;
}

std::vector<Resolution> Engagements::resolve(double t_s, world::World& world, Arsenal& arsenal) {
  std::vector<Resolution> out;
  std::vector<Interceptor> still_flying;
  for (const auto& m : flying_) {
    if (m.intercept_time_s > t_s) {
      still_flying.push_back(m);
      continue;
    }
    out.push_back(endgame(m, world));
    arsenal.at(m.effector)->release_channel();
  }
  flying_ = std::move(still_flying);
  return out;
}

std::vector<Resolution> Engagements::abort(double t_s, std::uint32_t track_id, Arsenal& arsenal) {
  std::vector<Resolution> out;
  std::erase_if(flying_, [&](const Interceptor& m) {
    if (m.track_id != track_id) return false;
    Resolution r{m, Outcome::kAborted, 0, false, m.aim_enu_m};
    r.reason = m.launch_time_s > t_s ? "launch cancelled: C2 identified its track friendly"
                                     : "destroyed in flight: C2 identified its track friendly";
    arsenal.at(m.effector)->release_channel();
    out.push_back(std::move(r));
    return true;
  });
  return out;
}

}  // namespace rampart::engagement
