#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 (Debian's package) for tests and benchmarks, in a temporary directory,
# listening on 127.0.0.1:${CARDCARE_PG_PORT:-55432} with trust authentication. Idempotent: if it already
# runs, it is reused. Progress goes to stderr; stdout is only the line to use it:
#
#   eval "$(bash scripts/pg-start.sh)"      # sets DATABASE_URL
#   npm run test:pg
#   bash scripts/pg-stop.sh                 # stops it and deletes its directory
#
# NOT for real data: durability is switched off (see the settings below) to make tests fast, unless
# CARDCARE_PG_DURABLE=1 (PostgreSQL's durable defaults, for benchmarks against a durable commit ceiling).
set -euo pipefail

PORT="${CARDCARE_PG_PORT:-55432}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE_FILE="${TMPDIR:-/tmp}/cardcare-pg-${PORT}.dir" # remembers the temp directory for pg-stop.sh
URL="postgres://postgres@127.0.0.1:${PORT}/postgres"

say() { echo "pg-start: $*" >&2; }

if [[ ! -x "$PG_BIN/pg_ctl" ]]; then
  say "PostgreSQL 15 binaries not found in $PG_BIN. Install them: apt-get install -y postgresql (or set PG_BIN)"
  exit 1
fi

if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  say "already running on port $PORT ($(cat "$STATE_FILE" 2>/dev/null || echo 'not started by this script'))"
  echo "export DATABASE_URL=$URL"
  exit 0
fi

# Run the server binaries as the unprivileged `postgres` user when we are root (initdb refuses root).
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  say "running as root but there is no 'postgres' user (Debian's postgresql package creates it)"
  exit 1
fi

# A directory left by a server that is gone (killed, or the machine restarted): start afresh, it is throwaway.
if [[ -f "$STATE_FILE" ]]; then
  OLD="$(cat "$STATE_FILE")"
  if [[ "$OLD" == "${TMPDIR:-/tmp}"/cardcare-pg.* && -d "$OLD" ]]; then
    if [[ -f "$OLD/data/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$OLD/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$OLD"
  fi
  rm -f "$STATE_FILE"
fi

D="$(mktemp -d "${TMPDIR:-/tmp}/cardcare-pg.XXXXXX")"
[[ $(id -u) -eq 0 ]] && chown postgres: "$D"
echo "$D" >"$STATE_FILE"
say "initdb in $D/data"
as_pg "$PG_BIN/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$D/initdb.log" 2>&1 || {
  cat "$D/initdb.log" >&2
  exit 1
}

# CARDCARE_PG_DURABLE=1 keeps PostgreSQL's durable defaults (fsync, synchronous commit, full-page writes): what a
# real deployment runs, for benchmarks that compare against a durable commit ceiling. Otherwise durability is off.
if [[ "${CARDCARE_PG_DURABLE:-0}" == "1" ]]; then
  DURABILITY="# Durable (CARDCARE_PG_DURABLE=1): PostgreSQL's defaults for fsync, synchronous_commit and full_page_writes."
else
  DURABILITY="# Throwaway data: skip durability work. fsync=off risks corruption only on an OS crash or power cut,
# which for this server means running initdb again. Never use these settings for real data.
fsync = off
synchronous_commit = off
full_page_writes = off"
fi

cat >>"$D/data/postgresql.conf" <<EOF

# --- Cardcare test server (scripts/pg-start.sh) ---
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$D'
# Test parallelism: each test file clones its own database and opens a pool of up to 10 connections.
max_connections = 200
$DURABILITY
# CREATE DATABASE … TEMPLATE copies files; with fsync off this is cheap.
shared_buffers = 128MB
log_min_messages = warning
log_min_duration_statement = -1
EOF

say "starting on 127.0.0.1:$PORT (log: $D/log)"
if ! as_pg "$PG_BIN/pg_ctl" -D "$D/data" -l "$D/log" -w -t 60 start >/dev/null; then
  say "PostgreSQL did not start; its log:"
  cat "$D/log" >&2 || true
  exit 1
fi
for _ in $(seq 1 100); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
  sleep 0.1
done
if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  say "PostgreSQL is not accepting connections; its log:"
  cat "$D/log" >&2 || true
  exit 1
fi
say "ready ($("$PG_BIN/postgres" --version))"
echo "export DATABASE_URL=$URL"
