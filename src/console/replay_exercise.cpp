#include "console/replay_exercise.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "console/layout.h"
#include "console/live_feed.h"
#include "core/error.h"
#include "core/csv_reader.h"

namespace rampart::console {
namespace {

std::string in(const std::string& dir, const char* name) { return (std::filesystem::path(dir) / name).string(); }

/// The protocol's event kind for an events.csv `event`, and who may see it.
std::pair<std::string, EventAudience> event_kind(const std::string& event) {
  if (event == "intercept") return {"intercept", EventAudience::kTruth};
  if (event == "scripted") return {"script", EventAudience::kInstructor};
  if (event == "kill_assessment") return {"kill_assessed", EventAudience::kAll};
  for (const char* fighter : {"take_off", "commit", "cap_commit", "on_station", "fire", "hold_fire", "landed"})
    if (event == fighter) return {"fighter", EventAudience::kAll};
  if (event == "approved" || event == "rejected" || event == "lapsed") return {"decision", EventAudience::kAll};
  return {event, EventAudience::kAll};
}

}  // namespace

Recording read_recording(const std::string& dir) {
  Recording r;
  r.layout = read_layout_csv(in(dir, "layout.csv"));
  r.scenario = r.layout.front().name;
  r.origin = r.layout.front().geodetic;
  const LocalFrame frame(r.origin);
  std::map<std::string, Geodetic> unit_sites;
  for (const auto& x : r.layout)
    if (x.kind == "fire_unit") unit_sites[x.name] = x.geodetic;

  CsvTable tracks(in(dir, "tracks.csv"), "t_s,track_id,status,identity,track_t_s,east_m,north_m,up_m,...");
  tracks.require({"t_s", "track_id", "identity", "class", "track_t_s", "east_m", "north_m", "up_m", "ve_mps", "vn_mps",
                  "vu_mps", "sigma_pos_m"});
  while (tracks.next()) {
    const Geodetic g = frame.to_geodetic({tracks.number("east_m"), tracks.number("north_m"), tracks.number("up_m")});
    r.tracks[tracks.number("t_s")].push_back({{"id", tracks.integer("track_id")},
                                              {"lat", g.lat_deg},
                                              {"lon", g.lon_deg},
                                              {"alt_m", std::round(g.alt_m)},
                                              {"ve", tracks.number("ve_mps")},
                                              {"vn", tracks.number("vn_mps")},
                                              {"vu", tracks.number("vu_mps")},
                                              {"identity", tracks.field("identity")},
                                              {"class", tracks.field("class")},
                                              {"sigma_m", tracks.number("sigma_pos_m")},
                                              {"t_s", tracks.number("track_t_s")}});
  }
  CsvTable truth(in(dir, "truth.csv"), "t_s,truth_id,name,side,kind,state,lat_deg,lon_deg,alt_m,...");
  truth.require({"t_s", "truth_id", "name", "side", "kind", "state", "lat_deg", "lon_deg", "alt_m", "ve_mps", "vn_mps"});
  while (truth.next()) {
    Json& sample = r.truth[truth.number("t_s")];
    if (sample.is_null()) sample = Json::array();
    if (truth.field("state") != "flying") continue;
    sample.push_back({{"id", truth.integer("truth_id")}, {"name", truth.field("name")}, {"side", truth.field("side")},
                      {"kind", truth.field("kind")}, {"lat", truth.number("lat_deg")}, {"lon", truth.number("lon_deg")},
                      {"alt_m", truth.number("alt_m")}, {"ve", truth.number("ve_mps")}, {"vn", truth.number("vn_mps")}});
  }
  CsvTable events(in(dir, "events.csv"), "t_s,event,unit,track_id,interceptor_id,threat,truth_id,outcome,...");
  events.require({"t_s", "event", "unit", "track_id", "interceptor_id", "outcome", "east_m", "north_m", "up_m", "detail"});
  while (events.next()) {
    Recording::Event e;
    e.t_s = events.number("t_s");
    const auto [kind, audience] = event_kind(events.field("event"));
    e.audience = audience;
    const std::string& outcome = events.field("outcome");
    const std::string& detail = events.field("detail");
    // A decision's row names it in its event column (approved, rejected, lapsed).
    const std::string& what = kind == "decision" ? events.field("event") : outcome;
    const std::string text = what.empty() ? detail : detail.empty() ? what : what + ": " + detail;
    e.event = {{"t_s", e.t_s}, {"kind", kind}, {"unit", events.field("unit")}, {"text", text}};
    e.event["track"] = events.field("track_id").empty() ? Json() : Json(events.integer("track_id"));
    const bool has_interceptor = !events.field("interceptor_id").empty();
    if (kind == "launch" && has_interceptor) {
      double intercept_t_s = e.t_s;
      std::sscanf(detail.c_str(), "intercept at %lf s", &intercept_t_s);
      Geodetic from;
      if (const auto site = unit_sites.find(events.field("unit")); site != unit_sites.end()) from = site->second;
      const Eigen::Vector3d aim(events.number("east_m"), events.number("north_m"), events.number("up_m"));
      e.launched = Json{{"id", events.integer("interceptor_id")},
                        {"shooter", events.field("unit")},
                        {"track", e.event["track"]},
                        {"launch_t_s", e.t_s},
                        {"intercept_t_s", intercept_t_s},
                        {"from", position_json(from)},
                        {"aim", position_json(frame.to_geodetic(aim))}};
    }
    if (kind == "intercept" && has_interceptor) e.resolved = static_cast<std::uint64_t>(events.integer("interceptor_id"));
    r.events.push_back(std::move(e));
  }
  // A launch is recorded when ordered, with the later time it leaves the rail.
  std::stable_sort(r.events.begin(), r.events.end(), [](const auto& a, const auto& b) { return a.t_s < b.t_s; });
  if (!r.tracks.empty()) r.end_s = std::max(r.end_s, r.tracks.rbegin()->first);
  if (!r.truth.empty()) r.end_s = std::max(r.end_s, r.truth.rbegin()->first);
  if (!r.events.empty()) r.end_s = std::max(r.end_s, r.events.back().t_s);
  return r;
}

ReplayExercise::ReplayExercise(Recording recording, double speed, double update_hz, Picture& picture,
                               std::mutex& picture_mutex)
    : recording_(std::move(recording)), update_hz_(update_hz), picture_(picture), picture_mutex_(picture_mutex),
      speed_(speed) {}

Json ReplayExercise::hello(Role role) const {
  return {{"type", "hello"},
          {"mode", "replay"},
          {"role", to_string(role)},
          {"training", false},
          {"scenario", recording_.scenario},
          {"duration_s", recording_.end_s},
          {"origin", {{"lat", recording_.origin.lat_deg}, {"lon", recording_.origin.lon_deg}}},
          {"limits", {{"approval_time_s", 0.0}, {"max_speed", kMaxSpeed}}},
          {"layout", layout_json(recording_.layout)}};
}

void ReplayExercise::handle(const ClientMessage& message, Role) {
  if (std::holds_alternative<Decide>(message)) throw InputError("a replay has no decisions to make");
  if (std::holds_alternative<Inject>(message)) throw InputError("a replay cannot be changed; inject in a live exercise");
  const std::lock_guard lock(commands_mutex_);
  commands_.push_back(message);
}

void ReplayExercise::advance(double t_s) {
  for (; next_event_ < recording_.events.size() && recording_.events[next_event_].t_s <= t_s; ++next_event_) {
    const auto& e = recording_.events[next_event_];
    picture_.add_event(e.event, e.audience);
    if (e.launched) picture_.add_interceptor(*e.launched);
    if (e.resolved) picture_.end_interceptor(*e.resolved);
  }
  const auto at = [&](const auto& samples) {
    auto it = samples.upper_bound(t_s);
    return it == samples.begin() ? samples.end() : std::prev(it);
  };
  const auto tracks = at(recording_.tracks);
  picture_.set_tracks(tracks == recording_.tracks.end() ? std::vector<Json>{} : tracks->second);
  const auto truth = at(recording_.truth);
  picture_.set_truth(truth == recording_.truth.end() ? Json::array() : truth->second);
  picture_.set_time(t_s);
  t_s_ = t_s;
}

void ReplayExercise::rebuild(double t_s) {
  picture_.clear();
  next_event_ = 0;
  advance(t_s);
  picture_.rebase();
}

void ReplayExercise::run(Server& server, const std::atomic<bool>& stop) {
  using WallClock = std::chrono::steady_clock;
  const auto period = std::chrono::duration<double>(1.0 / update_hz_);
  const auto clock = [&] {
    return Json{{"paused", paused_}, {"speed", speed_}, {"t_s", t_s_}, {"end_s", recording_.end_s},
                {"ended", t_s_ >= recording_.end_s}};
  };
  auto last = WallClock::now();
  while (!stop) {
    std::this_thread::sleep_until(last + period);
    const auto now = WallClock::now();
    const double elapsed_s = std::chrono::duration<double>(now - last).count();
    last = now;
    std::deque<ClientMessage> commands;
    {
      const std::lock_guard lock(commands_mutex_);
      commands.swap(commands_);
    }
    std::optional<double> seek_s;
    double step_s = 0.0;
    for (const auto& m : commands) {
      if (const auto* c = std::get_if<Control>(&m)) {
        if (c->action == Control::Action::kPause) paused_ = true;
        if (c->action == Control::Action::kResume) paused_ = false;
        if (c->action == Control::Action::kSpeed) speed_ = c->speed;
        if (c->action == Control::Action::kStep && paused_) step_s += 1.0;
      } else if (const auto* s = std::get_if<Seek>(&m)) {
        seek_s = std::min(s->t_s, recording_.end_s);
      }
    }
    Delta delta;
    {
      const std::lock_guard lock(picture_mutex_);
      if (seek_s) {
        rebuild(*seek_s);
        picture_.set_clock(clock());
      } else {
        const double advance_s = paused_ ? step_s : elapsed_s * speed_;
        advance(std::min(recording_.end_s, t_s_ + advance_s));
        picture_.set_clock(clock());
        delta = picture_.take_delta();
      }
    }
    if (seek_s) server.resynchronise_all();
    else server.broadcast(delta);
  }
}

}  // namespace rampart::console
