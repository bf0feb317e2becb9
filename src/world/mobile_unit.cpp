#include "world/mobile_unit.h"

#include <cmath>
#include <utility>

namespace rampart::world {

const char* to_string(Readiness readiness) {
  switch (readiness) {
    case Readiness::kMarching: return "marching";
    case Readiness::kEmplacing: return "emplacing";
    case Readiness::kReady: return "ready";
    case Readiness::kMarchOrder: return "march_order";
  }
  return "?";
}

MobileUnit::MobileUnit(const scenario::Mobility& mobility, const scenario::Point2& start, double heading_rad)
    : mobility_(mobility), position_(start), heading_rad_(heading_rad) {}

bool MobileUnit::drive(const scenario::Point2& goal, double dt_s) {
  const double de = goal.east_m - position_.east_m, dn = goal.north_m - position_.north_m;
  const double gap_m = std::hypot(de, dn), step_m = mobility_.march_speed_mps * dt_s;
  if (gap_m <= step_m) {
    position_ = goal;
    return true;
  }
  position_.east_m += de * step_m / gap_m;
  position_.north_m += dn * step_m / gap_m;
  return false;
}

MobileUnit::Change MobileUnit::become(Readiness to, std::string reason) {
  Change change{readiness_, to, std::move(reason)};
  readiness_ = to;
  return change;
}

std::optional<MobileUnit::Change> MobileUnit::update(double t_s, double dt_s, const MoverState& column, bool busy,
                                                     bool launched) {
  const double column_speed_mps = std::hypot(column.v_enu_mps.x(), column.v_enu_mps.y());
  const bool halted = column_speed_mps < kHaltSpeed_mps;
  if (!halted) heading_rad_ = std::atan2(column.v_enu_mps.x(), column.v_enu_mps.y());
  const scenario::Point2 station = scenario::station_of(mobility_, {column.east_m, column.north_m}, heading_rad_);
  scoot_due_ = scoot_due_ || (launched && mobility_.shoot_and_scoot_m.has_value());
  switch (readiness_) {
    case Readiness::kMarching:
      if (scoot_goal_) {
        if (!drive(*scoot_goal_, dt_s)) return std::nullopt;
        scoot_goal_.reset();
        done_t_s_ = t_s + mobility_.emplace_s;
        return become(Readiness::kEmplacing, "reached its scoot point");
      }
      if (!drive(station, dt_s) || !halted) return std::nullopt;
      done_t_s_ = t_s + mobility_.emplace_s;
      return become(Readiness::kEmplacing, "halted on its station");
    case Readiness::kEmplacing:
      if (!halted) return become(Readiness::kMarching, "the column moved on before it was emplaced");
      if (t_s < done_t_s_) return std::nullopt;
      return become(Readiness::kReady, "emplaced");
    case Readiness::kReady:
      if (busy || (halted && !scoot_due_)) return std::nullopt;
      done_t_s_ = t_s + mobility_.march_order_s;
      if (!halted) {
        scoot_due_ = false;  // following the column displaces it anyway
        return become(Readiness::kMarchOrder, "the column moved on");
      }
      scoot_due_ = false;
      scoot_goal_ = scenario::Point2{
          position_.east_m + scoot_side_ * *mobility_.shoot_and_scoot_m * std::cos(heading_rad_),
          position_.north_m - scoot_side_ * *mobility_.shoot_and_scoot_m * std::sin(heading_rad_)};
      scoot_side_ = -scoot_side_;
      return become(Readiness::kMarchOrder, kScootReason);
    case Readiness::kMarchOrder:
      if (t_s < done_t_s_) return std::nullopt;
      return become(Readiness::kMarching, scoot_goal_ ? "to its scoot point" : "to its station");
  }
  return std::nullopt;
}

}  // namespace rampart::world
