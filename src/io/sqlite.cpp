#include "io/sqlite.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "core/error.h"

namespace rampart::io {
namespace {

constexpr int kBusyTimeout_ms = 5000;

/// The environment failed (rampart::Error) rather than the file given (InputError).
bool environment_failure(int code) {
  switch (code & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_NOMEM:
    case SQLITE_INTERRUPT:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
      return true;
    default:
      return false;
  }
}

int open_flags(SqliteDatabase::Mode mode) {
  switch (mode) {
    case SqliteDatabase::Mode::kReadOnly: return SQLITE_OPEN_READONLY;
    case SqliteDatabase::Mode::kReadWrite: return SQLITE_OPEN_READWRITE;
    case SqliteDatabase::Mode::kCreate: return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  return 0;
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path, Mode mode) : path_(path) {
  const int code = sqlite3_open_v2(path.c_str(), &db_, open_flags(mode), nullptr);
  if (code != SQLITE_OK) {
    // Opening failed: the handle (if any) holds the reason until it is closed.
    const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    const std::string message = fmt::format(
        "{}: cannot open this database: {} (check that the folder exists and is writable, and the file readable)",
        path, reason);
    if (environment_failure(code)) throw Error(message);
    throw InputError(message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeout_ms);
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

void SqliteDatabase::rollback() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

void SqliteDatabase::fail(int code, const std::string& doing) const {
  const std::string message = fmt::format("{}: {}: {}", path_, doing, sqlite3_errmsg(db_));
  if (environment_failure(code)) throw Error(message);
  throw InputError(message);
}

void SqliteDatabase::exec(const std::string& sql) {
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) fail(code, fmt::format("cannot run \"{}\"", sql.substr(0, sql.find_first_of("(;"))));
}

SqliteStatement SqliteDatabase::prepare(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  const int code = sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
  if (code != SQLITE_OK) fail(code, fmt::format("cannot prepare \"{}\"", sql));
  return {*this, statement};
}

std::optional<std::string> SqliteDatabase::text_of(const std::string& sql) {
  SqliteStatement query = prepare(sql);
  if (!query.step() || query.is_null(0)) return std::nullopt;
  return query.text(0);
}

std::optional<std::int64_t> SqliteDatabase::integer_of(const std::string& sql) {
  SqliteStatement query = prepare(sql);
  if (!query.step() || query.is_null(0)) return std::nullopt;
  return query.integer(0);
}

std::int64_t SqliteDatabase::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), statement_(other.statement_) {
  other.statement_ = nullptr;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  if (const int code = sqlite3_bind_int64(statement_, index, value); code != SQLITE_OK) db_->fail(code, "cannot bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
  if (const int code = sqlite3_bind_double(statement_, index, value); code != SQLITE_OK) db_->fail(code, "cannot bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::string& value) {
  const int code =
      sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (code != SQLITE_OK) db_->fail(code, "cannot bind");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::nullopt_t) {
  if (const int code = sqlite3_bind_null(statement_, index); code != SQLITE_OK) db_->fail(code, "cannot bind");
  return *this;
}

bool SqliteStatement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  db_->fail(code, fmt::format("cannot run \"{}\"", sqlite3_sql(statement_)));
}

void SqliteStatement::run() {
  while (step()) {
  }
  reset();
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

bool SqliteStatement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

double SqliteStatement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string SqliteStatement::text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return text != nullptr ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                         : std::string();
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

SqliteTransaction::~SqliteTransaction() {
  if (open_) db_.rollback();
}

void SqliteTransaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace rampart::io
