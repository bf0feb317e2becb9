// A fire unit or radar that moves with a friendly ground column (scenario.h Mobility): where it
// is, and whether it is emplaced, as truth. The simulation moves it after the column each motion
// step; a fire unit launches, and a radar radiates, only when it is ready.
//
// Its station is the column's position plus its offset (along and across the column's direction
// of travel, or east and north: scenario::station_of); the column's heading is its last while it
// moved (at first, along its first leg). States and transitions, at each update (t_s):
//
//   marching    drives straight at its goal (its station, or while it scoots its displaced
//               point), at most march_speed_mps: p += min(V dt, |goal - p|) (goal - p) / |goal - p|;
//               keeping its station while the column drives slower than V. It reaches its
//               scoot point, or its station while the column stands (speed under kHaltSpeed_mps):
//               -> emplacing, done at t_s + emplace_s.
//   emplacing   the column moves on before it is done -> marching (nothing to pack up yet);
//               t_s >= done -> ready.
//   ready       the only state in which it may launch or radiate. Once its engagements are over
//               (no fire-control channel busy: it guides what it fired to the end) it packs up
//               when the column has moved on, or, after a launch with shoot and scoot while the
//               column stands, to displace: -> march_order, done at t_s + march_order_s.
//   march_order t_s >= done -> marching (to its station, or to its scoot point: its position
//               plus shoot_and_scoot_m to the right of the column's heading, then to the left,
//               alternately).
//
// A unit starts marching at its station: with its column halted at the start it emplaces first.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>

#include "scenario/scenario.h"
#include "world/mover.h"

namespace rampart::world {

enum class Readiness { kMarching, kEmplacing, kReady, kMarchOrder };
const char* to_string(Readiness readiness);

class MobileUnit {
 public:
  /// A column slower than this stands (halted).
  static constexpr double kHaltSpeed_mps = 0.5;
  /// The reason of the march order that begins a shoot-and-scoot displacement.
  static constexpr const char* kScootReason = "shoot and scoot: displacing after its launches";

  /// `start` is its station as its column starts, `heading_rad` the column's first heading.
  MobileUnit(const scenario::Mobility& mobility, const scenario::Point2& start, double heading_rad);

  /// One change of state, with why.
  struct Change {
    Readiness from = Readiness::kMarching;
    Readiness to = Readiness::kMarching;
    std::string reason;
  };

  /// Moves the unit to t_s (dt_s after the last update) with its column at `column` (map
  /// coordinates); `busy`: a fire-control channel of it guides an interceptor or an order is
  /// being carried out; `launched`: it received a fire order since the last update. At most one
  /// change per update.
  std::optional<Change> update(double t_s, double dt_s, const MoverState& column, bool busy, bool launched);

  Readiness readiness() const { return readiness_; }
  bool ready() const { return readiness_ == Readiness::kReady; }
  const scenario::Point2& position() const { return position_; }

 private:
  /// Drives at `goal` for dt_s; true once there.
  bool drive(const scenario::Point2& goal, double dt_s);
  Change become(Readiness to, std::string reason);

  scenario::Mobility mobility_;
  scenario::Point2 position_;
  double heading_rad_;
  Readiness readiness_ = Readiness::kMarching;
  double done_t_s_ = 0.0;            ///< when emplacing or the march order ends
  bool scoot_due_ = false;           ///< launched with shoot and scoot: displace once not busy
  std::optional<scenario::Point2> scoot_goal_;
  double scoot_side_ = 1.0;          ///< +1 right of the column's heading, -1 left; alternates
};

}  // namespace rampart::world
