#!/usr/bin/env bash
# Two app instances on one PostgreSQL and one S3-compatible server, as a province runs them behind
# a load balancer (ADR 0022 "running a province"), then tests/two-instances/ in Chromium against
# both: a file uploaded through one downloads through the other, a session from one is valid on
# the other, decisions issued on both at once get distinct numbers.
#   OWNER_URL=postgresql://antt@127.0.0.1:5432/antt APP_URL=postgresql://antt_app@127.0.0.1:5432/antt \
#     scripts/two-instances.sh [playwright arguments…]
# OWNER_URL may create databases; the test gets a fresh database "antt_two_instances" on that
# server (APP_URL's role, if given, runs the app with the least-privilege grants of ADR 0005).
# Needs the production build (npm run build). Ports: TWO_INSTANCES_PORTS="3110 3111", S3 9110.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/offline-env.sh
: "${OWNER_URL:?OWNER_URL must be a PostgreSQL URL whose user may create databases}"
read -r PORT_A PORT_B <<<"${TWO_INSTANCES_PORTS:-3110 3111}"
S3_PORT=${TWO_INSTANCES_S3_PORT:-9110}
DB=antt_two_instances
STATE=.data/two-instances
rm -rf "$STATE" && mkdir -p "$STATE"

with_db() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$1" "$2"; }
export DATABASE_OWNER_URL; DATABASE_OWNER_URL=$(with_db "$OWNER_URL" "$DB")
export DATABASE_URL; DATABASE_URL=$(with_db "${APP_URL:-$OWNER_URL}" "$DB")
node -e '
  const pg = require("pg");
  const c = new pg.Client(process.argv[1]);
  c.connect()
    .then(() => c.query(`DROP DATABASE IF EXISTS ${process.argv[2]} WITH (FORCE)`))
    .then(() => c.query(`CREATE DATABASE ${process.argv[2]}`))
    .then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
' "$OWNER_URL" "$DB"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# What every instance shares: the database, the object store, the session key, the build.
export NODE_ENV=production ANTT_DEMO=1
export ANTT_EVIDENCE_STORE=s3 ANTT_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" ANTT_S3_REGION=us-east-1 \
  ANTT_S3_BUCKET=antt-evidence ANTT_S3_ACCESS_KEY_ID=S3RVER ANTT_S3_SECRET_ACCESS_KEY=S3RVER ANTT_S3_FORCE_PATH_STYLE=1
export NEXTAUTH_SECRET; NEXTAUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')
# Each instance's local folder is its own, so a file found through the other one came from S3.
unset ANTT_EVIDENCE_DIR

setsid npx tsx scripts/s3-test-server.ts "$S3_PORT" "$PWD/$STATE/s3" antt-evidence > "$STATE/s3.log" 2>&1 &
pids+=($!)
# Migrated and seeded once, by the owner, before either instance starts.
npx tsx scripts/db.ts prepare
for port in "$PORT_A" "$PORT_B"; do
  ANTT_DATA_DIR="$PWD/$STATE/unused-$port" setsid npx next start -p "$port" -H 127.0.0.1 > "$STATE/app-$port.log" 2>&1 &
  pids+=($!)
done

wait_healthy() { # port
  local deadline=$((SECONDS + 180))
  until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$1/api/health"; do
    if ((SECONDS > deadline)); then echo "Instance on port $1 did not become healthy:"; tail -30 "$STATE/app-$1.log"; return 1; fi
    sleep 1
  done
}
wait_healthy "$PORT_A"
wait_healthy "$PORT_B"
echo "Two instances healthy on ports $PORT_A and $PORT_B (PostgreSQL database $DB, S3 on port $S3_PORT)."

TWO_A_URL="http://127.0.0.1:$PORT_A" TWO_B_URL="http://127.0.0.1:$PORT_B" S3_ENDPOINT="$ANTT_S3_ENDPOINT" \
  npx playwright test -c playwright.two-instances.config.ts "$@"
