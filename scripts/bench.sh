#!/usr/bin/env bash
# Benchmarks of the core, built optimised (not the sanitizer build), written
# to docs/benchmarks.md with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/bench/build.ninja ] || cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/bench --target mtasts_bench >/dev/null
out=docs/benchmarks.md
{
  echo "# Core benchmarks"
  echo
  echo "Measured by \`npm run bench\` (scripts/bench.sh, tests/bench/bench_core.cpp) on $(date -u +%Y-%m-%d):"
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), g++ $(g++ -dumpfullversion), Release build."
  echo "The argument is the number of repeated items (mx lines, extensions, URIs); a flat bytes/second"
  echo "across sizes shows linear time."
  echo
  echo '```'
  build/bench/mtasts_bench --benchmark_min_time=0.2 2>/dev/null
  echo '```'
} >"$out"
echo "bench: wrote $out"
