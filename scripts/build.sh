#!/usr/bin/env bash
# Builds the native core and tests, the WebAssembly module, the npm package
# (dist/) and the site (build/site/). Incremental: quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f build/native/build.ninja ] || cmake --preset native >/dev/null
cmake --build --preset native
[ -f build/wasm/build.ninja ] || cmake --preset wasm >/dev/null
cmake --build --preset wasm

# The package: the hand-written module and types beside the emitted glue and wasm.
mkdir -p dist
cp -p wasm/kit.mjs wasm/kit.d.ts build/wasm/mtasts-core.mjs build/wasm/mtasts-core.wasm dist/

# The site: static files plus the package under kit/.
rm -rf build/site.tmp
mkdir -p build/site.tmp
cp -pR site/. build/site.tmp/
mkdir -p build/site.tmp/kit
cp -p dist/* build/site.tmp/kit/
rm -rf build/site
mv build/site.tmp build/site
echo "build: native, wasm, dist/ and build/site/ are up to date"
