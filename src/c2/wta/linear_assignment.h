// Rectangular linear assignment improved from a starting assignment, internal to the heuristic
// (exposed for tests).
//
// Each row r may take only its candidate columns, listed with their gains (a sparse rows x columns
// matrix); an assignment gives every row its own column. Starting from `column_of`, finds one of
// maximum total gain over the candidates by cancelling negative-cost cycles of the exchange graph:
// node r is row r, and an arc r -> s (cost gain(r, col r) - gain(r, col s), present when s's
// column is a candidate of r) moves row r into the column of row s, which must move on; a sink
// node T takes arcs r -> T to r's best unused candidate column and gives arcs T -> s (cost 0) to
// a row leaving its column empty. No negative cycle is the optimality condition of the assignment
// (as a min-cost flow). Cycles are found by Bellman-Ford rounds over the arcs out of rows whose
// label fell, each round O(candidates), checking the predecessor graph for a cycle after every
// round. Warm-started near an optimum, which is how the heuristic calls it, it needs few rounds,
// where an assignment from scratch would need many augmenting paths. No Debian library improves
// an assignment from a start; GLPK's glp_asnprob_* solve from scratch, with integer costs only.
#pragma once

#include <vector>

namespace rampart::wta {

/// Candidate columns and their gains per row, in compressed rows: row r's entries are
/// [start[r], start[r + 1]). Gains are finite; a column appears at most once per row.
struct CandidateGains {
  int columns = 0;
  std::vector<int> start{0};
  std::vector<int> column;
  std::vector<double> gain;

  int rows() const { return static_cast<int>(start.size()) - 1; }
  void add(int c, double g) {
    column.push_back(c);
    gain.push_back(g);
  }
  /// Ends the current row (its entries are those added since the last end_row).
  void end_row() { start.push_back(static_cast<int>(column.size())); }
};

/// column_of[r] must be one of row r's candidates and the columns distinct. Returns true when the
/// total gain rose by more than `tolerance` (column_of then holds the new assignment).
bool maximise_assignment(const CandidateGains& gains, std::vector<int>& column_of, double tolerance);

}  // namespace rampart::wta
