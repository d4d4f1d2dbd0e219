#!/usr/bin/env bash
# Start or stop the throwaway Redis and PostgreSQL servers the test suite uses.
#   scripts/services.sh start   -> prints the export lines for REDIS_TEST_URL / TEST_DATABASE_URL
#   scripts/services.sh stop
# State lives in $LINTAS_SERVICES_DIR (default: build/services). Loopback only.
set -euo pipefail

DIR="${LINTAS_SERVICES_DIR:-$(cd "$(dirname "$0")/.." && pwd)/build/services}"
REDIS_PORT="${LINTAS_REDIS_PORT:-6399}"
PG_PORT="${LINTAS_PG_PORT:-5439}"

# As root, PostgreSQL runs as the postgres user, which may not be able to enter
# the checkout (a clone in a 0700 temporary folder): keep its data in /tmp.
if [ "$(id -u)" = "0" ]; then
  PG_DIR="${LINTAS_PG_DIR:-/tmp/lintas-pg-$PG_PORT}"
else
  PG_DIR="${LINTAS_PG_DIR:-$DIR/pg}"
fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

start() {
  mkdir -p "$DIR"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  local bin; bin="$(pg_bin)"
  local data="$PG_DIR"
  if [ -n "$bin" ]; then
    if [ ! -f "$data/PG_VERSION" ]; then
      rm -rf "$data"; mkdir -p "$data"; chmod 700 "$data"
      [ "$(id -u)" = "0" ] && chown postgres "$data"
      as_postgres "$bin/initdb -D $data -A trust -U postgres --no-sync -E UTF8 >$data.initdb.log 2>&1" ||
        { echo "initdb failed: see $data.initdb.log" >&2; exit 1; }
    fi
    if ! as_postgres "$bin/pg_ctl -D $data status" >/dev/null 2>&1; then
      as_postgres "$bin/pg_ctl -D $data -l $data/log -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
    fi
    echo "export TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/lintas_test"
  fi
  echo "export REDIS_TEST_URL=redis://127.0.0.1:$REDIS_PORT/0"
}

stop() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  local bin; bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -f "$PG_DIR/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl -D $PG_DIR -m fast -w stop" >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
