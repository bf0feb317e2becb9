#!/usr/bin/env bash
# Configures (once) and builds Rampart in build/, warnings as errors. Quick when nothing changed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DRAMPART_WERROR=ON >&2
fi
cmake --build build --parallel "$(nproc)" >&2
