#!/usr/bin/env bash
# Builds everything and runs the benchmarks: native (cargo bench) and the wasm build in
# headless Chromium, the latter compared with TensorFlow Playground's engine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build-web.sh
cargo bench -p neuranim-core --bench throughput
node scripts/bench-browser.mjs
