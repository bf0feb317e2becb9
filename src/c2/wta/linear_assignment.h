// Rectangular linear assignment improved from a starting assignment, internal to the heuristic
// (exposed for tests).
//
// gain is a rows x columns matrix (row-major, finite). An assignment gives every row its own
// column (rows <= columns). Starting from `column_of`, finds one of maximum total gain by cancelling
// negative-cost cycles of the exchange graph: node r is row r, and an arc r -> s (cost
// gain(r, col r) - gain(r, col s)) moves row r into the column of row s, which must move on; a sink
// node T takes arcs r -> T to the best unused column and gives arcs T -> s (cost 0) to a row leaving
// its column empty. No negative cycle is the optimality condition of the assignment (as a
// min-cost flow). Cycles are found by Bellman-Ford rounds, each O(rows^2), checking the predecessor
// graph for a cycle after every round. Warm-started near an optimum, which is how the
// heuristic calls it, it needs few rounds, where an assignment from scratch would need
// O(rows^2 * columns). No Debian library improves an assignment from a start; GLPK's
// glp_asnprob_* solve from scratch, with integer costs only.
#pragma once

#include <vector>

namespace rampart::wta {

/// Returns true when the total gain rose by more than `tolerance` (column_of then holds the new one).
bool maximise_assignment(const std::vector<double>& gain, int rows, int columns, std::vector<int>& column_of,
                         double tolerance);

}  // namespace rampart::wta
