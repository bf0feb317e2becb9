#include "c2/feasible_engagements.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "c2/ballistic.h"
#include "core/assignment.h"
#include "messages/gun_ballistics.h"

namespace rampart::c2 {
namespace {

/// C2 fires inside this fraction of the launch acceptability region's maximum launch range: the
/// region assumes a perfect track on a target flying straight, the margin leaves room for the
/// track's error and a manoeuvre.
constexpr double kLaunchRangeMargin = 0.85;

/// The intercept of a target at p_at_launch_enu_m moving at v_enu_mps by `w` launched then,
/// from w's launch acceptability region: none beyond kLaunchRangeMargin of its maximum launch
/// range; the time of flight from its table.
std::optional<Intercept> intercept_in_region(const messages::LaunchRegion& region, const Eigen::Vector3d& p_at_launch_enu_m,
                                             const Eigen::Vector3d& v_enu_mps, const WeaponStatus& w,
                                             double origin_alt_m) {
  const Eigen::Vector3d d_enu_m = p_at_launch_enu_m - w.p_enu_m;
  const double ground_m = d_enu_m.head<2>().norm();
  const Eigen::Vector2d los = ground_m > 0.0 ? Eigen::Vector2d(d_enu_m.head<2>() / ground_m) : Eigen::Vector2d::UnitY();
  const Eigen::Vector2d v_ground_mps = v_enu_mps.head<2>();
  const messages::LaunchRegion::Target target{
      altitude_m(p_at_launch_enu_m, origin_alt_m) - altitude_m(w.p_enu_m, origin_alt_m), -v_ground_mps.dot(los),
      std::abs(los.x() * v_ground_mps.y() - los.y() * v_ground_mps.x())};
  const double range_m = d_enu_m.norm();
  if (range_m > kLaunchRangeMargin * region.max_launch_range_m(target)) return std::nullopt;
  const double time_of_flight_s = region.time_of_flight_s_at(target, range_m);
  return Intercept{time_of_flight_s, p_at_launch_enu_m + v_enu_mps * time_of_flight_s};
}

/// The burst of the gun `w` fired at a target at p_at_launch_enu_m moving at v_enu_mps: the
/// arrival of its middle round (messages/gun_ballistics.h), timed from the first round.
std::optional<Intercept> intercept_by_gun(const messages::GunCharacteristics& gun, const Eigen::Vector3d& p_at_launch_enu_m,
                                          const Eigen::Vector3d& v_enu_mps, const WeaponStatus& w) {
  const auto arrival = messages::burst_arrival(gun, p_at_launch_enu_m - w.p_enu_m, v_enu_mps);
  if (!arrival) return std::nullopt;
  return Intercept{arrival->time_s, p_at_launch_enu_m + v_enu_mps * arrival->time_s};
}

/// The intercept of `track` by `w` launched `lead_s` from now, if it lies in the envelope before
/// the threat arrives: against a ballistic missile, only by a weapon that engages them, on its
/// predicted trajectory (ballistic.h); against any other track, only by a weapon that engages
/// air-breathing targets, in its launch acceptability region, or (a weapon without one) inside
/// its range box at its mean speed.
std::optional<Intercept> feasible_intercept(const ThreatAssessment& threat, const messages::TrackState& track,
                                            const WeaponStatus& w, double origin_alt_m, double order_delay_s) {
  const double lead_s = order_delay_s + w.type.reaction_time_s;
  // The capability filter: a weapon engages only the classes of target it is made for.
  if (threat.ballistic ? !w.type.ballistic_reach : !w.type.engages_air_breathing) return std::nullopt;
  const double floor_m = threat.ballistic ? w.type.min_ballistic_intercept_altitude_m : w.type.min_altitude_m;
  std::optional<Intercept> intercept;
  if (threat.ballistic) {
    intercept = ballistic_intercept(
        *w.type.ballistic_reach, w.p_enu_m, ballistic_position_enu_m(track.position_enu_m(), track.velocity_enu_mps(), lead_s),
        ballistic_velocity_enu_mps(track.velocity_enu_mps(), lead_s), {floor_m, w.type.max_altitude_m, w.type.max_range_m},
        origin_alt_m);
  } else {
    const Eigen::Vector3d p_at_launch_enu_m = track.position_enu_m() + track.velocity_enu_mps() * lead_s;
    intercept = w.type.gun ? intercept_by_gun(*w.type.gun, p_at_launch_enu_m, track.velocity_enu_mps(), w)
                : w.type.launch_region
                    ? intercept_in_region(*w.type.launch_region, p_at_launch_enu_m, track.velocity_enu_mps(), w, origin_alt_m)
                    : predict_intercept(p_at_launch_enu_m, track.velocity_enu_mps(), w.p_enu_m, w.type.interceptor_speed_mps);
  }
  if (!intercept) return std::nullopt;
  const double range_m = (intercept->p_enu_m - w.p_enu_m).norm();
  if (range_m < w.type.min_range_m || range_m > w.type.max_range_m) return std::nullopt;
  if (track.has_height) {
    // The target must be inside the altitude band with its height one standard deviation either
    // way (a ballistic missile above the debris floor).
    const double alt_m = altitude_m(intercept->p_enu_m, origin_alt_m);
    const double sigma_m = std::sqrt(track.P(2, 2));
    if (alt_m - sigma_m < floor_m || alt_m + sigma_m > w.type.max_altitude_m) return std::nullopt;
  }
  if (lead_s + intercept->time_of_flight_s >= threat.time_to_asset_s) return std::nullopt;
  return intercept;
}

/// The rounds of one of w's slots: the doctrine's rounds per engagement for the classes of
/// target it engages, the larger when it engages both.
int rounds_per_slot(const WeaponStatus& w, const Doctrine& doctrine) {
  int rounds = 1;
  if (w.type.engages_air_breathing) rounds = doctrine.rounds_per_engagement(false);
  if (w.type.ballistic_reach) rounds = std::max(rounds, doctrine.rounds_per_engagement(true));
  return rounds;
}

}  // namespace

FeasibleEngagements feasible_engagements(const std::vector<ThreatAssessment>& threats,
                                         const std::map<std::uint32_t, messages::TrackState>& tracks,
                                         const std::vector<WeaponStatus>& weapons, const AssignmentContext& context) {
  FeasibleEngagements e;
  e.slots_of_weapon.resize(weapons.size());
  for (std::size_t w = 0; w < weapons.size(); ++w) {
    if (!weapons[w].ready) continue;  // marching, emplacing or packing up: no slot
    const int rounds_per_engagement = rounds_per_slot(weapons[w], *context.doctrine);
    int channels = weapons[w].free_channels, rounds = weapons[w].ready_rounds;
    while (channels > 0 && rounds > 0) {
      const int r = std::min({rounds_per_engagement, channels, rounds});
      e.slots_of_weapon[w].push_back(static_cast<int>(e.slots.size()));
      e.slots.push_back({w, r});
      channels -= r;
      rounds -= r;
    }
  }
  for (std::size_t j = 0; j < threats.size(); ++j) {
    const messages::TrackState& track = tracks.at(threats[j].track_id);
    for (std::size_t w = 0; w < weapons.size(); ++w) {
      if (e.slots_of_weapon[w].empty()) continue;
      const auto intercept = feasible_intercept(threats[j], track, weapons[w], context.origin_alt_m, context.order_delay_s);
      if (!intercept) continue;
      if (context.in_sight && !context.in_sight(weapons[w].fire_unit, intercept->p_enu_m)) continue;
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
        e.blocked.push_back({weapons[w].fire_unit, track.id, nearest_friend->id, nearest_m});
        continue;
      }
      const bool ballistic = threats[j].ballistic;
      e.candidates.push_back({j, w, *intercept, context.doctrine->rounds_per_engagement(ballistic),
                              context.doctrine->round_interval_s(ballistic)});
    }
  }
  return e;
}

int rounds_fired(const CandidateEngagement& candidate, const Slot& slot) { return std::min(candidate.rounds, slot.rounds); }

double slot_kill_probability(const WeaponStatus& weapon, int rounds) {
  return 1.0 - std::pow(1.0 - weapon.type.kill_probability, rounds);
}

double earlier_intercept_factor(const CandidateEngagement& candidate) {
  return 1.0 - 1e-6 * candidate.intercept.time_of_flight_s;
}

AssignmentResult orders_for(const FeasibleEngagements& engagements, const std::vector<Shot>& shots,
                            const std::vector<ThreatAssessment>& threats, const std::vector<WeaponStatus>& weapons) {
  AssignmentResult result;
  result.blocked = engagements.blocked;
  for (const Shot& shot : shots) {
    const CandidateEngagement& c = engagements.candidates[static_cast<std::size_t>(shot.candidate)];
    const int rounds = rounds_fired(c, engagements.slots[static_cast<std::size_t>(shot.slot)]);
    result.orders.push_back({weapons[c.weapon].fire_unit, threats[c.threat].track_id, rounds, c.intercept.time_of_flight_s,
                             c.intercept.p_enu_m, rounds > 1 ? c.round_interval_s : 0.0});
  }
  return result;
}

std::vector<Shot> best_matching(const FeasibleEngagements& engagements, std::size_t threats,
                                const std::function<double(const CandidateEngagement&, const Slot&)>& weight) {
  struct Edge {
    int candidate;
    int slot;
    double weight;
  };
  std::vector<Edge> edges;
  double max_weight = 0.0;
  for (std::size_t c = 0; c < engagements.candidates.size(); ++c) {
    const CandidateEngagement& candidate = engagements.candidates[c];
    for (const int slot : engagements.slots_of_weapon[candidate.weapon]) {
      const double w = weight(candidate, engagements.slots[static_cast<std::size_t>(slot)]);
      if (w <= 0.0) continue;
      edges.push_back({static_cast<int>(c), slot, w});
      max_weight = std::max(max_weight, w);
    }
  }
  if (edges.empty()) return {};
  // Costs big - weight >= big / 2 > 0, and leaving a threat out costs big: any edge beats no edge
  // for one threat, and the total cost is the smallest where the total weight is the largest.
  const double big = 2.0 * max_weight;
  AssignmentProblem problem;
  problem.rows = static_cast<int>(threats);
  problem.cols = static_cast<int>(engagements.slots.size());
  problem.unassigned_cost.assign(threats, big);
  std::map<std::pair<int, int>, int> candidate_of;  // (threat, slot) -> candidate
  for (const Edge& edge : edges) {
    const int row = static_cast<int>(engagements.candidates[static_cast<std::size_t>(edge.candidate)].threat);
    problem.edges.push_back({row, edge.slot, big - edge.weight});
    candidate_of[{row, edge.slot}] = edge.candidate;
  }
  const AssignmentSolution solution = solve_assignment(problem);
  std::vector<Shot> shots;
  for (int row = 0; row < problem.rows; ++row) {
    const int slot = solution.col_for_row[static_cast<std::size_t>(row)];
    if (slot >= 0) shots.push_back({candidate_of.at({row, slot}), slot});
  }
  return shots;
}

}  // namespace rampart::c2
