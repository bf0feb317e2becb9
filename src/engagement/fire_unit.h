// Fire units and their interceptors: the physics of an engagement.
//
// A fire unit has launchers holding ready rounds, a reserve to reload them (one launcher at a
// time takes reload_time_s), and fire-control channels: each interceptor in flight holds one.
// Fighters' air-to-air missiles are interceptors too, without a fire unit.
// A fire unit launches reaction_time_s (its weapon type's) after it receives an order; the rounds
// and channels are committed at receipt. An interceptor flies for the time of flight C2 computed;
// in flight its aim point is refreshed from the track (command guidance).
// The endgame, at the aim time t_i with aim point a: the seeker homes on the flying entity
// nearest a in 3-D, |p_e(t_i) - a|, if that miss distance is within the seeker basket. The
// warhead can kill only between the weapon's floor and ceiling: a target whose true altitude is
// below min_altitude_m or above max_altitude_m survives (no_target). Otherwise the kill is drawn
// from the weapon's kill probability. Any entity can be hit, friend or foe: that is how
// fratricide happens when identification fails. Every no_target says why.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "messages/orders.h"
#include "messages/reports.h"
#include "scenario/scenario.h"
#include "messages/tracks.h"
#include "world/world.h"

namespace rampart::engagement {

/// kAborted: destroyed in flight on C2's order (its track was identified friendly).
enum class Outcome { kKill, kMiss, kNoTarget, kAborted };
const char* to_string(Outcome outcome);

struct Interceptor {
  std::uint64_t id = 0;  ///< unique within a run, from 1
  std::string shooter;   ///< fire unit or fighter that launched it
  std::optional<std::size_t> fire_unit;  ///< the launching fire unit (none for a fighter)
  std::uint32_t fighter_entity = 0;      ///< the launching fighter's truth id (0 for a fire unit)
  double kill_probability = 0.0;
  double seeker_basket_m = 0.0;
  std::uint32_t track_id = 0;
  double launch_time_s = 0.0;
  double intercept_time_s = 0.0;
  Eigen::Vector3d aim_enu_m = Eigen::Vector3d::Zero();
  /// The warhead's altitude limits (true height above the ellipsoid); a fighter's missile has none.
  double min_altitude_m = -std::numeric_limits<double>::infinity();
  double max_altitude_m = std::numeric_limits<double>::infinity();
};

/// What the launching unit reports to C2 about an interceptor (no outcome: C2 assesses that).
messages::LaunchReport launch_report(const Interceptor& m);

/// The end of one interceptor's flight.
struct Resolution {
  Interceptor interceptor;
  Outcome outcome = Outcome::kMiss;
  std::uint32_t truth_id = 0;  ///< the entity the seeker homed on (0: none)
  bool fratricide = false;
  Eigen::Vector3d intercept_enu_m = Eigen::Vector3d::Zero();  ///< where the interceptor ended: its aim point
  /// 3-D distance from the intercept position to the nearest flying entity (infinity: none flying).
  double miss_distance_m = std::numeric_limits<double>::infinity();
  std::string reason;  ///< why a no_target: nothing in basket, below floor, above ceiling, already destroyed
};

class FireUnit {
 public:
  FireUnit(std::size_t index, const scenario::FireUnit& spec, const scenario::WeaponType& type,
           const Eigen::Vector3d& p_enu_m);

  /// Reloads empty launchers whose reload time has passed; returns the rounds loaded.
  int update(double t_s);
  messages::WeaponStatus status() const;
  /// Takes `rounds` from the launchers, each guided on a channel of its own (requires that many
  /// ready rounds and free channels).
  void launch(int rounds);
  /// An interceptor of this unit ended; its channel is free again.
  void release_channel();

  const std::string& name() const { return spec_.name; }
  const scenario::WeaponType& type() const { return type_; }
  int rounds_left() const;

 private:
  struct Launcher {
    int ready = 0;
    double reload_done_s = -1.0;  ///< >= 0 while a reload is under way
  };
  std::size_t index_;
  scenario::FireUnit spec_;
  scenario::WeaponType type_;
  Eigen::Vector3d p_enu_m_;
  std::vector<Launcher> launchers_;
  int reserve_;
  int channels_busy_ = 0;
};

/// Every interceptor in flight, and their resolution against truth.
class Engagements {
 public:
  explicit Engagements(std::uint64_t seed) : seed_(seed) {}

  /// The unit receives a fire order at t_s: it commits the rounds and channels now and launches
  /// them at t_s + reaction_time_s. Returns the interceptors (launch_time_s, intercept_time_s set).
  std::vector<Interceptor> fire(double t_s, const messages::FireOrder& order, FireUnit& unit);
  /// Launches one air-to-air missile from a fighter.
  Interceptor fire_air_to_air(double t_s, const std::string& fighter, std::uint32_t fighter_entity,
                              std::uint32_t track_id, double time_of_flight_s,
                              const Eigen::Vector3d& aim_enu_m, double kill_probability, double seeker_basket_m);
  /// Refreshes aim points from the current tracks (tracks that vanished keep the last aim point).
  void guide(const std::vector<messages::TrackState>& tracks);
  /// Resolves the interceptors whose time has come against truth, killing what they hit.
  std::vector<Resolution> resolve(double t_s, world::World& world, std::vector<FireUnit>& units);
  /// Destroys in flight every interceptor guided on the track (C2 identified it friendly);
  /// their channels are free again.
  std::vector<Resolution> abort(double t_s, std::uint32_t track_id, std::vector<FireUnit>& units);
  std::size_t in_flight() const { return flying_.size(); }

 private:
  /// The end of one interceptor's flight against truth (kills what it hits).
  Resolution endgame(const Interceptor& m, world::World& world) const;

  std::uint64_t seed_;
  std::uint64_t next_id_ = 1;
  std::vector<Interceptor> flying_;
};

}  // namespace rampart::engagement
