#!/usr/bin/env bash
# npm test — every check and every test, as CI runs them (.ci/run calls this):
#   lint, type-check, schema ↔ migrations check,
#   unit tests, integration tests on the embedded database and on PostgreSQL 15,
#   the generated documents printed by LibreOffice,
#   production build, end-to-end tests in Chromium on the embedded database and on PostgreSQL 15,
#   two app instances on one PostgreSQL 15 and one S3-compatible server (scripts/two-instances.sh).
# Every phase runs even when an earlier one failed; a phase that needs a failed one (the
# end-to-end tests need the build) is reported as not run and counts as a failure. It ends with
# a table of the phases, every failed and flaky test by name, and the line "N passed, M failed";
# the exit status is non-zero when anything failed.
#
# Installs what it needs when missing: npm packages, Debian's chromium, LibreOffice and poppler-utils (as root).
# SKIP_POSTGRES=1 skips the PostgreSQL runs on a machine without its server binaries.
# TEST_PHASES="integration build e2e" runs only those groups (checks, unit, integration, documents, build, e2e).
set -uo pipefail
cd "$(dirname "$0")/.."
# Nothing in a test run calls outside the machine: no telemetry, no update checks.
source scripts/offline-env.sh
RESULTS=.data/test-results
PHASES="$RESULTS/phases.tsv"
rm -rf "$RESULTS" && mkdir -p "$RESULTS" && : > "$PHASES"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
selected() { [ "$1" = setup ] || [ -z "${TEST_PHASES:-}" ] || [[ " $TEST_PHASES " == *" $1 "* ]]; }
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" "$group" >> "$PHASES"; }
failed_ids=" "

# phase <group> <id> <title> <report file or -> <needs: space-separated ids or ""> -- <command…>
phase() {
  local group=$1 id=$2 title=$3 report=$4 needs=$5
  shift 6
  if ! selected "$group"; then record "$id" "$title" unselected 0 "$report"; return 0; fi
  local need
  for need in $needs; do
    if [[ "$failed_ids" == *" $need "* ]]; then
      step "$title — not run: $need failed"
      record "$id" "$title" "skipped: $need failed" 0 "$report"
      failed_ids+="$id "
      return 0
    fi
  done
  step "$title"
  local start=$SECONDS rc=0
  "$@" || rc=$?
  record "$id" "$title" "$rc" "$((SECONDS - start))" "$report"
  [ "$rc" = 0 ] || failed_ids+="$id "
}

install_packages() {
  if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    echo "node_modules is up to date."
  fi
}

install_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then echo "chromium: ${CHROMIUM_PATH:-/usr/bin/chromium}"; return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "chromium is missing: run 'sudo apt-get install chromium' or set CHROMIUM_PATH." >&2
    return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# The document tests print every .docx with LibreOffice and read the PDF with poppler; the e2e tests
# download a PDF. Liberation Serif stands in for Times New Roman with the same metrics, so pages
# break where they do in Word.
OFFICE_PACKAGES="libreoffice-writer-nogui poppler-utils fonts-liberation2"
install_office() {
  if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null \
    && fc-list 2>/dev/null | grep -q "Liberation Serif"; then
    echo "LibreOffice: $(command -v soffice); poppler-utils: $(command -v pdftotext)"
    return 0
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "LibreOffice, poppler-utils or fonts-liberation2 is missing: run 'sudo apt-get install $OFFICE_PACKAGES'." >&2
    return 1
  fi
  # shellcheck disable=SC2086
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $OFFICE_PACKAGES >/dev/null
}

vitest() { # vitest <project> <report>
  npx vitest run --project "$1" --reporter=default --reporter=json --outputFile.json="$RESULTS/$2"
}

playwright() { # playwright <report>
  PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/$1" npx playwright test --reporter=list,json
}

PG_URL=""
PG_APP_URL=""
start_postgres() {
  local out
  out=$(scripts/pg-test-server.sh start) || { echo "$out"; return 1; }
  echo "$out"
  PG_URL=$(printf '%s\n' "$out" | sed -n 's/^DATABASE_URL=//p')
  PG_APP_URL=$(printf '%s\n' "$out" | sed -n 's/^APP_DATABASE_URL=//p')
}
vitest_postgres() ( export TEST_DATABASE_URL="$PG_URL"; vitest integration integration-postgres.json )
# The app runs as production does: as the least-privilege role, migrated and seeded by the owner.
playwright_postgres() ( export DATABASE_OWNER_URL="$PG_URL" DATABASE_URL="$PG_APP_URL"; playwright e2e-postgres.json )
# Two instances behind a load balancer share one database and one object store (ADR 0022).
two_instances() ( export OWNER_URL="$PG_URL" APP_URL="$PG_APP_URL" PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/two-instances.json"; scripts/two-instances.sh --reporter=list,json )
trap 'scripts/pg-test-server.sh stop >/dev/null 2>&1 || true' EXIT

phase setup     install        "Install npm packages"                 -  ""                  -- install_packages
phase setup     chromium       "Install Debian's chromium"            -  ""                  -- install_chromium
phase setup     office         "Install LibreOffice and poppler-utils" -  ""                  -- install_office
phase checks    lint           "Lint (ESLint)"                        -  "install"           -- npx eslint .
phase checks    typecheck      "Type-check (tsc)"                     -  "install"           -- npx tsc --noEmit -p .
phase checks    schema         "Schema ↔ migrations"                  -  "install"           -- npx tsx scripts/db.ts check
phase unit      unit           "Unit tests"                           unit.json  "install"   -- vitest unit unit.json
phase integration integration-pglite "Integration tests — PGlite"     integration-pglite.json "install" -- vitest integration integration-pglite.json
phase documents documents      "Documents printed by LibreOffice"     documents.json "install office" -- vitest documents documents.json
phase build     build          "Production build"                     -  "install"           -- npx next build
phase e2e       e2e-pglite     "End-to-end tests — PGlite"            e2e-pglite.json "install chromium office build" -- playwright e2e-pglite.json
if [ "${SKIP_POSTGRES:-0}" != 1 ]; then
  if selected integration || selected e2e; then
    phase setup postgres       "Start a throwaway PostgreSQL 15"      -  ""                  -- start_postgres
  fi
  phase integration integration-postgres "Integration tests — PostgreSQL 15" integration-postgres.json "install postgres" -- vitest_postgres
  phase e2e     e2e-postgres   "End-to-end tests — PostgreSQL 15"     e2e-postgres.json "install chromium office build postgres" -- playwright_postgres
  phase e2e     two-instances  "Two app instances — PostgreSQL 15 + S3" two-instances.json "install chromium build postgres" -- two_instances
fi

step "Summary"
if [ -x node_modules/.bin/tsx ]; then
  npx tsx scripts/test-report.ts "$RESULTS"
else
  echo "npm packages are missing: nothing could run."
  echo "0 passed, 1 failed"
  exit 1
fi
