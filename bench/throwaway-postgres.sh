# Sourced by the benchmark scripts: a throw-away PostgreSQL cluster and the API process, cleaned up on exit.
# Before sourcing, set NAME (log prefix and work folder name); then call start_postgres PORT.
# Provides: log, as_pg, PG_BIN, WORK (a temporary folder, removed on exit), PGDATA, API_PID (set it when the
# script starts the API, so that it is stopped on exit).

log() { printf '[%s %s] %s\n' "$NAME" "$(date +%H:%M:%S)" "$*" >&2; }

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  log "installing postgresql with apt-get"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
# initdb refuses to run as root: as root, the cluster belongs to and runs as user postgres.
if [[ "$(id -u)" -eq 0 ]]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ghg-$NAME.XXXXXX")"
chmod 755 "$WORK"
PGDATA="$WORK/pg"
mkdir -p "$PGDATA"
[[ "$(id -u)" -eq 0 ]] && chown postgres: "$PGDATA"
API_PID=""
cleanup() {
  local status=$?
  [[ -n "$API_PID" ]] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
  [[ -f "$PGDATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT

# start_postgres PORT: initdb (trust, UTF8) and start on 127.0.0.1:PORT with default settings (fsync on).
start_postgres() {
  log "starting a throw-away PostgreSQL on 127.0.0.1:$1 (default settings, fsync on)"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p $1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
}

# wait_ready URL LOG: waits up to two minutes for the API's readiness endpoint; prints LOG and fails otherwise.
wait_ready() {
  for _ in $(seq 1 240); do curl -sf "$1/health/ready" >/dev/null && return 0; sleep 0.5; done
  cat "$2"
  return 1
}
