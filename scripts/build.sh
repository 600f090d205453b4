#!/usr/bin/env bash
# Builds the release widget into dist/ and prints each file's size and the loader's SRI hash,
# then packs dist/ as an npm package (target/npm/). Two builds of the widget: the default
# one (the built-in event and short programmes) and the full one, with the large-programme
# feature (timetable, layouts, filters, stars, deep links), which the loader fetches
# instead when the partner gives a `src`. Needs what scripts/setup.sh installs
# (it is run by scripts/start.sh and scripts/test.sh).
#   FW_STABLE_BUILD=1 ./scripts/build.sh   plain stable build (no build-std, no unstable flags)
#   FW_KEEP_NAMES=1 ./scripts/build.sh     also target/bindgen/forum-widget.names.wasm, the same
#                                          optimised wasm with its function names, for
#                                          `node scripts/wasm-sizes.mjs`
# README.md, "How the release wasm is built", says why std is built with the widget.
set -euo pipefail
cd "$(dirname "$0")/.."

# The rustc whose unstable flags below were checked (size, tests). Another version falls
# back to the plain stable build, with a warning; the byte-budget test then fails until
# the flags are checked again on it and this line is updated.
BUILD_STD_RUSTC="1.95"
# std and core built with the widget, for size: std's own smaller code paths
# (optimize_for_size: e.g. heapsort and a plain merge sort instead of the faster, larger
# sorts), panics keep no file/line/column (the widget never shows them), and `{:?}`
# (Debug) formatting compiles to nothing (no shipped text uses it). The widget's panics
# abort at once (-Cpanic=immediate-abort: no panic machinery, no message): the wasm traps,
# and the loader, told by the glue (scripts/dist.mjs), shows the internal-error notice.
BUILD_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
BUILD_STD_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
WIDGET_RUSTFLAGS="$BUILD_STD_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort"

rustc_version=$(rustc --version | awk '{ print $2 }')
build_std=true
if [[ "${FW_STABLE_BUILD:-0}" == 1 ]]; then
  build_std=false
elif [[ "$rustc_version" != "$BUILD_STD_RUSTC".* ]]; then
  echo "build.sh: warning: rustc $rustc_version is not $BUILD_STD_RUSTC, whose unstable build-std flags were checked;" \
    "building with plain stable instead (a larger wasm). See README.md, \"How the release wasm is built\"." >&2
  build_std=false
fi

if $build_std; then
  # RUSTC_BOOTSTRAP=1 lets the stable compiler take -Z flags. RUSTFLAGS reach only the
  # wasm target's crates (build scripts and proc macros are built without them: --target).
  # The default build (no large-programme feature), then the full one (see below).
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} $WIDGET_RUSTFLAGS" \
    cargo build -p forum-widget --release --no-default-features --target wasm32-unknown-unknown --quiet \
    "${BUILD_STD[@]}" --target-dir target/build-std
  cp target/build-std/wasm32-unknown-unknown/release/forum_widget.wasm target/forum_widget.default.wasm
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} $WIDGET_RUSTFLAGS" \
    cargo build -p forum-widget --release --target wasm32-unknown-unknown --quiet \
    "${BUILD_STD[@]}" --target-dir target/build-std
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="${RUSTFLAGS:-} $BUILD_STD_RUSTFLAGS" \
    cargo build -p schedule-readers --lib --features wasm --profile readers --target wasm32-unknown-unknown --quiet \
    "${BUILD_STD[@]}" --target-dir target/build-std
  wasm=target/forum_widget.default.wasm
  full_wasm=target/build-std/wasm32-unknown-unknown/release/forum_widget.wasm
  readers_wasm=target/build-std/wasm32-unknown-unknown/readers/schedule_readers.wasm
else
  cargo build -p forum-widget --release --no-default-features --target wasm32-unknown-unknown --quiet
  cp target/wasm32-unknown-unknown/release/forum_widget.wasm target/forum_widget.default.wasm
  cargo build -p forum-widget --release --target wasm32-unknown-unknown --quiet
  cargo build -p schedule-readers --lib --features wasm --profile readers --target wasm32-unknown-unknown --quiet
  wasm=target/forum_widget.default.wasm
  full_wasm=target/wasm32-unknown-unknown/release/forum_widget.wasm
  readers_wasm=target/wasm32-unknown-unknown/readers/schedule_readers.wasm
fi
rm -rf target/bindgen
wasm-bindgen --target web --no-typescript --out-dir target/bindgen --out-name forum-widget-core "$wasm"
wasm-bindgen --target web --no-typescript --out-dir target/bindgen --out-name forum-widget-full-core "$full_wasm"
wasm-bindgen --target web --no-typescript --out-dir target/bindgen --out-name schedule-readers "$readers_wasm"

opt=(-Oz --converge --low-memory-unused --strip-target-features --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals --strip-producers)
# The default build first merges functions that differ only in constants and rewrites its
# control flow (flatten, rereloop) before the same -Oz: 1,390 B gzip less on the default
# wasm. Not used for the full build, whose loops over large programmes are hot.
default_opt=(--merge-similar-functions --flatten --rereloop -Oz "${opt[@]}")
node_modules/.bin/wasm-opt "${default_opt[@]}" --strip-debug \
  target/bindgen/forum-widget-core_bg.wasm -o target/bindgen/forum-widget.opt.wasm
if [[ "${FW_KEEP_NAMES:-0}" == 1 ]]; then
  node_modules/.bin/wasm-opt "${default_opt[@]}" --debuginfo \
    target/bindgen/forum-widget-core_bg.wasm -o target/bindgen/forum-widget.names.wasm
fi
node_modules/.bin/wasm-opt "${opt[@]}" --strip-debug \
  target/bindgen/forum-widget-full-core_bg.wasm -o target/bindgen/forum-widget-full.opt.wasm
if [[ "${FW_KEEP_NAMES:-0}" == 1 ]]; then
  node_modules/.bin/wasm-opt "${opt[@]}" --debuginfo \
    target/bindgen/forum-widget-full-core_bg.wasm -o target/bindgen/forum-widget-full.names.wasm
fi
# Minifies the JS, gives the wasm and its glue content-hashed names, writes .gz/.br copies.
node_modules/.bin/wasm-opt "${opt[@]}" --strip-debug \
  target/bindgen/schedule-readers_bg.wasm -o target/bindgen/schedule-readers.opt.wasm
node scripts/dist.mjs target/bindgen/forum-widget.opt.wasm target/bindgen/forum-widget-core.js \
  target/bindgen/forum-widget-full.opt.wasm target/bindgen/forum-widget-full-core.js \
  target/bindgen/schedule-readers.opt.wasm target/bindgen/schedule-readers.js
# dist/ as an npm package: target/npm/forum-widget-embed-<version>.tgz.
node scripts/pack.mjs
