#!/usr/bin/env bash
# The second quick-start command: builds and runs every test, twice (a release
# build and an AddressSanitizer + UndefinedBehaviorSanitizer build), then runs
# every fuzzer for a bounded time. FUZZ_SECONDS sets the time per fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
jobs=$(nproc)
# ctest runs tests side by side: OpenMP threads wait passively instead of spinning.
export OMP_WAIT_POLICY=passive

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DORB_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizer build (ASan + UBSan) and tests"
cmake -S . -B build-san -DCMAKE_BUILD_TYPE=Debug -DORB_SANITIZE=ON -DORB_TESTS=ON >/dev/null
cmake --build build-san -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp \
  ctest --test-dir build-san --output-on-failure -j"$jobs"

echo "== fuzzing"
bash fuzz/run.sh "${FUZZ_SECONDS:-60}"
