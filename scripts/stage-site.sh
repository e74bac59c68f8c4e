#!/usr/bin/env bash
# Stages the npm package (dist/) and the static site into a folder (default
# build/site): the files of site/ plus the package under kit/. Needs the wasm
# build (scripts/build.sh runs both). The staged sw.js gets the precache list
# (scripts/build-sw.mjs). Usage: scripts/stage-site.sh [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-build/site}"

# The package: the hand-written module and types beside the emitted glue and wasm.
mkdir -p dist
cp -p wasm/kit.mjs wasm/kit.d.ts build/wasm/mtasts-core.mjs build/wasm/mtasts-core.wasm dist/

# The site: static files plus the package under kit/, swapped in at once.
rm -rf "$out.tmp"
mkdir -p "$out.tmp/kit"
cp -pR site/. "$out.tmp/"
cp -p dist/* "$out.tmp/kit/"
# The modules bundled and minified, the stylesheets minified (scripts/bundle-site.mjs).
node scripts/bundle-site.mjs site "$out.tmp"
# The service worker's precache list and version (content hashes of the staged files).
node scripts/build-sw.mjs "$out.tmp"
rm -rf "$out"
mv "$out.tmp" "$out"
