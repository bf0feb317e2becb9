#include "console/live_feed.h"

#include <fmt/format.h>

#include <cmath>

#include "c2/identity.h"
#include "c2/threat_evaluation.h"
#include "engagement/engagements.h"

namespace rampart::console {

Json position_json(const Geodetic& g) {
  return {{"lat", g.lat_deg}, {"lon", g.lon_deg}, {"alt_m", g.alt_m}};
}

namespace {
double round_to(double x, double step) { return std::round(x / step) * step; }
}  // namespace

LiveFeed::LiveFeed(Picture& picture, std::mutex& mutex, const scenario::Scenario& s,
                   const std::vector<sim::LayoutItem>& layout)
    : picture_(picture), mutex_(mutex), frame_(s.origin), assets_(s.assets) {
  for (const auto& x : layout)
    if (x.kind == "fire_unit") unit_sites_[x.name] = x.geodetic;
}

void LiveFeed::event(double t_s, const std::string& kind, const std::string& unit, std::uint32_t track,
                     const std::string& text, EventAudience audience) {
  Json e = {{"t_s", round_to(t_s, 0.01)}, {"kind", kind}, {"unit", unit}, {"text", text}};
  e["track"] = track ? Json(track) : Json();
  picture_.add_event(std::move(e), audience);
}

void LiveFeed::on(const sim::TruthMoved& e) {
  const std::lock_guard lock(mutex_);
  world_ = &e.world;
  picture_.set_time(e.t_s);
  for (const auto& a : e.arrivals)
    event(e.t_s, "arrival", e.world.assets()[a.asset].name, 0,
          fmt::format("{} hit, value lost {:.3f}", e.world.assets()[a.asset].name, a.value_lost));
}

void LiveFeed::on(const sim::PictureSampled& e) {
  const std::lock_guard lock(mutex_);
  std::vector<Json> tracks;
  for (std::size_t i = 0; i < e.tracks.size(); ++i) {
    const auto& t = e.tracks[i];
    if (t.status != messages::TrackStatus::kConfirmed) continue;
    const Geodetic g = frame_.to_geodetic(t.x.head<3>());
    tracks.push_back({{"id", t.id},
                      {"lat", round_to(g.lat_deg, 1e-6)},
                      {"lon", round_to(g.lon_deg, 1e-6)},
                      {"alt_m", round_to(g.alt_m, 1.0)},
                      {"ve", round_to(t.x(3), 0.1)},
                      {"vn", round_to(t.x(4), 0.1)},
                      {"vu", round_to(t.x(5), 0.1)},
                      {"identity", c2::to_string(e.identities[i])},
                      {"class", c2::to_string(e.classes[i])},
                      {"sigma_m", round_to(std::sqrt(t.P.topLeftCorner<2, 2>().trace()), 1.0)},
                      {"t_s", round_to(t.t_s, 0.01)}});
  }
  picture_.set_tracks(tracks);
  for (const auto& u : e.units)
    picture_.set_unit({{"name", u.name},
                       {"ready", u.ready_rounds},
                       {"reserve", u.reserve_rounds},
                       {"channels", u.channels},
                       {"free_channels", u.free_channels},
                       {"in_action", u.in_action},
                       {"linked", u.linked}});
  Json truth = Json::array();
  for (const auto& x : e.world.entities()) {
    if (!x.flying()) continue;
    Json t = position_json(x.geodetic);
    t["id"] = x.id;
    t["name"] = x.name;
    t["side"] = x.side == world::Side::kHostile ? "hostile" : "friendly";
    t["kind"] = x.kind;
    t["ve"] = round_to(x.v_enu_mps.x(), 0.1);
    t["vn"] = round_to(x.v_enu_mps.y(), 0.1);
    truth.push_back(std::move(t));
  }
  picture_.set_truth(std::move(truth));
}

void LiveFeed::on(const sim::IdentityChanged& e) {
  const std::lock_guard lock(mutex_);
  const auto& c = e.change;
  event(c.t_s, "identity", "", c.track_id,
        fmt::format("{} -> {}: {}", c2::to_string(c.from), c2::to_string(c.to), c.reason));
}

void LiveFeed::on(const sim::ThreatsRanked& e) {
  constexpr std::size_t kShown = 20;  // a console lists the first threats; the rest wait
  const std::lock_guard lock(mutex_);
  Json threats = Json::array();
  for (const auto& a : e.threats) {
    if (threats.size() == kShown) break;
    threats.push_back({{"track", a.track_id},
                       {"rank", a.rank},
                       {"asset", assets_.at(a.asset).name},
                       {"score", round_to(a.score, 1e-3)},
                       {"time_to_asset_s", round_to(a.time_to_asset_s, 0.1)},
                       {"cpa_m", round_to(a.cpa_m, 1.0)},
                       {"explain", a.explain(assets_)}});
  }
  picture_.set_threats(std::move(threats));
}

void LiveFeed::on(const sim::FireOrdered& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "fire_ordered", e.fire_unit, e.order.track_id,
        fmt::format("{} rounds, rank {}: {}", e.order.rounds, e.threat.rank, e.threat.explain(e.assets)));
}

void LiveFeed::on(const sim::EngagementProposed& e) {
  const std::lock_guard lock(mutex_);
  const auto& p = e.proposal;
  picture_.add_proposal({{"id", p.id},
                         {"unit", e.fire_unit},
                         {"track", p.order.track_id},
                         {"rounds", p.order.rounds},
                         {"proposed_t_s", round_to(p.proposed_t_s, 0.01)},
                         {"deadline_t_s", round_to(p.deadline_t_s, 0.01)},
                         {"threat_rank", p.threat.rank},
                         {"explain", p.threat.explain(e.assets)}});
  event(e.t_s, "proposed", e.fire_unit, p.order.track_id,
        fmt::format("proposal {}: {} rounds at threat rank {}", p.id, p.order.rounds, p.threat.rank));
}

void LiveFeed::on(const sim::EngagementDecided& e) {
  const std::lock_guard lock(mutex_);
  picture_.remove_proposal(e.proposal.id);
  event(e.t_s, "decision", e.fire_unit, e.proposal.order.track_id,
        fmt::format("proposal {} {} after {:.1f} s", e.proposal.id, sim::to_string(e.decision),
                    e.t_s - e.proposal.proposed_t_s));
}

void LiveFeed::on(const sim::EngagementBlocked& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "blocked", e.fire_unit, e.blocked.track_id,
        fmt::format("friendly track {} at {:.0f} m", e.blocked.friendly_track_id, e.blocked.friend_distance_m));
}

void LiveFeed::on(const sim::KillAssessed& e) {
  const std::lock_guard lock(mutex_);
  const auto& a = e.assessment;
  event(a.t_s, "kill_assessed", "", a.track_id, fmt::format("{}: {}", c2::to_string(a.judgement), a.evidence));
}

void LiveFeed::on(const sim::OrderDropped& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "order_dropped", e.fire_unit, e.order.track_id, e.reason);
}

void LiveFeed::on(const sim::InterceptorLaunched& e) {
  const std::lock_guard lock(mutex_);
  const auto& m = e.interceptor;
  Geodetic from;
  if (const auto site = unit_sites_.find(m.shooter); site != unit_sites_.end()) from = site->second;
  else if (world_ && m.fighter_entity) from = world_->entity(m.fighter_entity).geodetic;
  picture_.add_interceptor({{"id", m.id},
                            {"shooter", m.shooter},
                            {"track", m.track_id},
                            {"launch_t_s", round_to(m.launch_time_s, 0.01)},
                            {"intercept_t_s", round_to(m.intercept_time_s, 0.01)},
                            {"from", position_json(from)},
                            {"aim", position_json(frame_.to_geodetic(m.aim_enu_m))}});
  event(m.launch_time_s, "launch", m.shooter, m.track_id,
        fmt::format("interceptor {}, intercept at {:.1f} s", m.id, m.intercept_time_s));
}

void LiveFeed::on(const sim::InterceptorResolved& e) {
  const std::lock_guard lock(mutex_);
  const auto& r = e.resolution;
  picture_.end_interceptor(r.interceptor.id);
  event(e.t_s, "intercept", r.interceptor.shooter, r.interceptor.track_id,
        fmt::format("interceptor {}: {}{}", r.interceptor.id,
                    r.fratricide ? "fratricide" : engagement::to_string(r.outcome),
                    r.reason.empty() ? "" : " (" + r.reason + ")"),
        EventAudience::kTruth);
}

void LiveFeed::on(const sim::FighterActed& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "fighter", e.fighter, e.track_id, fmt::format("{}: {}", e.action, e.detail));
}

void LiveFeed::on(const sim::LauncherReloaded& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "reload", e.fire_unit, 0, fmt::format("{} rounds loaded, {} left", e.rounds, e.rounds_left));
}

void LiveFeed::on(const sim::EmissionChanged& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "emission", e.radar, 0, fmt::format("{}: {}", e.emitting ? "radiating" : "silent", e.reason));
}

void LiveFeed::on(const sim::DatalinkChanged& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "datalink", e.fire_unit, 0, fmt::format("link {}: {}", e.up ? "up" : "down", e.detail));
}

void LiveFeed::on(const sim::ReadinessChanged& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "readiness", e.unit, 0, fmt::format("{}: {}", world::to_string(e.to), e.reason));
}

void LiveFeed::on(const sim::WeaponsReleased& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "weapons_released", "", 0,
        fmt::format("{} released {} x {}", e.world.entity(e.release.carrier_id).name, e.release.weapon_ids.size(),
                    e.release.weapon),
        EventAudience::kInstructor);  // truth: the defence learns of the weapons from its picture
}

void LiveFeed::on(const sim::RadarStruck& e) {
  if (!e.strike.destroyed) return;
  const std::lock_guard lock(mutex_);
  event(e.t_s, "radar_destroyed", e.radar, 0, "destroyed by an anti-radiation missile");
}

void LiveFeed::on(const sim::ScriptApplied& e) {
  const std::lock_guard lock(mutex_);
  event(e.t_s, "script", "", 0, e.description, EventAudience::kInstructor);
}

}  // namespace rampart::console
