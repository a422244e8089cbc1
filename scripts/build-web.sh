#!/usr/bin/env bash
# Builds the wasm module and its JavaScript glue into www/pkg, ready to serve.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build -p neuranim-wasm --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg --remove-name-section \
  target/wasm32-unknown-unknown/release/neuranim_wasm.wasm

# The features rustc enables for wasm32 by default; wasm-opt must be told of them.
if [[ -x node_modules/.bin/wasm-opt ]]; then
  node_modules/.bin/wasm-opt -O3 \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
    www/pkg/neuranim_wasm_bg.wasm -o www/pkg/neuranim_wasm_bg.wasm
fi
echo "www/pkg/neuranim_wasm_bg.wasm: $(wc -c < www/pkg/neuranim_wasm_bg.wasm) bytes"

# The embed page is the same page in its minimal look (the `embed` class on <html>), made
# from index.html so that the two never drift apart.
sed -e 's|<html lang="en">|<html lang="en" class="embed">|' \
    -e 's|<title>neuranim — watch a neural network learn</title>|<title>neuranim (embedded)</title>|' \
  www/index.html > www/embed.html
grep -q 'class="embed"' www/embed.html
