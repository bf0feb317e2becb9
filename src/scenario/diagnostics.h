// Problems found in an input file, each with its place, reported together in one pass.
#pragma once

#include <string>
#include <vector>

namespace rampart::scenario {

struct Diagnostic {
  int line = 0;    ///< 1-based
  int column = 0;  ///< 1-based
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  /// Records a problem at a 0-based line and column (yaml-cpp's convention).
  void error(int line0, int column0, std::string message);

  /// Records something that is valid but probably not meant (the file still loads).
  void warning(int line0, int column0, std::string message);

  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  const std::string& file() const { return file_; }

  /// Every problem as `FILE:LINE:COL: message`, one a line, in file order.
  std::string format() const;
  /// Every warning as `FILE:LINE:COL: warning: message`, one a line, in file order.
  std::string format_warnings() const;

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
  std::vector<Diagnostic> warnings_;
};

/// The closest of `candidates` to `word` by edit distance, or "" when none is close enough to be
/// a plausible typo.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace rampart::scenario
