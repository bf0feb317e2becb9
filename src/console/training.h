// The trainee's score in a training exercise: each decision on the decision aid's proposals, and
// the outcome against what the aid alone would have achieved.
//
// Under operator approval every fire order the aid makes is a proposal (sim::EngagementProposed);
// the automatic aid would have sent each at once. The score counts the trainee's approvals,
// rejections and lapses (no decision before the time limit), the agreement with the aid
// (approved / proposed), and the mean time to decide. The comparison run replays the exercise
// without the trainee: the same scenario and seed with the same injections, each scripted at the
// step it took effect, so only the trainee's decisions differ (kernel determinism).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "scenario/scenario.h"
#include "sim/events.h"
#include "sim/summary.h"

namespace rampart::console {

class TrainingScore : public sim::EventSink {
 public:
  void on(const sim::EngagementProposed& e) override;
  void on(const sim::EngagementDecided& e) override;

  int proposed() const { return proposed_; }
  int approved() const { return approved_; }
  int rejected() const { return rejected_; }
  int lapsed() const { return lapsed_; }
  /// `training` object of the `ended` message: these counts, and the trainee's and the aid's
  /// outcomes side by side.
  nlohmann::ordered_json to_json(const sim::Summary& trainee, const sim::Summary& aid_alone) const;

 private:
  int proposed_ = 0, approved_ = 0, rejected_ = 0, lapsed_ = 0;
  double decision_time_sum_s_ = 0.0;
};

/// The exercise run again by the automatic aid: `s` with `injections` (each with the time it took
/// effect as its at_s) added to its scripted events, with `seed`.
sim::Summary aid_alone(const scenario::Scenario& s, std::uint64_t seed,
                       const std::vector<scenario::ScriptedEvent>& injections);

}  // namespace rampart::console
