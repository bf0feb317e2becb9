#include "sensors/air_intercept_radar.h"

#include <cmath>

#include "core/random.h"
#include "core/units.h"
#include "sensors/detection.h"

namespace rampart::sensors {

namespace {
constexpr int kSwerlingCase = 1;
constexpr int kOneLook = 1;
/// Keeps the fighters' radar draws apart from the ground sensors' (radars use their index, IRST 3000+).
constexpr std::uint64_t kAirInterceptKey = 1ULL << 32;
}  // namespace

AirInterceptRadar::AirInterceptRadar(const scenario::AirInterceptRadar& spec, std::uint64_t seed,
                                     std::uint32_t fighter_id)
    : spec_(spec),
      seed_(seed),
      fighter_id_(fighter_id),
      reference_snr_(required_snr(kSwerlingCase, kOneLook, Integration::kNoncoherent, spec.reference.pd, kAirInterceptPfa)),
      cos_half_angle_(std::cos(deg_to_rad(spec.half_angle_deg))) {}

double AirInterceptRadar::detection_probability(double rcs_m2, double range_m) const {
  const double range_ratio = spec_.reference.range_m / std::max(range_m, 1.0);
  const double snr = reference_snr_ * (rcs_m2 / spec_.reference.rcs_m2) * std::pow(range_ratio, 4);
  return sensors::detection_probability(kSwerlingCase, kOneLook, Integration::kNoncoherent, snr, kAirInterceptPfa);
}

bool AirInterceptRadar::in_cone(const Eigen::Vector3d& p_fighter_enu_m, const Eigen::Vector3d& p_target_enu_m) const {
  const Eigen::Vector2d to_target = (p_target_enu_m - p_fighter_enu_m).head<2>();
  if (to_target.norm() < 1.0) return true;
  return nose_.dot(to_target.normalized()) >= cos_half_angle_;
}

void AirInterceptRadar::scan(double t_s, const world::Entity& fighter, const std::vector<world::Entity>& entities) {
  const Eigen::Vector2d v_mps = fighter.v_enu_mps.head<2>();
  if (v_mps.norm() > 1.0) nose_ = v_mps.normalized();
  if (last_scan_s_ && t_s - *last_scan_s_ < spec_.scan_period_s) return;
  last_scan_s_ = t_s;
  detections_.clear();
  for (const world::Entity& e : entities) {
    if (!e.flying() || e.id == fighter_id_ || !in_cone(fighter.p_enu_m, e.p_enu_m)) continue;
    auto draws = draws_.find(e.id);
    if (draws == draws_.end())
      draws = draws_.emplace(e.id, RandomStream(seed_, entity_key(kAirInterceptKey + fighter_id_, e.id), Purpose::kDetection))
                  .first;
    if (draws->second.bernoulli(detection_probability(e.rcs_m2, (e.p_enu_m - fighter.p_enu_m).norm())))
      detections_.push_back({e.id, e.p_enu_m});
  }
}

std::optional<std::uint32_t> AirInterceptRadar::lock(double t_s, const Eigen::Vector3d& cue_enu_m) const {
  if (!last_scan_s_ || t_s - *last_scan_s_ > spec_.scan_period_s) return std::nullopt;
  std::optional<std::uint32_t> best;
  double best_m = kLockGate_m;
  for (const Detection& d : detections_) {
    const double miss_m = (d.p_enu_m - cue_enu_m).norm();
    if (miss_m <= best_m) {
      best = d.entity_id;
      best_m = miss_m;
    }
  }
  return best;
}

}  // namespace rampart::sensors
