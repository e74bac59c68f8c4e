#!/usr/bin/env bash
# Builds the fuzz targets with clang's libFuzzer + ASan + UBSan and runs each
# for MTASTS_FUZZ_SECONDS (default 20) seeded with the golden corpus, two at a
# time. Any crash or property violation fails the run.
# Usage: scripts/fuzz.sh [target...]   (targets: sts_record policy tlsrpt dmarc mx)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${MTASTS_FUZZ_SECONDS:-20}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(sts_record policy tlsrpt dmarc mx)

[ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz >/dev/null

seeds_for() {
  case "$1" in
    sts_record) echo tests/data/sts-record ;;
    policy) echo tests/data/policy ;;
    tlsrpt) echo tests/data/tls-rpt ;;
    dmarc) echo tests/data/dmarc tests/data/dmarc-rfc9989 ;;
    mx) echo tests/fuzz/seeds/mx ;;
  esac
}

mkdir -p build/fuzz/logs
pids=()
names=()
status=0
run_one() {
  local t=$1
  local work=build/fuzz/corpus/$t
  mkdir -p "$work"
  # shellcheck disable=SC2046
  build/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -artifact_prefix=build/fuzz/logs/"$t"- "$work" $(seeds_for "$t") >build/fuzz/logs/"$t".log 2>&1
}
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  if [ ${#pids[@]} -ge 2 ]; then
    if wait "${pids[0]}"; then echo "fuzz ${names[0]}: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' build/fuzz/logs/${names[0]}.log | grep -o '[0-9]*$') runs)"; else echo "fuzz ${names[0]}: FAILED"; tail -40 build/fuzz/logs/${names[0]}.log; status=1; fi
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then echo "fuzz ${names[$i]}: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' build/fuzz/logs/${names[$i]}.log | grep -o '[0-9]*$') runs)"; else echo "fuzz ${names[$i]}: FAILED"; tail -40 build/fuzz/logs/${names[$i]}.log; status=1; fi
done
exit $status
