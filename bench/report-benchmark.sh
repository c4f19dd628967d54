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
NAME=report-benchmark
source "$REPO/bench/throwaway-postgres.sh"

log "building (Release)"
dotnet build -c Release "$REPO/bench/GhgReporting.Benchmarks" -v q -nologo >/dev/null
dotnet build -c Release "$REPO/src/GhgReporting.Jobs" -v q -nologo >/dev/null

log "BenchmarkDotNet: monitoring report rendering on one core"
(cd "$REPO/bench" && dotnet "$BENCH" bench --filter '*MonitoringReportBenchmarks*' --affinity 1) > "$WORK/bdn.log" 2>&1 || { tail -50 "$WORK/bdn.log"; exit 1; }
SAMPLE_LINE=$(grep -m1 "monitoring report sample" "$WORK/bdn.log" | sed 's#^// ##')
TABLE=$(grep -E '^\|' "$WORK/bdn.log")

start_postgres "$PG_PORT"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q -c "CREATE DATABASE ghg"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ghg"

log "seeding the example platform (the API, started once, with no job server)"
dotnet build -c Release "$REPO/src/GhgReporting.Api" -v q -nologo >/dev/null
ConnectionStrings__Ghg="$CONNECTION" Seed__ExamplePlatform=true Jobs__RunServer=false \
Secretariat__Email=bench@example.org Secretariat__Password=Bench-Password-2026 \
Urls="http://127.0.0.1:$API_PORT" Logging__LogLevel__Default=Warning \
  dotnet "$REPO/src/GhgReporting.Api/bin/Release/net10.0/GhgReporting.Api.dll" >"$WORK/api.log" 2>&1 &
API_PID=$!
wait_ready "http://127.0.0.1:$API_PORT" "$WORK/api.log"
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
