// A small RAII wrapper of SQLite's C API (https://sqlite.org/c3ref/intro.html): a connection, its
// prepared statements and a transaction guard, each closed or finished by its destructor.
//
// Every call is checked. A failure of the environment (an I/O error, a full disk, no memory)
// throws rampart::Error; every other failure is blamed on the file given (it cannot be opened or
// created, is not an SQLite database, is corrupt, is locked by another program, lacks a table)
// and throws InputError naming the file and SQLite's reason. Used from one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace rampart::io {

class SqliteStatement;

class SqliteDatabase {
 public:
  enum class Mode {
    kReadOnly,   ///< the file must exist; nothing is written
    kReadWrite,  ///< the file must exist
    kCreate,     ///< made when missing
  };
  /// Opens `path`; waits up to 5 s for a lock another connection holds before failing.
  SqliteDatabase(const std::string& path, Mode mode);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  /// Runs statements that return no rows (or whose rows are not wanted), separated by ';'.
  void exec(const std::string& sql);
  SqliteStatement prepare(const std::string& sql);
  /// The single value a query returns in its first row (a PRAGMA, a count); nullopt without a row
  /// or when it is NULL.
  std::optional<std::string> text_of(const std::string& sql);
  std::optional<std::int64_t> integer_of(const std::string& sql);

  /// The rowid of the last row this connection inserted.
  std::int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  /// Undoes the open transaction, if any; never throws (for destructors).
  void rollback() noexcept;
  /// Throws for the result code of the last call on this connection.
  [[noreturn]] void fail(int code, const std::string& doing) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

/// A prepared statement: bind parameters (from 1), step through its rows, reset to run it again.
class SqliteStatement {
 public:
  SqliteStatement(SqliteDatabase& db, sqlite3_stmt* statement) : db_(&db), statement_(statement) {}
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, const std::string& value);
  SqliteStatement& bind(int index, std::nullopt_t);
  /// A value or NULL.
  template <typename T>
  SqliteStatement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }
  /// Advances to the next row: true when there is one, false when the statement is done.
  bool step();
  /// Steps to the end (an INSERT, an UPDATE) and resets for the next binding.
  void run();
  /// Back to the start, bindings cleared.
  void reset();

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;

 private:
  SqliteDatabase* db_;
  sqlite3_stmt* statement_;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called, so an
/// exception between them leaves the database as it was.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDatabase& db);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  void commit();

 private:
  SqliteDatabase& db_;
  bool open_ = true;
};

}  // namespace rampart::io
