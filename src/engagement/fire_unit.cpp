#include "engagement/fire_unit.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/error.h"
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

FireUnit::FireUnit(std::size_t index, const scenario::FireUnit& spec, const scenario::WeaponType& type,
                   const Eigen::Vector3d& p_enu_m)
    : index_(index),
      spec_(spec),
      type_(type),
      p_enu_m_(p_enu_m),
      launchers_(static_cast<std::size_t>(spec.launchers), Launcher{spec.rounds_per_launcher, -1.0}),
      reserve_(spec.reload_rounds) {}

int FireUnit::update(double t_s) {
  int loaded = 0;
  bool reloading = false;
  for (auto& l : launchers_) {
    if (l.reload_done_s >= 0.0 && t_s >= l.reload_done_s) {
      const int taken = std::min(spec_.rounds_per_launcher - l.ready, reserve_);
      l.ready += taken;
      reserve_ -= taken;
      loaded += taken;
      l.reload_done_s = -1.0;
    }
    reloading = reloading || l.reload_done_s >= 0.0;
  }
  // The crew reloads one launcher at a time.
  if (reloading || reserve_ <= 0) return loaded;
  for (auto& l : launchers_) {
    if (l.ready == 0) {
      l.reload_done_s = t_s + type_.reload_time_s;
      return loaded;
    }
  }
  return loaded;
}

messages::WeaponStatus FireUnit::status() const {
  int ready = 0;
  for (const auto& l : launchers_) ready += l.ready;
  return {index_, p_enu_m_, type_, type_.fire_control_channels - channels_busy_, ready};
}

void FireUnit::launch(int rounds) {
  RAMPART_DEMAND(channels_busy_ + rounds <= type_.fire_control_channels, "launch without free channels");
  channels_busy_ += rounds;
  for (auto& l : launchers_) {
    while (rounds > 0 && l.ready > 0) {
      --l.ready;
      --rounds;
    }
  }
  RAMPART_DEMAND(rounds == 0, "launch of more rounds than are ready");
}

void FireUnit::release_channel() {
  RAMPART_DEMAND(channels_busy_ > 0, "release of a channel that is not busy");
  --channels_busy_;
}

int FireUnit::rounds_left() const { return status().ready_rounds + reserve_; }

messages::LaunchReport launch_report(const Interceptor& m) {
  return {m.id, m.track_id, m.launch_time_s, m.intercept_time_s, m.kill_probability, m.fighter_entity};
}

std::vector<Interceptor> Engagements::fire(double t_s, const messages::FireOrder& order, FireUnit& unit) {
  unit.launch(order.rounds);
  const scenario::WeaponType& type = unit.type();
  const double launch_s = t_s + type.reaction_time_s;
  std::vector<Interceptor> launched;
  for (int i = 0; i < order.rounds; ++i) {
    Interceptor m{next_id_++,         unit.name(),           order.fire_unit,     0,
                  type.kill_probability, type.seeker_basket_m, order.track_id,      launch_s,
                  launch_s + order.time_of_flight_s, order.aim_enu_m, type.min_altitude_m, type.max_altitude_m};
    flying_.push_back(m);
    launched.push_back(m);
  }
  return launched;
}

Interceptor Engagements::fire_air_to_air(double t_s, const std::string& fighter, std::uint32_t fighter_entity,
                                         std::uint32_t track_id, double time_of_flight_s,
                                         const Eigen::Vector3d& aim_enu_m, double kill_probability,
                                         double seeker_basket_m) {
  Interceptor m{next_id_++, fighter, std::nullopt, fighter_entity, kill_probability, seeker_basket_m, track_id, t_s,
                t_s + time_of_flight_s, aim_enu_m};
  flying_.push_back(m);
  return m;
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

std::vector<Resolution> Engagements::resolve(double t_s, world::World& world, std::vector<FireUnit>& units) {
  std::vector<Resolution> out;
  std::vector<Interceptor> still_flying;
  for (const auto& m : flying_) {
    if (m.intercept_time_s > t_s) {
      still_flying.push_back(m);
      continue;
    }
    out.push_back(endgame(m, world));
    if (m.fire_unit) units[*m.fire_unit].release_channel();
  }
  flying_ = std::move(still_flying);
  return out;
}

std::vector<Resolution> Engagements::abort(double t_s, std::uint32_t track_id, std::vector<FireUnit>& units) {
  std::vector<Resolution> out;
  std::erase_if(flying_, [&](const Interceptor& m) {
    if (m.track_id != track_id || m.launch_time_s > t_s) return false;
    Resolution r{m, Outcome::kAborted, 0, false, m.aim_enu_m};
    r.reason = "destroyed in flight: C2 identified its track friendly";
    if (m.fire_unit) units[*m.fire_unit].release_channel();
    out.push_back(std::move(r));
    return true;
  });
  return out;
}

}  // namespace rampart::engagement
