// Own forces from their position reports: C2 knows where its own aircraft are only from what
// they report over the data link, never from truth.
//
// Each airborne unit reports every datalink_period_s (scenario c2); a report reaches C2
// datalink_latency_s after it was made (the link delivers it; the store takes what arrives).
// C2 uses each unit's latest report extrapolated at constant velocity to now,
//   p(t) = p_report + v_report (t - t_report),
// and forgets a unit whose latest report is older than kStaleReports periods plus the latency
// (it landed, or its link failed).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <vector>

#include "messages/reports.h"

namespace rampart::c2 {

using messages::PositionReport;

/// Reports missed in a row before C2 forgets a unit.
inline constexpr double kStaleReports = 3.0;

class OwnForcePicture {
 public:
  OwnForcePicture(double period_s, double latency_s) : max_age_s_(kStaleReports * period_s + latency_s) {}

  /// A report arrived; an older one than the latest held is ignored (links reorder).
  void receive(const PositionReport& report);
  /// Every unit with a fresh report, its position extrapolated to t_s.
  std::map<std::uint32_t, Eigen::Vector3d> positions_at(double t_s) const;
  /// The same as reports: position extrapolated to t_s, velocity and measurement time as reported.
  std::vector<PositionReport> reports_at(double t_s) const;

 private:
  double max_age_s_;
  std::map<std::uint32_t, PositionReport> latest_;
};

}  // namespace rampart::c2
