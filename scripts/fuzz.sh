#!/usr/bin/env bash
# Builds the fuzz targets with clang's libFuzzer + ASan + UBSan and runs each
# for MTASTS_FUZZ_SECONDS (default 20) seeded with the golden corpus, two at a
# time. Any crash or property violation fails the run.
# Usage: scripts/fuzz.sh [target...]   (targets: sts_record policy tlsrpt dmarc mx doh)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${MTASTS_FUZZ_SECONDS:-20}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(sts_record policy tlsrpt dmarc mx doh)

[ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz >/dev/null

# Seeds: the golden inputs of the target's formats (not the expected JSON).
seeds_for() {
  case "$1" in
    sts_record) echo sts-record ;;
    policy) echo policy ;;
    tlsrpt) echo tls-rpt ;;
    dmarc) echo dmarc dmarc-rfc9989 ;;
  esac
}
make_seeds() {
  local dir=build/fuzz/seeds/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ -d tests/fuzz/seeds/"$1" ]; then
    cp tests/fuzz/seeds/"$1"/* "$dir"/
  fi
  for f in $(seeds_for "$1"); do
    find tests/data/"$f" -type f \( -name '*.txt' -o -name '*.rrset.json' \) -exec cp {} "$dir"/ \;
  done
}

rm -rf build/fuzz/logs
mkdir -p build/fuzz/logs
pids=()
names=()
status=0
run_one() {
  local t=$1
  local work=build/fuzz/corpus/$t
  mkdir -p "$work"
  make_seeds "$t"
  build/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -artifact_prefix=build/fuzz/logs/"$t"- "$work" build/fuzz/seeds/"$t" >build/fuzz/logs/"$t".log 2>&1
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
