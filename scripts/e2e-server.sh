#!/usr/bin/env bash
# Starts the built app for the end-to-end tests on a fresh database with the demo province:
# the embedded one in .data/e2e, or DATABASE_URL when set (the caller gives an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/offline-env.sh
PORT=${E2E_PORT:-3100}
if [ -z "${DATABASE_URL:-}" ]; then
  export ANTT_DATA_DIR="$PWD/.data/e2e-$PORT"
  rm -rf "$ANTT_DATA_DIR" "$ANTT_DATA_DIR.lock"
fi
export NODE_ENV=production
# The production build on a developer's machine with public demo passwords (lib/config/production-check.ts).
export ANTT_DEMO=1
npx tsx scripts/db.ts prepare
exec npx next start -p "$PORT" -H 127.0.0.1
