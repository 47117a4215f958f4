#!/usr/bin/env bash
# npm run test:stress — the integration, document and end-to-end suites (with the build they need) while
# other threads keep every core busy, as on the shared machines CI runs on (load 3–10 on 2 cores).
# A test that passes only on an idle machine fails here.
#   npm run test:stress                      integration + build + end-to-end, under load
#   npm run test:stress -- bash .ci/run      any command, under the same load
#   STRESS_PER_CORE=3 npm run test:stress    heavier load (spinning threads per core; default 2)
set -uo pipefail
cd "$(dirname "$0")/.."
node scripts/cpu-burner.mjs --per-core "${STRESS_PER_CORE:-2}" --seconds "${STRESS_SECONDS:-5400}" &
burner=$!
trap 'kill "$burner" 2>/dev/null; wait "$burner" 2>/dev/null' EXIT
if [ "$#" -gt 0 ]; then
  "$@"
else
  TEST_PHASES="${TEST_PHASES:-integration documents build e2e}" bash scripts/test-all.sh
fi
