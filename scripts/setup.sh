#!/usr/bin/env bash
# Installs the Debian packages Rampart needs to build and test, only those that are missing, so a
# second run is quick. Run as root on Debian 12. `setup.sh fuzz` adds clang and its libFuzzer
# runtime for fuzz/run.sh.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev libgeographiclib-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  libspdlog-dev libfmt-dev libsqlite3-dev libtbb-dev zlib1g-dev libboost-dev
  coinor-libcbc-dev coinor-libclp-dev openmpi-bin libopenmpi-dev
  libgtest-dev libgmock-dev libbenchmark-dev tshark chromium
)
# The browser console (web/) is built with Node.js and npm; use the machine's when it has them.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
if [[ ${1:-} == fuzz ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The browser console: its npm packages (exactly those of web/package-lock.json, from the npm
# registry) and its build into web/dist, each redone only when its inputs changed.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web=$root/web
if [[ ! -f $web/node_modules/.package-lock.json || $web/package-lock.json -nt $web/node_modules/.package-lock.json ]]; then
  echo "setup: installing the console's npm packages" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
if [[ ! -f $web/dist/index.html ]] || [[ -n $(find "$web/src" "$web/index.html" "$web/instructor.html" "$web/build.mjs" \
      "$web/package-lock.json" -newer "$web/dist/index.html" -print -quit) ]]; then
  echo "setup: building the console (web/dist)" >&2
  (cd "$web" && npm run --silent build >&2)
fi
