#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by scripts/pg-start.sh and deletes its temporary directory.
set -euo pipefail

PORT="${CARDCARE_PG_PORT:-55432}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE_FILE="${TMPDIR:-/tmp}/cardcare-pg-${PORT}.dir"

if [[ ! -f "$STATE_FILE" ]]; then
  echo "pg-stop: no server started by scripts/pg-start.sh on port $PORT" >&2
  exit 0
fi
D="$(cat "$STATE_FILE")"
if [[ "$D" != "${TMPDIR:-/tmp}"/cardcare-pg.* ]]; then
  echo "pg-stop: unexpected directory '$D' in $STATE_FILE; not touching it" >&2
  exit 1
fi
if [[ -f "$D/data/postmaster.pid" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null
  else
    "$PG_BIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null
  fi
fi
rm -rf "$D" "$STATE_FILE"
echo "pg-stop: stopped and removed $D" >&2
