// rampart mc under mpirun (analysis/distributed.h): split over ranks, its output is the same as
// one process's, byte for byte, and an error on any rank ends the job with the error policy's
// status instead of leaving the other ranks waiting.
#include <gtest/gtest.h>

#include <unistd.h>

#include "analysis/test/mpirun_command.h"
#include "cli_support.h"
#include "io/sqlite.h"

namespace rampart::test {
namespace {

const std::filesystem::path kSource = RAMPART_SOURCE_DIR;
const std::string kMinimal = (kSource / "src/scenario/test/data/minimal.yaml").string();

TEST(McMpi, TwoRanksPrintAndWriteWhatOneProcessDoes) {
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_mc_mpi_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // 7 replications: an odd number, so the ranks' shares differ.
  for (const std::string& format : {std::string("--json"), std::string("")}) {
    const std::string args = "mc " + kMinimal + " --runs 7 " + format;
    const CommandResult one = run_rampart(args + " --csv " + (dir / "one.csv").string());
    ASSERT_EQ(one.status, 0) << one.err;
    const CommandResult two = run_rampart(args + " --csv " + (dir / "two.csv").string(), mpirun(2));
    ASSERT_EQ(two.status, 0) << two.err;
    EXPECT_EQ(two.out, one.out) << format;
    ASSERT_FALSE(slurp(dir / "one.csv").empty());
    EXPECT_EQ(slurp(dir / "two.csv"), slurp(dir / "one.csv")) << format;
  }
  // Three rounds of 8 replications with one thread a rank, the last with one replication (rank 1
  // sends nothing), and two threads a rank.
  for (const std::string& args : {std::string("--runs 17 --threads 1"), std::string("--runs 7 --threads 2")}) {
    const CommandResult one = run_rampart("mc " + kMinimal + " --json " + args);
    ASSERT_EQ(one.status, 0) << one.err;
    const CommandResult two = run_rampart("mc " + kMinimal + " --json " + args, mpirun(2));
    ASSERT_EQ(two.status, 0) << two.err;
    EXPECT_EQ(two.out, one.out) << args;
  }
  std::filesystem::remove_all(dir);
}

/// Every event of every replication of a results database, one line each, in replication order.
std::string events_of(const std::string& db) {
  io::SqliteDatabase reader(db, io::SqliteDatabase::Mode::kReadOnly);
  std::string out;
  for (auto e = reader.prepare("SELECT r.point, r.replication, r.seed, e.seq, e.t_s, e.kind, e.track_id, e.outcome, "
                               "e.detail FROM events e JOIN runs r ON r.run_id = e.run_id "
                               "ORDER BY r.point, r.replication, e.seq");
       e.step();) {
    for (int c = 0; c < 9; ++c) out += (e.is_null(c) ? std::string("NULL") : e.text(c)) + (c < 8 ? "," : "\n");
  }
  return out;
}

TEST(McMpi, RankZeroWritesTheDatabaseAndTheReportOfEveryRanksReplications) {
  const auto dir = std::filesystem::temp_directory_path() / ("rampart_mc_mpi_db_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string args = "mc " + kMinimal + " --runs 5 --sweep c2.salvo_size=1,2 --json";
  const auto outputs = [&](const std::string& name) {
    return " --db " + (dir / (name + ".sqlite")).string() + " --report " + (dir / (name + ".html")).string();
  };
  const CommandResult one = run_rampart(args + outputs("one"));
  ASSERT_EQ(one.status, 0) << one.err;
  const CommandResult two = run_rampart(args + outputs("two"), mpirun(2));
  ASSERT_EQ(two.status, 0) << two.err;
  EXPECT_EQ(two.out, one.out);
  const std::string events = events_of((dir / "one.sqlite").string());
  EXPECT_NE(events.find(",launch,"), std::string::npos) << "the events of rank 1's replications reach rank 0";
  EXPECT_EQ(events_of((dir / "two.sqlite").string()), events);
  EXPECT_EQ(slurp(dir / "two.html"), slurp(dir / "one.html"));
  ASSERT_FALSE(slurp(dir / "one.html").empty());
  std::filesystem::remove_all(dir);
}

TEST(McMpi, SweepPointsAreSplitTheSameWay) {
  const std::string args = "mc " + kMinimal + " --runs 5 --sweep c2.salvo_size=1,2 --json";
  const CommandResult one = run_rampart(args);
  ASSERT_EQ(one.status, 0) << one.err;
  const CommandResult three = run_rampart(args, mpirun(3));
  ASSERT_EQ(three.status, 0) << three.err;
  EXPECT_EQ(three.out, one.out);
}

TEST(McMpi, AnErrorOnAnyRankEndsTheJobWithItsStatus) {
  // Bad input every rank reads: each stops before MPI starts.
  const CommandResult missing = run_rampart("mc /nonexistent.yaml --runs 2", mpirun(2));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("/nonexistent.yaml"), std::string::npos) << missing.err;
  // A CSV path only rank 0 opens, after MPI started: rank 0 aborts the job.
  const CommandResult csv = run_rampart("mc " + kMinimal + " --runs 2 --csv /nonexistent-folder/runs.csv", mpirun(2));
  EXPECT_EQ(csv.status, 2);
  EXPECT_NE(csv.err.find("/nonexistent-folder/runs.csv"), std::string::npos) << csv.err;
  EXPECT_TRUE(csv.out.empty()) << csv.out;
  // One rank alone fails (here given another scenario; on a cluster, a host without the file)
  // while rank 0 runs and waits for its share: mpirun ends the job.
  const CommandResult one_rank = run_rampart(
      "mc /nonexistent.yaml --runs 40",
      mpirun() + " -np 1 " + RAMPART_BINARY + " mc " + kMinimal + " --runs 40 : -np 1");
  EXPECT_EQ(one_rank.status, 2);
  EXPECT_NE(one_rank.err.find("/nonexistent.yaml"), std::string::npos) << one_rank.err;
}

}  // namespace
}  // namespace rampart::test
