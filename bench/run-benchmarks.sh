#!/usr/bin/env bash
# Runs the engine benchmarks and writes bench/results/latest.txt:
#   1. sql-compare: the same rows and factors, totals computed by a throw-away PostgreSQL 15 cluster
#      (join + GROUP BY, default settings) and by the engine, timed side by side and checked to agree
#      exactly;
#   2. the BenchmarkDotNet benchmarks (resolved path at 1M and 10M records, record path, naive path).
#
# Environment: ROWS (default 5000000) rows for sql-compare; QUICK=1 runs BenchmarkDotNet with
# --job short instead of its default job. Works as root (the server runs as user postgres) or as an
# ordinary user; installs postgresql with apt-get when PostgreSQL 15 is missing (needs root).
set -euo pipefail

ROWS="${ROWS:-5000000}"
QUICK="${QUICK:-0}"
PORT=55433
DATABASE=ghgbench
PG_BIN=/usr/lib/postgresql/15/bin

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$REPO/bench/GhgReporting.Benchmarks"
RESULTS="$REPO/bench/results"
OUT="$RESULTS/latest.txt"
BDN_LOG="$RESULTS/benchmarkdotnet.log"   # full BenchmarkDotNet console output (ignored by git)
ARTIFACTS="$REPO/bench/BenchmarkDotNet.Artifacts"
CONNECTION="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$DATABASE"

log() { printf '[run-benchmarks %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- PostgreSQL 15 -------------------------------------------------------------------------------
if [[ ! -x "$PG_BIN/initdb" ]]; then
  log "PostgreSQL 15 not found at $PG_BIN; installing postgresql with apt-get"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  [[ -x "$PG_BIN/initdb" ]] || { log "apt-get installed a PostgreSQL other than 15; $PG_BIN/initdb is still missing"; exit 1; }
fi

# initdb refuses to run as root: as root, the cluster belongs to and runs as user postgres.
if [[ "$(id -u)" -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ghgbench-pg.XXXXXX")"
PGDATA="$PG_TMP/data"
[[ "$(id -u)" -eq 0 ]] && chown postgres: "$PG_TMP"

cleanup() {
  local status=$?
  if [[ -f "$PGDATA/postmaster.pid" ]]; then
    log "stopping the PostgreSQL cluster"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$PG_TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "initdb into $PGDATA"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
log "starting PostgreSQL on 127.0.0.1:$PORT"
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PG_TMP/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_TMP" start >/dev/null \
  || { cat "$PG_TMP/server.log" >&2; exit 1; }
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"

# --- Build and run ------------------------------------------------------------------------------
mkdir -p "$RESULTS"
cd "$REPO"
log "building (Release)"
dotnet build -c Release "$PROJECT" -nologo -v quiet >/dev/null

JOB_ARGS=()
[[ "$QUICK" == "1" ]] && JOB_ARGS=(--job short)
SQL_CMD=(dotnet run -c Release --no-build --project "$PROJECT" -- sql-compare --rows "$ROWS" --connection "$CONNECTION")
BDN_CMD=(dotnet run -c Release --no-build --project "$PROJECT" -- bench --filter '*' --join "${JOB_ARGS[@]}" --artifacts "$ARTIFACTS")

{
  echo "GhgReporting engine benchmarks — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [[ -n "$(git -C "$REPO" --no-optional-locks status --porcelain 2>/dev/null)" ]] && echo ' (working tree has uncommitted changes)')"
  echo "script: ROWS=$ROWS QUICK=$QUICK bench/run-benchmarks.sh"
  echo "PostgreSQL: throw-away cluster, initdb defaults, 127.0.0.1:$PORT"
  echo
  printf '$'; printf ' %q' "${SQL_CMD[@]}"; echo
} >"$OUT"

log "sql-compare with $ROWS rows"
"${SQL_CMD[@]}" 2>&1 | tee -a "$OUT"

log "BenchmarkDotNet ($([[ "$QUICK" == "1" ]] && echo 'short job' || echo 'default job')); full log: $BDN_LOG"
{
  echo
  printf '$'; printf ' %q' "${BDN_CMD[@]}"; echo
  echo "(BenchmarkDotNet's summary; the full log is bench/results/benchmarkdotnet.log, not committed)"
} >>"$OUT"
"${BDN_CMD[@]}" 2>&1 | tee "$BDN_LOG"
sed -n -e '/^\/\/ \* Summary \*/,/^\/\/ \*\*\*\*\* BenchmarkRunner: End/p' -e '/^Global total time/p' "$BDN_LOG" >>"$OUT"

log "done: $OUT"
