// Sparse rectangular linear assignment, internal to the heuristic (exposed for tests).
//
// Rows r = 0..R-1 each list the columns they may take with a cost >= 0; columns c = 0..C-1 take
// at most one row each. Finds an assignment of EVERY row to a distinct column minimising the total
// cost, by successive shortest augmenting paths (Dijkstra on reduced costs, Crouse 2016 / the
// shortest-augmenting-path method of Jonker and Volgenant) in O(R * arcs * R) worst case.
// GLPK's assignment routines (glp_asnprob_*) accept integer costs only, hence this one.
#pragma once

#include <optional>
#include <vector>

namespace rampart::wta {

struct Arc {
  int column;
  double cost;  ///< >= 0
};

/// The column of each row, or nothing when no assignment covers every row.
std::optional<std::vector<int>> solve_linear_assignment(const std::vector<std::vector<Arc>>& rows, int columns);

}  // namespace rampart::wta
