#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 (as the postgres user, data in a temp folder, local port) and a redis-server on
# loopback for the scale-out tests, and prints the two URLs as shell exports. Nothing here is needed by `npm start`.
#   eval "$(bash scripts/start-services.sh)"     # then: npm test
# Ports: PG_PORT (default 55432), REDIS_PORT (default 56379). Stop with: bash scripts/start-services.sh --stop
set -euo pipefail
PG_PORT="${PG_PORT:-55432}"
REDIS_PORT="${REDIS_PORT:-56379}"
ROOT="${SERVICES_DIR:-/tmp/harbor-services}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

if [[ "${1:-}" == "--stop" ]]; then
  [[ -n "$PG_BIN" && -d "$ROOT/pg" ]] && su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $ROOT/pg -m fast stop" >&2 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  exit 0
fi

if [[ -z "$PG_BIN" || ! -x "$(command -v redis-server || true)" ]]; then
  if [[ "$(id -u)" == "0" ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql redis-server >/dev/null
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  else
    echo "PostgreSQL or redis-server is missing and this user cannot install them" >&2
    exit 1
  fi
fi

mkdir -p "$ROOT"
chmod 0777 "$ROOT"
if ! su postgres -s /bin/sh -c "$PG_BIN/pg_isready -q -h 127.0.0.1 -p $PG_PORT"; then
  rm -rf "$ROOT/pg"
  su postgres -s /bin/sh -c "$PG_BIN/initdb -D $ROOT/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  # Tuned for tests on a small machine: the data are throw-away, so durability settings are relaxed.
  su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $ROOT/pg -l $ROOT/pg.log -w -o \"-p $PG_PORT -k $ROOT -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >&2
fi
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --logfile "$ROOT/redis.log" --dir "$ROOT" >&2
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
