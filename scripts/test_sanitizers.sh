#!/usr/bin/env bash
# CI, second pass: the whole test suite built again in build-asan/ with AddressSanitizer and
# UndefinedBehaviorSanitizer (plus float-cast-overflow: a double that does not fit the integer it
# is converted to), and run with CTest. -fno-sanitize-recover makes every report fatal, so any
# memory error or undefined behaviour fails its test. Benchmarks are left out (not tests); -O1
# (the sanitizers' usual level) keeps the build and the slowest tests quick enough for CI.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root"
flags="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if [[ ! -f build-asan/build.ninja ]]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" \
    -DRAMPART_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" "${launcher[@]}" >&2
fi
cmake --build build-asan --parallel "$(nproc)" >&2
cd build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --output-on-failure --parallel "$(nproc)" --timeout 1800
