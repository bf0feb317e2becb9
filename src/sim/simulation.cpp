#include "sim/simulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace rampart::sim {

namespace {
std::unique_ptr<tracking::Tracker> make_tracker(const scenario::TrackerSettings& t) {
  tracking::TrackerConfig c;
  c.process_noise_mps2 = t.process_noise_mps2;
  c.confirm_hits_m = t.confirm_hits_m;
  c.confirm_window_n = t.confirm_window_n;
  c.delete_after_misses = t.delete_after_misses;
  c.detection_probability = t.detection_probability;
  c.clutter_density = t.clutter_density;
  std::optional<tracking::ImmTuning> imm;
  if (t.filter == scenario::TrackFilter::kImm) {
    imm = tracking::imm_tuning_with_process_noise(t.process_noise_mps2);
  }
  switch (t.association) {
    case scenario::Association::kJpda: return tracking::make_jpda_tracker(c, 1000, imm);
    case scenario::Association::kMht: return tracking::make_mht_tracker(c, tracking::MhtParameters{});
    case scenario::Association::kGnn: break;
  }
  return tracking::make_gnn_tracker(c, imm);
}
}  // namespace

Simulation::Simulation(const scenario::Scenario& s, const RunOptions& options)
    : scenario_(s),
      seed_(options.seed.value_or(s.random_seed)),
      world_(s),
      tracker_(make_tracker(s.tracker)),
      engagements_(seed_),
      recorder_(options.out_dir),
      scorer_(world_),
      explain_(options.explain) {
  for (std::size_t i = 0; i < s.radars.size(); ++i) {
    radars_.push_back(std::make_unique<sensors::SurveillanceRadar>(static_cast<int>(i + 1), s.radars[i],
                                                                   world_.frame(), seed_));
  }
  for (const auto& r : radars_) interrogators_.emplace_back(*r, seed_);
  for (std::size_t i = 0; i < s.esm_sensors.size(); ++i)
    esm_receivers_.emplace_back(static_cast<int>(i + 1), s.esm_sensors[i], world_.frame(), seed_);
  battle_manager_ = std::make_unique<c2::BattleManager>(
      s, [this](const Eigen::Vector3d& p_enu_m, std::uint64_t key) {
        c2::IffReply reply;
        for (const auto& iff : interrogators_) {
          if (!iff.covers(p_enu_m)) continue;
          reply.covered = true;
          if (iff.challenge(p_enu_m, key, world_.entities())) {
            reply.replied = true;
            break;
          }
        }
        return reply;
      });
  for (std::size_t i = 0; i < s.fire_units.size(); ++i) {
    const auto& f = s.fire_units[i];
    fire_units_.emplace_back(
        i, f, s.weapon_types[f.weapon_type],
        world_.frame().surface_point_enu(f.position.east_m, f.position.north_m, f.site_alt_m));
  }
}

Simulation::~Simulation() = default;

Summary Simulation::run() {
  const auto wall_start = std::chrono::steady_clock::now();
  const double dt_s = scenario_.time_step_s;
  const auto steps = static_cast<long>(std::llround(scenario_.duration_s / dt_s));
  std::array<long, kSchedule.size()> every{};
  for (std::size_t i = 0; i < kSchedule.size(); ++i) {
    const double period_s = kSchedule[i].period_s == kC2Period ? scenario_.c2.period_s : kSchedule[i].period_s;
    every[i] = std::max(1L, static_cast<long>(std::llround(period_s / dt_s)));
  }
  for (long k = 0; k <= steps; ++k) {
    const double t_s = static_cast<double>(k) * dt_s;
    for (std::size_t i = 0; i < kSchedule.size(); ++i) {
      if (k % every[i] == 0) run_stage(kSchedule[i].stage, t_s);
    }
    t_prev_s_ = t_s;
  }
  Summary base;
  base.scenario = scenario_.name;
  base.seed = seed_;
  base.doctrine = battle_manager_->doctrine().name();
  base.weapons_control = scenario::to_string(scenario_.c2.weapons_control);
  base.sim_time_s = static_cast<double>(steps) * dt_s;
  base.wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  recorder_.commit();
  return scorer_.finish(base);
}

void Simulation::run_stage(Stage stage, double t_s) {
  switch (stage) {
    case Stage::kMotion: motion(t_s); break;
    case Stage::kSensors: sense(t_s); break;
    case Stage::kTracking: track(); break;
    case Stage::kC2: command(t_s); break;
    case Stage::kEngagement: engage(t_s); break;
    case Stage::kRecord: record(t_s); break;
  }
}

void Simulation::motion(double t_s) { scorer_.on_arrivals(world_.advance(t_s), world_); }

void Simulation::sense(double t_s) {
  if (t_s <= t_prev_s_) return;  // the first step has swept nothing yet
  for (auto& radar : radars_) {
    sensors::Look look = radar->look(t_prev_s_, t_s, world_.entities(), next_plot_id_);
    scorer_.on_plots(look.origins);
    recorder_.plots(look);
    looks_.push_back(std::move(look));
  }
  for (auto& esm : esm_receivers_) {
    // A receiver reports once per period: when t_s crosses a multiple of it.
    if (std::floor(t_s / esm.period_s()) == std::floor(t_prev_s_ / esm.period_s())) continue;
    for (const auto& r : esm.listen(t_s, world_.entities()))
      esm_bearings_.push_back({r.sensor_enu_m, r.bearing_rad, r.bearing_sigma_rad, r.emitter});
  }
}

void Simulation::track() {
  for (const auto& look : looks_) scorer_.on_tracker(tracker_->process(look.batch));
  looks_.clear();
  scorer_.end_step();
}

void Simulation::command(double t_s) {
  std::vector<c2::WeaponStatus> weapons;
  for (const auto& unit : fire_units_) weapons.push_back(unit.status());
  const std::vector<c2::EsmBearing> bearings = std::move(esm_bearings_);
  esm_bearings_.clear();
  std::map<std::uint32_t, Eigen::Vector3d> own_fighters;  // own-force position reports
  for (const auto& e : world_.entities())
    if (e.steered && e.flying()) own_fighters[e.id] = e.p_enu_m;
  const std::vector<tracking::TrackState> tracks = tracker_->tracks();
  // Command guidance: the interceptors in flight get the new track positions on the C2 uplink.
  engagements_.guide(tracks);
  const c2::C2Decision decision = battle_manager_->step(t_s, tracks, weapons, bearings, own_fighters);
  for (const auto& command : decision.fighter_commands) execute(t_s, command);
  for (const auto& b : decision.newly_blocked) {
    scorer_.on_blocked();
    recorder_.blocked(t_s, b, fire_units_[b.fire_unit].name());
    if (explain_)
      explanations_.push_back(fmt::format("t={:.0f} s: {} withheld fire at track {}: friendly track {} is {:.0f} m "
                                          "from the intercept point", t_s, fire_units_[b.fire_unit].name(),
                                          b.track_id, b.friendly_track_id, b.friend_distance_m));
  }
  for (const auto& change : decision.identity_changes) {
    scorer_.on_identity(change.to == c2::Identity::kFriend, change.to == c2::Identity::kHostile);
    recorder_.identity(change);
  }
  for (const auto& order : decision.orders) {
    auto& unit = fire_units_[order.fire_unit];
    if (explain_) {
      const auto threat = std::find_if(decision.threats.begin(), decision.threats.end(),
                                       [&](const c2::ThreatAssessment& a) { return a.track_id == order.track_id; });
      explanations_.push_back(fmt::format("t={:.0f} s: {} fires {} at track {} (intercept in {:.0f} s); {}", t_s,
                                          unit.name(), order.rounds, order.track_id, order.time_of_flight_s,
                                          threat->explain(battle_manager_->assets())));
    }
    const auto launched = engagements_.fire(t_s, order, unit);
    scorer_.on_launches(launched.size());
    for (const auto& m : launched) recorder_.launch(m);
  }
}

void Simulation::execute(double t_s, const c2::FighterCommand& command) {
  auto& fighters = battle_manager_->fighters();
  const auto& squadron = fighters.squadron(command.squadron);
  switch (command.kind) {
    case c2::FighterCommand::Kind::kLaunch: {
      const std::string name = fmt::format("{}-{}", squadron.name, ++sorties_);
      const std::uint32_t id = world_.launch(name, "fighter", command.goal, squadron.altitude_m, squadron.speed_mps,
                                             squadron.rcs_m2, t_s);
      fighters.on_launched(t_s, command, id);
      scorer_.on_sortie();
      recorder_.fighter(t_s, name, "take_off", command.track_id, command.reason);
      break;
    }
    case c2::FighterCommand::Kind::kSteer: world_.steer(command.entity_id, command.goal); break;
    case c2::FighterCommand::Kind::kFire: {
      const auto& fighter = world_.entity(command.entity_id);
      const auto m = engagements_.fire_air_to_air(t_s, fighter.name, command.entity_id, command.track_id,
                                                  command.time_of_flight_s, command.aim_enu_m,
                                                  squadron.kill_probability, c2::kAirToAirBasket_m);
      scorer_.on_air_to_air_launch();
      recorder_.launch(m);
      if (explain_)
        explanations_.push_back(fmt::format("t={:.0f} s: fighter {} {}", t_s, fighter.name, command.reason));
      break;
    }
    case c2::FighterCommand::Kind::kLand:
      recorder_.fighter(t_s, world_.entity(command.entity_id).name, "landed", 0, command.reason);
      world_.land(command.entity_id);
      break;
  }
}

void Simulation::engage(double t_s) {
  for (auto& unit : fire_units_) unit.update(t_s);
  for (const auto& r : engagements_.resolve(t_s, world_, fire_units_)) {
    battle_manager_->report_outcome(r.interceptor.track_id, r.interceptor.kill_probability,
                                    r.outcome == engagement::Outcome::kKill, r.interceptor.fighter_entity);
    scorer_.on_resolution(r, world_);
    recorder_.resolution(t_s, r, r.truth_id ? world_.entity(r.truth_id).name : "");
  }
}

void Simulation::record(double t_s) {
  if (!recorder_.enabled()) return;
  recorder_.truth(t_s, world_);
  const auto tracks = tracker_->tracks();
  std::vector<std::string> identities;
  for (const auto& t : tracks) identities.emplace_back(c2::to_string(battle_manager_->identity(t.id)));
  recorder_.tracks(t_s, tracks, identities);
}

}  // namespace rampart::sim
