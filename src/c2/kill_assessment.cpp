#include "c2/kill_assessment.h"

#include <algorithm>

#include <fmt/format.h>

namespace rampart::c2 {

const char* to_string(Judgement judgement) {
  switch (judgement) {
    case Judgement::kKilled: return "killed";
    case Judgement::kSurvived: return "survived";
    case Judgement::kReopened: return "reopened";
  }
  return "?";
}

void KillAssessor::on_launch(const LaunchReport& launch) {
  Pending& p = pending_[launch.track_id];
  p.rounds.push_back(launch);
  p.baseline_taken = false;  // a later round moves the look after its own intercept
  p.baseline_updates.reset();
}

std::map<std::uint32_t, double> KillAssessor::p_reach() const {
  std::map<std::uint32_t, double> out;
  for (const auto& [track, p] : pending_) {
    double survive = 1.0;
    for (const auto& r : p.rounds) survive *= 1.0 - r.kill_probability;
    out[track] = survive;
  }
  return out;
}

std::vector<KillAssessment> KillAssessor::update(double t_s, const std::vector<messages::TrackState>& tracks) {
  std::map<std::uint32_t, const messages::TrackState*> by_id;
  for (const auto& t : tracks) by_id[t.id] = &t;
  std::vector<KillAssessment> out;

  for (auto it = pending_.begin(); it != pending_.end();) {
    const std::uint32_t track_id = it->first;
    Pending& p = it->second;
    double last_intercept_s = 0.0;
    for (const auto& r : p.rounds) last_intercept_s = std::max(last_intercept_s, r.intercept_t_s);
    const auto track = by_id.find(track_id);
    const messages::TrackState* now = track == by_id.end() ? nullptr : track->second;
    if (t_s < last_intercept_s) {
      ++it;
      continue;
    }
    if (!p.baseline_taken) {
      p.baseline_taken = true;
      if (now) p.baseline_updates = now->updates;
    }
    if (t_s < last_intercept_s + delay_s_) {
      ++it;
      continue;
    }
    KillAssessment a{t_s, track_id, Judgement::kKilled, {}, {}, last_intercept_s, {}};
    for (const auto& r : p.rounds) {
      a.interceptor_ids.push_back(r.interceptor_id);
      if (r.fighter_entity) a.fighter_entities.push_back(r.fighter_entity);
    }
    const double since_s = t_s - last_intercept_s;
    if (!now || !p.baseline_updates) {
      a.evidence = fmt::format("track deleted within {:.0f} s of the intercept", since_s);
    } else if (const int plots = now->updates - *p.baseline_updates; plots >= 1) {
      a.judgement = Judgement::kSurvived;
      a.evidence = fmt::format("{} plot{} correlated in {:.0f} s after the intercept", plots, plots == 1 ? "" : "s",
                               since_s);
    } else {
      a.evidence = fmt::format("no plot in {:.0f} s after the intercept ({} missed look{})", since_s,
                               now->consecutive_misses, now->consecutive_misses == 1 ? "" : "s");
    }
    if (a.judgement == Judgement::kKilled && now) killed_[track_id] = {now->updates, a};
    out.push_back(std::move(a));
    it = pending_.erase(it);
  }

  for (auto it = killed_.begin(); it != killed_.end();) {
    const auto track = by_id.find(it->first);
    if (track == by_id.end()) {
      it = killed_.erase(it);
      continue;
    }
    const int plots = track->second->updates - it->second.updates;
    if (plots < kReopenPlots) {
      ++it;
      continue;
    }
    KillAssessment a = it->second.record;
    a.t_s = t_s;
    a.judgement = Judgement::kReopened;
    a.evidence = fmt::format("{} plots correlated after it was judged killed", plots);
    out.push_back(std::move(a));
    it = killed_.erase(it);
  }
  return out;
}

}  // namespace rampart::c2
