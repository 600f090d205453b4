#!/usr/bin/env bash
# Sets up, builds the widget into dist/ and serves the preview page on 127.0.0.1.
#   PORT=9000 ./scripts/start.sh   to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
exec node scripts/serve.mjs --port "${PORT:-8080}"
