#!/usr/bin/env bash
# The first quick-start command: installs what is missing, builds orbit, installs
# it under /usr/local, and runs the built-in world end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DORB_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
cmake --install build >/dev/null
ldconfig 2>/dev/null || true
set -x
orbit world
