#include "c2/position_reports.h"

namespace rampart::c2 {

void OwnForcePicture::receive(const PositionReport& report) {
  const auto it = latest_.find(report.entity_id);
  if (it == latest_.end() || it->second.t_s <= report.t_s) latest_[report.entity_id] = report;
}

std::map<std::uint32_t, Eigen::Vector3d> OwnForcePicture::positions_at(double t_s) const {
  std::map<std::uint32_t, Eigen::Vector3d> out;
  for (const auto& [id, r] : latest_) {
    const double age_s = t_s - r.t_s;
    if (age_s > max_age_s_) continue;
    out[id] = r.p_enu_m + r.v_enu_mps * age_s;
  }
  return out;
}

}  // namespace rampart::c2
