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

bool maximise_assignment(const std::vector<double>& gain, int rows, int columns, std::vector<int>& column_of,
                         double tolerance) {
  RAMPART_DEMAND(static_cast<int>(column_of.size()) == rows && rows <= columns, "one column per row");
  const auto g = [&](int r, int c) { return gain[static_cast<std::size_t>(r) * columns + c]; };
  const int sink = rows;
  std::vector<int> holder(columns, -1), free_best(rows, -1), pred(rows + 1), mark(rows + 1, 0);
  std::vector<double> dist(rows + 1);
  std::vector<char> active(rows + 1), next_active(rows + 1);
  for (int r = 0; r < rows; ++r) holder[column_of[r]] = r;
  const auto best_free = [&](int r) {
    int best = -1;
    for (int c = 0; c < columns; ++c) {
      if (holder[c] < 0 && (best < 0 || g(r, c) > g(r, best))) best = c;
    }
    return best;
  };
  for (int r = 0; r < rows; ++r) free_best[r] = best_free(r);
  // held[r * rows + s] = gain(r, column of s), contiguous for the relaxation loop.
  std::vector<double> held(static_cast<std::size_t>(rows) * rows);
  const auto refresh_held = [&](int s) {
    for (int r = 0; r < rows; ++r) held[static_cast<std::size_t>(r) * rows + s] = g(r, column_of[s]);
  };
  for (int s = 0; s < rows; ++s) refresh_held(s);
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
      const auto relax = [&](int u, int v, double d) {
        if (d < dist[v] - step) {
          dist[v] = d;
          pred[v] = u;
          next_active[v] = 1;
          changed = true;
        }
      };
      for (int r = 0; r < rows; ++r) {
        if (!active[r]) continue;
        const double here = dist[r] + g(r, column_of[r]);
        const double* row = &held[static_cast<std::size_t>(r) * rows];
        for (int s = 0; s < rows; ++s) {
          if (here - row[s] < dist[s] - step && s != r) relax(r, s, here - row[s]);
        }
        if (free_best[r] >= 0) relax(r, sink, here - g(r, free_best[r]));
      }
      if (active[sink] || next_active[sink]) {
        for (int s = 0; s < rows; ++s) relax(sink, s, dist[sink]);
      }
      if (!changed) return improved;
      active.swap(next_active);
      stamp += rows + 2;
      cycles = predecessor_cycles(pred, mark, stamp);
    }
    if (cycles.empty()) return improved;  // labels still falling by rounding noise only
    // pred[v] = u is the arc u -> v: row u takes v's old column, or its best unused one if v is T.
    // The cycles share no row, and at most one passes through T, so all are applied at once.
    const std::vector<int> old = column_of;
    std::vector<int> freed;
    for (const auto& cycle : cycles) {
      for (const int v : cycle) {
        const int u = pred[v];
        if (u == sink) continue;
        column_of[u] = v == sink ? free_best[u] : old[v];
        if (holder[old[u]] == u) holder[old[u]] = -1;
      }
    }
    for (const auto& cycle : cycles) {
      for (const int v : cycle) {
        const int u = pred[v];
        if (u == sink) continue;
        holder[column_of[u]] = u;
        refresh_held(u);
      }
    }
    for (const auto& cycle : cycles) {
      for (const int v : cycle) {
        if (v != sink && holder[old[v]] < 0) freed.push_back(old[v]);
      }
    }
    for (int r = 0; r < rows; ++r) {  // keep each row's best unused column current
      if (free_best[r] >= 0 && holder[free_best[r]] >= 0) {
        free_best[r] = best_free(r);
        continue;
      }
      for (int c : freed) {
        if (free_best[r] < 0 || g(r, c) > g(r, free_best[r])) free_best[r] = c;
      }
    }
    improved = true;
  }
}

}  // namespace rampart::wta
