#include "world/external_mover.h"

namespace rampart::world {

ExternalMover::ExternalMover(const LocalFrame& frame, const ExternalFix& first)
    : frame_(frame), start_t_s_(first.t_s) {
  report(first);
}

void ExternalMover::report(const ExternalFix& fix) {
  fix_t_s_ = fix.t_s;
  fix_map_m_ = frame_.map_point(ecef_to_geodetic(fix.p_ecef_m));
  w_map_mps_ = frame_.map_point(ecef_to_geodetic(fix.p_ecef_m + fix.v_ecef_mps)) - fix_map_m_;
}

MoverState ExternalMover::advance(double flight_time_s, double) {
  const Eigen::Vector3d m = fix_map_m_ + w_map_mps_ * (start_t_s_ + flight_time_s - fix_t_s_);
  return {.east_m = m.x(), .north_m = m.y(), .altitude_m = m.z(), .v_enu_mps = w_map_mps_};
}

}  // namespace rampart::world
