#include "console/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace rampart::console {
namespace {

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = std::filesystem::temp_directory_path() / ("rampart_static_" + std::to_string(::getpid()));
    std::filesystem::remove_all(base_);
    root_ = base_ / "dist";
    std::filesystem::create_directories(root_ / "assets");
    write(root_ / "index.html", "<html>");
    write(root_ / "assets" / "app.js", "1");
    write(root_ / "my file.css", "a{}");
    write(base_ / "secret.txt", "secret");
    std::filesystem::create_symlink(base_ / "secret.txt", root_ / "link.txt");
  }
  void TearDown() override { std::filesystem::remove_all(base_); }
  static void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }
  StaticFile get(std::string_view target) const { return resolve_static(root_.string(), target); }

  std::filesystem::path base_, root_;
};

TEST_F(StaticFiles, ServesFilesUnderTheRootWithTheirContentType) {
  const StaticFile index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(std::filesystem::path(index.path).filename(), "index.html");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(get("/assets/app.js?v=3#x").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/my%20file.css").status, 200);
  EXPECT_EQ(content_type_of("countries-50m.json"), "application/json");
  EXPECT_EQ(content_type_of("a.bin"), "application/octet-stream");
}

TEST_F(StaticFiles, RefusesEveryWayOutOfTheRoot) {
  for (const char* target : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                             "/..%2fsecret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..\\secret.txt",
                             "/%5c..%5csecret.txt", "/index.html%00.png", "/./index.html", "relative.html", "",
                             "/%", "/%2", "/%zz"})
    EXPECT_EQ(get(target).status, 400) << target;
  EXPECT_EQ(get("/link.txt").status, 404) << "a symbolic link out of the root";
  EXPECT_EQ(get("/assets").status, 404) << "no folder listing";
  EXPECT_EQ(get("/assets/").status, 404);
  EXPECT_EQ(get("/missing.html").status, 404);
  EXPECT_EQ(resolve_static((base_ / "nowhere").string(), "/").status, 404);
}

}  // namespace
}  // namespace rampart::console
