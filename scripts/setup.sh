#!/usr/bin/env bash
# Installs what building and testing neuranim needs, skipping whatever is already present.
#   scripts/setup.sh            wasm target, wasm-bindgen CLI, Node packages
#   scripts/setup.sh --browser  also Debian's Chromium, ChromeDriver, Firefox ESR, WebKitGTK's
#                               WebDriver and Xvfb, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI must equal the wasm-bindgen crate, whose one pin is in crates/wasm/Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' crates/wasm/Cargo.toml)
[[ -n "$WASM_BINDGEN_VERSION" ]] || { echo "no exact wasm-bindgen pin in crates/wasm/Cargo.toml" >&2; exit 1; }
with_browser=false
[[ "${1:-}" == "--browser" ]] && with_browser=true

say() { printf '\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js"
  apt_install nodejs npm
fi

# playwright-core drives the system Chromium, and playwright-bidi (playwright-core pinned at
# 1.58.2, tests/support/engine.mjs) the system Firefox over WebDriver BiDi; neither
# downloads a browser of its own. binaryen provides wasm-opt.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing Node packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if $with_browser && [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  say "installing Chromium and ChromeDriver"
  apt_install chromium chromium-driver
fi

# Firefox ESR for the suite's pass in Firefox (driven over WebDriver BiDi),
# WebKitGTK's WebDriver and Xvfb for the WebKit smoke test.
if $with_browser && [[ ! -x /usr/bin/firefox-esr ]]; then
  say "installing Firefox ESR"
  apt_install firefox-esr
fi
if $with_browser && { ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; }; then
  say "installing WebKitGTK's WebDriver and Xvfb"
  apt_install webkit2gtk-driver xvfb
fi
