# Sourced by scripts/start.sh and scripts/test.sh: makes a fresh machine ready.
# Node >= 22 (Node 24 from the npm registry when the machine's is older), Debian's Chromium when no
# browser is found, and the project's npm dependencies.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Node 22.18 is the first 22.x that runs TypeScript by stripping types (the CLI needs it).
node_recent() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)' 2>/dev/null; }

if [ -x "$ROOT/.tools/node/node_modules/.bin/node" ]; then
  export PATH="$ROOT/.tools/node/node_modules/.bin:$PATH"
fi
if ! node_recent; then
  echo "› Node $(node -v 2>/dev/null || echo none) is too old; installing Node 24 from the npm registry into .tools/node"
  mkdir -p "$ROOT/.tools/node"
  printf '{"name":"mutual-node-runtime","private":true,"allowScripts":{"node":true}}\n' > "$ROOT/.tools/node/package.json"
  (cd "$ROOT/.tools/node" && npm install --no-save --no-audit --no-fund node@24 >/dev/null)
  export PATH="$ROOT/.tools/node/node_modules/.bin:$PATH"
fi
echo "› Node $(node -v), npm $(npm -v 2>/dev/null)"

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" "${CHROME_PATH:-}" /usr/lib/chromium/chromium /usr/bin/chromium \
    /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}
if ! find_chromium >/dev/null; then
  echo "› No Chromium found; installing Debian's chromium package"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
CHROMIUM_BIN="$(find_chromium)"
export CHROMIUM_PATH="$CHROMIUM_BIN"
echo "› Browser: $CHROMIUM_BIN"

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
