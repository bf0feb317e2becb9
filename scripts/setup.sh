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
