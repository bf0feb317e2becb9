#include "sim/dis_sender.h"

#include <algorithm>
#include <cmath>

#include <Eigen/Geometry>
#include <fmt/format.h>

#include "core/error.h"
#include "sim/dis_entity_types.h"

namespace rampart::sim {
namespace {

io::DisEntityId no_entity() { return {0, 0, 0}; }

/// The angle of the rotation taking one body attitude to the other: acos((trace(A^T B) - 1) / 2).
double turned_rad(const Eigen::Matrix3d& a, const Eigen::Matrix3d& b) {
  return std::acos(std::clamp(((a.transpose() * b).trace() - 1.0) / 2.0, -1.0, 1.0));
}

}  // namespace

std::uint16_t interceptor_entity_number(std::uint64_t interceptor_id) {
  return static_cast<std::uint16_t>(kInterceptorEntityBase + (interceptor_id - 1) % kInterceptorEntities);
}

Eigen::Vector3d velocity_ecef_mps(const LocalFrame& frame, const Geodetic& g, const Eigen::Vector3d& v_map_mps) {
  const Eigen::Vector3d m = frame.map_point(g);
  const auto ecef = [&](const Eigen::Vector3d& map_m) {
    return geodetic_to_ecef(frame.surface_point(map_m.x(), map_m.y(), map_m.z()));
  };
  return ecef(m + 0.5 * v_map_mps) - ecef(m - 0.5 * v_map_mps);
}

Eigen::Matrix3d ecef_from_body(const Geodetic& g, const Eigen::Vector3d& v_enu_mps) {
  const double ground_mps = v_enu_mps.head<2>().norm();
  const double heading_rad = ground_mps > 0.0 ? std::atan2(v_enu_mps.x(), v_enu_mps.y()) : 0.0;
  const double pitch_rad = std::atan2(v_enu_mps.z(), ground_mps);
  const Eigen::Vector3d x_enu(std::sin(heading_rad) * std::cos(pitch_rad), std::cos(heading_rad) * std::cos(pitch_rad),
                              std::sin(pitch_rad));
  const Eigen::Vector3d y_enu(std::cos(heading_rad), -std::sin(heading_rad), 0.0);
  Eigen::Matrix3d body_enu;
  body_enu << x_enu, y_enu, x_enu.cross(y_enu);
  return ecef_from_enu_rotation(g) * body_enu;
}

Eigen::Vector3d dis_orientation_rad(const Eigen::Matrix3d& r) {
  return {std::atan2(r(1, 0), r(0, 0)), -std::asin(std::clamp(r(2, 0), -1.0, 1.0)), std::atan2(r(2, 1), r(2, 2))};
}

DisSender::DisSender(const std::optional<std::string>& path, const std::optional<std::string>& udp_target,
                     const scenario::Scenario& s, const DisOptions& options)
    : options_(options), frame_(s.origin), fire_units_(s.fire_units) {
  if (path) file_.emplace(*path);
  if (udp_target) udp_.emplace(*udp_target, "--dis");
}

Eigen::Matrix3d DisSender::body_axes(const world::Entity& e) const {
  const Eigen::Vector3d v_ecef_mps = velocity_ecef_mps(frame_, e.geodetic, e.v_enu_mps);
  return ecef_from_body(e.geodetic, ecef_from_enu_rotation(e.geodetic).transpose() * v_ecef_mps);
}

io::DisEntityId DisSender::id(std::uint32_t entity_number) const {
  return {options_.site, options_.application, static_cast<std::uint16_t>(entity_number)};
}

io::DisHeader DisSender::header(double t_s) const {
  io::DisHeader h;
  h.exercise_id = options_.exercise_id;
  h.timestamp_s = t_s;
  h.timestamp_absolute = true;
  return h;
}

void DisSender::send(const io::DisPdu& pdu) {
  const std::vector<std::uint8_t> bytes = io::encode_dis(pdu);
  if (file_) file_->write(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  if (udp_) udp_->send(bytes);
  if (std::holds_alternative<io::DisEntityState>(pdu)) ++counts_.entity_states;
  if (std::holds_alternative<io::DisFire>(pdu)) ++counts_.fires;
  if (std::holds_alternative<io::DisDetonation>(pdu)) ++counts_.detonations;
}

DisSender::Pose DisSender::pose_of(const world::Entity& e) const {
  if (e.id >= kInterceptorEntityBase) {
    throw InputError(fmt::format("--dis: entity {} ({}) cannot be numbered in DIS below the interceptors' {}; "
                                 "run a scenario with fewer entities",
                                 e.id, e.name, kInterceptorEntityBase));
  }
  return {id(e.id),
          e.side == world::Side::kHostile ? io::kDisForceOpposing : io::kDisForceFriendly,
          dis_entity_type(e.kind),
          e.name,
          geodetic_to_ecef(e.geodetic),
          velocity_ecef_mps(frame_, e.geodetic, e.v_enu_mps),
          body_axes(e)};
}

DisSender::Pose DisSender::pose_of(const Round& round, const Eigen::Vector3d& p_enu_m,
                                   const Eigen::Vector3d& v_enu_mps) const {
  // ENU at the origin to ECEF is affine: a velocity turns as the difference of two points.
  const Eigen::Vector3d p_ecef_m = frame_.enu_to_ecef(p_enu_m);
  const Eigen::Vector3d v_ecef_mps = frame_.enu_to_ecef(p_enu_m + v_enu_mps) - p_ecef_m;
  const Geodetic g = ecef_to_geodetic(p_ecef_m);
  return {round.munition, io::kDisForceFriendly, kDisInterceptorType, round.shooter, p_ecef_m, v_ecef_mps,
          ecef_from_body(g, ecef_from_enu_rotation(g).transpose() * v_ecef_mps)};
}

bool DisSender::due(const Sent& sent, const Pose& now, double t_s) const {
  const Eigen::Vector3d dead_reckoned_m = sent.p_ecef_m + sent.v_ecef_mps * (t_s - sent.t_s);
  return (dead_reckoned_m - now.p_ecef_m).norm() > options_.position_threshold_m ||
         turned_rad(sent.ecef_from_body, now.ecef_from_body) > options_.orientation_threshold_rad ||
         t_s >= sent.t_s + options_.heartbeat_s - 1e-9;
}

void DisSender::send_state(const Pose& pose, double t_s, std::uint32_t appearance, Sent& sent) {
  sent.t_s = t_s;
  sent.p_ecef_m = pose.p_ecef_m;
  sent.v_ecef_mps = pose.v_ecef_mps;
  sent.ecef_from_body = pose.ecef_from_body;
  io::DisEntityState pdu;
  pdu.header = header(t_s);
  pdu.id = pose.id;
  pdu.force_id = pose.force_id;
  pdu.type = pose.type;
  pdu.alternative_type = pdu.type;
  pdu.v_ecef_mps = sent.v_ecef_mps;
  pdu.p_ecef_m = sent.p_ecef_m;
  pdu.orientation_rad = dis_orientation_rad(sent.ecef_from_body);
  pdu.appearance = appearance;
  pdu.dead_reckoning_algorithm = io::kDisDeadReckoningFpw;
  pdu.marking = pose.marking;
  send(pdu);
}

void DisSender::send_fire_units(double t_s) {
  fire_units_sent_t_s_ = t_s;
  for (std::size_t i = 0; i < fire_units_.size(); ++i) {
    const scenario::FireUnit& f = fire_units_[i];
    const Geodetic g = frame_.surface_point(f.position.east_m, f.position.north_m, f.site_alt_m);
    io::DisEntityState pdu;
    pdu.header = header(t_s);
    pdu.id = id(kFireUnitEntityBase + static_cast<std::uint32_t>(i));
    pdu.force_id = io::kDisForceFriendly;
    pdu.type = kDisFireUnitType;
    pdu.alternative_type = pdu.type;
    pdu.p_ecef_m = geodetic_to_ecef(g);
    pdu.orientation_rad = dis_orientation_rad(ecef_from_body(g, Eigen::Vector3d::Zero()));
    pdu.dead_reckoning_algorithm = io::kDisDeadReckoningStatic;
    pdu.marking = f.name;
    send(pdu);
  }
}

void DisSender::send_impact(const world::Entity& threat, double t_s) {
  io::DisDetonation pdu;
  pdu.header = header(t_s);
  pdu.firing = id(threat.id);
  pdu.target = no_entity();
  pdu.munition = threat.expendable ? id(threat.id) : no_entity();
  pdu.event = id(next_event_++);
  pdu.v_ecef_mps = velocity_ecef_mps(frame_, threat.geodetic, threat.v_enu_mps);
  pdu.p_ecef_m = geodetic_to_ecef(threat.geodetic);
  pdu.descriptor.munition = dis_entity_type(threat.kind);
  pdu.result = io::kDisResultGroundImpact;
  send(pdu);
}

void DisSender::on(const TruthMoved& e) {
  world_ = &e.world;
  if (!fire_units_sent_t_s_ || e.t_s >= *fire_units_sent_t_s_ + options_.heartbeat_s - 1e-9) send_fire_units(e.t_s);
  for (const world::Entity& x : e.world.entities()) {
    if (x.external || x.state == world::EntityState::kWaiting) continue;
    const auto found = entities_.find(x.id);
    if (found == entities_.end()) {
      if (x.flying()) send_state(pose_of(x), e.t_s, 0, entities_[x.id]);  // it appears
      continue;
    }
    Sent& sent = found->second;
    if (sent.ended) continue;
    if (!x.flying()) {  // it leaves: where the truth last was
      const bool destroyed = x.state == world::EntityState::kKilled || x.state == world::EntityState::kImpacted;
      send_state(pose_of(x), e.t_s, destroyed ? io::kDisAppearanceDestroyed : io::kDisAppearanceDeactivated, sent);
      sent.ended = true;
      continue;
    }
    if (const Pose now = pose_of(x); due(sent, now, e.t_s)) send_state(now, e.t_s, 0, sent);
  }
  for (const world::Arrival& a : e.arrivals) send_impact(e.world.entity(a.entity_id), e.t_s);
}

void DisSender::on(const InterceptorLaunched& e) {
  const engagement::Interceptor& m = e.interceptor;
  Round round;
  round.event = next_event_++;
  round.launch_t_s = m.launch_time_s;
  round.munition = m.burst ? no_entity() : id(interceptor_entity_number(m.id));
  round.shooter = m.shooter;
  if (m.surface_to_air()) {
    const scenario::FireUnit& f = fire_units_.at(m.effector);
    round.firing = id(kFireUnitEntityBase + static_cast<std::uint32_t>(m.effector));
    round.p_ecef_m = geodetic_to_ecef(frame_.surface_point(f.position.east_m, f.position.north_m, f.site_alt_m));
  } else {
    round.firing = id(m.fighter_entity);
    round.p_ecef_m = geodetic_to_ecef(world_->entity(m.fighter_entity).geodetic);  // it flew at the last step
  }
  const Eigen::Vector3d aim_ecef_m = frame_.enu_to_ecef(m.aim_enu_m);
  io::DisFire pdu;
  pdu.header = header(m.launch_time_s);
  pdu.firing = round.firing;
  pdu.target = no_entity();
  pdu.munition = round.munition;
  pdu.event = id(round.event);
  pdu.p_ecef_m = round.p_ecef_m;
  round.descriptor.munition = kDisInterceptorType;
  if (m.burst) {
    round.descriptor.quantity = static_cast<std::uint16_t>(m.burst->rounds);
    round.descriptor.rate = static_cast<std::uint16_t>(std::lround(m.burst->gun.rate_of_fire_rpm));
  }
  pdu.descriptor = round.descriptor;
  pdu.v_ecef_mps = (aim_ecef_m - round.p_ecef_m) / std::max(m.intercept_time_s - m.launch_time_s, 1e-3);
  pdu.range_m = (aim_ecef_m - round.p_ecef_m).norm();
  rounds_[m.id] = round;
  send(pdu);
}

void DisSender::on(const InterceptorResolved& e) {
  const auto found = rounds_.find(e.resolution.interceptor.id);
  if (found == rounds_.end()) return;  // cancelled before it was launched
  Round round = found->second;
  rounds_.erase(found);
  const engagement::Resolution& r = e.resolution;
  io::DisDetonation pdu;
  pdu.header = header(e.t_s);
  pdu.firing = round.firing;
  pdu.munition = round.munition;
  pdu.event = id(round.event);
  pdu.p_ecef_m = frame_.enu_to_ecef(r.intercept_enu_m);
  pdu.v_ecef_mps = (pdu.p_ecef_m - round.p_ecef_m) / std::max(e.t_s - round.launch_t_s, 1e-3);
  pdu.descriptor = round.descriptor;
  pdu.target = no_entity();
  if (r.truth_id != 0 && !e.world.entity(r.truth_id).external) {
    const world::Entity& target = e.world.entity(r.truth_id);
    pdu.target = id(target.id);
    pdu.p_entity_m = body_axes(target).transpose() *
                     (pdu.p_ecef_m - geodetic_to_ecef(target.geodetic));
  }
  switch (r.outcome) {
    case engagement::Outcome::kKill: pdu.result = io::kDisResultEntityImpact; break;
    case engagement::Outcome::kMiss:
    case engagement::Outcome::kNoTarget:
    case engagement::Outcome::kGuidanceLost: pdu.result = io::kDisResultDetonation; break;
    case engagement::Outcome::kAborted: pdu.result = io::kDisResultNone; break;
  }
  send(pdu);
  if (round.sent) {  // the munition entity ends where it detonated
    send_state(pose_of(round, r.intercept_enu_m, r.interceptor.flight.v_enu_mps), e.t_s, io::kDisAppearanceDestroyed,
               *round.sent);
  }
}

void DisSender::on(const InterceptorsFlew& e) {
  for (const engagement::Interceptor& m : e.flying) {
    if (!m.launched || m.burst) continue;
    const auto found = rounds_.find(m.id);
    if (found == rounds_.end()) continue;
    Round& round = found->second;
    const Pose now = pose_of(round, m.flight.p_enu_m, m.flight.v_enu_mps);
    if (!round.sent) {
      send_state(now, e.t_s, 0, round.sent.emplace());  // it appears
    } else if (due(*round.sent, now, e.t_s)) {
      send_state(now, e.t_s, 0, *round.sent);
    }
  }
}

void DisSender::on(const RunEnded&) {
  if (file_) file_->commit();
}

}  // namespace rampart::sim
