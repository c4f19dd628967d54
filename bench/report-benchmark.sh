#!/usr/bin/env bash
# Report benchmark (issue 5); writes bench/results/reports.txt:
#   1. BenchmarkDotNet, one core (--affinity 1): median time to render the three-page, two-chart monitoring
#      report of bench/GhgReporting.Benchmarks/Reports/MonitoringReportSample.cs, warm; its size and pages.
#   2. Throughput: a throw-away PostgreSQL with the example platform seeded (by starting the API once), REPORTS
#      monitoring periods submitted through the service's classes, their draft reports rendered and stored by one
#      and then by two worker processes (dotnet GhgReporting.Jobs.dll, 2 workers each); reports per minute from
#      the first job taken to the last job done (Hangfire's state times).
# Environment: REPORTS (default 300). Installs postgresql with apt-get when missing (needs root).
set -euo pipefail

REPORTS="${REPORTS:-300}"
PG_PORT=55435
API_PORT=5182
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/bench/results/reports.txt"
BENCH="$REPO/bench/GhgReporting.Benchmarks/bin/Release/net10.0/GhgReporting.Benchmarks.dll"
WORKER="$REPO/src/GhgReporting.Jobs/bin/Release/net10.0/GhgReporting.Jobs.dll"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

log() { printf '[report-benchmark %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  log "installing postgresql with apt-get"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
if [[ "$(id -u)" -eq 0 ]]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ghg-report-bench.XXXXXX")"
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

log "building (Release)"
dotnet build -c Release "$REPO/bench/GhgReporting.Benchmarks" -v q -nologo >/dev/null
dotnet build -c Release "$REPO/src/GhgReporting.Jobs" -v q -nologo >/dev/null

log "BenchmarkDotNet: monitoring report rendering on one core"
(cd "$REPO/bench" && dotnet "$BENCH" bench --filter '*MonitoringReportBenchmarks*' --affinity 1) > "$WORK/bdn.log" 2>&1 || { tail -50 "$WORK/bdn.log"; exit 1; }
SAMPLE_LINE=$(grep -m1 "monitoring report sample" "$WORK/bdn.log" | sed 's#^// ##')
TABLE=$(grep -E '^\|' "$WORK/bdn.log")

log "starting a throw-away PostgreSQL on 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -c "CREATE DATABASE ghg"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ghg"

log "seeding the example platform (the API, started once, with no job server)"
dotnet build -c Release "$REPO/src/GhgReporting.Api" -v q -nologo >/dev/null
ConnectionStrings__Ghg="$CONNECTION" Seed__ExamplePlatform=true Jobs__RunServer=false \
Secretariat__Email=bench@example.org Secretariat__Password=Bench-Password-2026 \
Urls="http://127.0.0.1:$API_PORT" Logging__LogLevel__Default=Warning \
  dotnet "$REPO/src/GhgReporting.Api/bin/Release/net10.0/GhgReporting.Api.dll" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null || { cat "$WORK/api.log"; exit 1; }
kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""

declare -a LINES
for processes in 1 2; do
  log "throughput: $REPORTS reports, $processes worker process(es)"
  LINES+=("$(dotnet "$BENCH" report-throughput --connection "$CONNECTION" --worker "$WORKER" --reports "$REPORTS" --processes "$processes")")
  log "${LINES[-1]}"
done

{
  echo "Report benchmark"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; .NET SDK $(dotnet --version); $(psql --version)"
  echo "rendering (BenchmarkDotNet, default job, --affinity 1): $SAMPLE_LINE (targets: median < 30 ms on one core, < 150 KB)"
  echo "$TABLE"
  echo "throughput, draft monitoring reports of submitted periods (SUB-PV-01-like, 12 monthly readings), rendered and stored by the worker processes:"
  printf '  %s\n' "${LINES[@]}"
} > "$OUT"
cat "$OUT"
