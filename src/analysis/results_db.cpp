#include "analysis/results_db.h"

#include <filesystem>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "analysis/event_log.h"
#include "analysis/monte_carlo.h"
#include "core/error.h"
#include "core/text_file.h"
#include "core/version.h"

namespace rampart::analysis {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (
  session INTEGER PRIMARY KEY,
  started_utc TEXT NOT NULL,
  command_line TEXT NOT NULL,
  rampart_version TEXT NOT NULL,
  runs_already_recorded INTEGER NOT NULL);
CREATE TABLE points (
  point INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  overrides TEXT NOT NULL,
  scenario_file TEXT NOT NULL,
  scenario_fingerprint TEXT NOT NULL);
CREATE TABLE runs (
  run_id INTEGER PRIMARY KEY,
  point INTEGER NOT NULL REFERENCES points,
  replication INTEGER NOT NULL,
  seed TEXT NOT NULL,
  status TEXT NOT NULL,
  session INTEGER NOT NULL REFERENCES sessions,
  summary TEXT NOT NULL,
  UNIQUE (point, replication));
CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs,
  metric TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, metric)) WITHOUT ROWID;
CREATE TABLE events (
  run_id INTEGER NOT NULL REFERENCES runs,
  seq INTEGER NOT NULL,
  t_s REAL NOT NULL,
  kind TEXT NOT NULL,
  track_id INTEGER,
  entity_id INTEGER,
  entity TEXT,
  fire_unit TEXT,
  asset TEXT,
  interceptor_id INTEGER,
  outcome TEXT,
  detail TEXT,
  PRIMARY KEY (run_id, seq)) WITHOUT ROWID;
)sql";

const std::string kFix =
    "  fix: give --db the file of an earlier `rampart mc --db` run, or a new path without --resume";

std::optional<std::string> text_or_null(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

std::string overrides_json(const std::vector<scenario::Override>& overrides) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& o : overrides) j.push_back({{"path", o.path}, {"value", o.value}});
  return j.dump();
}

io::SqliteDatabase::Mode checked_mode(const std::string& path, ResultsDb::Open open) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (open == ResultsDb::Open::kCreate && exists)
    throw InputError(fmt::format("{}: this results database exists already\n  fix: remove it, or add --resume to "
                                 "continue the run that made it",
                                 path));
  // A write-ahead log left by a killed run whose database was removed would be replayed into the new one.
  if (open == ResultsDb::Open::kCreate && std::filesystem::exists(path + "-wal", ec))
    throw InputError(fmt::format("{}-wal: the write-ahead log of a removed database is left here\n  fix: remove it "
                                 "and {}-shm too, or give another --db path",
                                 path, path));
  if (open == ResultsDb::Open::kResume && !exists)
    throw InputError(fmt::format("{}: no such results database to resume\n  fix: check the path, or drop --resume "
                                 "to start a new one",
                                 path));
  return open == ResultsDb::Open::kCreate ? io::SqliteDatabase::Mode::kCreate : io::SqliteDatabase::Mode::kReadWrite;
}

}  // namespace

std::string text_fingerprint(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // the FNV-1a 64 offset basis and prime
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

ResultsPoint results_point(const std::string& label, const std::vector<scenario::Override>& overrides,
                           const std::string& scenario_file) {
  const auto text = read_text_file(scenario_file);
  if (!text) throw InputError(fmt::format("{}: cannot read this scenario file", scenario_file));
  return {label, overrides, scenario_file, text_fingerprint(*text)};
}

ResultsDb::ResultsDb(const std::string& path, const ResultsCommand& command, Open open)
    : db_(path, checked_mode(path, open)) {
  if (open == Open::kResume) {
    check_ours();
    check_same_command(command);
  } else if (db_.text_of("PRAGMA journal_mode=WAL") != "wal") {
    throw InputError(fmt::format("{}: SQLite cannot use write-ahead logging here (a network file system?)\n  fix: "
                                 "give --db a path on a local disk",
                                 path));
  }
  db_.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
  const std::size_t already = open == Open::kResume ? recorded() : 0;
  io::SqliteTransaction transaction(db_);
  if (open == Open::kCreate) create_schema(command);
  db_.prepare(
         "INSERT INTO sessions (started_utc, command_line, rampart_version, runs_already_recorded) "
         "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?)")
      .bind(1, command.command_line)
      .bind(2, std::string(project_version()))
      .bind(3, static_cast<std::int64_t>(already))
      .run();
  session_ = db_.last_insert_rowid();
  transaction.commit();
}

void ResultsDb::create_schema(const ResultsCommand& command) {
  db_.exec(fmt::format("PRAGMA application_id={}; PRAGMA user_version={}", kResultsApplicationId,
                       kResultsSchemaVersion));
  db_.exec(kSchema);
  auto meta = db_.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"schema_version", std::to_string(kResultsSchemaVersion)},
           {"rampart_version", std::string(project_version())},
           {"command_line", command.command_line},
           {"runs_requested", std::to_string(command.runs)},
           {"scenario_seed", std::to_string(command.scenario_seed)}})
    meta.bind(1, key).bind(2, value).run();
  auto point = db_.prepare(
      "INSERT INTO points (point, label, overrides, scenario_file, scenario_fingerprint) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t k = 0; k < command.points.size(); ++k) {
    const ResultsPoint& p = command.points[k];
    point.bind(1, static_cast<std::int64_t>(k))
        .bind(2, p.label)
        .bind(3, overrides_json(p.overrides))
        .bind(4, p.scenario_file)
        .bind(5, p.scenario_fingerprint)
        .run();
  }
}

void ResultsDb::check_ours() {
  const std::string& path = db_.path();
  try {
    if (db_.integer_of("PRAGMA application_id") != kResultsApplicationId)
      throw InputError(fmt::format("{}: this SQLite database was not made by rampart mc (it lacks rampart's "
                                   "tables and mark)",
                                   path));
    if (const auto version = db_.integer_of("PRAGMA user_version"); version != kResultsSchemaVersion)
      throw InputError(fmt::format("{}: this results database has schema version {}; this rampart reads version "
                                   "{}\n  fix: resume it with the rampart that made it, or start a new --db",
                                   path, version.value_or(0), kResultsSchemaVersion));
    if (const auto check = db_.text_of("PRAGMA quick_check"); check != "ok")
      throw InputError(fmt::format("{}: this results database is corrupt: {}", path, check.value_or("?")));
  } catch (const InputError& e) {
    throw InputError(std::string(e.what()) + "\n" + kFix);
  }
}

void ResultsDb::check_same_command(const ResultsCommand& command) {
  std::vector<std::string> differences;
  const auto meta = [&](const char* key) {
    auto query = db_.prepare("SELECT value FROM meta WHERE key = ?");
    query.bind(1, std::string(key));
    return query.step() ? query.text(0) : std::string("(none)");
  };
  const auto differ = [&](const std::string& what, const std::string& in_db, const std::string& now) {
    if (in_db != now) differences.push_back(fmt::format("{}: {} in the database, {} now", what, in_db, now));
  };
  differ("--runs", meta("runs_requested"), std::to_string(command.runs));
  differ("the scenario's random_seed", meta("scenario_seed"), std::to_string(command.scenario_seed));
  std::size_t k = 0;
  for (auto query = db_.prepare("SELECT label, overrides, scenario_fingerprint FROM points ORDER BY point");
       query.step(); ++k) {
    if (k >= command.points.size()) continue;
    const ResultsPoint& now = command.points[k];
    const std::string name = fmt::format("point {} ({})", k, now.label);
    differ(name + " label", query.text(0), now.label);
    differ(name + " overrides", query.text(1), overrides_json(now.overrides));
    differ(name + " scenario text (fingerprint of " + now.scenario_file + ")", query.text(2),
           now.scenario_fingerprint);
  }
  differ("the number of points (--sweep values, --compare)", std::to_string(k), std::to_string(command.points.size()));
  if (!differences.empty())
    throw InputError(fmt::format("{}: this results database was made by another command ({}):\n  {}\n  fix: resume "
                                 "with the same scenario, --runs, --sweep and --compare, or give a new --db path",
                                 db_.path(), meta("command_line"), fmt::join(differences, "\n  ")));
}

std::map<std::size_t, sim::Summary> ResultsDb::finished(std::size_t point) {
  std::map<std::size_t, sim::Summary> out;
  auto query = db_.prepare("SELECT replication, summary FROM runs WHERE point = ? ORDER BY replication");
  query.bind(1, static_cast<std::int64_t>(point));
  while (query.step()) {
    const auto index = static_cast<std::size_t>(query.integer(0));
    try {
      out[index] = sim::summary_from_json(nlohmann::json::parse(query.text(1)));
    } catch (const std::exception& e) {  // a JSON parse error or summary_from_json's InputError
      throw InputError(fmt::format("{}: the summary of point {} replication {} is damaged: {}\n{}", db_.path(), point,
                                   index, e.what(), kFix));
    }
  }
  return out;
}

void ResultsDb::attach(std::size_t point, ReplicationOptions& options) {
  options.finished = finished(point);
  options.observe = observer;
  options.on_finished = [this, point](std::size_t index, const sim::Summary& summary, const std::string& record) {
    write(point, index, summary, record);
  };
}

std::unique_ptr<ReplicationObserver> ResultsDb::observer() { return std::make_unique<EventLog>(); }

std::size_t ResultsDb::recorded() {
  return static_cast<std::size_t>(db_.integer_of("SELECT count(*) FROM runs").value_or(0));
}

void ResultsDb::write(std::size_t point, std::size_t index, const sim::Summary& summary,
                      const std::string& events_record) {
  const std::vector<LoggedEvent> events = events_record.empty() ? std::vector<LoggedEvent>{}
                                                                : events_from_record(events_record);
  io::SqliteTransaction transaction(db_);
  db_.prepare(
         "INSERT INTO runs (point, replication, seed, status, session, summary) VALUES (?, ?, ?, 'finished', ?, ?)")
      .bind(1, static_cast<std::int64_t>(point))
      .bind(2, static_cast<std::int64_t>(index))
      .bind(3, std::to_string(summary.seed))
      .bind(4, session_)
      .bind(5, sim::to_json(summary).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      .run();
  const std::int64_t run_id = db_.last_insert_rowid();
  auto metric = db_.prepare("INSERT INTO metrics (run_id, metric, value) VALUES (?, ?, ?)");
  for (const auto& [name, value] : per_run_metrics(summary)) metric.bind(1, run_id).bind(2, name).bind(3, value).run();
  auto event = db_.prepare(
      "INSERT INTO events (run_id, seq, t_s, kind, track_id, entity_id, entity, fire_unit, asset, interceptor_id, "
      "outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t seq = 0; seq < events.size(); ++seq) {
    const LoggedEvent& x = events[seq];
    event.bind(1, run_id)
        .bind(2, static_cast<std::int64_t>(seq))
        .bind(3, x.t_s)
        .bind(4, x.kind)
        .bind(5, x.track_id)
        .bind(6, x.entity_id)
        .bind(7, text_or_null(x.entity))
        .bind(8, text_or_null(x.fire_unit))
        .bind(9, text_or_null(x.asset))
        .bind(10, x.interceptor_id)
        .bind(11, text_or_null(x.outcome))
        .bind(12, text_or_null(x.detail))
        .run();
  }
  transaction.commit();
}

}  // namespace rampart::analysis
