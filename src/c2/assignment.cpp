#include "c2/assignment.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "c2/intercept.h"
#include "core/assignment.h"

namespace rampart::c2 {
namespace {

struct Slot {
  std::size_t weapon = 0;
  int rounds = 1;
};

/// The intercept of `track` by `w` launched `lead_s` from now, if it lies in the envelope before
/// the threat arrives.
std::optional<Intercept> feasible_intercept(const ThreatAssessment& threat, const messages::TrackState& track,
                                            const WeaponStatus& w, double origin_alt_m, double order_delay_s) {
  const double lead_s = order_delay_s + w.type.reaction_time_s;
  const Eigen::Vector3d p_at_launch_enu_m = track.position_enu_m() + track.velocity_enu_mps() * lead_s;
  const auto intercept = predict_intercept(p_at_launch_enu_m, track.velocity_enu_mps(), w.p_enu_m,
                                           w.type.interceptor_speed_mps);
  if (!intercept) return std::nullopt;
  const double range_m = (intercept->p_enu_m - w.p_enu_m).norm();
  if (range_m < w.type.min_range_m || range_m > w.type.max_range_m) return std::nullopt;
  if (track.has_height) {
    // The target must be inside the altitude band with its height one standard deviation either way.
    const double alt_m = altitude_m(intercept->p_enu_m, origin_alt_m);
    const double sigma_m = std::sqrt(track.P(2, 2));
    if (alt_m - sigma_m < w.type.min_altitude_m || alt_m + sigma_m > w.type.max_altitude_m) return std::nullopt;
  }
  if (lead_s + intercept->time_of_flight_s >= threat.time_to_asset_s) return std::nullopt;
  return intercept;
}

}  // namespace

AssignmentResult assign_weapons(const std::vector<ThreatAssessment>& threats,
                                const std::map<std::uint32_t, messages::TrackState>& tracks,
                                const std::vector<WeaponStatus>& weapons, const AssignmentContext& context) {
  AssignmentResult result;
  const int rounds_per_engagement = context.doctrine->rounds_per_engagement();
  std::vector<Slot> slots;
  std::vector<std::vector<int>> slots_of_weapon(weapons.size());
  for (std::size_t w = 0; w < weapons.size(); ++w) {
    int channels = weapons[w].free_channels, rounds = weapons[w].ready_rounds;
    while (channels > 0 && rounds > 0) {
      const int r = std::min({rounds_per_engagement, channels, rounds});
      slots_of_weapon[w].push_back(static_cast<int>(slots.size()));
      slots.push_back({w, r});
      channels -= r;
      rounds -= r;
    }
  }

  struct Candidate {
    int row;
    std::size_t weapon;
    Intercept intercept;
    double benefit;
  };
  std::vector<Candidate> candidates;
  for (std::size_t j = 0; j < threats.size(); ++j) {
    const messages::TrackState& track = tracks.at(threats[j].track_id);
    for (std::size_t w = 0; w < weapons.size(); ++w) {
      if (slots_of_weapon[w].empty()) continue;
      const auto intercept = feasible_intercept(threats[j], track, weapons[w], context.origin_alt_m, context.order_delay_s);
      if (!intercept) continue;
      const auto control = context.doctrine->control_at(intercept->p_enu_m, context.t_s);
      if (!Doctrine::permits(context.identity(track.id), control)) continue;
      const messages::TrackState* nearest_friend = nullptr;
      double nearest_m = context.deconfliction_radius_m;
      for (const auto& f : context.friendly_tracks) {
        const double d_m = (f.position_enu_m() - intercept->p_enu_m).head<2>().norm();
        if (d_m <= nearest_m) {
          nearest_m = d_m;
          nearest_friend = &f;
        }
      }
      if (nearest_friend) {
        result.blocked.push_back({weapons[w].fire_unit, track.id, nearest_friend->id, nearest_m});
        continue;
      }
      // Expected value destroyed; a millionth per second of flight prefers the earlier intercept.
      const double benefit = threats[j].score * weapons[w].type.kill_probability * (1.0 - 1e-6 * intercept->time_of_flight_s);
      if (benefit > 0.0) candidates.push_back({static_cast<int>(j), w, *intercept, benefit});
    }
  }
  if (candidates.empty()) return result;

  double max_benefit = 0.0;
  for (const auto& c : candidates) max_benefit = std::max(max_benefit, c.benefit);
  const double big = 2.0 * max_benefit;
  AssignmentProblem problem;
  problem.rows = static_cast<int>(threats.size());
  problem.cols = static_cast<int>(slots.size());
  problem.unassigned_cost.assign(threats.size(), big);
  std::map<std::pair<int, int>, const Candidate*> by_edge;
  for (const auto& c : candidates) {
    for (const int slot : slots_of_weapon[c.weapon]) {
      problem.edges.push_back({c.row, slot, big - c.benefit});
      by_edge[{c.row, slot}] = &c;
    }
  }
  const AssignmentSolution solution = solve_assignment(problem);
  for (int row = 0; row < problem.rows; ++row) {
    const int slot = solution.col_for_row[row];
    if (slot < 0) continue;
    const Candidate& c = *by_edge.at({row, slot});
    result.orders.push_back({weapons[c.weapon].fire_unit, threats[row].track_id, slots[slot].rounds,
                             c.intercept.time_of_flight_s, c.intercept.p_enu_m});
  }
  return result;
}

}  // namespace rampart::c2
