// `rampart serve` through the binary: bad command lines and records exit 2 with a message before
// anything is served; a live exercise run to its end prints its summary and, in training, the
// trainee's score. The browser side is tested in web/tests (CTest web.*).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "core/test/scratch_dir.h"

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;
const std::string kMinimal = (kSource / "src/scenario/test/data/minimal.yaml").string();

using ServeCli = ScratchDirTest;

TEST_F(ServeCli, BadCommandLinesExitWithStatus2BeforeServing) {
  write("index.html", "<html>");
  const std::string root = " --web-root " + dir_.string();
  const std::pair<std::string, std::string> cases[] = {
      {"serve --web-root " + (dir_ / "nowhere").string(), "the page is not built"},
      {"serve " + kMinimal + root + " --speed 500", "--speed"},
      {"serve " + kMinimal + root + " --update-hz 0", "--update-hz"},
      {"serve " + kMinimal + root + " --approval-time 0 --training", "--approval-time"},
      {"serve " + kMinimal + root + " --port 70000", "--port"},
      {"serve " + kMinimal + root + " --bind 300.1.2.3 --port 0", "not an IP address"},
      {"serve " + kMinimal + root + " --seed -1", "is not a seed"},
      {"serve " + (dir_ / "missing.yaml").string() + root + " --port 0", "missing.yaml"},
      {"serve" + root + " --replay " + (dir_ / "no_record").string(), "--replay"},
      {"serve" + root + " --replay " + dir_.string() + " --training", "--training and --out are for live"},
      {"serve" + root + " --replay " + dir_.string() + " --port 0", "layout.csv: cannot open the file"},
  };
  for (const auto& [args, message] : cases) expect_bad_input(run_rampart(args), message, args);
}

TEST_F(ServeCli, ALiveExerciseRunsToItsEndAndPrintsItsSummaryAndTrainingScore) {
  write("index.html", "<html>");
  const std::string common = "serve " + kMinimal + " --web-root " + dir_.string() + " --port 0 --unpaced --exit-at-end";
  const CommandResult live = run_rampart(common + " --out " + (dir_ / "record").string());
  ASSERT_EQ(live.status, 0) << live.err;
  EXPECT_NE(live.out.find("rampart serve: listening on http://127.0.0.1:"), std::string::npos) << live.out;
  EXPECT_NE(live.out.find("Threats:"), std::string::npos) << live.out;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "record" / "events.csv")) << "recorded for a replay";

  const CommandResult training = run_rampart(common + " --training --approval-time 5");
  ASSERT_EQ(training.status, 0) << training.err;
  const auto at = training.out.find("\ntraining: ");
  ASSERT_NE(at, std::string::npos) << training.out;
  const auto end = training.out.find('\n', at + 1);
  const auto score = nlohmann::json::parse(training.out.substr(at + 11, end - at - 11));
  // Nobody decided: every proposal lapsed (or was pending at the end), and nothing was fired.
  EXPECT_EQ(score.at("approved"), 0);
  EXPECT_EQ(score.at("lapsed").get<int>() + score.at("pending_at_end").get<int>(), score.at("proposals").get<int>());
  EXPECT_EQ(score.at("trainee").at("interceptors_fired"), 0);
  EXPECT_EQ(score.at("agreement_with_aid"), score.at("proposals").get<int>() ? 0.0 : 1.0);
}

}  // namespace
}  // namespace rampart::test
