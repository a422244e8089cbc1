#!/usr/bin/env bash
# Installs what is missing and runs every check and test: formatting, lints, unit and
# integration tests (core, CLI), native-vs-wasm determinism, the browser tests in Chromium
# and again in Firefox ESR, and the WebKit smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build-web.sh
node scripts/build-single.mjs
node scripts/build-site.mjs

cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p neuranim-wasm -p neuranim-files --target wasm32-unknown-unknown -- -D warnings
cargo test --workspace
node --test --test-concurrency=1 tests/
BROWSER=firefox node --test --test-concurrency=1 tests/
scripts/webkit-smoke.sh
