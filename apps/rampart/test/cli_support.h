// Runs the rampart program as a user would and captures what it printed.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "core/text_file.h"

namespace rampart::test {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) { return read_text_file(p.string()).value_or(""); }

/// Runs `rampart ARGS` (ARGS already shell-quoted), after `launcher` when given (`mpirun -np 2`),
/// and returns its exit status and output.
inline CommandResult run_rampart(const std::string& args, const std::string& launcher = "") {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rampart_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  const std::string command = launcher + (launcher.empty() ? "" : " ") + RAMPART_BINARY + " " + args + " >" +
                              (dir / "out").string() + " 2>" + (dir / "err").string() + " </dev/null";
  const int raw = std::system(command.c_str());
  CommandResult r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir / "out"), slurp(dir / "err")};
  std::filesystem::remove_all(dir);
  return r;
}

}  // namespace rampart::test
