#!/usr/bin/env bash
# Monte Carlo throughput and memory of `rampart mc` on a scenario: replications per second with
# 1 thread, with every core, and with 2 MPI ranks of 1 thread each (`mpirun -np 2`, see
# docs/scale-out.md; the ratios to 1 thread are the speed-ups; the statistics must not change),
# the peak resident memory of the threaded runs, the memory per replication from two sizes of run
# (the difference of peaks over the difference of replications), and the cost of recording every
# replication in a results database (--db) on 1 thread. bench/mc_memory_bench gives the memory
# for 10,000 replications.
#   bench/mc_throughput.sh [BUILD_DIR] [RUNS=8] [SCENARIO=scenarios/default.yaml]   (needs mpirun)
set -euo pipefail
build=${1:-build}
runs=${2:-8}
scenario=${3:-scenarios/default.yaml}
rampart="$build/apps/rampart/rampart"
cores=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure THREADS RUNS NAME [--db FILE] [-- LAUNCHER...] -> "seconds peak_kib"; statistics in $tmp/json_NAME
measure() {
  local threads=$1 n=$2 name=$3
  shift 3
  local options=() launcher=()
  while (($#)); do
    if [[ $1 == -- ]]; then
      shift
      launcher=("$@")
      break
    fi
    options+=("$1")
    shift
  done
  # stderr kept aside (under mpirun it carries rank 0's progress bar), shown if the run fails
  if ! /usr/bin/time -f "%e %M" -o "$tmp/time" "${launcher[@]}" "$rampart" mc "$scenario" --runs "$n" \
    --threads "$threads" --json "${options[@]}" >"$tmp/json_$name" 2>"$tmp/stderr"; then
    cat "$tmp/stderr" >&2
    return 1
  fi
  cat "$tmp/time"
}

read -r t1 m1 < <(measure 1 "$runs" one)
read -r tn mn < <(measure "$cores" "$runs" all)
read -r th mh < <(measure 1 $((runs / 2)) half)
# Open MPI runs as root (CI, containers) only when told twice.
read -r tm _ < <(measure 1 "$runs" mpi -- env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun -np 2)
read -r td md < <(measure 1 "$runs" db --db "$tmp/results.sqlite")
same() { cmp -s "$tmp/json_one" "$tmp/json_$1" && echo yes || echo NO; }
db_kib=$(du -k "$tmp/results.sqlite" | cut -f1)
awk -v s="$scenario" -v r="$runs" -v c="$cores" -v t1="$t1" -v tn="$tn" -v m1="$m1" -v mn="$mn" -v th="$th" -v mh="$mh" \
  -v tm="$tm" -v td="$td" -v md="$md" -v db_kib="$db_kib" -v same="$(same all)" -v same_mpi="$(same mpi)" \
  -v same_db="$(same db)" 'BEGIN {
  printf "%s replications of %s\n", r, s
  printf "1 thread:   %6.2f s, %6.3f replications/s, peak %7.1f MiB\n", t1, r / t1, m1 / 1024
  printf "%d threads:  %6.2f s, %6.3f replications/s, peak %7.1f MiB\n", c, tn, r / tn, mn / 1024
  printf "2 MPI ranks x 1 thread: %6.2f s, %6.3f replications/s\n", tm, r / tm
  printf "speed-up with %d threads: %.2fx (the statistics are the same: %s)\n", c, t1 / tn, same
  printf "speed-up with 2 MPI ranks x 1 thread: %.2fx (the statistics are the same: %s)\n", t1 / tm, same_mpi
  printf "memory per replication (1 thread, %d vs %d runs): %.2f MiB\n", r / 2, r, (m1 - mh) / 1024 / (r - r / 2)
  printf "1 thread, --db: %6.2f s, %6.3f replications/s (%+.1f%% time), peak %7.1f MiB, %.1f KiB per replication (the statistics are the same: %s)\n", td, r / td, 100 * (td - t1) / t1, md / 1024, db_kib / r, same_db
}'
