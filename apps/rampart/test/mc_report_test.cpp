// rampart mc --report: the HTML file as a user gets it, opened in a real browser (Debian's
// chromium, headless, with every host name unresolvable and a dead proxy, so any request to the
// network fails), its rendered DOM checked for the charts and a screenshot kept as a test
// artefact (build/test-artifacts/mc_report.png) for a person to look at.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <regex>

#include "cli_support.h"

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;
const std::string kMinimal = (kSource / "src/scenario/test/data/minimal.yaml").string();
constexpr const char* kChromium = "/usr/bin/chromium";

class McReport : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(dir); }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("rampart_mc_report_" + std::to_string(::getpid()));
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST_F(McReport, OpensOfflineInABrowserWithEveryChart) {
  const std::string html = (dir / "report.html").string();
  const CommandResult r = run_rampart("mc " + kMinimal + " --runs 4 --report " + html);
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string text = slurp(html);
  EXPECT_FALSE(std::filesystem::exists(html + ".partial"));
  EXPECT_EQ(text.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(text.find("http:"), std::string::npos);
  EXPECT_EQ(text.find("https:"), std::string::npos);
  EXPECT_EQ(std::regex_search(text, std::regex(R"((src|href)\s*=\s*"[^#])")), false) << "a reference out of the file";
  // The same runs give the same bytes.
  const std::string again = (dir / "again.html").string();
  ASSERT_EQ(run_rampart("mc " + kMinimal + " --runs 4 --threads 1 --report " + again).status, 0);
  EXPECT_EQ(slurp(again), text);

  ASSERT_TRUE(std::filesystem::exists(kChromium))
      << kChromium << " is missing: run scripts/setup.sh as root (it installs chromium, which this test opens the "
      << "report in)";
  const auto artefacts = std::filesystem::path(RAMPART_BUILD_DIR) / "test-artifacts";
  std::filesystem::create_directories(artefacts);
  const auto png = artefacts / "mc_report.png";
  std::filesystem::remove(png);
  const std::string browser = std::string(kChromium) +
                              " --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
                              "--host-resolver-rules='MAP * ~NOTFOUND' --proxy-server=127.0.0.1:9 "
                              "--user-data-dir=" + (dir / "profile").string() + " ";
  const std::string url = "file://" + std::filesystem::absolute(html).string();
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(std::system((browser + "--window-size=1280,4000 --screenshot=" + png.string() + " " + url +
                         " >/dev/null 2>&1").c_str()),
            0);
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_GT(std::filesystem::file_size(png), 50'000u) << "a screenshot of charts, not of a blank page";
  const std::string dom_file = (dir / "dom.html").string();
  ASSERT_EQ(std::system((browser + "--dump-dom " + url + " >" + dom_file + " 2>/dev/null").c_str()), 0);
  const std::string dom = slurp(dom_file);
  // Thirteen histograms, the leakers by asset, one timeline and one map.
  EXPECT_EQ(count(dom, "<svg class=\"chart\""), 16u) << dom.substr(0, 2000);
  for (const char* id : {"id=\"hist-killed\"", "id=\"hist-leakers\"", "id=\"assets-chart\"", "id=\"timeline-0\"",
                         "id=\"map-0\""})
    EXPECT_NE(dom.find(id), std::string::npos) << id;
  EXPECT_NE(dom.find("Monte Carlo report: Minimal"), std::string::npos);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 60.0);
}

TEST_F(McReport, AnUnwritablePathFailsBeforeTheRuns) {
  // With 100 000 runs the command would take an hour if the path were checked after the runs.
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r = run_rampart("mc " + kMinimal + " --runs 100000 --report /nonexistent-folder/r.html");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("/nonexistent-folder/r.html.partial: cannot write this file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("check that the folder exists"), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 30.0);
}

}  // namespace
}  // namespace rampart::test
