#!/usr/bin/env bash
# Every test: GoogleTest (unit, golden, fuzz replay) via ctest, the JS module
# in node (same golden corpus, byte-identical JSON), libFuzzer with ASan+UBSan
# for a bounded time per target, and Playwright e2e in Debian's Chromium.
# Run after scripts/build.sh (npm test does both).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== ctest (unit, golden, fuzz replay)"
ctest --preset native

echo "== JS module tests (node --test)"
node --test tests/js/

echo "== libFuzzer (ASan + UBSan)"
bash scripts/fuzz.sh

echo "== Playwright e2e (Chromium)"
npx playwright test
