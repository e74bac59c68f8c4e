#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12, idempotently and
# quickly when everything is already there: Debian packages (toolchains,
# emscripten, nlohmann-json, GoogleTest, Chromium; nginx, knot and kdig for the
# live checker's e2e servers, started by the tests themselves, never as
# services) and the npm packages.
# Never downloads a browser or a toolchain of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(cmake ninja-build g++ clang libclang-rt-14-dev libgtest-dev libgmock-dev libbenchmark-dev
      nlohmann-json3-dev emscripten chromium python3 nodejs
      nginx knot knot-dnsutils openssl)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node from another source than Debian's package is fine if it is recent enough.
if command -v node >/dev/null 2>&1 && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: run as root (or: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: npm is missing (install Node.js ≥ 20 with npm)" >&2
  exit 1
fi

# npm packages: reinstall only when the lock file changed since the last install.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
stamp=node_modules/.mtasts-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
