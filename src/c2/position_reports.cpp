#include "c2/position_reports.h"

namespace rampart::c2 {

void OwnForcePicture::receive(const PositionReport& report) {
  const auto it = latest_.find(report.entity_id);
  if (it == latest_.end() || it->second.t_s <= report.t_s) latest_[report.entity_id] = report;
}

std::vector<PositionReport> OwnForcePicture::reports_at(double t_s) const {
  std::vector<PositionReport> out;
  for (const auto& [id, r] : latest_) {
    const double age_s = t_s - r.t_s;
    if (age_s > max_age_s_) continue;
    out.push_back({id, r.t_s, r.p_enu_m + r.v_enu_mps * age_s, r.v_enu_mps});
  }
  return out;
}

std::map<std::uint32_t, Eigen::Vector3d> OwnForcePicture::positions_at(double t_s) const {
  std::map<std::uint32_t, Eigen::Vector3d> out;
  for (const auto& r : reports_at(t_s)) out[r.entity_id] = r.p_enu_m;
  return out;
}

}  // namespace rampart::c2
