#include "console/training.h"

#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "sim/simulation.h"

namespace rampart::console {
namespace {

scenario::Scenario default_scenario() {
  return scenario::load_scenario_file(std::string(RAMPART_SOURCE_DIR) + "/scenarios/default.yaml");
}

std::string scores(sim::Summary s) {
  s.wall_time_s = 0.0;
  return sim::to_json(s).dump();
}

TEST(Training, TheAidAloneIsTheExerciseWithItsInjectionsScriptedWhereTheyTookEffect) {
  const auto s = default_scenario();
  EXPECT_EQ(scores(aid_alone(s, s.random_seed, {})), scores(sim::Simulation(s, {}).run()));

  // Injected at 300 s by code in a live run = scripted at 300 s in the comparison run.
  scenario::ScriptedEvent out;
  out.action = scenario::ScriptedEvent::Action::kSensorOut;
  out.target = s.radars[0].name;
  sim::Simulation live(s, {});
  live.run_until(300.0 - s.time_step_s / 2);
  out.at_s = live.next_time_s();
  live.inject(out);
  EXPECT_EQ(scores(aid_alone(s, s.random_seed, {out})), scores(live.run()));
}

TEST(Training, TheScoreCountsEachDecisionAgainstTheAid) {
  const auto s = default_scenario();
  sim::RunOptions o;
  o.approval_time_s = 10.0;
  sim::Simulation sim(s, o);
  TrainingScore score;
  struct Decider : sim::EventSink {
    std::vector<std::uint64_t> ids;
    void on(const sim::EngagementProposed& e) override { ids.push_back(e.proposal.id); }
  } decider;
  sim.subscribe(score);
  sim.subscribe(decider);
  // The trainee approves odd proposals at once, rejects every fourth, lets the rest lapse.
  std::size_t seen = 0;
  int approved = 0, rejected = 0;
  while (sim.step()) {
    for (; seen < decider.ids.size(); ++seen) {
      const std::uint64_t id = decider.ids[seen];
      if (id % 2 == 1) approved += sim.decide(id, true);
      else if (id % 4 == 0) rejected += sim.decide(id, false);
    }
  }
  const sim::Summary trainee = sim.finish();
  const auto j = score.to_json(trainee, aid_alone(s, s.random_seed, {}));
  ASSERT_GT(score.proposed(), 4);
  EXPECT_EQ(j.at("proposals"), score.proposed());
  EXPECT_EQ(j.at("approved"), approved);
  EXPECT_EQ(j.at("rejected"), rejected);
  EXPECT_EQ(j.at("approved").get<int>() + j.at("rejected").get<int>() + j.at("lapsed").get<int>() +
                j.at("pending_at_end").get<int>(),
            score.proposed());
  EXPECT_NEAR(j.at("agreement_with_aid").get<double>(), static_cast<double>(approved) / score.proposed(), 1e-12);
  EXPECT_NEAR(j.at("mean_decision_time_s").get<double>(), s.time_step_s, 1e-9) << "decided one step after proposal";
  EXPECT_EQ(j.at("trainee").at("killed"), trainee.killed);
  EXPECT_GE(j.at("aid_alone").at("interceptors_fired").get<int>(), trainee.interceptors_fired);
}

}  // namespace
}  // namespace rampart::console
