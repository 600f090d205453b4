#!/usr/bin/env bash
# Sets up and runs every test: format and lint checks, native tests, component tests in
# headless Chromium and Firefox, then end-to-end tests against the built dist/: the full
# suite in Chromium, and the visitor scenarios in Chromium, Firefox ESR and WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
./scripts/setup.sh --test
step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native and wasm32) -D warnings"
# `serde-reference`: serde's derive as the reference the widget's JSON readers are compared with.
cargo clippy --all-targets --features forum-widget/serde-reference --quiet -- -D warnings
cargo clippy -p forum-widget --lib --quiet -- -D warnings
# The default build, without the large-programme feature (scripts/build.sh builds both).
cargo clippy -p forum-widget --lib --no-default-features --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p forum-widget --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p schedule-readers --lib --features wasm --target wasm32-unknown-unknown --quiet -- -D warnings

step "native tests (model, validation, status, strings, schedule readers against ../shared/realdata)"
cargo test --quiet --features forum-widget/serde-reference

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p forum-widget --target wasm32-unknown-unknown --test web
step "component tests in headless Firefox ESR (wasm-bindgen-test)"
GECKODRIVER="$(command -v geckodriver)" cargo test -p forum-widget --target wasm32-unknown-unknown --test web

step "release build"
./scripts/build.sh

step "end-to-end tests in headless Chromium against dist/"
node --test tests/e2e/

step "cross-engine end-to-end tests in Chromium, Firefox ESR and WebKitGTK (WebDriver)"
node tests/browsers/run.mjs
