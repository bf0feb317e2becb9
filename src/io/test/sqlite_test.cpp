#include "io/sqlite.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/error.h"
#include "core/test/scratch_dir.h"

namespace rampart::io {
namespace {

class SqliteTest : public test::ScratchDirTest {};

TEST_F(SqliteTest, BindsStepsAndReadsEveryTypeAndNull) {
  SqliteDatabase db((dir_ / "a.sqlite").string(), SqliteDatabase::Mode::kCreate);
  db.exec("CREATE TABLE t (i INTEGER, x REAL, s TEXT); CREATE TABLE u (v)");
  auto insert = db.prepare("INSERT INTO t VALUES (?, ?, ?)");
  insert.bind(1, std::int64_t{-9'000'000'000'000}).bind(2, 0.1).bind(3, std::string("a,\"b\"\n\0c", 9)).run();
  insert.bind(1, std::optional<std::int64_t>()).bind(2, std::optional<double>(2.5)).bind(3, std::nullopt).run();
  EXPECT_EQ(db.last_insert_rowid(), 2);
  auto query = db.prepare("SELECT i, x, s FROM t ORDER BY rowid");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.integer(0), -9'000'000'000'000);
  EXPECT_EQ(query.real(1), 0.1);
  EXPECT_EQ(query.text(2), std::string("a,\"b\"\n\0c", 9));
  ASSERT_TRUE(query.step());
  EXPECT_TRUE(query.is_null(0));
  EXPECT_FALSE(query.is_null(1));
  EXPECT_TRUE(query.is_null(2));
  EXPECT_EQ(query.text(2), "");
  EXPECT_FALSE(query.step());
  EXPECT_EQ(db.integer_of("SELECT count(*) FROM t"), 2);
  EXPECT_EQ(db.text_of("SELECT s FROM t WHERE i IS NULL"), std::nullopt);
  EXPECT_EQ(db.integer_of("SELECT v FROM u"), std::nullopt) << "no row";
  // NaN has no SQLite value: it is stored as NULL.
  db.prepare("INSERT INTO u VALUES (?)").bind(1, std::numeric_limits<double>::quiet_NaN()).run();
  EXPECT_EQ(db.integer_of("SELECT count(*) FROM u WHERE v IS NULL"), 1);
}

TEST_F(SqliteTest, ATransactionNotCommittedIsRolledBack) {
  SqliteDatabase db((dir_ / "a.sqlite").string(), SqliteDatabase::Mode::kCreate);
  db.exec("CREATE TABLE t (i INTEGER)");
  try {
    SqliteTransaction transaction(db);
    db.exec("INSERT INTO t VALUES (1)");
    throw std::runtime_error("the writer failed half-way");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(db.integer_of("SELECT count(*) FROM t"), 0);
  {
    SqliteTransaction transaction(db);
    db.exec("INSERT INTO t VALUES (2)");
    transaction.commit();
  }
  EXPECT_EQ(db.integer_of("SELECT i FROM t"), 2);
}

TEST_F(SqliteTest, BadFilesAndBadStatementsAreInputErrorsNamingTheFile) {
  const std::string text = write("notes.txt", "these are not the bytes of an SQLite database, but long enough to look");
  SqliteDatabase not_sqlite(text, SqliteDatabase::Mode::kReadWrite);  // SQLite reads the header lazily
  try {
    not_sqlite.integer_of("PRAGMA user_version");
    FAIL() << "a text file read as a database";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a database"), std::string::npos) << e.what();
  }
  EXPECT_THROW(SqliteDatabase("/nonexistent-folder/a.sqlite", SqliteDatabase::Mode::kCreate), InputError);
  EXPECT_THROW(SqliteDatabase((dir_ / "missing.sqlite").string(), SqliteDatabase::Mode::kReadWrite), InputError);

  SqliteDatabase db((dir_ / "a.sqlite").string(), SqliteDatabase::Mode::kCreate);
  db.exec("CREATE TABLE t (i INTEGER PRIMARY KEY)");
  EXPECT_THROW(db.prepare("SELECT nothing FROM nowhere"), InputError);
  db.exec("INSERT INTO t VALUES (1)");
  EXPECT_THROW(db.exec("INSERT INTO t VALUES (1)"), InputError) << "a constraint";
  SqliteDatabase reader((dir_ / "a.sqlite").string(), SqliteDatabase::Mode::kReadOnly);
  EXPECT_EQ(reader.integer_of("SELECT count(*) FROM t"), 1);
  EXPECT_THROW(reader.exec("INSERT INTO t VALUES (2)"), InputError);
}

}  // namespace
}  // namespace rampart::io
