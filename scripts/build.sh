#!/usr/bin/env bash
# Builds the native core and tests, the WebAssembly module, the npm package
# (dist/) and the site (build/site/). Incremental: quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f build/native/build.ninja ] || cmake --preset native >/dev/null
cmake --build --preset native
[ -f build/wasm/build.ninja ] || cmake --preset wasm >/dev/null
cmake --build --preset wasm

bash scripts/stage-site.sh build/site
echo "build: native, wasm, dist/ and build/site/ are up to date"
