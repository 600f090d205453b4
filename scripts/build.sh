#!/usr/bin/env bash
# Builds the release widget into dist/ and prints each file's size.
# Needs what scripts/setup.sh installs (it is run by scripts/start.sh and scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --quiet
rm -rf target/bindgen
wasm-bindgen --target web --no-typescript --out-dir target/bindgen --out-name forum-widget-core \
  target/wasm32-unknown-unknown/release/forum_widget.wasm

rm -rf dist
mkdir -p dist
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals --strip-debug --strip-producers \
  target/bindgen/forum-widget-core_bg.wasm -o dist/forum-widget.wasm
# Minified JS: the same code with shorter local names and no comments or indentation.
node_modules/.bin/terser target/bindgen/forum-widget-core.js --module --ecma 2020 \
  --compress passes=2 --mangle -o dist/forum-widget-core.js
node_modules/.bin/terser www/forum-widget.js --compress passes=2 --mangle --comments '/^!/' -o dist/forum-widget.js

printf '%-24s %10s %10s\n' "dist/" "raw B" "gzip -9 B"
total_raw=0 total_gz=0
for f in dist/forum-widget.js dist/forum-widget-core.js dist/forum-widget.wasm; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-24s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-24s %10d %10d\n' "total" "$total_raw" "$total_gz"
