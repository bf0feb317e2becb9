#!/bin/sh
# Builds and runs the tracking benchmarks whose figures the closing note of issue 3 quotes:
# Stone Soup's scenario family and the scale curve, Vo-Vo and coalescence Monte Carlo (GNN, JPDA,
# MHT), and the ADS-B busiest hour (IMM against constant velocity).
# Usage: bench/tracking_figures.sh [BUILD_DIR]   (default: build)
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target tracking_stonesoup_bench tracking_multitarget_bench tracking_adsb_bench --parallel 2
for bench in tracking_stonesoup_bench tracking_multitarget_bench tracking_adsb_bench; do
  echo "== $bench"
  "$build/bench/$bench"
done
