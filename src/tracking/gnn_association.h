// Global nearest neighbour association.
//
// Among the gated (track, plot) pairs, choose the one-to-one assignment minimising
// sum over assigned pairs of (d2 - gamma), an unassigned track costing 0: a plot is taken only
// inside the gate, and closer (in Mahalanobis distance) is better. Tracks are associated in
// priority groups, lowest priority value first, each group with the plots the earlier groups
// left (the tracker puts confirmed tracks before tentative ones so a young, wide track never
// takes a confirmed track's plot). Each group is an exact sparse assignment solved per cluster.
#pragma once

#include <vector>

#include "tracking/gating.h"

namespace rampart::tracking {

/// Returns, for each track, the index of its plot or -1.
std::vector<int> gnn_associate(const std::vector<GatedPair>& pairs, int n_tracks, int n_plots,
                               const std::vector<int>& priority);

}  // namespace rampart::tracking
