#include "sim/recorder.h"

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "c2/identity.h"
#include "core/error.h"
#include "core/units.h"

namespace rampart::sim {

using io::fixed;

namespace {
const char* state_name(world::EntityState s) {
  switch (s) {
    case world::EntityState::kWaiting: return "waiting";
    case world::EntityState::kFlying: return "flying";
    case world::EntityState::kKilled: return "killed";
    case world::EntityState::kImpacted: return "impacted";
    case world::EntityState::kDeparted: return "departed";
  }
  return "?";
}

std::string id_or_empty(std::uint64_t id) { return id ? std::to_string(id) : std::string(); }
}  // namespace

Recorder::Recorder(const std::string& out_dir, const std::vector<LayoutItem>& layout) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw InputError(fmt::format("{}: cannot create the output folder: {}", out_dir, ec.message()));
  const auto path = [&](const char* name) { return (std::filesystem::path(out_dir) / name).string(); };
  layout_ = std::make_unique<io::CsvWriter>(path("layout.csv"), std::vector<std::string>{
      "kind", "name", "vertex", "lat_deg", "lon_deg", "alt_m", "east_m", "north_m", "up_m", "radius_m", "detail"});
  truth_ = std::make_unique<io::CsvWriter>(path("truth.csv"), std::vector<std::string>{
      "t_s", "truth_id", "name", "side", "kind", "state", "lat_deg", "lon_deg", "alt_m", "east_m", "north_m", "up_m",
      "ve_mps", "vn_mps"});
  plots_ = std::make_unique<io::CsvWriter>(path("plots.csv"), std::vector<std::string>{
      "t_s", "sensor", "plot_id", "range_m", "az_deg", "el_deg", "east_m", "north_m", "up_m", "amplitude_dbm", "radial_speed_mps",
      "source", "truth_id"});
  angles_ = std::make_unique<io::CsvWriter>(path("angles.csv"), std::vector<std::string>{
      "t_s", "sensor", "bearing_deg", "bearing_sigma_deg", "elevation_deg", "elevation_sigma_deg", "emitter",
      "truth_id"});
  tracks_ = std::make_unique<io::CsvWriter>(path("tracks.csv"), std::vector<std::string>{
      "t_s", "track_id", "status", "identity", "track_t_s", "east_m", "north_m", "up_m", "ve_mps", "vn_mps",
      "vu_mps", "sigma_pos_m", "truth_id", "class", "source"});
  events_ = std::make_unique<io::CsvWriter>(path("events.csv"), std::vector<std::string>{
      "t_s", "event", "unit", "track_id", "interceptor_id", "threat", "truth_id", "outcome", "east_m", "north_m",
      "up_m", "miss_m", "detail"});
  identities_ = std::make_unique<io::CsvWriter>(path("identities.csv"), std::vector<std::string>{
      "t_s", "track_id", "from", "to", "reason"});
  write_layout(layout);
}

void Recorder::write_layout(const std::vector<LayoutItem>& layout) {
  for (const auto& x : layout)
    layout_->row({x.kind, x.name, std::to_string(x.vertex), fixed(x.geodetic.lat_deg, 7), fixed(x.geodetic.lon_deg, 7),
                  fixed(x.geodetic.alt_m, 1), fixed(x.p_enu_m.x(), 1), fixed(x.p_enu_m.y(), 1), fixed(x.p_enu_m.z(), 1),
                  x.radius_m ? fixed(*x.radius_m, 1) : "", x.detail});
}

void Recorder::on(const TruthMoved& e) {
  world_ = &e.world;
  for (const auto& a : e.arrivals) {
    const auto& threat = e.world.entity(a.entity_id);
    event_row(e.t_s, "arrival", e.world.assets()[a.asset].name, 0, 0, a.entity_id, "",
              threat.p_enu_m, std::nullopt, fmt::format("value lost {:.3f}", a.value_lost));
  }
}

void Recorder::on(const PictureSampled& e) {
  for (const auto& x : e.world.entities()) {
    if (x.state == world::EntityState::kWaiting) continue;
    truth_->row({fixed(e.t_s, 2), std::to_string(x.id), x.name,
                 x.side == world::Side::kHostile ? "hostile" : "friendly", x.kind, state_name(x.state),
                 fixed(x.geodetic.lat_deg, 7), fixed(x.geodetic.lon_deg, 7), fixed(x.geodetic.alt_m, 1),
                 fixed(x.p_enu_m.x(), 1), fixed(x.p_enu_m.y(), 1), fixed(x.p_enu_m.z(), 1),
                 fixed(x.v_enu_mps.x(), 2), fixed(x.v_enu_mps.y(), 2)});
  }
  for (std::size_t i = 0; i < e.tracks.size(); ++i) {
    const auto& t = e.tracks[i];
    if (t.status != messages::TrackStatus::kConfirmed) continue;
    const auto truth = track_truth_.of(t.id);
    track_row(e.t_s, t, c2::to_string(e.identities[i]), truth ? std::to_string(*truth) : "", c2::to_string(e.classes[i]));
  }
  // Jammer tracks: C2 has not assessed them (pending, no class); their truth is not followed.
  for (const auto& t : e.jammer_tracks)
    if (t.status == messages::TrackStatus::kConfirmed) track_row(e.t_s, t, c2::to_string(c2::Identity::kPending), "", "");
}

void Recorder::track_row(double t_s, const messages::TrackState& t, const std::string& identity,
                         const std::string& truth, const std::string& kinematic_class) {
  const double sigma_m = std::sqrt(t.P.topLeftCorner<2, 2>().trace());
  tracks_->row({fixed(t_s, 2), std::to_string(t.id), "confirmed", identity, fixed(t.t_s, 2), fixed(t.x(0), 1),
                fixed(t.x(1), 1), fixed(t.x(2), 1), fixed(t.x(3), 2), fixed(t.x(4), 2), fixed(t.x(5), 2),
                fixed(sigma_m, 1), truth, kinematic_class,
                t.source == messages::TrackSource::kTriangulation ? "triangulation" : "radar"});
}

void Recorder::on(const PlotsMade& e) {
  track_truth_.on_plots(e);
  for (std::size_t i = 0; i < e.look.batch.plots.size(); ++i) {
    const auto& p = e.look.batch.plots[i];
    const std::uint32_t truth_id = e.look.origins[i].truth_id;
    plots_->row({fixed(p.t_s, 2), e.sensor, std::to_string(p.id), fixed(p.range_m, 1),
                 fixed(rad_to_deg(p.az_rad), 4), p.has_elevation ? fixed(rad_to_deg(p.el_rad), 4) : "",
                 fixed(p.p_enu_m.x(), 1), fixed(p.p_enu_m.y(), 1), p.has_elevation ? fixed(p.p_enu_m.z(), 1) : "",
                 p.amplitude_dbm ? fixed(*p.amplitude_dbm, 1) : "", p.has_radial_speed ? fixed(p.radial_speed_mps, 1) : "",
                 truth_id ? "target" : "false_alarm", std::to_string(truth_id)});
  }
}

void Recorder::on(const AnglesMade& e) {
  for (const auto& a : e.reports) {
    angles_->row({fixed(a.t_s, 2), a.sensor, fixed(rad_to_deg(a.bearing_rad), 4), fixed(rad_to_deg(a.bearing_sigma_rad), 4),
                  a.elevation_rad ? fixed(rad_to_deg(*a.elevation_rad), 4) : "",
                  a.elevation_rad ? fixed(rad_to_deg(a.elevation_sigma_rad), 4) : "", a.emitter,
                  std::to_string(a.truth_id)});
  }
}

void Recorder::on(const TrackerStepped& e) { track_truth_.on_tracker(e); }

void Recorder::on(const IdentityChanged& e) {
  identities_->row({fixed(e.change.t_s, 2), std::to_string(e.change.track_id), c2::to_string(e.change.from),
                    c2::to_string(e.change.to), e.change.reason});
}

void Recorder::on(const EngagementBlocked& e) {
  event_row(e.t_s, "blocked", e.fire_unit, e.blocked.track_id, 0, 0, "", std::nullopt, std::nullopt,
            fmt::format("friendly track {} at {:.0f} m", e.blocked.friendly_track_id, e.blocked.friend_distance_m));
}

void Recorder::on(const EngagementProposed& e) {
  const auto& p = e.proposal;
  event_row(e.t_s, "proposed", e.fire_unit, p.order.track_id, 0, 0, "", std::nullopt, std::nullopt,
            fmt::format("proposal {}: {} rounds, decide by {:.1f} s", p.id, p.order.rounds, p.deadline_t_s));
}

void Recorder::on(const EngagementDecided& e) {
  const auto& p = e.proposal;
  event_row(e.t_s, to_string(e.decision), e.fire_unit, p.order.track_id, 0, 0, "", std::nullopt, std::nullopt,
            fmt::format("proposal {} of {:.1f} s, after {:.1f} s; the automatic aid fires at once", p.id, p.proposed_t_s,
                        e.t_s - p.proposed_t_s));
}

void Recorder::on(const KillAssessed& e) {
  const auto& a = e.assessment;
  event_row(a.t_s, "kill_assessment", "", a.track_id, 0, 0, c2::to_string(a.judgement), std::nullopt, std::nullopt,
            fmt::format("interceptors {}: {}", fmt::join(a.interceptor_ids, " "), a.evidence));
}

void Recorder::on(const OrderDropped& e) {
  event_row(e.t_s, "order_dropped", e.fire_unit, e.order.track_id, 0, 0, "", std::nullopt, std::nullopt, e.reason);
}

void Recorder::on(const InterceptorLaunched& e) {
  const auto& m = e.interceptor;
  event_row(m.launch_time_s, "launch", m.shooter, m.track_id, m.id, 0, m.autonomous ? "autonomous" : "", m.aim_enu_m,
            std::nullopt,
            m.burst ? fmt::format("burst of {} rounds, middle round due at {:.2f} s", m.burst->rounds,
                                  m.intercept_time_s)
                    : fmt::format("intercept at {:.2f} s", m.intercept_time_s));
}

void Recorder::on(const InterceptorResolved& e) {
  const auto& r = e.resolution;
  const std::optional<double> miss_m =
      std::isfinite(r.miss_distance_m) ? std::optional<double>(r.miss_distance_m) : std::nullopt;
  event_row(e.t_s, "intercept", r.interceptor.shooter, r.interceptor.track_id, r.interceptor.id, r.truth_id,
            r.fratricide ? "fratricide" : engagement::to_string(r.outcome), r.intercept_enu_m, miss_m, r.reason);
}

void Recorder::on(const FighterActed& e) {
  event_row(e.t_s, e.action, e.fighter, e.track_id, 0, 0, "", std::nullopt, std::nullopt, e.detail);
}

void Recorder::on(const LauncherReloaded& e) {
  event_row(e.t_s, "reload", e.fire_unit, 0, 0, 0, "", std::nullopt, std::nullopt,
            fmt::format("{} rounds loaded, {} left", e.rounds, e.rounds_left));
}

void Recorder::on(const EmissionChanged& e) {
  event_row(e.t_s, "emission", e.radar, 0, 0, 0, e.emitting ? "on" : "off", std::nullopt, std::nullopt, e.reason);
}

void Recorder::on(const ReadinessChanged& e) {
  event_row(e.t_s, "readiness", e.unit, 0, 0, 0, world::to_string(e.to), e.p_enu_m, std::nullopt,
            fmt::format("from {}: {}", world::to_string(e.from), e.reason));
}

void Recorder::on(const WeaponsReleased& e) {
  const world::Entity& carrier = e.world.entity(e.release.carrier_id);
  event_row(e.t_s, "weapons_released", "", 0, 0, e.release.carrier_id, "", carrier.p_enu_m, std::nullopt,
            fmt::format("{} x {}", e.release.weapon_ids.size(), e.release.weapon));
}

void Recorder::on(const RadarStruck& e) {
  event_row(e.t_s, "radar_struck", e.radar, 0, 0, e.strike.entity_id, e.strike.destroyed ? "destroyed" : "missed",
            e.world.entity(e.strike.entity_id).p_enu_m, e.strike.miss_m, "");
}

void Recorder::on(const DatalinkChanged& e) {
  event_row(e.t_s, "datalink", e.fire_unit, 0, 0, 0, e.up ? "up" : "down", std::nullopt, std::nullopt, e.detail);
}

void Recorder::on(const ScriptApplied& e) {
  event_row(e.t_s, "scripted", "", 0, 0, 0, "", std::nullopt, std::nullopt, e.description);
}

void Recorder::on(const RunEnded&) {
  for (auto* w : {layout_.get(), truth_.get(), plots_.get(), angles_.get(), tracks_.get(), events_.get(),
                  identities_.get()})
    w->commit();
}

void Recorder::event_row(double t_s, const std::string& event, const std::string& unit, std::uint32_t track_id,
                         std::uint64_t interceptor_id, std::uint32_t truth_id, const std::string& outcome,
                         const std::optional<Eigen::Vector3d>& p_enu_m, std::optional<double> miss_m,
                         const std::string& detail) {
  const std::string threat = truth_id && world_ ? world_->entity(truth_id).name : "";
  events_->row({fixed(t_s, 2), event, unit, id_or_empty(track_id), id_or_empty(interceptor_id), threat,
                id_or_empty(truth_id), outcome, p_enu_m ? fixed(p_enu_m->x(), 1) : "",
                p_enu_m ? fixed(p_enu_m->y(), 1) : "", p_enu_m ? fixed(p_enu_m->z(), 1) : "",
                miss_m ? fixed(*miss_m, 1) : "", detail});
}

}  // namespace rampart::sim
