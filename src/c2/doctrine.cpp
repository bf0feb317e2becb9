#include "c2/doctrine.h"

namespace rampart::c2 {

scenario::WeaponsControl Doctrine::control_at(const Eigen::Vector3d& p_enu_m, double t_s) const {
  if (ordered_) return *ordered_;
  const scenario::ControlZone* innermost = nullptr;
  for (const auto& z : settings_.zones) {
    if (t_s < z.start_time_s || t_s >= z.end_time_s) continue;
    const double d_m = (p_enu_m.head<2>() - Eigen::Vector2d(z.center.east_m, z.center.north_m)).norm();
    if (d_m <= z.radius_m && (!innermost || z.radius_m < innermost->radius_m)) innermost = &z;
  }
  return innermost ? innermost->control : settings_.weapons_control;
}

bool Doctrine::permits(Identity identity, scenario::WeaponsControl control) {
  switch (control) {
    case scenario::WeaponsControl::kHold: return false;
    case scenario::WeaponsControl::kTight: return identity == Identity::kHostile;
    case scenario::WeaponsControl::kFree:
      return identity == Identity::kHostile || identity == Identity::kSuspect || identity == Identity::kUnknown;
  }
  return false;
}

int Doctrine::rounds_per_engagement(bool ballistic) const {
  if (ballistic) return settings_.ballistic_salvo;
  return settings_.doctrine == scenario::FireDoctrine::kSalvo ? settings_.salvo_size : 1;
}

double Doctrine::round_interval_s(bool ballistic) const { return ballistic ? settings_.ballistic_salvo_interval_s : 0.0; }

const char* Doctrine::name() const {
  return settings_.doctrine == scenario::FireDoctrine::kSalvo ? "salvo" : "shoot_look_shoot";
}

}  // namespace rampart::c2
