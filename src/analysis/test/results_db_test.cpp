#include "analysis/results_db.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <numeric>

#include "analysis/event_log.h"
#include "core/error.h"
#include "core/test/scratch_dir.h"
#include "scenario/loader.h"
#include "sim/simulation.h"

namespace rampart::analysis {
namespace {

const std::string kMinimal = std::string(RAMPART_SOURCE_DIR) + "/src/scenario/test/data/minimal.yaml";

class ResultsDbTest : public test::ScratchDirTest {
 protected:
  scenario::Scenario s = scenario::load_scenario_file(kMinimal);

  ResultsCommand command(std::size_t runs) const {
    return {"rampart mc minimal.yaml --runs " + std::to_string(runs), runs, s.random_seed,
            {results_point("base", {}, kMinimal)}};
  }
  std::string path() const { return (dir_ / "results.sqlite").string(); }

  /// Runs the replications recording them in the database at path(), as rampart mc --db does.
  std::vector<sim::Summary> run(std::size_t runs, ResultsDb::Open open) {
    ResultsDb db(path(), command(runs), open);
    ReplicationOptions options{runs, 2, nullptr};
    db.attach(0, options);
    return run_replications(s, options);
  }

  static std::string message_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const InputError& e) {
      return e.what();
    }
    return "no InputError";
  }
};

TEST_F(ResultsDbTest, TheEventLogCountsLaunchesAndLeaksAsTheSummaryAndReadsBackItsRecord) {
  scenario::Scenario crowded = s;  // more threats than the battery's 8 rounds, and time to arrive: some leak
  crowded.raids[0].count = 12;
  crowded.duration_s = 600.0;
  int all_leaks = 0;
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    sim::Simulation simulation(crowded, {seed});
    EventLog log;
    simulation.subscribe(log);
    const sim::Summary summary = simulation.run();
    const auto count = [&](const std::string& kind) {
      return std::count_if(log.events().begin(), log.events().end(), [&](const auto& e) { return e.kind == kind; });
    };
    EXPECT_EQ(count("launch"), summary.interceptors_fired + summary.air_to_air_fired) << seed;
    int leaks = 0;
    for (const auto& [asset, n] : summary.leakers_by_asset) leaks += n;
    EXPECT_EQ(count("leak"), leaks) << seed;
    all_leaks += leaks;
    EXPECT_GT(count("fire_order"), 0) << seed;
    EXPECT_GT(count("identity"), 0) << seed;
    EXPECT_EQ(count("intercept"), summary.interceptor_kills + summary.interceptor_misses +
                                      summary.interceptor_no_target + summary.interceptors_aborted +
                                      summary.interceptors_guidance_lost)
        << seed;

    const std::vector<LoggedEvent> back = events_from_record(log.record());
    ASSERT_EQ(back.size(), log.events().size());
    for (std::size_t i = 0; i < back.size(); ++i) {
      const LoggedEvent& a = log.events()[i];
      const LoggedEvent& b = back[i];
      EXPECT_EQ(std::tie(a.t_s, a.kind, a.track_id, a.entity_id, a.entity, a.fire_unit, a.asset, a.interceptor_id,
                         a.outcome, a.detail),
                std::tie(b.t_s, b.kind, b.track_id, b.entity_id, b.entity, b.fire_unit, b.asset, b.interceptor_id,
                         b.outcome, b.detail))
          << i;
    }
  }
  EXPECT_GT(all_leaks, 0);
  for (const std::string bad : {"", "not json", "{}", "[[1, \"launch\"]]", "[1]",
                                "[[0, 1, null, null, \"\", \"\", \"\", null, \"\", \"\"]]"})
    EXPECT_THROW(events_from_record(bad), InputError) << bad;
}

TEST_F(ResultsDbTest, RecordsEachReplicationWholeInAWalFileAndResumesWithTheSameSummaries) {
  const auto all = run(5, ResultsDb::Open::kCreate);
  io::SqliteDatabase reader(path(), io::SqliteDatabase::Mode::kReadOnly);
  EXPECT_EQ(reader.text_of("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM runs"), 5);
  EXPECT_EQ(reader.integer_of("SELECT count(DISTINCT replication) FROM runs WHERE point = 0 AND status = 'finished'"), 5);
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM metrics"),
            static_cast<std::int64_t>(5 * per_run_metrics(all[0]).size()));
  EXPECT_EQ(reader.text_of("SELECT value FROM meta WHERE key = 'schema_version'"), "1");
  EXPECT_EQ(reader.text_of("SELECT value FROM meta WHERE key = 'runs_requested'"), "5");
  EXPECT_EQ(reader.text_of("SELECT scenario_fingerprint FROM points"), results_point("base", {}, kMinimal).scenario_fingerprint);
  for (std::size_t i = 0; i < all.size(); ++i) {
    auto run_id = reader.prepare("SELECT run_id, seed FROM runs WHERE replication = ?");
    run_id.bind(1, static_cast<std::int64_t>(i));
    ASSERT_TRUE(run_id.step());
    EXPECT_EQ(run_id.text(1), std::to_string(all[i].seed));
    const std::string id = std::to_string(run_id.integer(0));
    for (const auto& [name, value] : per_run_metrics(all[i])) {
      auto metric = reader.prepare("SELECT value FROM metrics WHERE run_id = " + id + " AND metric = ?");
      metric.bind(1, name);
      ASSERT_TRUE(metric.step()) << name;
      if (value) {
        EXPECT_EQ(metric.real(0), *value) << name;
      } else {
        EXPECT_TRUE(metric.is_null(0)) << name;
      }
    }
    EXPECT_EQ(reader.integer_of("SELECT count(*) FROM events WHERE kind = 'launch' AND run_id = " + id),
              all[i].interceptors_fired + all[i].air_to_air_fired);
  }

  // Resuming a finished database runs nothing and gives back the same summaries.
  ResultsDb again(path(), command(5), ResultsDb::Open::kResume);
  const auto finished = again.finished(0);
  ASSERT_EQ(finished.size(), 5u);
  for (const auto& [i, summary] : finished) EXPECT_EQ(sim::to_json(summary), sim::to_json(all[i])) << i;
  ReplicationOptions options{5, 1, nullptr};
  again.attach(0, options);
  std::size_t ran = 0;
  options.observe = [&ran] {
    ++ran;
    return std::make_unique<EventLog>();
  };
  EXPECT_EQ(to_json(summarize(s, run_replications(s, options))), to_json(summarize(s, all)));
  EXPECT_EQ(ran, 0u);
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM sessions"), 2);
  EXPECT_EQ(reader.integer_of("SELECT runs_already_recorded FROM sessions WHERE session = 2"), 5);
}

TEST_F(ResultsDbTest, ResumeRunsOnlyTheMissingReplicationsAndTheStatisticsAreTheSame) {
  const auto uninterrupted = run_replications(s, {6, 2, nullptr});
  {
    ResultsDb db(path(), command(6), ResultsDb::Open::kCreate);
    for (const std::size_t i : {0u, 3u, 4u}) db.write(0, i, uninterrupted[i], "[]");
  }
  ResultsDb db(path(), command(6), ResultsDb::Open::kResume);
  EXPECT_EQ(db.recorded(), 3u);
  ReplicationOptions options{6, 2, nullptr};
  db.attach(0, options);
  std::vector<std::size_t> ran;
  const auto write = options.on_finished;
  options.on_finished = [&](std::size_t i, const sim::Summary& summary, const std::string& record) {
    ran.push_back(i);
    write(i, summary, record);
  };
  const auto resumed = run_replications(s, options);
  std::sort(ran.begin(), ran.end());
  EXPECT_EQ(ran, (std::vector<std::size_t>{1, 2, 5}));
  EXPECT_EQ(to_json(summarize(s, resumed)), to_json(summarize(s, uninterrupted)));
  EXPECT_EQ(db.recorded(), 6u);
  EXPECT_THROW(db.write(0, 1, uninterrupted[1], ""), InputError) << "a replication recorded twice";
  EXPECT_EQ(db.recorded(), 6u);
  EXPECT_THROW(db.write(0, 7, uninterrupted[1], "[[not json"), InputError);
  EXPECT_EQ(db.recorded(), 6u) << "a failed write leaves nothing behind";
}

TEST_F(ResultsDbTest, RefusesTheWrongFileWithAMessageThatSaysWhatIsWrong) {
  const auto contains = [](const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
  };
  EXPECT_TRUE(contains(message_of([&] { ResultsDb(path(), command(3), ResultsDb::Open::kResume); }),
                       "no such results database"));
  run(3, ResultsDb::Open::kCreate);
  const std::string exists = message_of([&] { ResultsDb(path(), command(3), ResultsDb::Open::kCreate); });
  EXPECT_TRUE(contains(exists, "exists already") && contains(exists, "--resume")) << exists;

  write("left.sqlite-wal", "the log of a database removed after a kill");
  const std::string left = message_of([&] {
    ResultsDb((dir_ / "left.sqlite").string(), command(3), ResultsDb::Open::kCreate);
  });
  EXPECT_TRUE(contains(left, "left.sqlite-wal: the write-ahead log of a removed database")) << left;

  const std::string runs = message_of([&] { ResultsDb(path(), command(4), ResultsDb::Open::kResume); });
  EXPECT_TRUE(contains(runs, "--runs: 3 in the database, 4 now")) << runs;
  EXPECT_TRUE(contains(runs, "rampart mc minimal.yaml --runs 3")) << "names the command that made it: " << runs;
  ResultsCommand other = command(3);
  other.points[0].scenario_fingerprint = text_fingerprint("another scenario");
  other.points.push_back(results_point("B", {{"c2.salvo_size", "2"}}, kMinimal));
  const std::string points = message_of([&] { ResultsDb(path(), other, ResultsDb::Open::kResume); });
  EXPECT_TRUE(contains(points, "scenario text")) << points;
  EXPECT_TRUE(contains(points, "the number of points (--sweep values, --compare): 1 in the database, 2 now")) << points;
  other = command(3);
  other.scenario_seed += 1;
  EXPECT_TRUE(contains(message_of([&] { ResultsDb(path(), other, ResultsDb::Open::kResume); }), "random_seed"));

  const std::string text = write("notes.sqlite", std::string(4096, 'x'));
  const std::string not_sqlite = message_of([&] { ResultsDb(text, command(3), ResultsDb::Open::kResume); });
  EXPECT_TRUE(contains(not_sqlite, "not a database") && contains(not_sqlite, "fix:")) << not_sqlite;
  const std::string foreign = (dir_ / "foreign.sqlite").string();
  io::SqliteDatabase(foreign, io::SqliteDatabase::Mode::kCreate).exec("CREATE TABLE accounts (id INTEGER)");
  EXPECT_TRUE(contains(message_of([&] { ResultsDb(foreign, command(3), ResultsDb::Open::kResume); }),
                       "not made by rampart mc"));
  io::SqliteDatabase(path(), io::SqliteDatabase::Mode::kReadWrite).exec("PRAGMA user_version=99");
  EXPECT_TRUE(contains(message_of([&] { ResultsDb(path(), command(3), ResultsDb::Open::kResume); }),
                       "schema version 99; this rampart reads version 1"));
  EXPECT_TRUE(contains(message_of([&] {
                         ResultsDb("/nonexistent-folder/results.sqlite", command(3), ResultsDb::Open::kCreate);
                       }),
                       "cannot open"));
}

TEST_F(ResultsDbTest, ACorruptDatabaseIsAnInputErrorNotACrash) {
  run(4, ResultsDb::Open::kCreate);
  // Overwrite every page but the first (the header and the schema) with garbage.
  const auto size = std::filesystem::file_size(path());
  ASSERT_GT(size, 8192u);
  {
    std::fstream f(path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    f << std::string(size - 4096, '\x5a');
  }
  EXPECT_THROW(ResultsDb(path(), command(4), ResultsDb::Open::kResume), InputError);
}

TEST(TextFingerprint, IsFnv1a64) {
  EXPECT_EQ(text_fingerprint(""), "cbf29ce484222325");  // the offset basis
  EXPECT_EQ(text_fingerprint("a"), "af63dc4c8601ec8c");
  EXPECT_NE(text_fingerprint("random_seed: 7\n"), text_fingerprint("random_seed: 8\n"));
}

}  // namespace
}  // namespace rampart::analysis
