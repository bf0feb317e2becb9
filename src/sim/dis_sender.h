// The DIS sink of the event stream (`rampart run --dis HOST:PORT`, `--dis-file FILE`): what a
// simulator federated over IEEE 1278.1 DIS version 7 (io/dis_pdu.h) sends of a run, one PDU per
// UDP datagram, and the same PDUs laid end to end in the file (published when the run ends,
// io::AtomicFile). PDUs go out as the kernel publishes, so under --realtime they are paced to
// simulated time like everything else.
//
// Entity State PDUs, for every entity of this simulation in the air (threats, friendlies,
// fighters; external entities are their owner's to send), entity ID (site, application, the
// truth id), force ID 2 opposing for hostiles and 1 friendly, entity type by kind
// (dis_entity_types.h), marking the name's first 11 characters, ECEF location and velocity,
// orientation with the body's x axis along the velocity, wings level (dis_orientation_rad), dead
// reckoning DRM(F, P, W) (algorithm 2: p(t) = p0 + v0 (t - t0)). Sent when the entity appears,
// then at a motion step when the position dead-reckoned from the last PDU sent is more than
// position_threshold_m from the truth or the orientation has turned more than
// orientation_threshold_rad from the last sent, or heartbeat_s has passed since it (the
// IEEE 1278.1 defaults: 1 m, 3 deg, 5 s), and a last one when it leaves the air: appearance
// damage 'destroyed' when killed or impacted, state 'deactivated' when it departs or lands.
// Fire units are ground entities: entity number kFireUnitEntityBase + their index, land platform,
// static dead reckoning, an Entity State PDU at the first step and every heartbeat.
// Interceptors in flight (surface-to-air and air-to-air missiles; a gun's burst is not an
// entity) are munition entities (IEEE 1278.1 tracked munitions): entity number
// interceptor_entity_number(id), force 1, type kDisInterceptorType, marking the shooter's name,
// DRM(F, P, W), their flyout's position and velocity (ENU at the origin turned into ECEF), sent
// by the same rules from the first engagement step after their launch time to their end: after
// the Detonation PDU a last Entity State PDU at the detonation point with damage 'destroyed', as
// every entity of ours that ends in the air gets (so a receiver that does not read Detonation
// PDUs removes it at once, not after its 12 s time-out).
//
// A Fire PDU for every interceptor launched: firing entity the fire unit (or the fighter), target
// unknown (0:0:0: the launch is on a track, and which entity the seeker homes on is decided at
// the end), munition the interceptor's entity ID (0:0:0 for a gun's burst), event number counted
// from 1, location the launcher, velocity the mean velocity to the aim point over the time of
// flight, range the distance to it. A Detonation PDU for each of them at its resolution, same
// event ID and munition, at the intercept point, target the entity hit or homed on (0:0:0 for
// none or an external one), location in that entity's body axes, result entity impact for a
// kill, detonation for a miss or no target, none for an interceptor destroyed in flight on C2's
// order; and one for each threat reaching its asset (firing and munition the threat, result
// ground impact). Timestamps are the simulated time past the hour, absolute (the run starts at
// 00:00:00 UTC). A gun's burst is one Fire and one Detonation PDU like an interceptor's, its
// burst descriptor giving the rounds (quantity) and the rate of fire (rate, rounds per minute).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/geodesy.h"
#include "core/units.h"
#include "io/atomic_file.h"
#include "io/dis_pdu.h"
#include "io/udp_sender.h"
#include "scenario/scenario.h"
#include "sim/events.h"

namespace rampart::sim {

struct DisOptions {
  std::uint16_t site = 1;
  std::uint16_t application = 1;
  std::uint8_t exercise_id = 1;
  double position_threshold_m = 1.0;
  double orientation_threshold_rad = deg_to_rad(3.0);
  double heartbeat_s = 5.0;
};

/// DIS entity numbers of the fire units: this plus their index in the scenario.
inline constexpr std::uint16_t kFireUnitEntityBase = 60001;
/// DIS entity numbers of the interceptors: kInterceptorEntityBase + (id - 1) mod
/// kInterceptorEntities, below the fire units' (a number comes back only after 20,000 later
/// launches, long after its interceptor ended). Entities of the world (numbered from 1) must stay
/// below kInterceptorEntityBase.
inline constexpr std::uint16_t kInterceptorEntityBase = 40001;
inline constexpr std::uint16_t kInterceptorEntities = kFireUnitEntityBase - kInterceptorEntityBase;
std::uint16_t interceptor_entity_number(std::uint64_t interceptor_id);

/// The ECEF velocity of an entity at `g` moving at `v_map_mps` in the map coordinates of `frame`
/// (world/mover.h: the rate of east_m, north_m, altitude_m, which World records as v_enu_mps):
/// the central difference ecef(m + v/2) - ecef(m - v/2) over one second about its map point m
/// (LocalFrame::map_point). The map's axes turn from the ENU axes at the entity by d / R,
/// so rotating v_map_mps as if it were ENU would put a dead-reckoned position off by metres
/// within seconds.
Eigen::Vector3d velocity_ecef_mps(const LocalFrame& frame, const Geodetic& g, const Eigen::Vector3d& v_map_mps);

/// The rotation from an entity's body axes (x forward along v_enu_mps, y right, z down, wings
/// level; facing north when still) to ECEF, at `g`.
Eigen::Matrix3d ecef_from_body(const Geodetic& g, const Eigen::Vector3d& v_enu_mps);
/// DIS orientation (psi, theta, phi) of that rotation R = Rz(psi) Ry(theta) Rx(phi):
/// psi = atan2(R10, R00), theta = -asin(R20), phi = atan2(R21, R22).
Eigen::Vector3d dis_orientation_rad(const Eigen::Matrix3d& ecef_from_body);

class DisSender : public EventSink {
 public:
  /// What was sent so far.
  struct Counts {
    std::size_t entity_states = 0;
    std::size_t fires = 0;
    std::size_t detonations = 0;
  };

  /// Opens `path` (an InputError when it cannot be written) and the UDP socket to `udp_target`
  /// (HOST:PORT), each when given; option values are checked by the caller.
  DisSender(const std::optional<std::string>& path, const std::optional<std::string>& udp_target,
            const scenario::Scenario& s, const DisOptions& options);

  void on(const TruthMoved& e) override;
  void on(const InterceptorLaunched& e) override;
  void on(const InterceptorResolved& e) override;
  void on(const InterceptorsFlew& e) override;
  void on(const RunEnded& e) override;

  const Counts& counts() const { return counts_; }

 private:
  /// An entity of ours as last sent.
  struct Sent {
    double t_s = 0.0;
    Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();
    Eigen::Vector3d v_ecef_mps = Eigen::Vector3d::Zero();
    Eigen::Matrix3d ecef_from_body = Eigen::Matrix3d::Identity();
    bool ended = false;
  };
  /// An interceptor in flight: its event number, shooter, and where and when it left; its munition
  /// entity (0:0:0 for a gun's burst) and, once sent, its last Entity State.
  struct Round {
    std::uint16_t event = 0;
    io::DisEntityId firing;
    io::DisEntityId munition;
    std::string shooter;
    Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();
    double launch_t_s = 0.0;
    io::DisMunitionDescriptor descriptor;  ///< an interceptor, or a gun's burst: its rounds and rate
    std::optional<Sent> sent;
  };
  /// What an Entity State PDU says of an entity: who and where (ECEF), now.
  struct Pose {
    io::DisEntityId id;
    std::uint8_t force_id = 0;
    io::DisEntityType type;
    std::string marking;
    Eigen::Vector3d p_ecef_m = Eigen::Vector3d::Zero();
    Eigen::Vector3d v_ecef_mps = Eigen::Vector3d::Zero();
    Eigen::Matrix3d ecef_from_body = Eigen::Matrix3d::Identity();
  };

  /// An entity's body axes (ecef_from_body) along its true ECEF velocity.
  Eigen::Matrix3d body_axes(const world::Entity& e) const;
  io::DisEntityId id(std::uint32_t entity_number) const;
  io::DisHeader header(double t_s) const;
  Pose pose_of(const world::Entity& e) const;
  /// An interceptor at its flyout state (p, v in the scenario's ENU frame).
  Pose pose_of(const Round& round, const Eigen::Vector3d& p_enu_m, const Eigen::Vector3d& v_enu_mps) const;
  /// Whether a PDU is due at t_s for an entity at `now` whose last PDU was `sent` (the
  /// thresholds and heartbeat above).
  bool due(const Sent& sent, const Pose& now, double t_s) const;
  void send_state(const Pose& pose, double t_s, std::uint32_t appearance, Sent& sent);
  void send_fire_units(double t_s);
  void send_impact(const world::Entity& threat, double t_s);
  void send(const io::DisPdu& pdu);

  DisOptions options_;
  LocalFrame frame_;
  std::vector<scenario::FireUnit> fire_units_;
  std::optional<io::AtomicFile> file_;
  std::optional<io::UdpSender> udp_;
  std::map<std::uint32_t, Sent> entities_;  ///< by truth id
  std::map<std::uint64_t, Round> rounds_;   ///< by interceptor id
  const world::World* world_ = nullptr;  ///< as of the last motion step
  std::optional<double> fire_units_sent_t_s_;
  std::uint16_t next_event_ = 1;
  Counts counts_;
};

}  // namespace rampart::sim
