#include "sim/recorder.h"

#include <filesystem>
#include <fmt/format.h>

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
}  // namespace

Recorder::Recorder(const std::optional<std::string>& out_dir) {
  if (!out_dir) return;
  std::error_code ec;
  std::filesystem::create_directories(*out_dir, ec);
  if (ec) throw InputError(fmt::format("{}: cannot create the output folder: {}", *out_dir, ec.message()));
  const auto path = [&](const char* name) { return (std::filesystem::path(*out_dir) / name).string(); };
  truth_ = std::make_unique<io::CsvWriter>(path("truth.csv"), std::vector<std::string>{
      "t_s", "truth_id", "name", "side", "kind", "state", "lat_deg", "lon_deg", "alt_m", "east_m", "north_m", "up_m",
      "ve_mps", "vn_mps"});
  plots_ = std::make_unique<io::CsvWriter>(path("plots.csv"), std::vector<std::string>{
      "t_s", "sensor", "plot_id", "range_m", "az_deg", "el_deg", "east_m", "north_m", "up_m", "source"});
  tracks_ = std::make_unique<io::CsvWriter>(path("tracks.csv"), std::vector<std::string>{
      "t_s", "track_id", "status", "identity", "track_t_s", "east_m", "north_m", "up_m", "ve_mps", "vn_mps",
      "vu_mps", "sigma_pos_m"});
  events_ = std::make_unique<io::CsvWriter>(path("events.csv"), std::vector<std::string>{
      "t_s", "event", "fire_unit", "track_id", "interceptor_id", "threat", "outcome"});
  identities_ = std::make_unique<io::CsvWriter>(path("identities.csv"), std::vector<std::string>{
      "t_s", "track_id", "from", "to", "reason"});
}

void Recorder::truth(double t_s, const world::World& world) {
  if (!enabled()) return;
  for (const auto& e : world.entities()) {
    if (e.state == world::EntityState::kWaiting) continue;
    truth_->row({fixed(t_s, 2), std::to_string(e.id), e.name,
                 e.side == world::Side::kHostile ? "hostile" : "friendly", e.kind, state_name(e.state),
                 fixed(e.geodetic.lat_deg, 7), fixed(e.geodetic.lon_deg, 7), fixed(e.geodetic.alt_m, 1),
                 fixed(e.p_enu_m.x(), 1), fixed(e.p_enu_m.y(), 1), fixed(e.p_enu_m.z(), 1),
                 fixed(e.v_enu_mps.x(), 2), fixed(e.v_enu_mps.y(), 2)});
  }
}

void Recorder::plots(const sensors::Look& look) {
  if (!enabled()) return;
  for (std::size_t i = 0; i < look.batch.plots.size(); ++i) {
    const auto& p = look.batch.plots[i];
    plots_->row({fixed(p.t_s, 2), std::to_string(p.sensor_id), std::to_string(p.id), fixed(p.range_m, 1),
                 fixed(rad_to_deg(p.az_rad), 4), p.has_elevation ? fixed(rad_to_deg(p.el_rad), 4) : "",
                 fixed(p.p_enu_m.x(), 1), fixed(p.p_enu_m.y(), 1), p.has_elevation ? fixed(p.p_enu_m.z(), 1) : "",
                 look.origins[i].truth_id ? "target" : "false_alarm"});
  }
}

void Recorder::tracks(double t_s, const std::vector<tracking::TrackState>& tracks,
                      const std::vector<std::string>& identities) {
  if (!enabled()) return;
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const auto& t = tracks[i];
    if (t.status != tracking::TrackStatus::kConfirmed) continue;
    const double sigma_m = std::sqrt(t.P.topLeftCorner<2, 2>().trace());
    tracks_->row({fixed(t_s, 2), std::to_string(t.id), "confirmed", identities[i], fixed(t.t_s, 2),
                  fixed(t.x(0), 1), fixed(t.x(1), 1), fixed(t.x(2), 1), fixed(t.x(3), 2), fixed(t.x(4), 2),
                  fixed(t.x(5), 2), fixed(sigma_m, 1)});
  }
}

void Recorder::launch(const engagement::Interceptor& m) {
  if (!enabled()) return;
  events_->row({fixed(m.launch_time_s, 2), "launch", m.shooter, std::to_string(m.track_id), std::to_string(m.id),
                "", ""});
}

void Recorder::resolution(double t_s, const engagement::Resolution& r, const std::string& threat) {
  if (!enabled()) return;
  events_->row({fixed(t_s, 2), "intercept", r.interceptor.shooter, std::to_string(r.interceptor.track_id),
                std::to_string(r.interceptor.id), threat,
                r.fratricide ? "fratricide" : engagement::to_string(r.outcome)});
}

void Recorder::fighter(double t_s, const std::string& fighter, const std::string& event, std::uint32_t track_id,
                       const std::string& detail) {
  if (!enabled()) return;
  events_->row({fixed(t_s, 2), event, fighter, track_id ? std::to_string(track_id) : "", "", "", detail});
}

void Recorder::blocked(double t_s, const c2::BlockedEngagement& b, const std::string& fire_unit) {
  if (!enabled()) return;
  events_->row({fixed(t_s, 2), "blocked", fire_unit, std::to_string(b.track_id), "",
                "", fmt::format("friendly track {} at {:.0f} m", b.friendly_track_id, b.friend_distance_m)});
}

void Recorder::commit() {
  if (!enabled()) return;
  for (io::CsvWriter* w : {truth_.get(), plots_.get(), tracks_.get(), events_.get(), identities_.get()}) w->commit();
}

void Recorder::identity(const c2::IdentityChange& change) {
  if (!enabled()) return;
  identities_->row({fixed(change.t_s, 2), std::to_string(change.track_id), c2::to_string(change.from),
                    c2::to_string(change.to), change.reason});
}

}  // namespace rampart::sim
