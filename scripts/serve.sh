#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-web.sh
exec node scripts/static-server.mjs www "${PORT:-8080}"
