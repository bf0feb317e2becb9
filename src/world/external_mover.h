// The mover of an externally driven entity: another simulator owns it and reports its state
// (over DIS: sim/dis_listener.h), and between reports this mover dead-reckons it as DIS's
// DRM(F, P, W) does, at constant velocity from the latest report.
//
// A report (ExternalFix) gives the time it holds for, the ECEF position p and velocity v. The
// mover keeps it in the scenario's map coordinates (world/mover.h): m0 = map(p) through
// LocalFrame::map_point, and the map-coordinate rate
//     w = map(p + v * 1 s) - map(p)   per second,
// the rate of the straight ECEF line p + v t at the fix (exact to first order in t; the map's
// curvature over a second of flight is far below a metre). At time t the state is
//     m(t) = m0 + w (t - t_fix),   v_enu_mps = w.
// It never finishes: World::end_external takes it out of the air when its owner says so.
#pragma once

#include <Eigen/Core>

#include "core/geodesy.h"
#include "world/mover.h"

namespace rampart::world {

/// One report of an external entity's state.
struct ExternalFix {
  double t_s = 0.0;  ///< simulated time the report holds for
  Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_ecef_mps = Eigen::Vector3d::Zero();
};

class ExternalMover final : public Mover {
 public:
  /// Starts at `first` (the entity's start time is first.t_s) in the map of `frame`.
  ExternalMover(const LocalFrame& frame, const ExternalFix& first);

  /// The latest report: the motion continues from it.
  void report(const ExternalFix& fix);
  /// The state at the entity's start time plus flight_time_s, dead-reckoned from the latest report.
  MoverState advance(double flight_time_s, double dt_s) override;

 private:
  LocalFrame frame_;
  double start_t_s_;
  double fix_t_s_ = 0.0;
  Eigen::Vector3d fix_map_m_ = Eigen::Vector3d::Zero();  ///< east_m, north_m, altitude_m
  Eigen::Vector3d w_map_mps_ = Eigen::Vector3d::Zero();
};

}  // namespace rampart::world
