#include "console/training.h"

#include <algorithm>

#include "sim/simulation.h"

namespace rampart::console {

void TrainingScore::on(const sim::EngagementProposed&) { ++proposed_; }

void TrainingScore::on(const sim::EngagementDecided& e) {
  switch (e.decision) {
    case sim::Decision::kApproved: ++approved_; break;
    case sim::Decision::kRejected: ++rejected_; break;
    case sim::Decision::kLapsed: ++lapsed_; return;
  }
  decision_time_sum_s_ += e.t_s - e.proposal.proposed_t_s;
}

nlohmann::ordered_json TrainingScore::to_json(const sim::Summary& trainee, const sim::Summary& aid) const {
  const auto outcome = [](const sim::Summary& s) {
    return nlohmann::ordered_json{{"killed", s.killed},
                                  {"leakers", s.leakers},
                                  {"asset_value_lost", s.asset_value_lost},
                                  {"interceptors_fired", s.interceptors_fired},
                                  {"fratricides", s.fratricides}};
  };
  const int decided = approved_ + rejected_;
  nlohmann::ordered_json j;
  j["proposals"] = proposed_;
  j["approved"] = approved_;
  j["rejected"] = rejected_;
  j["lapsed"] = lapsed_;
  j["pending_at_end"] = proposed_ - decided - lapsed_;
  j["agreement_with_aid"] = proposed_ ? static_cast<double>(approved_) / proposed_ : 1.0;
  j["mean_decision_time_s"] = decided ? decision_time_sum_s_ / decided : 0.0;
  j["trainee"] = outcome(trainee);
  j["aid_alone"] = outcome(aid);
  return j;
}

sim::Summary aid_alone(const scenario::Scenario& s, std::uint64_t seed,
                       const std::vector<scenario::ScriptedEvent>& injections) {
  scenario::Scenario replayed = s;
  replayed.events.insert(replayed.events.end(), injections.begin(), injections.end());
  std::stable_sort(replayed.events.begin(), replayed.events.end(),
                   [](const auto& a, const auto& b) { return a.at_s < b.at_s; });
  sim::RunOptions options;
  options.seed = seed;
  return sim::Simulation(replayed, options).run();
}

}  // namespace rampart::console
