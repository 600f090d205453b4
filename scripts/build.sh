#!/usr/bin/env bash
# Builds the release widget into dist/ and prints each file's size and the loader's SRI hash.
# Needs what scripts/setup.sh installs (it is run by scripts/start.sh and scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --quiet
rm -rf target/bindgen
wasm-bindgen --target web --no-typescript --out-dir target/bindgen --out-name forum-widget-core \
  target/wasm32-unknown-unknown/release/forum_widget.wasm

node_modules/.bin/wasm-opt -Oz --converge --strip-target-features --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals --strip-debug --strip-producers \
  target/bindgen/forum-widget-core_bg.wasm -o target/bindgen/forum-widget.opt.wasm
# Minifies the JS, gives the wasm and its glue content-hashed names, writes .gz/.br copies.
node scripts/dist.mjs target/bindgen/forum-widget.opt.wasm target/bindgen/forum-widget-core.js
