#!/usr/bin/env bash
# The WebKit smoke test (scripts/webkit-smoke.mjs): installs WebKitGTK's WebDriver and Xvfb
# if they are missing, builds the page and the one-file build if they are not built, and
# runs the test under a virtual display.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; then
  echo "== installing WebKitGTK's WebDriver and Xvfb"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb
fi
[[ -f www/pkg/neuranim_wasm_bg.wasm ]] || scripts/build-web.sh
[[ -f dist/neuranim.html ]] || node scripts/build-single.mjs
xvfb-run -a node scripts/webkit-smoke.mjs
