// rampart mc --db and --resume as a user runs them: the database's contents against the CSV and
// the summaries, a command killed with SIGKILL and resumed, and every file it must refuse.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "analysis/monte_carlo.h"
#include "cli_support.h"
#include "core/error.h"
#include "core/test/scratch_dir.h"
#include "io/sqlite.h"

extern char** environ;

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;
const std::string kMinimal = (kSource / "src/scenario/test/data/minimal.yaml").string();
/// Long enough replications (a few tenths of a second) to kill the command between two of them.
const std::string kLong = (kSource / "apps/rampart/test/data/mc_long.yaml").string();

class McDbCli : public ScratchDirTest {
 protected:
  std::string db() const { return (dir_ / "results.sqlite").string(); }

  static std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream s(line);
    for (std::string field; std::getline(s, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
  }
};

TEST_F(McDbCli, TheDatabaseHoldsEveryRunWithTheCsvMetricsAndEventsThatAddUp) {
  const std::string csv = (dir_ / "runs.csv").string();
  const CommandResult r = run_rampart("mc " + kMinimal + " --runs 4 --threads 2 --db " + db() + " --csv " + csv);
  ASSERT_EQ(r.status, 0) << r.err;
  io::SqliteDatabase reader(db(), io::SqliteDatabase::Mode::kReadOnly);
  EXPECT_EQ(reader.text_of("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(reader.text_of("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM runs"), 4);
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM points"), 1);
  EXPECT_EQ(reader.text_of("SELECT value FROM meta WHERE key = 'command_line'"),
            "rampart mc " + kMinimal + " --runs 4");
  EXPECT_EQ(reader.text_of("SELECT value FROM meta WHERE key = 'scenario_seed'"), "7");
  EXPECT_EQ(reader.integer_of("SELECT runs_already_recorded FROM sessions"), 0);

  // Every per-run metric of the CSV, as the CSV prints it.
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split(line);
  ASSERT_EQ(header, analysis::per_run_header());
  int rows = 0;
  while (std::getline(in, line)) {
    const std::vector<std::string> row = split(line);
    ASSERT_EQ(row.size(), header.size()) << line;
    auto run = reader.prepare("SELECT run_id, seed FROM runs WHERE point = 0 AND replication = " + row[1]);
    ASSERT_TRUE(run.step()) << line;
    EXPECT_EQ(run.text(1), row[2]);
    for (std::size_t c = 3; c < header.size(); ++c) {
      auto metric = reader.prepare("SELECT value FROM metrics WHERE run_id = ? AND metric = ?");
      metric.bind(1, run.integer(0)).bind(2, header[c]);
      ASSERT_TRUE(metric.step()) << header[c];
      EXPECT_EQ(metric.is_null(0) ? std::string() : fmt::format("{:.6g}", metric.real(0)), row[c]) << header[c];
    }
    ++rows;
  }
  EXPECT_EQ(rows, 4);

  // Launch events = missiles fired and leak events = arrivals per asset, run by run.
  for (auto run = reader.prepare("SELECT run_id, summary FROM runs"); run.step();) {
    const auto summary = nlohmann::json::parse(run.text(1));
    const std::string id = std::to_string(run.integer(0));
    EXPECT_EQ(reader.integer_of("SELECT count(*) FROM events WHERE kind = 'launch' AND run_id = " + id),
              summary["interceptors_fired"].get<int>() + summary["air_to_air_fired"].get<int>());
    int leaks = 0;
    for (const auto& [asset, n] : summary["leakers_by_asset"].items()) leaks += n.get<int>();
    EXPECT_EQ(reader.integer_of("SELECT count(*) FROM events WHERE kind = 'leak' AND run_id = " + id), leaks);
    EXPECT_EQ(reader.integer_of("SELECT count(*) FROM events WHERE kind = 'intercept' AND outcome = 'kill' AND run_id = " + id),
              summary["interceptor_outcomes"]["kill"].get<int>());
  }
  // The example query of docs/outputs.md.
  auto example = reader.prepare(
      "SELECT r.replication, r.seed, m.value AS leakers, count(e.seq) AS launches FROM runs r "
      "JOIN metrics m ON m.run_id = r.run_id AND m.metric = 'leakers' "
      "LEFT JOIN events e ON e.run_id = r.run_id AND e.kind = 'launch' "
      "WHERE r.point = 0 GROUP BY r.run_id ORDER BY r.replication");
  for (std::int64_t i = 0; i < 4; ++i) {
    ASSERT_TRUE(example.step());
    EXPECT_EQ(example.integer(0), i);
  }
  EXPECT_FALSE(example.step());
}

TEST_F(McDbCli, AKilledRunLosesNothingItCommittedAndResumesToTheSameStatistics) {
  constexpr int kRuns = 12;
  const std::string runs = std::to_string(kRuns);
  std::vector<std::string> args{RAMPART_BINARY, "mc", kLong, "--runs", runs, "--threads", "1", "--db", db()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  ASSERT_EQ(posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  // Poll from another connection until at least 2 replications are committed, fewer than all.
  std::int64_t committed = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!std::filesystem::exists(db())) continue;
    try {
      io::SqliteDatabase reader(db(), io::SqliteDatabase::Mode::kReadOnly);
      committed = reader.integer_of("SELECT count(*) FROM runs").value_or(0);
    } catch (const InputError&) {  // the schema is being made
      continue;
    }
    if (committed >= 2) break;
  }
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the command ended before it was killed; make mc_long.yaml's runs longer";
  ASSERT_GE(committed, 2);

  std::int64_t kept = 0;
  {
    io::SqliteDatabase reader(db(), io::SqliteDatabase::Mode::kReadOnly);
    EXPECT_EQ(reader.text_of("PRAGMA integrity_check"), "ok");
    kept = reader.integer_of("SELECT count(*) FROM runs").value_or(0);
    EXPECT_GE(kept, committed) << "a committed replication was lost";
    ASSERT_LT(kept, kRuns) << "the command finished before it was killed; make mc_long.yaml's runs longer";
    // Each committed replication is whole: its metrics and its events.
    const auto metrics = static_cast<std::int64_t>(analysis::per_run_metrics({}).size());
    EXPECT_EQ(reader.integer_of("SELECT count(*) FROM metrics"), kept * metrics);
    for (auto run = reader.prepare("SELECT run_id, summary FROM runs"); run.step();) {
      const auto summary = nlohmann::json::parse(run.text(1));
      EXPECT_EQ(reader.integer_of("SELECT count(*) FROM events WHERE kind = 'launch' AND run_id = " +
                                  std::to_string(run.integer(0))),
                summary["interceptors_fired"].get<int>() + summary["air_to_air_fired"].get<int>());
    }
  }

  const CommandResult resumed =
      run_rampart("mc " + kLong + " --runs " + runs + " --threads 2 --db " + db() + " --resume --json");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(fmt::format("{} of {} replications recorded before; running the other {}", kept, kRuns,
                                         kRuns - kept)),
            std::string::npos)
      << resumed.err;
  const CommandResult uninterrupted = run_rampart("mc " + kLong + " --runs " + runs + " --threads 2 --json");
  ASSERT_EQ(uninterrupted.status, 0) << uninterrupted.err;
  EXPECT_EQ(resumed.out, uninterrupted.out);

  io::SqliteDatabase reader(db(), io::SqliteDatabase::Mode::kReadOnly);
  EXPECT_EQ(reader.text_of("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM runs"), kRuns);
  EXPECT_EQ(reader.integer_of("SELECT count(DISTINCT replication) FROM runs"), kRuns);
  EXPECT_EQ(reader.integer_of("SELECT runs_already_recorded FROM sessions WHERE session = 2"), kept);
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM runs WHERE session = 2"), kRuns - kept)
      << "the resume ran only the missing replications";
}

TEST_F(McDbCli, SweepsAndComparisonsRecordEveryPointAndResumeToTheSameOutput) {
  const std::string sweep = "mc " + kMinimal + " --runs 3 --sweep c2.salvo_size=1,2 --json --db " + db();
  const CommandResult first = run_rampart(sweep);
  ASSERT_EQ(first.status, 0) << first.err;
  {
    io::SqliteDatabase reader(db(), io::SqliteDatabase::Mode::kReadOnly);
    EXPECT_EQ(reader.integer_of("SELECT count(*) FROM runs"), 6);
    EXPECT_EQ(reader.text_of("SELECT overrides FROM points WHERE point = 1"),
              R"([{"path":"c2.salvo_size","value":"2"}])");
    EXPECT_EQ(reader.text_of("SELECT label FROM points WHERE point = 1"), "c2.salvo_size=2");
  }
  const CommandResult again = run_rampart(sweep + " --resume");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("6 of 6 replications recorded before; running the other 0"), std::string::npos);
  EXPECT_EQ(again.out, first.out);

  const std::string compared = (dir_ / "compare.sqlite").string();
  const CommandResult compare =
      run_rampart("mc --runs 2 --db " + compared + " --compare " + kMinimal + " " + kLong);
  ASSERT_EQ(compare.status, 0) << compare.err;
  io::SqliteDatabase reader(compared, io::SqliteDatabase::Mode::kReadOnly);
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM runs WHERE point = 1"), 2);
  EXPECT_EQ(reader.text_of("SELECT scenario_file FROM points WHERE label = 'B'"), kLong);
  EXPECT_EQ(reader.integer_of("SELECT count(DISTINCT seed) FROM runs"), 2) << "B runs with A's seeds";
}

TEST_F(McDbCli, RefusesEveryWrongDatabaseWithStatusTwoAndAMessage) {
  const std::string base = "mc " + kMinimal + " --runs 2 --db " + db();
  ASSERT_EQ(run_rampart(base).status, 0);
  const std::string changed = write("changed.yaml", slurp(kMinimal) + "# edited\n");
  const std::string text_file = write("notes.sqlite", std::string(2048, 'x'));
  const std::string foreign = (dir_ / "foreign.sqlite").string();
  io::SqliteDatabase(foreign, io::SqliteDatabase::Mode::kCreate).exec("CREATE TABLE accounts (id INTEGER)");
  const std::string newer = (dir_ / "newer.sqlite").string();
  std::filesystem::copy_file(db(), newer);
  io::SqliteDatabase(newer, io::SqliteDatabase::Mode::kReadWrite).exec("PRAGMA user_version=2");
  const std::pair<std::string, std::string> cases[] = {
      {base, "exists already"},
      {base + " --json", "remove it, or add --resume"},
      {"mc " + changed + " --runs 2 --db " + db() + " --resume", "scenario text"},
      {"mc " + kMinimal + " --runs 3 --db " + db() + " --resume", "--runs: 2 in the database, 3 now"},
      {base + " --resume --sweep c2.salvo_size=1,2", "the number of points"},
      {"mc --runs 2 --db " + db() + " --resume --compare " + kMinimal + " " + kMinimal, "point 0 (A) label"},
      {"mc " + kMinimal + " --runs 2 --resume", "--resume needs --db"},
      {"mc " + kMinimal + " --runs 2 --resume --db " + (dir_ / "missing.sqlite").string(), "no such results database"},
      {"mc " + kMinimal + " --runs 2 --resume --db " + text_file, "not a database"},
      {"mc " + kMinimal + " --runs 2 --resume --db " + foreign, "not made by rampart mc"},
      {"mc " + kMinimal + " --runs 2 --resume --db " + newer, "schema version 2"},
      {"mc " + kMinimal + " --runs 2 --db /nonexistent-folder/results.sqlite", "cannot open"},
  };
  for (const auto& [args, message] : cases) {
    const CommandResult r = run_rampart(args);
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args << ": " << r.err;
  }
  // None of it touched the database: it still resumes, with nothing left to run.
  const CommandResult again = run_rampart(base + " --resume");
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("2 of 2 replications recorded before; running the other 0"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace rampart::test
