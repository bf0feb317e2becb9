// The event stream of a run: what the stages publish, and the sinks that subscribe to it.
//
// Each stage of the kernel publishes typed events as it works; sinks (the CSV recorder, the
// scorer, the explainer, and later ASTERIX, DIS, WebSocket or SQLite writers) subscribe to the
// bus and override the handlers they care about. An event lives only for the call that delivers
// it: a sink that keeps anything copies it. Sinks are called in the order they subscribed, on the
// kernel's thread, so a run's output depends only on its scenario, seed and injections.
//
// Some events carry truth (which entity caused a plot, which one an interceptor hit): they are
// for analysis sinks only. The tracker and C2 are not sinks; they get plots and tracks from the
// kernel, never from this bus.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "c2/assignment.h"
#include "c2/identification.h"
#include "c2/kill_assessment.h"
#include "c2/threat_evaluation.h"
#include "engagement/engagements.h"
#include "sensors/sensor.h"
#include "messages/plots.h"
#include "messages/tracks.h"
#include "tracking/jammer_tracking.h"
#include "world/mobile_unit.h"
#include "world/world.h"

namespace rampart::sim {

/// New threats entered the world (at the start, or a raid added by a scripted event).
struct ThreatsAdded {
  double t_s = 0.0;
  const world::World& world;
  std::vector<std::uint32_t> entity_ids;
};

/// Truth moved to t_s; `arrivals` are the threats that reached their target asset in this step.
struct TruthMoved {
  double t_s = 0.0;
  const world::World& world;
  const std::vector<world::Arrival>& arrivals;
};

/// One look of a sensor: its plots and (analysis only) which truth caused each.
struct PlotsMade {
  double t_s = 0.0;
  const std::string& sensor;
  const sensors::Look& look;
};

/// Passive angle reports of one step (ESM bearings, infrared bearings and elevations).
struct AnglesMade {
  double t_s = 0.0;
  const std::vector<sensors::AngleReport>& reports;
};

/// The jammer tracker crossed one window's strobes (tracking/jammer_tracking.h).
struct JammersTracked {
  double t_s = 0.0;
  const tracking::JammerStep& step;
};

/// The tracker processed one batch of plots (which reached it sensor_to_c2_latency_s after the look).
struct TrackerStepped {
  double t_s = 0.0;
  const messages::PlotBatch& batch;
  const messages::TrackerStepResult& result;
};

/// One fire unit as its crew reports it.
struct FireUnitState {
  const std::string& name;
  int ready_rounds = 0;
  int reserve_rounds = 0;
  int channels = 0;       ///< fire-control channels
  int free_channels = 0;
  bool in_action = true;
  bool linked = true;     ///< its link to C2 is up
};

/// A sample of the air picture and of truth at the record rate (1 Hz): the tracks as C2 sees
/// them with their identities and kinematic classes (one per track, same order), and the fire
/// units' state.
struct PictureSampled {
  double t_s = 0.0;
  const world::World& world;
  const std::vector<messages::TrackState>& tracks;
  const std::vector<c2::Identity>& identities;
  const std::vector<c2::KinematicClass>& classes;
  const std::vector<FireUnitState>& units;
  /// The jammer tracks triangulated from strobes (tracking/jammer_tracking.h), apart from the
  /// radar picture `tracks` that C2 and the picture-quality scores work on.
  const std::vector<messages::TrackState>& jammer_tracks;
};

struct IdentityChanged {
  const c2::IdentityChange& change;
};

/// C2's threat ranking of one cycle (rank 1 first).
struct ThreatsRanked {
  double t_s = 0.0;
  const std::vector<c2::ThreatAssessment>& threats;
};

/// C2 ordered a fire unit to engage; `threat` is the assessment that put the track first.
struct FireOrdered {
  double t_s = 0.0;
  const c2::FireOrder& order;
  const std::string& fire_unit;
  const c2::ThreatAssessment& threat;
  const std::vector<scenario::Asset>& assets;
};

/// With operator approval (RunOptions::approval_time_s), a fire order C2 proposes and holds until
/// the operator decides or the time limit passes.
struct EngagementProposal {
  std::uint64_t id = 0;  ///< from 1, in the order of proposal
  c2::FireOrder order;
  double proposed_t_s = 0.0;
  double deadline_t_s = 0.0;
  c2::ThreatAssessment threat;  ///< the assessment that put the track first
};

struct EngagementProposed {
  double t_s = 0.0;
  const EngagementProposal& proposal;
  const std::string& fire_unit;
  const std::vector<scenario::Asset>& assets;
};

/// The operator approved (the order goes out now) or rejected a proposal, or let it lapse. The
/// automatic decision aid would have sent every proposal at its proposed_t_s.
enum class Decision { kApproved, kRejected, kLapsed };
const char* to_string(Decision decision);

struct EngagementDecided {
  double t_s = 0.0;
  const EngagementProposal& proposal;
  const std::string& fire_unit;
  Decision decision = Decision::kLapsed;
};

/// C2 judged from its sensors whether the rounds at a track killed it (c2/kill_assessment.h).
struct KillAssessed {
  const c2::KillAssessment& assessment;
};

/// A fire unit could not carry out an order when it arrived.
struct OrderDropped {
  double t_s = 0.0;
  const c2::FireOrder& order;
  const std::string& fire_unit;
  const std::string& reason;
};

/// C2 withheld an engagement because a friend was near the intercept point.
struct EngagementBlocked {
  double t_s = 0.0;
  const c2::BlockedEngagement& blocked;
  const std::string& fire_unit;
};

struct InterceptorLaunched {
  const engagement::Interceptor& interceptor;
};

/// An interceptor reached its aim time; the outcome is truth (analysis only).
struct InterceptorResolved {
  double t_s = 0.0;
  const engagement::Resolution& resolution;
  const world::World& world;
};

/// The interceptors still in flight after the engagement stage at t_s (truth: analysis and
/// federation only). Those launched stand at t_s (their flight state); the rest wait for their
/// launch time.
struct InterceptorsFlew {
  double t_s = 0.0;
  const std::vector<engagement::Interceptor>& flying;
};

/// A fighter took off, was committed to a track, reached its patrol station, fired, withheld a
/// shot for want of its own radar's lock, or landed.
struct FighterActed {
  double t_s = 0.0;
  const std::string& fighter;
  const std::string& action;  ///< take_off, commit, cap_commit, on_station, fire, hold_fire, landed
  std::uint32_t track_id = 0;
  const std::string& detail;
};

/// A fire unit finished reloading a launcher.
struct LauncherReloaded {
  double t_s = 0.0;
  const std::string& fire_unit;
  int rounds = 0;         ///< loaded now
  int rounds_left = 0;    ///< ready and in reserve after it
};

/// A radar started or stopped radiating (emission control: c2/emission_control.h).
struct EmissionChanged {
  double t_s = 0.0;
  const std::string& radar;
  bool emitting = false;
  const std::string& reason;
};

/// A mobile fire unit or radar changed state (world/mobile_unit.h): marching, emplacing, ready
/// (only then does a fire unit launch, a radar radiate) or march order.
struct ReadinessChanged {
  double t_s = 0.0;
  const std::string& unit;
  bool fire_unit = true;  ///< a fire unit; else a radar
  world::Readiness from = world::Readiness::kMarching;
  world::Readiness to = world::Readiness::kMarching;
  const std::string& reason;
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();  ///< where it stands
};

/// An aircraft released stand-off weapons; they are threats of their own (a ThreatsAdded follows).
struct WeaponsReleased {
  double t_s = 0.0;
  const world::World& world;
  const world::Release& release;
};

/// An anti-radiation missile burst at its radar (`radar` its name), destroying it or not.
struct RadarStruck {
  double t_s = 0.0;
  const world::World& world;
  const world::RadarStrike& strike;
  const std::string& radar;
};

/// A fire unit's data link to C2 went down (`up` false) or came back (sim/autonomy.h); `detail`
/// says what the unit does now: fights alone on its own radar, holds fire, or is back under C2.
struct DatalinkChanged {
  double t_s = 0.0;
  const std::string& fire_unit;
  bool up = false;
  const std::string& detail;
};

/// A scripted or injected event took effect.
struct ScriptApplied {
  double t_s = 0.0;
  const std::string& description;
};

/// The run ended at t_s with `interceptors_in_flight` still flying.
struct RunEnded {
  double t_s = 0.0;
  std::size_t interceptors_in_flight = 0;
};

/// A subscriber to the event stream: overrides the handlers of the events it wants.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on(const ThreatsAdded&) {}
  virtual void on(const TruthMoved&) {}
  virtual void on(const PlotsMade&) {}
  virtual void on(const AnglesMade&) {}
  virtual void on(const TrackerStepped&) {}
  virtual void on(const JammersTracked&) {}
  virtual void on(const PictureSampled&) {}
  virtual void on(const IdentityChanged&) {}
  virtual void on(const ThreatsRanked&) {}
  virtual void on(const FireOrdered&) {}
  virtual void on(const EngagementProposed&) {}
  virtual void on(const EngagementDecided&) {}
  virtual void on(const EngagementBlocked&) {}
  virtual void on(const KillAssessed&) {}
  virtual void on(const OrderDropped&) {}
  virtual void on(const InterceptorLaunched&) {}
  virtual void on(const InterceptorResolved&) {}
  virtual void on(const InterceptorsFlew&) {}
  virtual void on(const FighterActed&) {}
  virtual void on(const LauncherReloaded&) {}
  virtual void on(const EmissionChanged&) {}
  virtual void on(const ReadinessChanged&) {}
  virtual void on(const WeaponsReleased&) {}
  virtual void on(const RadarStruck&) {}
  virtual void on(const DatalinkChanged&) {}
  virtual void on(const ScriptApplied&) {}
  virtual void on(const RunEnded&) {}
};

/// Delivers each published event to every subscribed sink, in subscription order.
class EventBus {
 public:
  /// The sink must outlive the bus's use.
  void subscribe(EventSink& sink) { sinks_.push_back(&sink); }
  template <typename Event>
  void publish(const Event& event) const {
    for (EventSink* sink : sinks_) sink->on(event);
  }

 private:
  std::vector<EventSink*> sinks_;
};

}  // namespace rampart::sim
