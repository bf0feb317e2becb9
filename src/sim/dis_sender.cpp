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

void DisSender::send_entity(const world::Entity& e, double t_s, std::uint32_t appearance, Sent& sent) {
  if (e.id >= kFireUnitEntityBase) {
    throw InputError(fmt::format("--dis: entity {} ({}) cannot be numbered in DIS below the fire units' {}; "
                                 "run a scenario with fewer entities",
                                 e.id, e.name, kFireUnitEntityBase));
  }
  sent.t_s = t_s;
  sent.p_ecef_m = geodetic_to_ecef(e.geodetic);
  sent.v_ecef_mps = velocity_ecef_mps(frame_, e.geodetic, e.v_enu_mps);
  sent.ecef_from_body = body_axes(e);
  io::DisEntityState pdu;
  pdu.header = header(t_s);
  pdu.id = id(e.id);
  pdu.force_id = e.side == world::Side::kHostile ? io::kDisForceOpposing : io::kDisForceFriendly;
  pdu.type = dis_entity_type(e.kind);
  pdu.alternative_type = pdu.type;
  pdu.v_ecef_mps = sent.v_ecef_mps;
  pdu.p_ecef_m = sent.p_ecef_m;
  pdu.orientation_rad = dis_orientation_rad(sent.ecef_from_body);
  pdu.appearance = appearance;
  pdu.dead_reckoning_algorithm = io::kDisDeadReckoningFpw;
  pdu.marking = e.name;
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
      if (x.flying()) send_entity(x, e.t_s, 0, entities_[x.id]);  // it appears
      continue;
    }
    Sent& sent = found->second;
    if (sent.ended) continue;
    if (!x.flying()) {  // it leaves: where the truth last was
      const bool destroyed = x.state == world::EntityState::kKilled || x.state == world::EntityState::kImpacted;
      send_entity(x, e.t_s, destroyed ? io::kDisAppearanceDestroyed : io::kDisAppearanceDeactivated, sent);
      sent.ended = true;
      continue;
    }
    const Eigen::Vector3d dead_reckoned_m = sent.p_ecef_m + sent.v_ecef_mps * (e.t_s - sent.t_s);
    if ((dead_reckoned_m - geodetic_to_ecef(x.geodetic)).norm() > options_.position_threshold_m ||
        turned_rad(sent.ecef_from_body, body_axes(x)) > options_.orientation_threshold_rad ||
        e.t_s >= sent.t_s + options_.heartbeat_s - 1e-9) {
      send_entity(x, e.t_s, 0, sent);
    }
  }
  for (const world::Arrival& a : e.arrivals) send_impact(e.world.entity(a.entity_id), e.t_s);
}

void DisSender::on(const InterceptorLaunched& e) {
  const engagement::Interceptor& m = e.interceptor;
  Round round;
  round.event = next_event_++;
  round.launch_t_s = m.launch_time_s;
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
  pdu.munition = no_entity();
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
  const Round round = found->second;
  rounds_.erase(found);
  const engagement::Resolution& r = e.resolution;
  io::DisDetonation pdu;
  pdu.header = header(e.t_s);
  pdu.firing = round.firing;
  pdu.munition = no_entity();
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
}

void DisSender::on(const RunEnded&) {
  if (file_) file_->commit();
}

}  // namespace rampart::sim
