#!/usr/bin/env bash
# Prints every figure of the static weapon-target assignment (issue 4) from a built tree:
#   bench/wta_figures.sh [BUILD_DIR] [quick]
# "quick" limits the public exact runs to the two smallest sizes (the full run takes up to an hour:
# six mu = 1 instances with 600 s each).
set -euo pipefail
build=${1:-build}
"$build/bench/wta_heuristic_bench" 1 3
"$build/bench/wta_exact_bench" ahuja 5
"$build/bench/wta_exact_bench" compare 60 3
if [[ ${2:-} == quick ]]; then
  "$build/bench/wta_exact_bench" public 600 50x100 100x200
else
  "$build/bench/wta_exact_bench" public 600
fi
