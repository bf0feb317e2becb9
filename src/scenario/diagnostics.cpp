#include "scenario/diagnostics.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace rampart::scenario {

void Diagnostics::error(int line0, int column0, std::string message) {
  items_.push_back({line0 + 1, column0 + 1, std::move(message)});
}

void Diagnostics::warning(int line0, int column0, std::string message) {
  warnings_.push_back({line0 + 1, column0 + 1, std::move(message)});
}

namespace {
std::string in_file_order(const std::string& file, std::vector<Diagnostic> sorted, const char* prefix) {
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  std::string out;
  for (const auto& d : sorted) out += fmt::format("{}:{}:{}: {}{}\n", file, d.line, d.column, prefix, d.message);
  return out;
}
}  // namespace

std::string Diagnostics::format() const { return in_file_order(file_, items_, ""); }

std::string Diagnostics::format_warnings() const { return in_file_order(file_, warnings_, "warning: "); }

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace rampart::scenario
