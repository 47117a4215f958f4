#!/usr/bin/env bash
# npm test — every check and every test, as CI runs them (.ci/run calls this):
#   lint, type-check, schema ↔ migrations check,
#   unit tests, integration tests on the embedded database and on PostgreSQL 15,
#   production build, end-to-end tests in Chromium on the embedded database and on PostgreSQL 15.
# Installs what it needs when missing: npm packages, Debian's chromium (as root).
# SKIP_POSTGRES=1 skips the PostgreSQL runs on a machine without its server binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
RESULTS=.data/test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages"
  npm ci --no-audit --no-fund
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "Installing Debian's chromium for the end-to-end tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: run 'sudo apt-get install chromium' or set CHROMIUM_PATH." >&2; exit 1
  fi
fi

step "Lint, type-check, schema ↔ migrations"
npx eslint .
npx tsc --noEmit -p .
npx tsx scripts/db.ts check

step "Unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$RESULTS/unit.json"

step "Integration tests — embedded database (PGlite)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$RESULTS/integration-pglite.json"

step "Production build"
npx next build

step "End-to-end tests — embedded database"
PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e-pglite.json" npx playwright test --reporter=list,json

if [ "${SKIP_POSTGRES:-0}" != 1 ]; then
  step "Starting a throwaway PostgreSQL 15 server"
  trap 'scripts/pg-test-server.sh stop' EXIT
  PG_URL=$(scripts/pg-test-server.sh start | tail -n 1 | sed 's/^DATABASE_URL=//')

  step "Integration tests — PostgreSQL 15"
  TEST_DATABASE_URL="$PG_URL" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$RESULTS/integration-postgres.json"

  step "End-to-end tests — PostgreSQL 15"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e-postgres.json" DATABASE_URL="$PG_URL" npx playwright test --reporter=list,json
fi

step "Summary"
node scripts/summarize-tests.mjs "$RESULTS"
