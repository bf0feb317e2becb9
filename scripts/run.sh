#!/usr/bin/env bash
# Quick start, step one: installs what is missing, builds, and runs the shipped default scenario,
# printing its summary. Extra arguments go to `rampart run`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$root"
exec ./build/apps/rampart/rampart run "$@"
