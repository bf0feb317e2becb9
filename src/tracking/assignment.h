// Optimal assignment on sparse costs, solved per cluster.
//
// Rows (tracks) are assigned to columns (plots). Row i may take column j only through an edge
// (i, j, cost); a row left unassigned costs unassigned_cost[i]; each column serves at most one
// row. solve_assignment minimises the total cost exactly. The problem is split into clusters
// (connected components of the row-column graph), and each cluster is solved by the
// shortest-augmenting-path method of Jonker and Volgenant with Dijkstra searches over the edges
// only (every row also owns a private "unassigned" column), so the cost grows with the number of
// edges, not with rows x columns. Written here because no Debian library offers a sparse
// rectangular assignment solver with per-row non-assignment costs.
#pragma once

#include <vector>

namespace rampart::tracking {

struct AssignmentEdge {
  int row = 0;
  int col = 0;
  double cost = 0.0;
};

struct AssignmentProblem {
  int rows = 0;
  int cols = 0;
  std::vector<double> unassigned_cost;  ///< one per row
  std::vector<AssignmentEdge> edges;    ///< at most one edge per (row, col)
};

struct AssignmentSolution {
  std::vector<int> col_for_row;  ///< -1: row unassigned
  double cost = 0.0;             ///< total, including unassigned rows
  int clusters = 0;
};

/// Connected components of the problem's row-column graph: each cluster lists its rows and its
/// columns in increasing order; clusters come in order of their smallest row, then columns
/// touched by no edge are left out.
struct Cluster {
  std::vector<int> rows;
  std::vector<int> cols;
};
std::vector<Cluster> clusters_of(const AssignmentProblem& problem);

AssignmentSolution solve_assignment(const AssignmentProblem& problem);

}  // namespace rampart::tracking
