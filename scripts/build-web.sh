#!/usr/bin/env bash
# Builds the wasm module and its JavaScript glue into www/pkg, ready to serve.
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm-opt -O3 of IN into OUT (extra flags after), or a copy where binaryen is not installed.
# The features rustc enables for wasm32 by default; wasm-opt must be told of them.
optimise() {
  local in=$1 out=$2
  shift 2
  if [[ -x node_modules/.bin/wasm-opt ]]; then
    node_modules/.bin/wasm-opt -O3 \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue "$@" \
      "$in" -o "$out"
  elif [[ $in != "$out" ]]; then
    cp "$in" "$out"
  fi
  echo "$out: $(wc -c < "$out") bytes"
}

# The `web` profile of Cargo.toml: the kernel for speed, the rest of the core for size.
cargo build -p neuranim-wasm --profile web --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg --remove-name-section \
  target/wasm32-unknown-unknown/web/neuranim_wasm.wasm

optimise www/pkg/neuranim_wasm_bg.wasm www/pkg/neuranim_wasm_bg.wasm --enable-simd

# The same crate without wasm SIMD, for engines that lack it (Safari before 16.4): the page
# picks it when WebAssembly.validate refuses a SIMD instruction. RUSTFLAGS replaces the
# +simd128 of .cargo/config.toml; its own target directory keeps both builds cached. The
# glue must be the same file, since the page loads one glue for either module.
RUSTFLAGS="" cargo build -p neuranim-wasm --profile web --target wasm32-unknown-unknown --target-dir target/scalar
scalar=$(mktemp -d)
wasm-bindgen --target web --out-dir "$scalar" --remove-name-section \
  target/scalar/wasm32-unknown-unknown/web/neuranim_wasm.wasm
cmp -s "$scalar/neuranim_wasm.js" www/pkg/neuranim_wasm.js || { echo "the scalar build's glue differs from the SIMD build's" >&2; exit 1; }
optimise "$scalar/neuranim_wasm_bg.wasm" www/pkg/neuranim_wasm_scalar_bg.wasm
rm -r "$scalar"

# The files module (run files, CSV, GIF), which the page loads on first use. It has no loop
# that SIMD would speed, so one build without it serves every engine.
RUSTFLAGS="" cargo build -p neuranim-files --profile web --target wasm32-unknown-unknown --target-dir target/scalar
wasm-bindgen --target web --out-dir www/pkg --remove-name-section \
  target/scalar/wasm32-unknown-unknown/web/neuranim_files.wasm
optimise www/pkg/neuranim_files_bg.wasm www/pkg/neuranim_files_bg.wasm

# The embed page is the same page in its minimal look (the `embed` class on <html>), made
# from index.html so that the two never drift apart.
sed -e 's|<html lang="en">|<html lang="en" class="embed">|' \
    -e 's|<title>neuranim — watch a neural network learn</title>|<title>neuranim (embedded)</title>|' \
  www/index.html > www/embed.html
grep -q 'class="embed"' www/embed.html
