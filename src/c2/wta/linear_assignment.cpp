#include "c2/wta/linear_assignment.h"

#include <limits>

namespace rampart::wta {

std::optional<std::vector<int>> solve_linear_assignment(const std::vector<std::vector<Arc>>& rows, int columns) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const int row_count = static_cast<int>(rows.size());
  std::vector<double> u(row_count, 0.0), v(columns, 0.0), shortest(columns, kInf);
  std::vector<int> column_of(row_count, -1), row_of(columns, -1), path(columns, -1);
  std::vector<char> scanned(columns, 0);
  std::vector<int> touched, visited_rows;
  for (int start = 0; start < row_count; ++start) {
    touched.clear();
    visited_rows.clear();
    double min_value = 0.0;
    int row = start;
    int sink = -1;
    while (sink < 0) {
      visited_rows.push_back(row);
      for (const Arc& arc : rows[row]) {
        const int c = arc.column;
        if (scanned[c]) continue;
        const double reduced = min_value + arc.cost - u[row] - v[c];
        if (reduced < shortest[c]) {
          if (shortest[c] == kInf) touched.push_back(c);
          shortest[c] = reduced;
          path[c] = row;
        }
      }
      int best = -1;  // the closest unscanned column, a free one on ties
      for (int c : touched) {
        if (scanned[c]) continue;
        if (best < 0 || shortest[c] < shortest[best] || (shortest[c] == shortest[best] && row_of[c] < 0)) best = c;
      }
      if (best < 0) {
        for (int c : touched) {
          shortest[c] = kInf;
          scanned[c] = 0;
        }
        return std::nullopt;
      }
      min_value = shortest[best];
      scanned[best] = 1;
      if (row_of[best] < 0) {
        sink = best;
      } else {
        row = row_of[best];
      }
    }
    u[start] += min_value;
    for (int r : visited_rows) {
      if (r != start) u[r] += min_value - shortest[column_of[r]];
    }
    for (int c : touched) {
      if (scanned[c]) v[c] -= min_value - shortest[c];
    }
    for (int c = sink;;) {  // augment along the path back to the start row
      const int r = path[c];
      row_of[c] = r;
      const int previous = column_of[r];
      column_of[r] = c;
      if (r == start) break;
      c = previous;
    }
    for (int c : touched) {
      shortest[c] = kInf;
      scanned[c] = 0;
    }
  }
  return column_of;
}

}  // namespace rampart::wta
