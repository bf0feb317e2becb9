#include "io/csv_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/test/scratch_dir.h"

namespace rampart::io {
namespace {

class CsvWriterTest : public test::ScratchDirTest {
 protected:
  static std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(CsvWriterTest, QuotesFieldsWithCommaQuoteOrLineBreakAndPublishesOnCommit) {
  const auto path = dir_ / "identities.csv";
  CsvWriter w(path.string(), {"t_s", "reason"});
  w.row({"1.00", "IFF: no reply, 3 challenges"});
  w.row({"2.00", "said \"friend\""});
  w.row({"3.00", "two\nlines\r"});
  w.row({"4.00", "plain"});
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "identities.csv.partial"));
  w.commit();
  EXPECT_FALSE(std::filesystem::exists(dir_ / "identities.csv.partial"));
  EXPECT_EQ(read(path),
            "t_s,reason\n1.00,\"IFF: no reply, 3 challenges\"\n2.00,\"said \"\"friend\"\"\"\n"
            "3.00,\"two\nlines\r\"\n4.00,plain\n");
}

TEST_F(CsvWriterTest, PythonCsvModuleReadsBackEveryField) {
  if (std::system("python3 -c '' >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 is not installed";
  const auto path = dir_ / "t.csv";
  {
    CsvWriter w(path.string(), {"a", "b", "c"});
    w.row({"x,y", "\"q\"", "l1\nl2"});
    w.row({"", " lead", "end,"});
    w.commit();
  }
  const auto out = dir_ / "py.txt";
  const std::string command =
      "python3 -c 'import csv, sys, json; print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\")))))' " +
      path.string() + " >" + out.string();
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(read(out), R"([["a", "b", "c"], ["x,y", "\"q\"", "l1\nl2"], ["", " lead", "end,"]])" "\n");
}

TEST_F(CsvWriterTest, WithoutCommitLeavesPartialFileAndTheEarlierFileIntact) {
  const auto path = dir_ / "tracks.csv";
  std::ofstream(path) << "earlier,complete\n";
  {
    CsvWriter w(path.string(), {"a", "b"});
    w.row({"1", "2"});
  }
  EXPECT_EQ(read(path), "earlier,complete\n");
  EXPECT_EQ(read(dir_ / "tracks.csv.partial"), "a,b\n1,2\n");
}

TEST_F(CsvWriterTest, FullDiskIsAnErrorNamingTheFileAndReason) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const auto path = dir_ / "plots.csv";
  std::filesystem::create_symlink("/dev/full", dir_ / "plots.csv.partial");
  try {
    CsvWriter w(path.string(), {"a"});
    for (int i = 0; i < 100000; ++i) w.row({"row"});
    w.commit();
    FAIL() << "writing to /dev/full succeeded";
  } catch (const InputError& e) {
    FAIL() << "a full disk is not bad input: " << e.what();
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("plots.csv.partial"), std::string::npos) << message;
    EXPECT_NE(message.find("No space left on device"), std::string::npos) << message;
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(CsvWriterTest, MissingFolderIsInputError) {
  EXPECT_THROW(CsvWriter((dir_ / "absent" / "x.csv").string(), {"a"}), InputError);
}

}  // namespace
}  // namespace rampart::io
