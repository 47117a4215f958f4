#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 server on a loopback port for tests and benchmarks.
#   scripts/pg-test-server.sh start [port]   prints APP_DATABASE_URL=… (the least-privilege app
#                                            role "antt_app", ADR 0005) and DATABASE_URL=… (the
#                                            owner, a superuser) on its last two lines
#   scripts/pg-test-server.sh stop
# PostgreSQL refuses to run as root, so as root it runs the server as the "postgres" user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
STATE=${PG_TEST_STATE:-/tmp/antt-pg-test}
PORT=${2:-${PG_TEST_PORT:-55432}}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_binaries() {
  if [ ! -x "$PGBIN/postgres" ]; then
    echo "PostgreSQL 15 server binaries not found in $PGBIN; installing postgresql-15 from apt…" >&2
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
    else
      echo "Run as root, or install postgresql-15, or set PGBIN." >&2; exit 1
    fi
  fi
}

case "${1:-}" in
  start)
    ensure_binaries
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres: "$STATE"
    as_pg "$PGBIN/initdb" -D "$STATE/data" -U antt --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Durability off: this server holds only test data and must be fast on two cores.
    as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 \
      -o "-p $PORT -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U antt antt
    # The role the app runs as in production: it gets its grants from `db.ts prepare|deploy`.
    as_pg "$PGBIN/psql" -q -h 127.0.0.1 -p "$PORT" -U antt -d antt -c "CREATE ROLE antt_app LOGIN" >/dev/null
    echo "$PORT" > "$STATE/port"
    echo "APP_DATABASE_URL=postgresql://antt_app@127.0.0.1:$PORT/antt"
    echo "DATABASE_URL=postgresql://antt@127.0.0.1:$PORT/antt"
    ;;
  stop)
    if [ -d "$STATE/data" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$STATE"
    ;;
  *)
    echo "usage: $0 start [port] | stop" >&2; exit 2 ;;
esac
