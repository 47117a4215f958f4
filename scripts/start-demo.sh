#!/usr/bin/env bash
# npm run demo — installs, builds and starts ANTT on http://localhost:3000 with the embedded
# database (created, migrated and filled with the demo province on first start).
# With DATABASE_URL set, it uses that PostgreSQL server instead.
# It listens on 127.0.0.1 only (the demo password is public in README); HOST=0.0.0.0 opens it to
# the network.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/offline-env.sh
# The production build, as a demo: production's checks for a session key and an https address are off.
export ANTT_DEMO=1
PORT=${PORT:-3000}
HOST=${HOST:-127.0.0.1}
if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== Cài đặt thư viện (npm ci)…"
  npm ci --no-audit --no-fund
fi
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib prisma -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  echo "== Biên dịch ứng dụng (next build)…"
  npx next build
fi
echo "== Chuẩn bị cơ sở dữ liệu…"
npx tsx scripts/db.ts prepare
echo "== ANTT đang chạy tại http://$([ "$HOST" = 127.0.0.1 ] && echo localhost || echo "$HOST"):$PORT (Ctrl+C để dừng)"
exec npx next start -p "$PORT" -H "$HOST"
