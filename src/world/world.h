// The true state of the air: every threat and friendly aircraft, each flown by its mover
// (mover.h), which World::advance turns into geodetic and scenario-frame ENU coordinates.
//
// The raiders' own weapons are truth too. An aircraft of a raid with stand-off weapons releases
// each load once, when it first comes within its release range (horizontal) of the load's target
// (and, for a load fired by line of sight, sees a point 5 m above the ground there over the terrain);
// the weapons start from where it is, in trail, and fly to their target as threats of their own.
// An anti-radiation missile (ARM) homes on its radar (homing_mover.h): while the radar radiates
// the seeker's goal is the antenna; once it falls silent (or is taken out of action) the missile
// flies on to where it last heard it, its inertial navigation drifting away from that point at
// drift_mps in a direction of its own (a random draw), and comes back to the antenna if the radar
// radiates again. It bursts on its goal: the radar is destroyed when that is within the lethal
// radius (horizontal) of the antenna.
//
// Truth is read only by sensors, engagement physics and scoring; the tracker and C2 never see it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "scenario/scenario.h"
#include "world/external_mover.h"
#include "world/homing_mover.h"
#include "world/mover.h"
#include "world/mover_factory.h"

namespace rampart::world {

enum class Side { kHostile, kFriendly };

enum class EntityState {
  kWaiting,   ///< not yet launched (before its start time)
  kFlying,
  kKilled,    ///< destroyed by an interceptor
  kImpacted,  ///< an expendable threat that reached its target asset
  kDeparted,  ///< flew off the end of its route
};

struct Entity {
  std::uint32_t id = 0;  ///< truth id, unique within a run, from 1
  std::string name;
  Side side = Side::kHostile;
  std::string kind;  ///< the scenario kind name, e.g. "cruise_missile", "fighter"
  double start_time_s = 0.0;
  double rcs_m2 = 0.0;
  bool iff_on = false;  ///< answers secure-mode IFF challenges
  std::optional<int> mode3a_code;  ///< answers Mode 3/A challenges with this code
  /// Reports its position on the tactical data link (military aircraft: fighters, AEW).
  bool on_datalink = false;
  std::string emitter;      ///< radar it emits with; empty when silent
  std::optional<environment::NoiseJammer> jammer;  ///< a noise jammer it carries, always on
  bool expendable = false;  ///< ends at its target (missiles, one-way drones)
  /// Driven by another simulator (World::add_external), not by this one: its sinks leave it to its owner.
  bool external = false;
  /// Reaches its target where its flight ends (a ballistic missile's impact), not as it passes
  /// inside the asset's radius on the way.
  bool arrives_on_impact = false;
  std::optional<std::size_t> target_asset;
  double damage_fraction = 0.0;
  bool reached_target = false;

  EntityState state = EntityState::kWaiting;
  Geodetic geodetic;                                  ///< valid while flying
  Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();  ///< scenario frame, valid while flying
  Eigen::Vector3d v_enu_mps = Eigen::Vector3d::Zero();  ///< scenario frame axes, valid while flying

  bool flying() const { return state == EntityState::kFlying; }
};

/// Something that happened to the truth in one advance: a threat reaching its asset (within its
/// radius of where the asset stands after the advance: a moving asset where its column now is).
/// The threat destroys its damage fraction of what is left of the asset's value.
struct Arrival {
  std::uint32_t entity_id = 0;
  std::size_t asset = 0;
  double value_lost = 0.0;
};

/// An anti-radiation missile bursting at its radar.
struct RadarStrike {
  std::uint32_t entity_id = 0;
  std::size_t radar = 0;  ///< index into the scenario's radars
  double miss_m = 0.0;    ///< horizontal distance from the burst to the antenna
  bool destroyed = false;  ///< this burst destroyed the radar (not one already destroyed)
};

/// Weapons an aircraft released in one advance.
struct Release {
  std::uint32_t carrier_id = 0;
  std::string weapon;  ///< the load's name
  std::vector<std::uint32_t> weapon_ids;
};

/// What one advance did besides moving everything.
struct Advance {
  std::vector<Arrival> arrivals;
  std::vector<Release> releases;
  std::vector<RadarStrike> strikes;
};

class World {
 public:
  /// `seed` keys the draws of the truth (the ARMs' drift); by default the scenario's.
  explicit World(const scenario::Scenario& s) : World(s, s.random_seed) {}
  World(const scenario::Scenario& s, std::uint64_t seed);

  /// Moves every entity to time t_s; returns the threats that reached their target asset, the
  /// weapons released and the ARMs' bursts.
  Advance advance(double t_s);
  /// Whether radar `radar` (index into the scenario's radars) radiates from now on, as the ARMs
  /// hear it; a destroyed radar radiates no more.
  void set_emitting(std::size_t radar, bool emitting);
  bool radar_destroyed(std::size_t radar) const { return radars_.at(radar).destroyed; }
  /// A mobile radar emplaced on a new site: its antenna is now at antenna_map_m (east, north,
  /// altitude), where the ARMs that hear it home.
  void move_radar(std::size_t radar, const Eigen::Vector3d& antenna_map_m) { radars_.at(radar).antenna_map_m = antenna_map_m; }
  /// Adds a raid's threats, the first starting at t0_s + raid.start_time_s; returns their ids.
  std::vector<std::uint32_t> add_raid(const scenario::Raid& raid, double t0_s);
  /// Marks an entity destroyed (by an interceptor).
  void kill(std::uint32_t entity_id);
  /// Puts a new fighter of `squadron` in the air at `at` and altitude_m, steered by C2 and
  /// standing at `at` until steered; returns its id.
  std::uint32_t launch(const std::string& name, const scenario::FighterSquadron& squadron, const scenario::Point2& at,
                       double altitude_m, double t_s);
  /// Sets where an entity with a steerable mover flies; aborts for any other entity.
  void steer(std::uint32_t entity_id, const scenario::Point2& goal);
  /// A flying aircraft with a steerable mover lands: it leaves the air.
  void land(std::uint32_t entity_id);

  /// Adds an entity another simulator drives (federation: sim/dis_listener.h), flying from
  /// fix.t_s on (the next advance at or after it), dead-reckoned between its reports by an
  /// ExternalMover; returns its id. It is marked external.
  std::uint32_t add_external(Entity e, const ExternalFix& fix);
  /// The latest report of an external entity; ignored once it has left the air.
  void report_external(std::uint32_t entity_id, const ExternalFix& fix);
  /// An external entity leaves the air as its owner says: kKilled or kDeparted; ignored once it
  /// has left already (killed here, say).
  void end_external(std::uint32_t entity_id, EntityState end);

  const std::vector<Entity>& entities() const { return entities_; }
  const Entity& entity(std::uint32_t id) const { return entities_.at(id - 1); }
  const LocalFrame& frame() const { return frame_; }
  /// The assets, a moving one where its column stood at the last advance.
  const std::vector<scenario::Asset>& assets() const { return assets_; }
  /// Where friendly `friendly` (index into the scenario's friendlies) stands and how it moves, in
  /// map coordinates: at its route's start before it sets out, standing still once it has left
  /// the scenario (the end of its road).
  MoverState column_state(std::size_t friendly) const;
  /// The truth id of friendly `friendly` (index into the scenario's friendlies).
  std::uint32_t friendly_id(std::size_t friendly) const { return friendly_ids_.at(friendly); }
  /// What is left of each asset's value after the arrivals so far.
  const std::vector<double>& asset_value_left() const { return asset_value_left_; }

 private:
  /// Adds an entity (its id the next one) and the mover that flies it.
  void add(Entity e, std::unique_ptr<Mover> mover);
  /// Sets an entity's position and velocity from its mover's state.
  void place(Entity& e, const MoverState& m) const;
  /// The steerable mover of an entity `order` (a verb: "land") is given to; aborts for any other.
  SteerableMover& steerable(std::uint32_t entity_id, const char* order);
  /// The mover of an external entity; aborts for any other.
  ExternalMover& external(std::uint32_t entity_id);

  /// A radar as the ARMs know it: its antenna, in map coordinates (east, north, altitude).
  struct RadarSite {
    Eigen::Vector3d antenna_map_m;
    bool emitting = true;
    bool destroyed = false;
  };
  /// An ARM's seeker and navigator.
  struct Homing {
    std::size_t radar = 0;
    HomingMover* mover = nullptr;  ///< the entity's mover
    Eigen::Vector3d last_heard_map_m;  ///< where it last heard the radar (at first: where it was told it is)
    double last_heard_t_s = 0.0;
    Eigen::Vector2d drift_direction;  ///< unit vector (east, north)
    double drift_mps = 0.0;
    double lethal_radius_m = 0.0;
  };

  /// Points the ARM at where it believes its radar to be at t_s.
  void guide(Homing& h, double t_s);
  /// Releases the loads of flying carriers in reach of their targets (added after the loop over
  /// the entities, which adding would invalidate).
  std::vector<Release> release_weapons(double t_s);
  /// Where a load's target stands (map coordinates, horizontal).
  Eigen::Vector2d target_map_m(const scenario::Raid& weapon) const;

  LocalFrame frame_;
  std::uint64_t seed_;
  std::vector<RadarSite> radars_;
  std::map<std::uint32_t, Homing> homing_;  ///< the ARMs, by entity id
  /// Each carrier's loads not yet released, by entity id.
  std::map<std::uint32_t, std::vector<scenario::WeaponRelease>> loads_;
  Surroundings surroundings_;
  std::vector<scenario::Asset> assets_;
  std::vector<double> asset_value_left_;
  std::vector<std::uint32_t> friendly_ids_;        ///< by index into the scenario's friendlies
  std::vector<scenario::Point2> friendly_starts_;  ///< each friendly's first waypoint
  std::vector<Entity> entities_;
  std::vector<std::unique_ptr<Mover>> movers_;  ///< movers_[i] flies entities_[i]
  std::vector<MoverState> states_;  ///< states_[i]: entities_[i]'s at the last advance (map coordinates)
  double t_s_ = 0.0;  ///< time of the last advance
};

}  // namespace rampart::world
