#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, in build-fuzz/) and runs each for
# SECONDS (default 60) on a seed corpus taken from the repository's own test data, then prints,
# per target, the executions and the crashes. Findings go to build-fuzz/findings/TARGET/; each
# one fixed becomes a regression test (the input beside the reader's test data).
# Usage: bash fuzz/run.sh [SECONDS]
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh" fuzz
cd "$root"
targets=(scenario_fuzz detections_fuzz truth_fuzz wta_instance_fuzz cat062_fuzz cat048_cat034_fuzz dis_fuzz console_message_fuzz)
flags="-fsanitize=fuzzer-no-link,address,undefined,float-cast-overflow -fno-sanitize-recover=all -g -O1"
if [[ ! -f build-fuzz/build.ninja ]]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="$flags" -DRAMPART_BUILD_FUZZ=ON -DRAMPART_BUILD_TESTS=OFF -DRAMPART_BUILD_BENCH=OFF >&2
fi
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]}" >&2

# Seed corpus: the repository's own inputs for each reader (the corpus grows across runs).
corpus=build-fuzz/corpus
mkdir -p "$corpus"/{scenario_fuzz,detections_fuzz,truth_fuzz,wta_instance_fuzz,cat062_fuzz,cat048_cat034_fuzz,dis_fuzz,console_message_fuzz}
cp scenarios/*.yaml src/scenario/test/data/minimal.yaml src/scenario/test/data/invalid/*.yaml "$corpus/scenario_fuzz/"
cp fuzz/seeds/detections/* "$corpus/detections_fuzz/"
cp fuzz/seeds/truth/* "$corpus/truth_fuzz/"
cp src/c2/wta/test/data/small_3x4x2.txt "$corpus/wta_instance_fuzz/"
cp fuzz/seeds/cat062/* "$corpus/cat062_fuzz/"
cp fuzz/seeds/cat048_cat034/* "$corpus/cat048_cat034_fuzz/"
cp fuzz/seeds/dis/* "$corpus/dis_fuzz/"
cp fuzz/seeds/console_message/* "$corpus/console_message_fuzz/"

printf '%-20s %12s %8s\n' target executions crashes
for t in "${targets[@]}"; do
  findings=build-fuzz/findings/$t  # this run's crashes, leaks, timeouts and OOMs, one file each
  rm -rf "$findings"
  mkdir -p "$findings"
  log=build-fuzz/$t.log
  # -rss_limit_mb: more than this is itself a finding (a memory cap missing).
  ./build-fuzz/fuzz/$t "$corpus/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(find "$findings" -type f | wc -l)
  printf '%-20s %12s %8s\n' "$t" "${runs:-0}" "$crashes"
done
