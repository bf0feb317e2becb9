// The results database of `rampart mc --db FILE.sqlite`: every replication's summary, per-run
// metrics and event log (event_log.h) in one SQLite file, written as each replication ends, and
// read back to resume an interrupted command (--resume). docs/outputs.md documents the schema.
//
// Durability. The file is in write-ahead-log mode (PRAGMA journal_mode=WAL) and each replication's
// rows (run, metrics, events) go in one transaction, committed when it ends: a command killed at
// any moment, by SIGKILL too, leaves every committed replication whole and none half-written.
// PRAGMA synchronous=NORMAL: in WAL mode a commit is then safe from the death of the process (it is
// in the log, which the next connection replays) but a power cut or an OS crash may undo the last
// commits, never corrupting the file; --resume runs those replications again. FULL would add an
// fsync to every commit, which takes longer than a replication of a small scenario, to protect only
// what a resume recomputes anyway (SQLite, "Write-Ahead Logging" and "PRAGMA synchronous",
// https://sqlite.org/wal.html, https://sqlite.org/pragma.html#pragma_synchronous).
//
// Identity. A database belongs to one command: its number of replications, its scenario seed and its
// points (label, overrides, and a fingerprint of each scenario file's text). Resuming it with
// another command would mix two experiments' results, so that is refused, naming what differs.
// The fingerprint is FNV-1a 64 (Fowler, Noll, Vo), a check against edits, not against forgery.
//
// The file is marked as ours by PRAGMA application_id and carries its schema version in PRAGMA
// user_version and in the meta table; a file that is not SQLite, not ours, corrupt or of another
// schema version is an InputError saying so and what to do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/monte_carlo.h"
#include "io/sqlite.h"
#include "scenario/overrides.h"
#include "sim/summary.h"

namespace rampart::analysis {

inline constexpr int kResultsSchemaVersion = 1;
/// PRAGMA application_id of a results database: "RMPT".
inline constexpr std::int64_t kResultsApplicationId = 0x524D5054;

/// One scenario variant of a command: a sweep point, A or B of a comparison, or the only one.
struct ResultsPoint {
  std::string label;
  std::vector<scenario::Override> overrides;
  std::string scenario_file;
  std::string scenario_fingerprint;  ///< text_fingerprint of the file's text
};

/// What a command's replications depend on, and the command line that reproduces them.
struct ResultsCommand {
  std::string command_line;  ///< recorded, not compared
  std::size_t runs = 0;
  std::uint64_t scenario_seed = 0;
  std::vector<ResultsPoint> points;
};

/// FNV-1a 64-bit hash of the text, as 16 hexadecimal digits.
std::string text_fingerprint(std::string_view text);

/// The point of a scenario file with overrides; throws InputError when the file cannot be read.
ResultsPoint results_point(const std::string& label, const std::vector<scenario::Override>& overrides,
                           const std::string& scenario_file);

class ResultsDb {
 public:
  enum class Open {
    kCreate,  ///< a new file: refused when `path` exists
    kResume,  ///< the file an earlier run of the same command made: refused when missing or another command's
  };
  /// Opens the database and starts a session (one row of `sessions`); throws InputError saying what
  /// is wrong and how to fix it.
  ResultsDb(const std::string& path, const ResultsCommand& command, Open open);

  /// The replications of point `point` recorded before, by index.
  std::map<std::size_t, sim::Summary> finished(std::size_t point);
  /// Makes the replications of point `point` skip those recorded before (options.finished) and
  /// record the others here with their event logs (options.observe, options.on_finished). The
  /// database must outlive the replications.
  void attach(std::size_t point, ReplicationOptions& options);
  /// The observer of each replication of a recorded command (its event log), on whichever
  /// process runs it: under mpirun the other ranks run it for rank 0's database.
  static std::unique_ptr<ReplicationObserver> observer();
  /// How many replications are recorded, over every point.
  std::size_t recorded();
  /// Records one replication in one transaction: its run row, its metrics and its events (the
  /// record an EventLog made, or empty for none).
  void write(std::size_t point, std::size_t index, const sim::Summary& summary, const std::string& events_record);

 private:
  void create_schema(const ResultsCommand& command);
  void check_ours();
  void check_same_command(const ResultsCommand& command);

  io::SqliteDatabase db_;
  std::int64_t session_ = 0;
};

}  // namespace rampart::analysis
