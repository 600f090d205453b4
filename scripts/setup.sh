#!/usr/bin/env bash
# Installs everything the build needs (and, with --test, everything the tests need).
# Idempotent: each step checks first, so a second run takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

for_tests=false
[[ "${1:-}" == "--test" ]] && for_tests=true
step() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# std's source, which scripts/build.sh compiles with the release wasm (-Zbuild-std).
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rustup component add rust-src"
  rustup component add rust-src
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock. No --locked: one of
# its locked dependencies is not on the registry mirror.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]]; then
  step "cargo install wasm-bindgen-cli $bindgen_version (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# npm: wasm-opt (binaryen 132, the one that reads wasm-bindgen's output) and playwright-core.
if [[ ! -x node_modules/.bin/wasm-opt || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if $for_tests; then
  if ! rustup component list --installed | grep -q '^clippy' || ! rustup component list --installed | grep -q '^rustfmt'; then
    step "rustup component add clippy rustfmt"
    rustup component add clippy rustfmt
  fi
  # Browsers for the tests (Chromium, Firefox ESR, WebKitGTK), and CJK fonts so that screenshots show Chinese text.
  packages=()
  command -v chromium >/dev/null || packages+=(chromium)
  command -v chromedriver >/dev/null || packages+=(chromium-driver)
  command -v firefox-esr >/dev/null || packages+=(firefox-esr)
  # WebKitGTK (Safari's engine): WebKitWebDriver and MiniBrowser, and an X server for it.
  command -v WebKitWebDriver >/dev/null || packages+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || packages+=(xvfb)
  [[ -d /usr/share/fonts/opentype/noto ]] || packages+=(fonts-noto-cjk)
  if ((${#packages[@]})); then
    step "apt-get install ${packages[*]}"
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
  # Independent parsers for the exports tests (icalendar, extruct), pinned.
  if [[ ! -x .venv/bin/python ]] || ! cmp -s tests/requirements.txt .venv/requirements.txt; then
    step "python venv with tests/requirements.txt"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
    cp tests/requirements.txt .venv/requirements.txt
  fi
  if [[ "$(geckodriver --version 2>/dev/null || true)" != "geckodriver 0.37.0"* ]]; then
    step "cargo install geckodriver 0.37.0 (about a minute, once)"
    cargo install geckodriver --version 0.37.0
  fi
fi
