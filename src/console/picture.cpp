#include "console/picture.h"

#include <cmath>

namespace rampart::console {
namespace {

bool visible(EventAudience e, const Audience& a) {
  return e == EventAudience::kAll || (e == EventAudience::kTruth && a.truth) ||
         (e == EventAudience::kInstructor && a.instructor);
}

template <typename Key>
Json values(const std::map<Key, Json>& m) {
  Json out = Json::array();
  for (const auto& [key, value] : m) out.push_back(value);
  return out;
}

}  // namespace

std::string Delta::message(const Audience& audience) const {
  Json m = header;
  m["type"] = "delta";
  m["seq"] = seq;
  m["tracks"] = tracks;
  m["dropped"] = dropped;
  m["units"] = units;
  m["threats"] = threats;
  m["interceptors"] = interceptors;
  m["interceptors_ended"] = interceptors_ended;
  m["proposals"] = proposals;
  Json shown = Json::array();
  for (const auto& [event, who] : events)
    if (visible(who, audience)) shown.push_back(event);
  m["events"] = std::move(shown);
  if (audience.truth) m["truth"] = truth;
  return m.dump();
}

void Picture::set_time(double t_s) { t_s_ = std::round(t_s * 100.0) / 100.0; }

void Picture::set_tracks(const std::vector<Json>& tracks) {
  tracks_.clear();
  for (const auto& t : tracks) tracks_[t.at("id").get<std::uint32_t>()] = t;
}

void Picture::set_unit(const Json& unit) { units_[unit.at("name").get<std::string>()] = unit; }

void Picture::add_interceptor(const Json& interceptor) {
  interceptors_[interceptor.at("id").get<std::uint64_t>()] = interceptor;
  new_interceptors_.push_back(interceptor);
}

void Picture::end_interceptor(std::uint64_t id) {
  if (interceptors_.erase(id)) ended_interceptors_.push_back(id);
}

void Picture::add_proposal(const Json& proposal) { proposals_[proposal.at("id").get<std::uint64_t>()] = proposal; }
void Picture::remove_proposal(std::uint64_t id) { proposals_.erase(id); }

void Picture::add_event(Json event, EventAudience audience) {
  events_.emplace_back(event, audience);
  if (events_.size() > kEventsKept) events_.pop_front();
  new_events_.emplace_back(std::move(event), audience);
}

void Picture::clear() {
  tracks_.clear();
  threats_ = Json::array();
  interceptors_.clear();
  proposals_.clear();
  events_.clear();
  truth_ = Json::array();
}

void Picture::rebase() {
  ++seq_;
  sent_tracks_ = tracks_;
  sent_units_ = units_;
  new_interceptors_.clear();
  ended_interceptors_.clear();
  new_events_.clear();
}

std::string Picture::snapshot(const Audience& audience) const {
  Json m = {{"type", "snapshot"}, {"seq", seq_}, {"t_s", t_s_}, {"clock", clock_}};
  m["tracks"] = values(tracks_);
  m["units"] = values(units_);
  m["threats"] = threats_;
  m["interceptors"] = values(interceptors_);
  m["proposals"] = values(proposals_);
  Json events = Json::array();
  for (const auto& [event, who] : events_)
    if (visible(who, audience)) events.push_back(event);
  m["events"] = std::move(events);
  if (audience.truth) m["truth"] = truth_;
  return m.dump();
}

Delta Picture::take_delta() {
  Delta d;
  d.seq = ++seq_;
  d.header = {{"t_s", t_s_}, {"clock", clock_}};
  for (const auto& [id, track] : tracks_) {
    const auto sent = sent_tracks_.find(id);
    if (sent == sent_tracks_.end() || sent->second != track) d.tracks.push_back(track);
  }
  for (const auto& [id, track] : sent_tracks_)
    if (!tracks_.count(id)) d.dropped.push_back(id);
  for (const auto& [name, unit] : units_) {
    const auto sent = sent_units_.find(name);
    if (sent == sent_units_.end() || sent->second != unit) d.units.push_back(unit);
  }
  d.threats = threats_;
  for (auto& x : new_interceptors_) {
    // One that ended in the same period is never shown.
    const std::uint64_t id = x.at("id").get<std::uint64_t>();
    if (interceptors_.count(id)) d.interceptors.push_back(std::move(x));
  }
  for (const std::uint64_t id : ended_interceptors_) d.interceptors_ended.push_back(id);
  d.proposals = values(proposals_);
  d.events = std::move(new_events_);
  d.truth = truth_;
  sent_tracks_ = tracks_;
  sent_units_ = units_;
  new_interceptors_.clear();
  ended_interceptors_.clear();
  new_events_.clear();
  return d;
}

}  // namespace rampart::console
