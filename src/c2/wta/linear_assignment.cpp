#include "c2/wta/linear_assignment.h"

#include <algorithm>

#include "core/error.h"

namespace rampart::wta {
namespace {

// Node `rows` is the sink T. The cycles of the predecessor graph: each node has one predecessor,
// so they are vertex-disjoint, and each has negative cost.
std::vector<std::vector<int>> predecessor_cycles(const std::vector<int>& pred, std::vector<int>& mark,
                                                 int stamp) {
  const auto nodes = static_cast<int>(pred.size());
  std::vector<std::vector<int>> cycles;
  for (int start = 0; start < nodes; ++start) {
    if (mark[start] >= stamp) continue;
    int v = start;
    while (v >= 0 && mark[v] < stamp) {  // walk back, stamping this walk with stamp + start + 1
      mark[v] = stamp + start + 1;
      v = pred[v];
    }
    if (v >= 0 && mark[v] == stamp + start + 1) {  // met this very walk again: a cycle through v
      cycles.push_back({v});
      for (int u = pred[v]; u != v; u = pred[u]) cycles.back().push_back(u);
    }
  }
  return cycles;
}

}  // namespace

bool maximise_assignment(const CandidateGains& gains, std::vector<int>& column_of, double tolerance) {
  const int rows = gains.rows();
  const int columns = gains.columns;
  const auto entries = static_cast<int>(gains.column.size());
  RAMPART_DEMAND(static_cast<int>(column_of.size()) == rows && rows <= columns &&
                     static_cast<int>(gains.gain.size()) == entries && gains.start.back() == entries,
                 "one column per row, entries consistent");
  const int sink = rows;
  // Rows of entries, entries by column (for the rows that see a column freed or taken), and the
  // entry of each row's current column.
  std::vector<int> row_of(entries), by_column_start(columns + 1, 0), by_column(entries);
  std::vector<int> holder(columns, -1), own(rows, -1);
  for (int r = 0; r < rows; ++r) {
    RAMPART_DEMAND(holder[column_of[r]] < 0, "distinct starting columns");
    holder[column_of[r]] = r;
    for (int e = gains.start[r]; e < gains.start[r + 1]; ++e) {
      row_of[e] = r;
      ++by_column_start[gains.column[e] + 1];
      if (gains.column[e] == column_of[r]) own[r] = e;
    }
    RAMPART_DEMAND(own[r] >= 0, "each row's starting column is one of its candidates");
  }
  for (int c = 0; c < columns; ++c) by_column_start[c + 1] += by_column_start[c];
  {
    std::vector<int> fill(by_column_start.begin(), by_column_start.end() - 1);
    for (int e = 0; e < entries; ++e) by_column[fill[gains.column[e]]++] = e;
  }
  // free_best[r]: the entry of r's best unused candidate column, -1 when none.
  std::vector<int> free_best(rows, -1);
  const auto rescan_free = [&](int r) {
    free_best[r] = -1;
    for (int e = gains.start[r]; e < gains.start[r + 1]; ++e) {
      if (holder[gains.column[e]] < 0 && (free_best[r] < 0 || gains.gain[e] > gains.gain[free_best[r]]))
        free_best[r] = e;
    }
  };
  for (int r = 0; r < rows; ++r) rescan_free(r);

  std::vector<int> pred(rows + 1), via(rows + 1), mark(rows + 1, 0);  // via: the entry of arc pred -> v
  std::vector<double> dist(rows + 1);
  std::vector<char> active(rows + 1), next_active(rows + 1);
  // A cycle's cost is below -tolerance when it improves; smaller relaxations are noise.
  const double step = tolerance / (rows + 1);
  int stamp = 0;
  bool improved = false;
  for (;;) {
    std::fill(dist.begin(), dist.end(), 0.0);
    std::fill(pred.begin(), pred.end(), -1);
    std::fill(active.begin(), active.end(), 1);
    std::vector<std::vector<int>> cycles;
    // Bellman-Ford rounds relaxing only the arcs out of nodes whose label fell in the last round.
    for (int round = 0; round <= 4 * (rows + 2) && cycles.empty(); ++round) {
      bool changed = false;
      std::fill(next_active.begin(), next_active.end(), 0);
      const auto relax = [&](int u, int v, double d, int entry) {
        if (d < dist[v] - step) {
          dist[v] = d;
          pred[v] = u;
          via[v] = entry;
          next_active[v] = 1;
          changed = true;
        }
      };
      for (int r = 0; r < rows; ++r) {
        if (!active[r]) continue;
        const double here = dist[r] + gains.gain[own[r]];
        for (int e = gains.start[r]; e < gains.start[r + 1]; ++e) {
          const int s = holder[gains.column[e]];
          if (s >= 0 && s != r) relax(r, s, here - gains.gain[e], e);
        }
        if (free_best[r] >= 0) relax(r, sink, here - gains.gain[free_best[r]], free_best[r]);
      }
      if (active[sink] || next_active[sink]) {
        for (int s = 0; s < rows; ++s) relax(sink, s, dist[sink], -1);
      }
      if (!changed) return improved;
      active.swap(next_active);
      stamp += rows + 2;
      cycles = predecessor_cycles(pred, mark, stamp);
    }
    if (cycles.empty()) return improved;  // labels still falling by rounding noise only
    // pred[v] = u is the arc u -> v through entry via[v]: row u takes v's column, or its best unused
    // one if v is T. The cycles share no row, and at most one passes through T, so all are applied
    // at once.
    std::vector<int> moved, left;
    for (const auto& cycle : cycles) {
      for (const int v : cycle) {
        const int u = pred[v];
        if (u == sink) continue;
        left.push_back(column_of[u]);
        if (holder[column_of[u]] == u) holder[column_of[u]] = -1;
        own[u] = via[v];
        column_of[u] = gains.column[via[v]];
        moved.push_back(u);
      }
    }
    for (const int u : moved) holder[column_of[u]] = u;
    // Keep each row's best unused candidate current: columns taken may have been it, columns left
    // may beat it.
    for (const int u : moved) {
      for (int k = by_column_start[column_of[u]]; k < by_column_start[column_of[u] + 1]; ++k) {
        const int e = by_column[k];
        if (free_best[row_of[e]] == e) rescan_free(row_of[e]);
      }
    }
    for (const int c : left) {
      if (holder[c] >= 0) continue;
      for (int k = by_column_start[c]; k < by_column_start[c + 1]; ++k) {
        const int e = by_column[k];
        const int r = row_of[e];
        if (free_best[r] < 0 || gains.gain[e] > gains.gain[free_best[r]]) free_best[r] = e;
      }
    }
    improved = true;
  }
}

}  // namespace rampart::wta
