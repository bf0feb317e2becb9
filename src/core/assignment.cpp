#include "core/assignment.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <set>
#include <utility>

#include "core/error.h"

namespace rampart {
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
// as in Crouse 2016), Dijkstra restricted to the sparse edges. Empty when infeasible.
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
      if (col < 0) return {};
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
      if (problem.unassigned_cost[row] < kInf) {
        local.adjacency[r].emplace_back(local.cols + r, problem.unassigned_cost[row]);
      }
    }
    const std::vector<int> local_solution = solve_local(local);
    if (local_solution.empty()) {
      solution.feasible = false;
      solution.cost = kInf;
      return solution;
    }
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

std::vector<AssignmentSolution> k_best_assignments(const AssignmentProblem& problem, int k) {
  struct Node {
    AssignmentProblem problem;
    AssignmentSolution solution;
  };
  std::vector<AssignmentSolution> best;
  std::vector<Node> open;
  const auto push = [&](AssignmentProblem p) {
    AssignmentSolution s = solve_assignment(p);
    if (s.feasible) open.push_back({std::move(p), std::move(s)});
  };
  push(problem);
  while (!open.empty() && static_cast<int>(best.size()) < k) {
    const auto lowest = std::min_element(open.begin(), open.end(), [](const Node& a, const Node& b) {
      return a.solution.cost < b.solution.cost;
    });
    Node node = std::move(*lowest);
    open.erase(lowest);
    best.push_back(node.solution);
    AssignmentProblem fixed = node.problem;
    for (int row = 0; row < fixed.rows; ++row) {
      const int chosen = node.solution.col_for_row[row];
      AssignmentProblem child = fixed;
      if (chosen < 0) {
        child.unassigned_cost[row] = kInf;
      } else {
        std::erase_if(child.edges, [&](const AssignmentEdge& e) { return e.row == row && e.col == chosen; });
      }
      push(std::move(child));
      // Force this row's choice in the following subproblems.
      if (chosen < 0) {
        std::erase_if(fixed.edges, [&](const AssignmentEdge& e) { return e.row == row; });
      } else {
        std::erase_if(fixed.edges, [&](const AssignmentEdge& e) {
          return (e.row == row) != (e.col == chosen);
        });
        fixed.unassigned_cost[row] = kInf;
      }
    }
  }
  return best;
}

std::vector<AssignmentSolution> k_best_by_cluster(const AssignmentProblem& problem, int k) {
  const std::vector<Cluster> clusters = clusters_of(problem);
  std::vector<int> local_row(problem.rows, -1);
  std::vector<int> local_col(problem.cols, -1);
  std::vector<std::vector<AssignmentEdge>> edges_of_cluster(clusters.size());
  std::vector<int> cluster_of_row(problem.rows, -1);
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    for (std::size_t r = 0; r < clusters[c].rows.size(); ++r) {
      local_row[clusters[c].rows[r]] = static_cast<int>(r);
      cluster_of_row[clusters[c].rows[r]] = static_cast<int>(c);
    }
    for (std::size_t j = 0; j < clusters[c].cols.size(); ++j) local_col[clusters[c].cols[j]] = static_cast<int>(j);
  }
  for (const AssignmentEdge& e : problem.edges) {
    edges_of_cluster[cluster_of_row[e.row]].push_back({local_row[e.row], local_col[e.col], e.cost});
  }
  std::vector<std::vector<AssignmentSolution>> ranked(clusters.size());
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    AssignmentProblem local;
    local.rows = static_cast<int>(clusters[c].rows.size());
    local.cols = static_cast<int>(clusters[c].cols.size());
    for (const int row : clusters[c].rows) local.unassigned_cost.push_back(problem.unassigned_cost[row]);
    local.edges = std::move(edges_of_cluster[c]);
    ranked[c] = k_best_assignments(local, k);
    if (ranked[c].empty()) return {};
  }
  // Best-first over index vectors (one rank per cluster); cost = sum of the chosen ranks' costs.
  using Choice = std::vector<int>;
  const auto cost_of = [&](const Choice& choice) {
    double total = 0.0;
    for (std::size_t c = 0; c < choice.size(); ++c) total += ranked[c][choice[c]].cost;
    return total;
  };
  std::set<std::pair<double, Choice>> frontier;
  std::set<Choice> seen;
  const Choice first(clusters.size(), 0);
  frontier.emplace(cost_of(first), first);
  seen.insert(first);
  std::vector<AssignmentSolution> out;
  while (!frontier.empty() && static_cast<int>(out.size()) < k) {
    const auto [cost, choice] = *frontier.begin();
    frontier.erase(frontier.begin());
    AssignmentSolution s;
    s.col_for_row.assign(problem.rows, -1);
    s.cost = cost;
    s.clusters = static_cast<int>(clusters.size());
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      const AssignmentSolution& part = ranked[c][choice[c]];
      for (std::size_t r = 0; r < clusters[c].rows.size(); ++r) {
        const int col = part.col_for_row[r];
        s.col_for_row[clusters[c].rows[r]] = col < 0 ? -1 : clusters[c].cols[col];
      }
    }
    out.push_back(std::move(s));
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      if (choice[c] + 1 >= static_cast<int>(ranked[c].size())) continue;
      Choice next = choice;
      ++next[c];
      if (seen.insert(next).second) frontier.emplace(cost_of(next), std::move(next));
    }
  }
  return out;
}

}  // namespace rampart
