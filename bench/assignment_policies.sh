#!/usr/bin/env bash
# Compares the C2 assignment policies (c2: assignment) on the default scenario over SEEDS seeds:
# kills, leakers, value lost, interceptors fired and the median cost of a C2 cycle, first as the
# scenario is (one engagement per track: the WTA policies then match one engagement per threat,
# weighing all its rounds), then with multiple_units_per_track, where the WTA may concentrate.
#   bench/assignment_policies.sh [BUILD_DIR] [SEEDS]
set -euo pipefail
build=${1:-build}
seeds=${2:-20}
for several in "" --multiple-units-per-track; do
  for policy in matching wta_heuristic wta_exact; do
    "$build/bench/sim_seeds_bench" "$seeds" scenarios/default.yaml --assignment "$policy" $several
  done
done
