// The kernel of a run: it composes the stages of kSchedule and steps them at the base rate.
//
// A caller drives it: step() advances one base step, run_until(t_s) several, run() to the end;
// finish() closes the run and returns its scores. Scripted events (the scenario's `events:`) and
// events injected by code (inject()) take effect at the start of the first step at or after their
// time, scripted ones first, then injected ones in the order they came. Each stage publishes what
// it did on the event bus; the recorder, the scorer and the explainer are sinks like any other
// (subscribe() adds more). The kernel holds no global state: several simulations may run at once
// on different threads, each giving what it gives alone.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "c2/battle_manager.h"
#include "c2/emission_control.h"
#include "engagement/effector.h"
#include "engagement/engagements.h"
#include "scenario/scenario.h"
#include "sensors/air_intercept_radar.h"
#include "sensors/factory.h"
#include "sim/autonomy.h"
#include "sim/delay_line.h"
#include "sim/events.h"
#include "sim/explainer.h"
#include "sim/layout.h"
#include "sim/recorder.h"
#include "sim/schedule.h"
#include "sim/scorer.h"
#include "sim/summary.h"
#include "tracking/jammer_tracking.h"
#include "tracking/tracker.h"
#include "world/mobile_unit.h"
#include "world/world.h"

namespace rampart::sim {

struct RunOptions {
  std::optional<std::uint64_t> seed;     ///< overrides the scenario's random_seed
  std::optional<std::string> out_dir;    ///< where to write the CSV record
  bool explain = false;                  ///< keep a line for every C2 decision (Simulation::explanations)
  /// Operator approval (a training console under weapons tight): each fire order C2 makes is
  /// proposed (EngagementProposed) and goes out only when decide() approves it; it lapses after
  /// this many simulated seconds. Unset: orders go out at once, as the automatic aid sends them.
  std::optional<double> approval_time_s;
};

class Simulation {
 public:
  Simulation(const scenario::Scenario& s, const RunOptions& options);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// Adds a sink to the event stream (after the recorder, scorer and explainer).
  void subscribe(EventSink& sink) { bus_.subscribe(sink); }
  /// Applies `event` at the start of the next step (its at_s is not looked at).
  void inject(const scenario::ScriptedEvent& event) { injected_.push_back(event); }

  /// Another simulator's entity (federation: sim/dis_listener.h) enters the world, flying from
  /// fix.t_s (World::add_external); a hostile one is announced as a threat. Returns its id.
  /// Called between steps, with fixes at or after next_time_s().
  std::uint32_t add_external(world::Entity e, const world::ExternalFix& fix);
  /// The latest report of an external entity (World::report_external).
  void report_external(std::uint32_t entity_id, const world::ExternalFix& fix) { world_.report_external(entity_id, fix); }
  /// An external entity leaves the air as its owner says (World::end_external).
  void end_external(std::uint32_t entity_id, world::EntityState end) { world_.end_external(entity_id, end); }

  /// Approves or rejects the pending proposal `proposal_id` at the start of the next step. False
  /// (and nothing queued) when no such proposal is pending or a decision on it is queued already.
  bool decide(std::uint64_t proposal_id, bool approve);

  /// Runs one base step; false (and nothing done) once the scenario's end was passed.
  bool step();
  /// Runs the steps whose time is at most t_s.
  void run_until(double t_s);
  /// Runs to the end and returns the scores.
  Summary run();
  /// Ends the run (the sinks learn it; files are closed) and returns the scores; once only.
  Summary finish();

  /// Time of the next step.
  double next_time_s() const { return static_cast<double>(k_) * dt_s_; }
  double end_time_s() const { return static_cast<double>(steps_) * dt_s_; }
  bool done() const { return k_ > steps_; }
  /// Where the frame's origin, assets, sensors, fire units, zones and corridors stand.
  const std::vector<LayoutItem>& layout() const { return layout_; }
  const scenario::Scenario& scenario() const { return scenario_; }
  /// With RunOptions::explain: why each engagement was ordered or blocked, in time order.
  const std::vector<std::string>& explanations() const { return explainer_.lines(); }

 private:
  /// Whether a sensor or fire unit works, and whether its link to C2 is up.
  struct Station {
    bool in_action = true;
    bool linked = true;
    bool destroyed = false;  ///< for good: nothing brings it back
    bool usable() const { return in_action && linked; }
  };

  /// A fire unit or radar that moves with its column (world/mobile_unit.h).
  struct Mobile {
    std::size_t index = 0;  ///< into the fire units, or the radars
    bool fire_unit = true;
    std::size_t column = 0;  ///< index into the scenario's friendlies
    world::MobileUnit unit;
  };

  void apply(double t_s, const scenario::ScriptedEvent& event);
  /// The link of fire unit `unit` to C2 went down: with a radar of its own it fights alone
  /// (sim/autonomy.h), else it holds fire.
  void cut_off(double t_s, std::size_t unit);
  /// The link of fire unit `unit` came back: its own loop and tracks are dropped; C2 commands it.
  void reconnect(double t_s, std::size_t unit);
  /// The fire unit whose own radar sensor `sensor` is (scenario::own_radars), if any.
  std::optional<std::size_t> owner_of(std::size_t sensor) const;
  /// Whether what sensor `sensor` sees reaches C2: its link is up, and so is its fire unit's when
  /// it is a unit's own radar (scenario::own_radars).
  bool reaches_c2(std::size_t sensor) const;
  /// IFF through the interrogators `use` accepts (by sensor index) that are in action and radiating.
  c2::IffReply challenge(const c2::IffQuery& q, const std::function<bool(std::size_t)>& use) const;
  /// Destroys in flight what was fired at a track that `change` makes friendly (command guidance).
  void abort_at_friend(double t_s, const c2::IdentityChange& change);
  /// One C2 cycle of the cut-off unit `alone`.
  void command_alone(double t_s, AutonomousUnit& alone);
  /// The fire unit of `order` carries it out now if it can (`identity`: the ordering C2's
  /// identity of the track): the interceptors it launches, or nothing when it drops the order
  /// (an OrderDropped event says why).
  std::optional<std::vector<engagement::Interceptor>> carry_out(double t_s, const c2::FireOrder& order,
                                                                c2::Identity identity);
  /// Moves a mobile unit after its column; an emplaced radar is re-sited and radiates as its
  /// emission says, one that leaves its site falls silent.
  void move(double t_s, Mobile& mobile);
  void run_stage(Stage stage, double t_s);
  void motion(double t_s);
  void sense(double t_s);
  void track(double t_s);
  void command(double t_s);
  void engage(double t_s);
  void sample(double t_s);
  void deliver_orders(double t_s);
  /// Sends `order` to its fire unit and tells the sinks why C2 ordered it.
  void send_order(double t_s, const c2::FireOrder& order, const c2::ThreatAssessment& threat);
  /// Applies the queued decisions and lets the proposals past their deadline lapse.
  void review_proposals(double t_s);
  std::vector<FireUnitState> unit_states() const;
  /// Whether fire unit `unit` can guide: it has no fire-control radar of its own, or that radar is
  /// in action and radiating.
  bool fire_control_up(std::size_t unit) const;
  /// The fire units as C2 sees them: in action and linked, less what orders in transit will take.
  std::vector<c2::WeaponStatus> weapon_status() const;
  void execute(double t_s, const c2::FighterCommand& command);
  void publish(double t_s, const std::vector<c2::EmissionControl::Change>& changes);
  Station& station(const std::string& name);

  scenario::Scenario scenario_;
  std::uint64_t seed_;
  double dt_s_;
  long steps_;
  long k_ = 0;
  std::array<long, kSchedule.size()> every_{};
  std::size_t next_scripted_ = 0;
  std::deque<scenario::ScriptedEvent> injected_;
  std::optional<double> approval_time_s_;
  std::vector<EngagementProposal> proposals_;  ///< pending, in the order of proposal
  std::deque<std::pair<std::uint64_t, bool>> decisions_;  ///< queued by decide(): id, approve
  std::uint64_t next_proposal_id_ = 1;
  double t_prev_s_ = 0.0;
  std::optional<std::chrono::steady_clock::time_point> wall_start_;
  bool finished_ = false;

  world::World world_;
  sensors::SensorSuite sensors_;
  std::unique_ptr<tracking::Tracker> tracker_;
  tracking::JammerTracker jammer_tracker_;
  std::unique_ptr<c2::BattleManager> battle_manager_;
  engagement::Arsenal arsenal_;  ///< the fire units (the first fire_unit_count_), then fighters' missiles
  std::size_t fire_unit_count_;
  std::map<std::uint32_t, std::size_t> air_to_air_;  ///< a fighter's entity id to its missiles in arsenal_
  std::map<std::uint32_t, sensors::AirInterceptRadar> intercept_radars_;  ///< an airborne fighter's own radar
  engagement::Engagements engagements_;
  std::vector<std::string> sensor_names_;  ///< in the suite's order
  std::vector<LayoutItem> layout_;
  std::vector<Station> sensor_stations_;
  std::vector<Station> unit_stations_;
  c2::EmissionControl emission_;  ///< which radars radiate (the first sensors of the suite)
  std::vector<Mobile> mobiles_;
  std::vector<char> ordered_;  ///< per fire unit: it received an order since the last motion step
  /// Per fire unit: its own C2 loop while it is cut off and has a radar of its own (else null).
  std::vector<std::unique_ptr<AutonomousUnit>> alone_;
  /// Per radar of the scenario: the fire unit whose own radar it is (scenario::own_radars).
  std::vector<std::optional<std::size_t>> radar_owner_;

  EventBus bus_;
  std::unique_ptr<Recorder> recorder_;  ///< only with RunOptions::out_dir
  Scorer scorer_;
  Explainer explainer_;

  // The links, each with its latency (scenario c2 section).
  DelayLine<sensors::Look> plots_to_c2_;            ///< sensor to C2 (the tracker)
  DelayLine<tracking::LineOfBearing> strobes_to_c2_;  ///< radars' jammer strobes to the jammer tracker
  DelayLine<c2::PositionReport> position_reports_;  ///< own forces to C2, on the data link
  DelayLine<c2::FireOrder> orders_;                 ///< C2 to the fire units
  DelayLine<c2::LaunchReport> launch_reports_;      ///< launching units to C2
  std::vector<c2::EsmBearing> esm_bearings_;        ///< heard since the last C2 cycle
  std::uint64_t next_plot_id_ = 1;
  int sorties_ = 0;
};

}  // namespace rampart::sim
