#include "tracking/assignment.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <utility>

#include "core/error.h"

namespace rampart::tracking {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

int find_root(std::vector<int>& parent, int i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

// One cluster with local indices; column cols + r is row r's private "unassigned" column.
struct LocalProblem {
  int rows = 0;
  int cols = 0;
  std::vector<std::vector<std::pair<int, double>>> adjacency;  // per row: (column, cost)
};

// Shortest augmenting paths with row/column potentials (Jonker-Volgenant augmentation,
// as in Crouse 2016), Dijkstra restricted to the sparse edges.
std::vector<int> solve_local(const LocalProblem& p) {
  const int n_cols = p.cols + p.rows;
  std::vector<double> u(p.rows, 0.0);
  std::vector<double> v(n_cols, 0.0);
  std::vector<int> col_for_row(p.rows, -1);
  std::vector<int> row_for_col(n_cols, -1);
  std::vector<double> dist(n_cols, kInf);
  std::vector<int> path(n_cols, -1);
  std::vector<char> scanned(n_cols, 0);
  std::vector<int> touched;
  std::vector<int> scanned_rows;
  std::vector<int> scanned_cols;
  using Entry = std::pair<double, int>;
  for (int start = 0; start < p.rows; ++start) {
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    double min_val = 0.0;
    int row = start;
    int sink = -1;
    while (sink < 0) {
      scanned_rows.push_back(row);
      for (const auto& [col, cost] : p.adjacency[row]) {
        if (scanned[col]) continue;
        const double reduced = min_val + cost - u[row] - v[col];
        if (reduced < dist[col]) {
          if (dist[col] == kInf) touched.push_back(col);
          dist[col] = reduced;
          path[col] = row;
          heap.emplace(reduced, col);
        }
      }
      int col = -1;
      while (!heap.empty()) {
        const auto [d, c] = heap.top();
        heap.pop();
        if (!scanned[c] && d == dist[c]) {
          col = c;
          break;
        }
      }
      RAMPART_DEMAND(col >= 0, "every row owns an unassigned column, so a path always exists");
      min_val = dist[col];
      scanned[col] = 1;
      scanned_cols.push_back(col);
      if (row_for_col[col] < 0) {
        sink = col;
      } else {
        row = row_for_col[col];
      }
    }
    u[start] += min_val;
    for (const int r : scanned_rows) {
      if (r != start) u[r] += min_val - dist[col_for_row[r]];
    }
    for (const int c : scanned_cols) v[c] -= min_val - dist[c];
    for (int col = sink;;) {
      const int r = path[col];
      row_for_col[col] = r;
      std::swap(col_for_row[r], col);
      if (r == start) break;
    }
    for (const int c : touched) {
      dist[c] = kInf;
      scanned[c] = 0;
    }
    touched.clear();
    scanned_rows.clear();
    scanned_cols.clear();
  }
  return col_for_row;
}

}  // namespace

std::vector<Cluster> clusters_of(const AssignmentProblem& problem) {
  std::vector<int> parent(problem.rows + problem.cols);
  std::iota(parent.begin(), parent.end(), 0);
  for (const AssignmentEdge& e : problem.edges) {
    RAMPART_DEMAND(e.row >= 0 && e.row < problem.rows && e.col >= 0 && e.col < problem.cols,
                   "assignment edge out of range");
    const int a = find_root(parent, e.row);
    const int b = find_root(parent, problem.rows + e.col);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<int> cluster_of_root(parent.size(), -1);
  std::vector<Cluster> clusters;
  for (int r = 0; r < problem.rows; ++r) {
    const int root = find_root(parent, r);
    if (cluster_of_root[root] < 0) {
      cluster_of_root[root] = static_cast<int>(clusters.size());
      clusters.emplace_back();
    }
    clusters[cluster_of_root[root]].rows.push_back(r);
  }
  for (int c = 0; c < problem.cols; ++c) {
    const int root = find_root(parent, problem.rows + c);
    if (root < problem.rows) clusters[cluster_of_root[root]].cols.push_back(c);
  }
  return clusters;
}

AssignmentSolution solve_assignment(const AssignmentProblem& problem) {
  RAMPART_DEMAND(static_cast<int>(problem.unassigned_cost.size()) == problem.rows,
                 "one unassigned cost per row");
  std::vector<std::vector<const AssignmentEdge*>> edges_of_row(problem.rows);
  for (const AssignmentEdge& e : problem.edges) edges_of_row[e.row].push_back(&e);
  const std::vector<Cluster> clusters = clusters_of(problem);

  AssignmentSolution solution;
  solution.col_for_row.assign(problem.rows, -1);
  solution.clusters = static_cast<int>(clusters.size());
  std::vector<int> local_col(problem.cols, -1);
  for (const Cluster& cluster : clusters) {
    LocalProblem local;
    local.rows = static_cast<int>(cluster.rows.size());
    local.cols = static_cast<int>(cluster.cols.size());
    local.adjacency.resize(local.rows);
    for (int c = 0; c < local.cols; ++c) local_col[cluster.cols[c]] = c;
    for (int r = 0; r < local.rows; ++r) {
      const int row = cluster.rows[r];
      for (const AssignmentEdge* e : edges_of_row[row]) {
        local.adjacency[r].emplace_back(local_col[e->col], e->cost);
      }
      local.adjacency[r].emplace_back(local.cols + r, problem.unassigned_cost[row]);
    }
    const std::vector<int> local_solution = solve_local(local);
    for (int r = 0; r < local.rows; ++r) {
      const int row = cluster.rows[r];
      const int c = local_solution[r];
      if (c < local.cols) solution.col_for_row[row] = cluster.cols[c];
    }
  }
  for (int row = 0; row < problem.rows; ++row) {
    if (solution.col_for_row[row] < 0) solution.cost += problem.unassigned_cost[row];
  }
  for (const AssignmentEdge& e : problem.edges) {
    if (solution.col_for_row[e.row] == e.col) solution.cost += e.cost;
  }
  return solution;
}

}  // namespace rampart::tracking
