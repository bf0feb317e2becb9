#include "core/text_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.h"
#include "core/test/scratch_dir.h"

namespace rampart {
namespace {

class TextFileTest : public test::ScratchDirTest {
 protected:
  static std::string error_of(const std::string& path) {
    try {
      read_text_file(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  static std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

TEST_F(TextFileTest, ReadsPlainAndGzipTextAndMissingFileIsNullopt) {
  const auto plain = (dir_ / "a.txt").string();
  std::ofstream(plain) << "one\ntwo\n";
  EXPECT_EQ(read_text_file(plain).value(), "one\ntwo\n");
  const auto packed = (dir_ / "a.txt.gz").string();
  gzFile out = gzopen(packed.c_str(), "wb");
  gzputs(out, "packed\n");
  gzclose(out);
  EXPECT_EQ(read_text_file(packed).value(), "packed\n");
  EXPECT_FALSE(read_text_file((dir_ / "absent").string()).has_value());
}

TEST_F(TextFileTest, RefusesFifoDeviceAndFolderWithoutHanging) {
  const auto fifo = (dir_ / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(error_of(fifo).find("not a regular file"), std::string::npos);
  EXPECT_NE(error_of("/dev/zero").find("/dev/zero: not a regular file"), std::string::npos);
  EXPECT_NE(error_of(dir_.string()).find("not a regular file"), std::string::npos);
}

TEST_F(TextFileTest, RefusesFileLargerThanTheCapBeforeReadingIt) {
  const auto big = dir_ / "big.txt";
  std::ofstream(big) << "x";
  std::filesystem::resize_file(big, kMaxInputBytes + 1);  // sparse: no disk used
  EXPECT_NE(error_of(big.string()).find("more than the 256 MiB Rampart reads"), std::string::npos);
}

TEST_F(TextFileTest, StopsInflatingAGzipBombAtTheCap) {
  // One gzip member of 1 MiB of zeros, repeated (concatenated members are one valid stream).
  const auto member_path = (dir_ / "member.gz").string();
  gzFile out = gzopen(member_path.c_str(), "wb9");
  const std::string zeros(1 << 20, '0');
  gzwrite(out, zeros.data(), static_cast<unsigned>(zeros.size()));
  gzclose(out);
  const std::string member = read_bytes(member_path);
  const auto bomb = dir_ / "bomb.gz";
  std::ofstream packed(bomb, std::ios::binary);
  for (std::size_t inflated = 0; inflated <= kMaxInputBytes; inflated += zeros.size()) packed << member;
  packed.close();
  EXPECT_LT(std::filesystem::file_size(bomb), std::uintmax_t{1} << 20);
  EXPECT_NE(error_of(bomb.string()).find("inflates to more than 256 MiB"), std::string::npos);
}

TEST_F(TextFileTest, CorruptGzipIsInputError) {
  const auto packed = (dir_ / "cut.gz").string();
  gzFile out = gzopen(packed.c_str(), "wb");
  const std::string text(100000, 'a');
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  gzclose(out);
  std::filesystem::resize_file(packed, std::filesystem::file_size(packed) / 2);
  EXPECT_NE(error_of(packed).find("corrupt or truncated gzip data"), std::string::npos);
}

TEST(TextLines, SplitsLinesAndNumbersThem) {
  TextLines lines("a\n\nb,c", "f.csv");
  EXPECT_EQ(lines.next().value(), "a");
  EXPECT_EQ(lines.next().value(), "");
  EXPECT_EQ(lines.next().value(), "b,c");
  EXPECT_EQ(lines.line_number(), 3);
  EXPECT_FALSE(lines.next().has_value());
}

TEST(TextLines, RefusesOverlongLineWithItsNumber) {
  const std::string text = "ok\n" + std::string(kMaxLineBytes + 1, 'x') + "\n";
  TextLines lines(text, "f.csv");
  EXPECT_EQ(lines.next().value(), "ok");
  try {
    lines.next();
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("f.csv:2: the line is longer than 1 MiB"), std::string::npos);
  }
}

}  // namespace
}  // namespace rampart
