#!/usr/bin/env bash
# Sets up, builds dist/ and runs the benchmark; updates BENCHMARKS.md and bench-results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
./scripts/build.sh
node scripts/bench.mjs
