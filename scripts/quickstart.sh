#!/usr/bin/env bash
# The first quick-start command: installs what is missing, builds orbit, installs
# it under /usr/local, and runs the built-in world end to end: its state, stances,
# landscape and bargain, then its month-by-month ensemble (orbit run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build-install -DCMAKE_BUILD_TYPE=Release -DORB_TESTS=OFF -DORB_BENCH=OFF >/dev/null
cmake --build build-install -j"$(nproc)"
cmake --install build-install >/dev/null
ldconfig 2>/dev/null || true
set -x
orbit run
