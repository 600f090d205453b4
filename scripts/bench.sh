#!/usr/bin/env bash
# Sets up, builds dist/ and runs the benchmark; updates BENCHMARKS.md and bench-results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
./scripts/build.sh
# FOSDEM 2025 converted to the widget's own format by the command-line tool, as a partner
# would host it ("host a converted copy" in README.md); read by bench.mjs, never committed.
mkdir -p target/bench
cargo run --quiet --release -p schedule-readers --bin schedule -- \
  convert ../shared/realdata/frab-xml/fosdem-2025.pentabarf.xml > target/bench/fosdem-2025.event.json
node scripts/bench.mjs
