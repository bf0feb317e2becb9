// A fighter's airborne intercept radar: what gives the pilot a fire-control solution of his own.
//
// The radar looks ahead: a target is in its search cone when its bearing from the fighter lies
// within half_angle_deg of the nose (the horizontal direction of the fighter's velocity; the last
// one it had while standing on a goal), at any elevation. Every scan_period_s it looks once at
// each flying entity in the cone and detects it with the probability of one Swerling 1 look of a
// square-law detector (sensors/detection.h, one pulse, false-alarm probability kAirInterceptPfa):
//   Pd = Pfa^(1 / (1 + SNR)),   SNR(R, sigma) = SNR_ref (sigma / sigma_ref) (R_ref / R)^4,
// with SNR_ref the SNR for which one look gives the reference pd (the radar equation: the echo
// falls as R^-4 and grows with the cross-section). So a target of sigma is detected with the
// reference pd at R_ref (sigma / sigma_ref)^(1/4). The looks at a target are the successive draws
// of the stream (seed, (fighter, target), detection). No terrain masking, horizon, clutter or jamming: the
// notional radar looks from altitude at targets in the air.
// A lock is a detection in the latest scan, no older than one scan period, of an entity within
// kLockGate_m of the position C2's track cues it to.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/random.h"
#include "scenario/scenario.h"
#include "world/world.h"

namespace rampart::sensors {

inline constexpr double kAirInterceptPfa = 1e-6;
inline constexpr double kLockGate_m = 3000.0;

class AirInterceptRadar {
 public:
  AirInterceptRadar(const scenario::AirInterceptRadar& spec, std::uint64_t seed, std::uint32_t fighter_id);

  /// The probability that one look detects a target of rcs_m2 at range_m.
  double detection_probability(double rcs_m2, double range_m) const;
  /// Whether p_target_enu_m lies within the search cone of a fighter at p_fighter_enu_m.
  bool in_cone(const Eigen::Vector3d& p_fighter_enu_m, const Eigen::Vector3d& p_target_enu_m) const;
  /// Scans when a scan period has passed since the last scan (the first at once): looks at every
  /// flying entity but the fighter in the cone. Updates the nose from the fighter's velocity.
  void scan(double t_s, const world::Entity& fighter, const std::vector<world::Entity>& entities);
  /// The entity of the latest scan's detections (made no more than a scan period before t_s)
  /// nearest cue_enu_m, within kLockGate_m of it; none when there is none.
  std::optional<std::uint32_t> lock(double t_s, const Eigen::Vector3d& cue_enu_m) const;

 private:
  struct Detection {
    std::uint32_t entity_id = 0;
    Eigen::Vector3d p_enu_m = Eigen::Vector3d::Zero();
  };
  scenario::AirInterceptRadar spec_;
  std::uint64_t seed_;
  std::uint32_t fighter_id_;
  double reference_snr_;
  double cos_half_angle_;
  Eigen::Vector2d nose_ = Eigen::Vector2d::UnitY();
  std::optional<double> last_scan_s_;
  std::map<std::uint32_t, RandomStream> draws_;  ///< per target: its looks in turn
  std::vector<Detection> detections_;
};

}  // namespace rampart::sensors
