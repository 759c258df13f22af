#!/usr/bin/env bash
# Builds every libFuzzer harness with clang and runs each for SECONDS (default 60)
# on its seed corpus (fuzz/<name>/corpus). Fails if any fuzzer finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DORB_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)"
status=0
for dir in fuzz/*/; do
  name=$(basename "$dir")
  bin=build-fuzz/fuzz/$name/fuzz_$name
  [ -x "$bin" ] || continue
  work=build-fuzz/corpus-$name
  mkdir -p "$work"
  echo "fuzz_$name: ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp "$bin" -max_total_time="$seconds" -max_len=65536 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build-fuzz/ \
       "$work" "$dir/corpus" 2>build-fuzz/fuzz_$name.log; then
    tail -n 40 build-fuzz/fuzz_$name.log
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" build-fuzz/fuzz_$name.log | tail -n 2
  fi
done
exit $status
