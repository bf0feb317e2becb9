#!/usr/bin/env bash
# Monte Carlo throughput and memory of `rampart mc` on a scenario: replications per second with
# 1 thread and with every core (the ratio is the parallel speed-up; the statistics must not
# change), the peak resident memory of each run, and the memory per replication from two sizes
# of run (the difference of peaks over the difference of replications), and the cost of recording
# every replication in a results database (--db) on 1 thread.
#   bench/mc_throughput.sh [BUILD_DIR] [RUNS=8] [SCENARIO=scenarios/default.yaml]
set -euo pipefail
build=${1:-build}
runs=${2:-8}
scenario=${3:-scenarios/default.yaml}
rampart="$build/apps/rampart/rampart"
cores=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {  # threads runs [--db FILE] -> "seconds peak_kib", statistics in $tmp/json_THREADS_RUNS[_db]
  local threads=$1 n=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$rampart" mc "$scenario" --runs "$n" --threads "$threads" --json "$@" \
    >"$tmp/json_${threads}_${n}${1:+_db}"
  cat "$tmp/time"
}

read -r t1 m1 < <(measure 1 "$runs")
read -r tn mn < <(measure "$cores" "$runs")
read -r th mh < <(measure 1 $((runs / 2)))
read -r td md < <(measure 1 "$runs" --db "$tmp/results.sqlite")
same=$(cmp -s "$tmp/json_1_$runs" "$tmp/json_${cores}_$runs" && echo yes || echo NO)
same_db=$(cmp -s "$tmp/json_1_$runs" "$tmp/json_1_${runs}_db" && echo yes || echo NO)
db_kib=$(du -k "$tmp/results.sqlite" | cut -f1)
awk -v s="$scenario" -v r="$runs" -v c="$cores" -v t1="$t1" -v tn="$tn" -v m1="$m1" -v mn="$mn" -v th="$th" -v mh="$mh" -v same="$same" \
  -v td="$td" -v md="$md" -v same_db="$same_db" -v db_kib="$db_kib" 'BEGIN {
  printf "%s replications of %s\n", r, s
  printf "1 thread:   %6.2f s, %6.3f replications/s, peak %7.1f MiB\n", t1, r / t1, m1 / 1024
  printf "%d threads:  %6.2f s, %6.3f replications/s, peak %7.1f MiB\n", c, tn, r / tn, mn / 1024
  printf "speed-up with %d threads: %.2fx (the statistics are the same: %s)\n", c, t1 / tn, same
  printf "memory per replication (1 thread, %d vs %d runs): %.2f MiB\n", r / 2, r, (m1 - mh) / 1024 / (r - r / 2)
  printf "1 thread, --db: %6.2f s, %6.3f replications/s (%+.1f%% time), peak %7.1f MiB, %.1f KiB per replication (the statistics are the same: %s)\n", td, r / td, 100 * (td - t1) / t1, md / 1024, db_kib / r, same_db
}'
