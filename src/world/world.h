// The true state of the air: every threat and friendly aircraft, each flown by its mover
// (mover.h), which World::advance turns into geodetic and scenario-frame ENU coordinates.
//
// Truth is read only by sensors, engagement physics and scoring; the tracker and C2 never see it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "scenario/scenario.h"
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

/// Something that happened to the truth in one advance: a threat reaching its asset.
/// The threat destroys its damage fraction of what is left of the asset's value.
struct Arrival {
  std::uint32_t entity_id = 0;
  std::size_t asset = 0;
  double value_lost = 0.0;
};

class World {
 public:
  explicit World(const scenario::Scenario& s);

  /// Moves every entity to time t_s; returns the threats that reached their target asset.
  std::vector<Arrival> advance(double t_s);
  /// Adds a raid's threats, the first starting at t0_s + raid.start_time_s; returns their ids.
  std::vector<std::uint32_t> add_raid(const scenario::Raid& raid, double t0_s);
  /// Marks an entity destroyed (by an interceptor).
  void kill(std::uint32_t entity_id);
  /// Puts a new fighter of `squadron` in the air at `at`, steered by C2 and standing at `at`
  /// until steered; returns its id.
  std::uint32_t launch(const std::string& name, const scenario::FighterSquadron& squadron, const scenario::Point2& at,
                       double t_s);
  /// Sets where an entity with a steerable mover flies; aborts for any other entity.
  void steer(std::uint32_t entity_id, const scenario::Point2& goal);
  /// A flying aircraft with a steerable mover lands: it leaves the air.
  void land(std::uint32_t entity_id);

  const std::vector<Entity>& entities() const { return entities_; }
  const Entity& entity(std::uint32_t id) const { return entities_.at(id - 1); }
  const LocalFrame& frame() const { return frame_; }
  const std::vector<scenario::Asset>& assets() const { return assets_; }
  /// What is left of each asset's value after the arrivals so far.
  const std::vector<double>& asset_value_left() const { return asset_value_left_; }

 private:
  /// Adds an entity (its id the next one) and the mover that flies it.
  void add(Entity e, std::unique_ptr<Mover> mover);
  /// Sets an entity's position and velocity from its mover's state.
  void place(Entity& e, const MoverState& m) const;
  /// The steerable mover of an entity `order` (a verb: "land") is given to; aborts for any other.
  SteerableMover& steerable(std::uint32_t entity_id, const char* order);

  LocalFrame frame_;
  Surroundings surroundings_;
  std::vector<scenario::Asset> assets_;
  std::vector<double> asset_value_left_;
  std::vector<Entity> entities_;
  std::vector<std::unique_ptr<Mover>> movers_;  ///< movers_[i] flies entities_[i]
  double t_s_ = 0.0;  ///< time of the last advance
};

}  // namespace rampart::world
