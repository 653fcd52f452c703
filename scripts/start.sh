#!/usr/bin/env bash
# Builds Mutual and opens Chromium with the extension loaded (the demo directory is built in).
# Uses a persistent browser profile in .tools/chromium-profile so your profile survives restarts.
source "$(dirname "$0")/env.sh"
npm run build
PROFILE_DIR="$ROOT/.tools/chromium-profile"
mkdir -p "$PROFILE_DIR"
EXTENSION_DIR="$ROOT/.output/chrome-mv3"
args=(--user-data-dir="$PROFILE_DIR" --no-first-run --load-extension="$EXTENSION_DIR"
  --disable-extensions-except="$EXTENSION_DIR")
# Chromium refuses to run its sandbox as root (containers, CI-like machines).
[ "$(id -u)" -ne 0 ] || args+=(--no-sandbox)
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ]; then
  echo "› No display found (DISPLAY is unset): Chromium needs a desktop session to show Mutual." >&2
  echo "  Load $EXTENSION_DIR as an unpacked extension in your own browser instead (see README)." >&2
  exit 1
fi
echo "› Starting Chromium with Mutual loaded. The options page opens on first start; click the Mutual toolbar button to find partners."
exec "$CHROMIUM_PATH" "${args[@]}" "$@"
