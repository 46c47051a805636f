#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the storage tests on 127.0.0.1:55432 (role comity/comity, database comity_test)
# and prints the line that points the tests at it. Idempotent: a second run reuses the running server.
#   bash .ci/postgres.sh            # install if absent, init, start, create role and database
#   eval "$(bash .ci/postgres.sh | tail -n 1)"
# Overrides: COMITY_PG_PORT (55432), COMITY_PG_DIR (/tmp/comity-postgres).
set -euo pipefail

PORT="${COMITY_PG_PORT:-55432}"
BASE="${COMITY_PG_DIR:-/tmp/comity-postgres}"
DATA="$BASE/data"
SOCK="$BASE/run"
LOG="$BASE/postgres.log"
ROLE=comity
PASSWORD=comity
DATABASE=comity_test

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

find_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; fi
}

BINDIR="$(find_bindir)"
if [[ -z "$BINDIR" ]]; then
  log "PostgreSQL not found; installing the Debian packages"
  SUDO=""
  if [[ "$(id -u)" -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql >&2
  BINDIR="$(find_bindir)"
  [[ -n "$BINDIR" ]] || { log "initdb not found after installing postgresql"; exit 1; }
fi

# The server refuses to run as root: run it as the 'postgres' user when we are root, else as ourselves.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$BASE" --shell /bin/false postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

mkdir -p "$BASE" "$SOCK"
if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$BASE"; fi

if [[ ! -s "$DATA/PG_VERSION" ]]; then
  log "initialising a cluster in $DATA"
  as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if as_owner "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "a server already answers on 127.0.0.1:$PORT; reusing it"
else
  log "starting PostgreSQL on 127.0.0.1:$PORT (log: $LOG)"
  as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$SOCK -c fsync=off -c max_connections=200" \
    start >&2
fi

for _ in $(seq 1 60); do
  if as_owner "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 1
done
as_owner "$BINDIR/pg_isready" -h 127.0.0.1 -p "$PORT" >&2

psql_admin() { as_owner "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT" -U postgres -d postgres "$@"; }

if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]]; then
  psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB"
fi
if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]]; then
  psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

echo "export COMITY_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE'"
