#include "sim/simulation.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.h"
#include "engagement/factory.h"
#include "engagement/fire_unit.h"
#include "sensors/radar.h"
#include "tracking/configure.h"

namespace rampart::sim {

namespace {
const messages::PlotBatch kNoPlots;

tracking::TrackerOptions tracker_options(const scenario::Scenario& s) {
  const scenario::TrackerSettings& t = s.tracker;
  tracking::TrackerOptions o;
  o.association = t.association == scenario::Association::kJpda  ? tracking::AssociationKind::kJpda
                  : t.association == scenario::Association::kMht ? tracking::AssociationKind::kMht
                                                                  : tracking::AssociationKind::kGnn;
  o.filter = t.filter == scenario::TrackFilter::kImm ? tracking::TrackFilter::kImm
                                                      : tracking::TrackFilter::kConstantVelocity;
  o.config.process_noise_mps2 = t.process_noise_mps2;
  o.config.confirm_hits_m = t.confirm_hits_m;
  o.config.confirm_window_n = t.confirm_window_n;
  o.config.delete_after_misses = t.delete_after_misses;
  o.config.detection_probability = t.detection_probability;
  o.config.clutter_density = t.clutter_density;
  o.config.initial_speed_sigma_mps = t.initial_speed_sigma_mps;
  o.config.max_coast_s = scenario::max_coast_s(s);
  return o;
}

// Jammer tracks: the strobes crossed once a scan of the slowest radar (the default window
// without radars); a jammer track coasts at most four such windows, as a radar track coasts
// (delete_after_misses + 1) scans.
tracking::JammerTrackingParameters jammer_tracking(const scenario::Scenario& s) {
  tracking::JammerTrackingParameters p;
  if (const double slowest_scan_s = scenario::slowest_scan_period_s(s); slowest_scan_s > 0.0)
    p.window_s = slowest_scan_s;
  p.tracker.max_coast_s = 4.0 * p.window_s;
  return p;
}

std::vector<sensors::SensorSite> sites_of(const sensors::SensorSuite& suite) {
  std::vector<sensors::SensorSite> sites;
  for (const auto& s : suite.sensors) sites.push_back(s->site());
  return sites;
}
}  // namespace

Simulation::Simulation(const scenario::Scenario& s, const RunOptions& options)
    : scenario_(s),
      seed_(options.seed.value_or(s.random_seed)),
      dt_s_(s.time_step_s),
      steps_(static_cast<long>(std::llround(s.duration_s / s.time_step_s))),
      approval_time_s_(options.approval_time_s),
      world_(s, seed_),
      sensors_(sensors::make_sensors(s, world_.frame(), seed_)),
      tracker_(tracking::make_tracker(tracker_options(s))),
      jammer_tracker_(jammer_tracking(s)),
      arsenal_(engagement::make_fire_units(s, world_.frame())),
      fire_unit_count_(arsenal_.size()),
      engagements_(seed_, s.environment.terrain, s.origin.alt_m),
      sensor_stations_(sensors_.sensors.size()),
      unit_stations_(s.fire_units.size()),
      emission_(s.radars),
      ordered_(s.fire_units.size(), 0),
      alone_(s.fire_units.size()),
      radar_owner_(s.radars.size()),
      scorer_(s) {
  for (std::size_t i = 0; i < s.fire_units.size(); ++i)
    for (const std::size_t radar : scenario::own_radars(s.fire_units[i])) radar_owner_[radar] = i;
  for (std::size_t i = 0; i < kSchedule.size(); ++i) {
    const double period_s = kSchedule[i].period_s == kC2Period ? s.c2.period_s : kSchedule[i].period_s;
    every_[i] = std::max(1L, static_cast<long>(std::llround(period_s / dt_s_)));
  }
  battle_manager_ = std::make_unique<c2::BattleManager>(s, [this](const c2::IffQuery& q) {
    return challenge(q, [this](std::size_t sensor) { return reaches_c2(sensor); });
  });
  for (std::size_t i = 0; i < s.assets.size(); ++i)
    if (s.assets[i].follows) battle_manager_->follow(i, world_.friendly_id(*s.assets[i].follows));
  const auto mobile = [&](std::size_t index, bool fire_unit, const scenario::Mobility& m, const scenario::Point2& at) {
    mobiles_.push_back({index, fire_unit, m.column, world::MobileUnit(m, at, m.start_heading_rad)});
  };
  for (std::size_t i = 0; i < s.fire_units.size(); ++i) {
    const scenario::FireUnit& f = s.fire_units[i];
    if (f.mobility) mobile(i, true, *f.mobility, f.position);
  }
  for (std::size_t i = 0; i < s.radars.size(); ++i) {
    if (!s.radars[i].mobility) continue;
    mobile(i, false, *s.radars[i].mobility, s.radars[i].position);
    emission_.set_mode(0.0, i, scenario::Emission::kOff);  // marching: silent until emplaced
  }
  const std::vector<sensors::SensorSite> sites = sites_of(sensors_);
  for (const auto& site : sites) sensor_names_.push_back(site.name);
  layout_ = layout_of(s, world_.frame(), sites);
  if (options.out_dir) {
    recorder_ = std::make_unique<Recorder>(*options.out_dir, layout_);
    bus_.subscribe(*recorder_);
  }
  bus_.subscribe(scorer_);
  if (options.explain) bus_.subscribe(explainer_);
  std::vector<std::uint32_t> threats;
  for (const auto& e : world_.entities())
    if (e.side == world::Side::kHostile) threats.push_back(e.id);
  bus_.publish(ThreatsAdded{0.0, world_, threats});
}

Simulation::~Simulation() = default;

c2::IffReply Simulation::challenge(const c2::IffQuery& q, const std::function<bool(std::size_t)>& use) const {
  c2::IffReply reply;
  for (const auto& [sensor, iff] : sensors_.interrogators) {
    // The interrogator is silent when its radar is (emission control).
    if (!use(sensor) || !sensor_stations_[sensor].in_action || !emission_.emitting(sensor) || !iff->covers(q.p_enu_m))
      continue;
    reply.covered = true;
    const auto answer = iff->challenge({q.p_enu_m, q.p_cov_m2, q.has_height}, q.key, world_.entities());
    if (!reply.mode3a_code) reply.mode3a_code = answer.mode3a_code;
    if (answer.secure) {
      reply.replied = true;
      break;
    }
  }
  return reply;
}

std::optional<std::size_t> Simulation::owner_of(std::size_t sensor) const {
  return sensor < radar_owner_.size() ? radar_owner_[sensor] : std::nullopt;
}

bool Simulation::reaches_c2(std::size_t sensor) const {
  if (!sensor_stations_[sensor].linked) return false;
  const auto owner = owner_of(sensor);
  return !owner || unit_stations_[*owner].linked;
}

std::uint32_t Simulation::add_external(world::Entity e, const world::ExternalFix& fix) {
  const bool hostile = e.side == world::Side::kHostile;
  const std::uint32_t id = world_.add_external(std::move(e), fix);
  if (hostile) bus_.publish(ThreatsAdded{fix.t_s, world_, {id}});
  return id;
}

bool Simulation::step() {
  if (done()) return false;
  if (!wall_start_) wall_start_ = std::chrono::steady_clock::now();
  const double t_s = next_time_s();
  if (k_ == 0) {  // at the first step, so that sinks subscribed after construction hear it
    for (std::size_t i = 0; i < scenario_.radars.size(); ++i) {
      if (emission_.emitting(i)) continue;
      const std::string why = scenario_.radars[i].mobility
                                  ? std::string("silent at the start (marching)")
                                  : fmt::format("silent at the start (emission {})", to_string(scenario_.radars[i].emission));
      bus_.publish(EmissionChanged{t_s, sensor_names_[i], false, why});
    }
  }
  for (; next_scripted_ < scenario_.events.size() && scenario_.events[next_scripted_].at_s <= t_s; ++next_scripted_)
    apply(t_s, scenario_.events[next_scripted_]);
  for (; !injected_.empty(); injected_.pop_front()) apply(t_s, injected_.front());
  review_proposals(t_s);
  for (std::size_t i = 0; i < kSchedule.size(); ++i)
    if (k_ % every_[i] == 0) run_stage(kSchedule[i].stage, t_s);
  t_prev_s_ = t_s;
  ++k_;
  return true;
}

void Simulation::run_until(double t_s) {
  while (!done() && next_time_s() <= t_s + 1e-9 * dt_s_) step();
}

Summary Simulation::run() {
  while (step()) {
  }
  return finish();
}

Summary Simulation::finish() {
  RAMPART_DEMAND(!finished_, "a run is finished once");
  finished_ = true;
  bus_.publish(RunEnded{t_prev_s_, engagements_.in_flight()});
  Summary s = scorer_.summary();
  s.scenario = scenario_.name;
  s.seed = seed_;
  s.doctrine = battle_manager_->doctrine().name();
  s.assignment = scenario::to_string(scenario_.c2.assignment);
  s.weapons_control = scenario::to_string(scenario_.c2.weapons_control);
  s.wall_time_s = wall_start_ ? std::chrono::duration<double>(std::chrono::steady_clock::now() - *wall_start_).count()
                              : 0.0;
  return s;
}

Simulation::Station& Simulation::station(const std::string& name) {
  for (std::size_t i = 0; i < sensors_.sensors.size(); ++i)
    if (sensor_names_[i] == name) return sensor_stations_[i];
  for (std::size_t i = 0; i < fire_unit_count_; ++i)
    if (arsenal_[i]->name() == name) return unit_stations_[i];
  throw InputError(fmt::format("no sensor or fire unit is named '{}'", name));
}

void Simulation::apply(double t_s, const scenario::ScriptedEvent& event) {
  using A = scenario::ScriptedEvent::Action;
  switch (event.action) {
    case A::kAddRaid: bus_.publish(ThreatsAdded{t_s, world_, world_.add_raid(event.raid, t_s)}); break;
    case A::kSensorOut:
    case A::kFireUnitOut: station(event.target).in_action = false; break;
    case A::kSensorBack:
    case A::kFireUnitBack: station(event.target).in_action = !station(event.target).destroyed; break;
    case A::kLinkLost:
    case A::kLinkRestored: {
      Station& link = station(event.target);
      const bool was_linked = link.linked;
      link.linked = event.action == A::kLinkRestored && !link.destroyed;
      for (std::size_t i = 0; i < fire_unit_count_; ++i) {
        if (&link != &unit_stations_[i] || link.linked == was_linked) continue;
        if (link.linked) reconnect(t_s, i);
        else cut_off(t_s, i);
      }
      break;
    }
    case A::kWeaponsControl: battle_manager_->doctrine().order(event.weapons_control); break;
    case A::kEmission: {
      const auto radar = std::find_if(scenario_.radars.begin(), scenario_.radars.end(),
                                      [&](const scenario::Radar& r) { return r.name == event.target; });
      if (radar == scenario_.radars.end()) throw InputError(fmt::format("no radar is named '{}'", event.target));
      const auto index = static_cast<std::size_t>(radar - scenario_.radars.begin());
      radar->emission = event.emission;  // a mobile radar radiates so once it is emplaced again
      const bool off_site = std::any_of(mobiles_.begin(), mobiles_.end(), [&](const Mobile& m) {
        return !m.fire_unit && m.index == index && !m.unit.ready();
      });
      if (!off_site) publish(t_s, emission_.set_mode(t_s, index, event.emission));
      break;
    }
  }
  bus_.publish(ScriptApplied{t_s, scenario::describe(event)});
}

void Simulation::run_stage(Stage stage, double t_s) {
  switch (stage) {
    case Stage::kMotion: motion(t_s); break;
    case Stage::kSensors: sense(t_s); break;
    case Stage::kTracking: track(t_s); break;
    case Stage::kC2: command(t_s); break;
    case Stage::kEngagement: engage(t_s); break;
    case Stage::kRecord: sample(t_s); break;
  }
}

void Simulation::motion(double t_s) {
  // The anti-radiation missiles hear the radars that radiate now.
  for (std::size_t i = 0; i < scenario_.radars.size(); ++i)
    world_.set_emitting(i, sensor_stations_[i].in_action && emission_.emitting(i));
  const world::Advance moved = world_.advance(t_s);
  for (auto& mobile : mobiles_) move(t_s, mobile);
  bus_.publish(TruthMoved{t_s, world_, moved.arrivals});
  for (const auto& release : moved.releases) {
    bus_.publish(WeaponsReleased{t_s, world_, release});
    bus_.publish(ThreatsAdded{t_s, world_, release.weapon_ids});
  }
  for (const auto& strike : moved.strikes) {
    // A destroyed radar is out of action for good: it neither observes nor answers IFF.
    if (strike.destroyed) sensor_stations_[strike.radar] = {.in_action = false, .linked = false, .destroyed = true};
    bus_.publish(RadarStruck{t_s, world_, strike, sensor_names_[strike.radar]});
  }
}

void Simulation::move(double t_s, Mobile& mobile) {
  auto* unit = mobile.fire_unit ? static_cast<engagement::FireUnit*>(arsenal_[mobile.index].get()) : nullptr;
  const bool busy = unit && unit->busy();
  const bool ordered = mobile.fire_unit && ordered_[mobile.index];
  if (mobile.fire_unit) ordered_[mobile.index] = 0;
  const auto change = mobile.unit.update(t_s, t_s - t_prev_s_, world_.column_state(mobile.column), busy, ordered);
  const scenario::Point2& p = mobile.unit.position();
  const double ground_m = world::ground_height_m(scenario_.environment.terrain.get(), p.east_m, p.north_m);
  const Eigen::Vector3d p_enu_m = world_.frame().surface_point_enu(p.east_m, p.north_m, ground_m);
  if (unit) unit->deploy(p, ground_m, p_enu_m, mobile.unit.ready());
  if (!change) return;
  const scenario::Radar* radar = unit ? nullptr : &scenario_.radars[mobile.index];
  bus_.publish(ReadinessChanged{t_s, unit ? unit->name() : radar->name, mobile.fire_unit, change->from, change->to,
                                change->reason, p_enu_m});
  if (!radar) return;
  std::vector<c2::EmissionControl::Change> emission;
  if (change->to == world::Readiness::kReady) {
    static_cast<sensors::SurveillanceRadar&>(*sensors_.sensors[mobile.index]).move_to(p, ground_m);
    world_.move_radar(mobile.index, Eigen::Vector3d(p.east_m, p.north_m, ground_m + radar->antenna_height_m));
    emission = emission_.set_mode(t_s, mobile.index, radar->emission);
  } else if (change->from == world::Readiness::kReady) {
    emission = emission_.set_mode(t_s, mobile.index, scenario::Emission::kOff);
  }
  for (auto& c : emission) c.reason = fmt::format("{}: {}", world::to_string(change->to), change->reason);
  publish(t_s, emission);
}

void Simulation::sense(double t_s) {
  if (t_s <= t_prev_s_) return;  // the first step has swept nothing yet
  for (auto& [id, radar] : intercept_radars_)
    if (const world::Entity& fighter = world_.entity(id); fighter.flying()) radar.scan(t_s, fighter, world_.entities());
  for (std::size_t i = 0; i < sensors_.sensors.size(); ++i) {
    if (!sensor_stations_[i].in_action || (i < scenario_.radars.size() && !emission_.emitting(i))) continue;
    sensors::Observation seen;
    auto& sensor = *sensors_.sensors[i];
    sensor.observe(t_prev_s_, t_s, world_.entities(), next_plot_id_, seen);
    const std::string& name = sensor_names_[i];
    for (const auto& look : seen.looks) bus_.publish(PlotsMade{t_s, name, look});
    if (!seen.angles.empty()) bus_.publish(AnglesMade{t_s, seen.angles});
    // A cut-off unit's own radar feeds its own tracker, with no link between them.
    if (const auto owner = owner_of(i); owner && alone_[*owner])
      for (const auto& look : seen.looks) alone_[*owner]->receive(look.batch);
    if (!reaches_c2(i)) continue;  // what it saw does not reach C2
    for (auto& look : seen.looks) plots_to_c2_.send(t_s + scenario_.c2.sensor_to_c2_latency_s, std::move(look));
    for (const auto& a : seen.angles) {
      if (!a.emitter.empty()) esm_bearings_.push_back({a.sensor_enu_m, a.bearing_rad, a.bearing_sigma_rad, a.emitter});
      if (a.emitter == sensors::kJammerStrobe)
        strobes_to_c2_.send(t_s + scenario_.c2.sensor_to_c2_latency_s,
                            {static_cast<int>(i), a.t_s, a.sensor_enu_m.head<2>(), a.bearing_rad, a.bearing_sigma_rad});
    }
  }
}

void Simulation::track(double t_s) {
  for (const auto& look : plots_to_c2_.receive(t_s))
    bus_.publish(TrackerStepped{t_s, look.batch, tracker_->process(look.batch)});
  // The tracker's clock is the plots' time: what C2 holds now was measured a latency ago. With
  // every radar silent no batch comes, so the stale tracks are deleted here.
  const double measured_t_s = t_s - scenario_.c2.sensor_to_c2_latency_s;
  const messages::TrackerStepResult stale = tracker_->delete_stale(measured_t_s);
  if (!stale.deleted.empty()) bus_.publish(TrackerStepped{t_s, kNoPlots, stale});
  for (const auto& strobe : strobes_to_c2_.receive(t_s)) jammer_tracker_.add(strobe);
  if (const auto jammers = jammer_tracker_.update(measured_t_s)) bus_.publish(JammersTracked{t_s, *jammers});
  for (auto& alone : alone_)
    if (alone) alone->track();
}

bool Simulation::fire_control_up(std::size_t unit) const {
  const auto& radar = scenario_.fire_units[unit].fire_control_radar;
  // The scenario's radars are the first sensors of the suite, in its order.
  return !radar || (sensor_stations_[*radar].in_action && emission_.emitting(*radar));
}

std::vector<c2::WeaponStatus> Simulation::weapon_status() const {
  std::vector<c2::WeaponStatus> weapons;
  for (std::size_t i = 0; i < fire_unit_count_; ++i)
    if (unit_stations_[i].usable() && fire_control_up(i)) weapons.push_back(arsenal_[i]->status());
  const auto commit = [&](const c2::FireOrder& order) {
    for (auto& w : weapons) {
      if (w.fire_unit != order.fire_unit) continue;
      w.ready_rounds -= order.rounds;
      w.free_channels -= order.rounds;
    }
  };
  orders_.for_each(commit);
  for (const auto& p : proposals_) commit(p.order);
  return weapons;
}

std::vector<FireUnitState> Simulation::unit_states() const {
  std::vector<FireUnitState> units;
  for (std::size_t i = 0; i < fire_unit_count_; ++i) {
    const engagement::Effector& unit = *arsenal_[i];
    const c2::WeaponStatus status = unit.status();
    units.push_back({unit.name(), status.ready_rounds, unit.rounds_left() - status.ready_rounds,
                     status.type.fire_control_channels, status.free_channels, unit_stations_[i].in_action,
                     unit_stations_[i].linked});
  }
  return units;
}

bool Simulation::decide(std::uint64_t proposal_id, bool approve) {
  const bool pending = std::any_of(proposals_.begin(), proposals_.end(),
                                   [&](const EngagementProposal& p) { return p.id == proposal_id; });
  const bool queued = std::any_of(decisions_.begin(), decisions_.end(),
                                  [&](const auto& d) { return d.first == proposal_id; });
  if (!pending || queued) return false;
  decisions_.emplace_back(proposal_id, approve);
  return true;
}

void Simulation::review_proposals(double t_s) {
  const auto decided = [&](std::vector<EngagementProposal>::iterator it, Decision decision) {
    bus_.publish(EngagementDecided{t_s, *it, arsenal_[it->order.fire_unit]->name(), decision});
    if (decision == Decision::kApproved) send_order(t_s, it->order, it->threat);
    else battle_manager_->on_order_dropped(it->order);
    proposals_.erase(it);
  };
  for (; !decisions_.empty(); decisions_.pop_front()) {
    const auto [id, approve] = decisions_.front();
    const auto it = std::find_if(proposals_.begin(), proposals_.end(),
                                 [&](const EngagementProposal& p) { return p.id == id; });
    if (it != proposals_.end()) decided(it, approve ? Decision::kApproved : Decision::kRejected);
  }
  for (auto it = proposals_.begin(); it != proposals_.end();) {
    if (it->deadline_t_s <= t_s) {
      decided(it, Decision::kLapsed);
      it = proposals_.begin();
    } else {
      ++it;
    }
  }
}

void Simulation::send_order(double t_s, const c2::FireOrder& order, const c2::ThreatAssessment& threat) {
  bus_.publish(FireOrdered{t_s, order, arsenal_[order.fire_unit]->name(), threat, battle_manager_->assets()});
  orders_.send(t_s + scenario_.c2.c2_to_fire_unit_latency_s, order);
}

void Simulation::command(double t_s) {
  const scenario::C2Settings& link = scenario_.c2;
  // Own-force position reports, one per data-link period, arriving after its latency.
  if (t_s == 0.0 || std::floor(t_s / link.datalink_period_s) != std::floor((t_s - link.period_s) / link.datalink_period_s)) {
    for (const auto& e : world_.entities())
      if (e.on_datalink && e.flying()) position_reports_.send(t_s + link.datalink_latency_s, {e.id, t_s, e.p_enu_m, e.v_enu_mps});
  }
  for (const auto& report : position_reports_.receive(t_s)) battle_manager_->receive(report);
  for (const auto& report : launch_reports_.receive(t_s)) battle_manager_->on_launch(report);
  const std::vector<c2::EsmBearing> bearings = std::move(esm_bearings_);
  esm_bearings_.clear();
  const std::vector<messages::TrackState> tracks = tracker_->tracks();
  // Command guidance: the interceptors in flight get the new track positions on the C2 uplink.
  engagements_.guide(tracks);
  const c2::C2Decision decision = battle_manager_->step(t_s, tracks, weapon_status(), bearings);
  bus_.publish(ThreatsRanked{t_s, decision.threats});
  publish(t_s, emission_.update(t_s, tracks, [&](std::uint32_t id) { return battle_manager_->identity(id); }));
  for (const auto& assessment : decision.kill_assessments) bus_.publish(KillAssessed{assessment});
  for (const auto& command : decision.fighter_commands) execute(t_s, command);
  for (const auto& b : decision.newly_blocked)
    bus_.publish(EngagementBlocked{t_s, b, arsenal_[b.fire_unit]->name()});
  for (const auto& change : decision.identity_changes) {
    bus_.publish(IdentityChanged{change});
    abort_at_friend(t_s, change);
  }
  for (const auto& order : decision.orders) {
    const auto threat = std::find_if(decision.threats.begin(), decision.threats.end(),
                                     [&](const c2::ThreatAssessment& a) { return a.track_id == order.track_id; });
    RAMPART_DEMAND(threat != decision.threats.end(), "every fire order engages a ranked threat");
    if (!approval_time_s_) {
      send_order(t_s, order, *threat);
      continue;
    }
    proposals_.push_back({next_proposal_id_++, order, t_s, t_s + *approval_time_s_, *threat});
    bus_.publish(EngagementProposed{t_s, proposals_.back(), arsenal_[order.fire_unit]->name(),
                                    battle_manager_->assets()});
  }
  for (auto& alone : alone_)
    if (alone) command_alone(t_s, *alone);
}

void Simulation::abort_at_friend(double t_s, const c2::IdentityChange& change) {
  // Command guidance lets C2 destroy in flight what it fired at a track now known friendly.
  if (!c2::is_friendly(change.to)) return;
  for (const auto& r : engagements_.abort(t_s, change.track_id, arsenal_)) bus_.publish(InterceptorResolved{t_s, r, world_});
}

void Simulation::command_alone(double t_s, AutonomousUnit& alone) {
  const std::size_t unit = alone.unit();
  std::optional<c2::WeaponStatus> weapon;
  if (unit_stations_[unit].in_action && fire_control_up(unit)) weapon = arsenal_[unit]->status();
  const c2::C2Decision decision = alone.step(t_s, weapon);
  engagements_.guide(alone.tracks());
  for (const auto& change : decision.identity_changes) abort_at_friend(t_s, change);
  for (const auto& order : decision.orders) {
    const auto launched = carry_out(t_s, order, alone.identity(order.track_id));
    if (!launched) alone.on_order_dropped(order);
    else
      for (const auto& m : *launched) alone.on_launch(engagement::launch_report(m), m.aim_enu_m);
  }
}

void Simulation::cut_off(double t_s, std::size_t unit) {
  const std::vector<std::size_t> radars = scenario::own_radars(scenario_.fire_units[unit]);
  std::string detail = "cut off from C2: no radar of its own, holds fire";
  if (!radars.empty()) {
    const Eigen::Vector3d p_enu_m = arsenal_[unit]->status().p_enu_m;
    alone_[unit] = std::make_unique<AutonomousUnit>(
        scenario_, unit, scenario::Point2{p_enu_m.x(), p_enu_m.y()}, battle_manager_->assets(),
        tracker_options(scenario_), [this, radars](const c2::IffQuery& q) {
          return challenge(q, [&](std::size_t sensor) {
            return std::find(radars.begin(), radars.end(), sensor) != radars.end();
          });
        });
    std::vector<std::string> names;
    for (const std::size_t r : radars) names.push_back(sensor_names_[r]);
    const std::size_t within = alone_[unit]->assets().size() - 1;  // the last is its own site
    detail = fmt::format("cut off from C2: fights alone on its own radar {}, weapons tight, in defence of itself "
                         "and {} asset{} within its reach", fmt::join(names, " and "), within, within == 1 ? "" : "s");
  }
  bus_.publish(DatalinkChanged{t_s, arsenal_[unit]->name(), false, detail});
}

void Simulation::reconnect(double t_s, std::size_t unit) {
  std::string detail = "back under C2";
  if (alone_[unit]) {
    const auto handed = alone_[unit]->handover(t_s, scenario_.c2.kill_assessment_delay_s, tracker_->tracks());
    for (const auto& report : handed) {
      engagements_.retarget(report.interceptor_id, report.track_id);
      launch_reports_.send(t_s + scenario_.c2.c2_to_fire_unit_latency_s, report);
    }
    detail += fmt::format(": {} engagement{} handed over, its own loop and its {} tracks dropped", handed.size(),
                          handed.size() == 1 ? "" : "s", alone_[unit]->tracks().size());
    alone_[unit].reset();
  }
  bus_.publish(DatalinkChanged{t_s, arsenal_[unit]->name(), true, detail});
}

std::optional<std::vector<engagement::Interceptor>> Simulation::carry_out(double t_s, const c2::FireOrder& order,
                                                                          c2::Identity identity) {
  const engagement::Effector& unit = *arsenal_[order.fire_unit];
  const c2::WeaponStatus status = unit.status();
  const Station& station = unit_stations_[order.fire_unit];
  // The unit's own C2 needs no link to it.
  const std::string reason = !(order.autonomous ? station.in_action : station.usable())
                                 ? (order.autonomous ? "out of action" : "out of action or link down")
                             : !fire_control_up(order.fire_unit)   ? "its fire-control radar is silent or out of action"
                             : !status.ready                       ? "not emplaced (marching, emplacing or packing up)"
                             : c2::is_friendly(identity)           ? "track identified friendly since the order"
                             : status.ready_rounds < order.rounds  ? "not enough ready rounds"
                             : status.free_channels < order.rounds ? "no free fire-control channel"
                                                                   : "";
  if (!reason.empty()) {
    bus_.publish(OrderDropped{t_s, order, unit.name(), reason});
    return std::nullopt;
  }
  ordered_[order.fire_unit] = 1;
  std::vector<engagement::Interceptor> launched = engagements_.fire(t_s, order, arsenal_);
  for (const auto& m : launched) bus_.publish(InterceptorLaunched{m});
  return launched;
}

void Simulation::deliver_orders(double t_s) {
  for (const auto& order : orders_.receive(t_s)) {
    const auto launched = carry_out(t_s, order, battle_manager_->identity(order.track_id));
    if (!launched) battle_manager_->on_order_dropped(order);
    else
      for (const auto& m : *launched)
        launch_reports_.send(m.launch_time_s + scenario_.c2.c2_to_fire_unit_latency_s, engagement::launch_report(m));
  }
}

void Simulation::execute(double t_s, const c2::FighterCommand& command) {
  auto& fighters = battle_manager_->fighters();
  const auto& squadron = fighters.squadron(command.squadron);
  switch (command.kind) {
    case c2::FighterCommand::Kind::kLaunch: {
      const std::string name = fmt::format("{}-{}", squadron.name, ++sorties_);
      const std::uint32_t id = world_.launch(name, squadron, command.goal, command.altitude_m, t_s);
      fighters.on_launched(t_s, command, id);
      air_to_air_[id] = arsenal_.size();
      engagement::arm_fighter(arsenal_, squadron, world_, id);
      if (squadron.radar) intercept_radars_.emplace(id, sensors::AirInterceptRadar(*squadron.radar, seed_, id));
      bus_.publish(FighterActed{t_s, name, "take_off", command.track_id, command.reason});
      break;
    }
    case c2::FighterCommand::Kind::kSteer: world_.steer(command.entity_id, command.goal); break;
    case c2::FighterCommand::Kind::kCommit:
      bus_.publish(FighterActed{t_s, world_.entity(command.entity_id).name, command.patrol ? "cap_commit" : "commit",
                                command.track_id, command.reason});
      break;
    case c2::FighterCommand::Kind::kOnStation:
      bus_.publish(FighterActed{t_s, world_.entity(command.entity_id).name, "on_station", 0, command.reason});
      break;
    case c2::FighterCommand::Kind::kFire: {
      const auto& fighter = world_.entity(command.entity_id);
      const auto radar = intercept_radars_.find(command.entity_id);
      if (radar != intercept_radars_.end() && !radar->second.lock(t_s, command.cue_enu_m)) {
        fighters.on_fire_withheld(t_s, command.entity_id);
        bus_.publish(FighterActed{t_s, fighter.name, "hold_fire", command.track_id,
                                  fmt::format("no lock of its own radar on track {}", command.track_id)});
        break;
      }
      const messages::FireOrder shot{air_to_air_.at(command.entity_id), command.track_id, 1, command.time_of_flight_s,
                                     command.aim_enu_m};
      for (const auto& m : engagements_.fire(t_s, shot, arsenal_)) {
        battle_manager_->on_launch(engagement::launch_report(m));
        bus_.publish(FighterActed{t_s, fighter.name, "fire", command.track_id, command.reason});
        bus_.publish(InterceptorLaunched{m});
      }
      break;
    }
    case c2::FighterCommand::Kind::kLand:
      bus_.publish(FighterActed{t_s, world_.entity(command.entity_id).name, "landed", 0, command.reason});
      world_.land(command.entity_id);
      intercept_radars_.erase(command.entity_id);
      break;
  }
}

void Simulation::publish(double t_s, const std::vector<c2::EmissionControl::Change>& changes) {
  for (const auto& c : changes) bus_.publish(EmissionChanged{t_s, sensor_names_[c.radar], c.emitting, c.reason});
}

void Simulation::engage(double t_s) {
  for (auto& unit : arsenal_)
    if (const int loaded = unit->update(t_s); loaded > 0)
      bus_.publish(LauncherReloaded{t_s, unit->name(), loaded, unit->rounds_left()});
  deliver_orders(t_s);
  for (std::size_t i = 0; i < fire_unit_count_ && engagements_.in_flight() > 0; ++i) {
    if (unit_stations_[i].in_action && fire_control_up(i)) continue;
    const std::string why = unit_stations_[i].in_action ? "its fire-control radar went silent or out of action"
                                                        : "its fire unit is out of action";
    for (const auto& r : engagements_.lose_guidance(t_s, i, why, arsenal_)) bus_.publish(InterceptorResolved{t_s, r, world_});
  }
  for (const auto& r : engagements_.resolve(t_s, world_, arsenal_)) {
    bus_.publish(InterceptorResolved{t_s, r, world_});
  }
  bus_.publish(InterceptorsFlew{t_s, engagements_.flying()});
}

void Simulation::sample(double t_s) {
  const auto tracks = tracker_->tracks();
  std::vector<c2::Identity> identities;
  std::vector<c2::KinematicClass> classes;
  for (const auto& t : tracks) {
    identities.push_back(battle_manager_->identity(t.id));
    classes.push_back(battle_manager_->kinematic_class(t));
  }
  bus_.publish(PictureSampled{t_s, world_, tracks, identities, classes, unit_states(), jammer_tracker_.tracks()});
}

}  // namespace rampart::sim
