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

namespace rampart {

struct AssignmentEdge {
  int row = 0;
  int col = 0;
  double cost = 0.0;
};

struct AssignmentProblem {
  int rows = 0;
  int cols = 0;
  /// One per row; +infinity forbids leaving the row unassigned.
  std::vector<double> unassigned_cost;
  std::vector<AssignmentEdge> edges;  ///< at most one edge per (row, col)
};

struct AssignmentSolution {
  bool feasible = true;          ///< false when some row can be neither assigned nor left out
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

/// Murty's k-best assignments (Murty 1968, with Miller, Stone and Cox's 1997 ordering): the up
/// to k feasible solutions of lowest cost, in increasing cost. Each solution found splits the
/// remaining solution space into subproblems that force its first i - 1 rows and forbid its
/// i-th choice; each subproblem is solved by solve_assignment. Meant for one cluster.
std::vector<AssignmentSolution> k_best_assignments(const AssignmentProblem& problem, int k);

/// The same k best solutions of a whole problem, found cluster by cluster: Murty's k best in
/// each cluster, then the k smallest sums of one solution per cluster (best-first over the
/// clusters' ranked lists), so independent clusters do not multiply the work.
std::vector<AssignmentSolution> k_best_by_cluster(const AssignmentProblem& problem, int k);

}  // namespace rampart
