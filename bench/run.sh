#!/usr/bin/env bash
# Builds orbit in release mode and runs every benchmark program (build/bench/*/bench_*),
# each of which prints its figures and a ratio against a baseline it measures itself.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
for bin in build/bench/*/bench_*; do
  [ -x "$bin" ] || continue
  echo "== $(basename "$bin")"
  "$bin" "$@"
done
