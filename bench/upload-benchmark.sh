#!/usr/bin/env bash
# Upload benchmark (issue 3): a 1,000,000-row activity CSV uploaded over loopback HTTP to the service
# (streamed, every row validated, binary COPY into PostgreSQL), side by side in one run with psql's \copy of
# the same file into a bare table with the same columns. Also the API process's peak resident memory
# (VmHWM) for the upload. Writes bench/results/upload.txt.
#
# Environment: ROWS (default 1000000), RUNS (default 3). Needs the PostgreSQL server binaries (installed with
# apt-get when missing, as root), curl and python3. Works as root (the server runs as user postgres).
set -euo pipefail

ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-3}"
PG_PORT=55434
API_PORT=5181
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/bench/results/upload.txt"
NAME=upload-benchmark
source "$REPO/bench/throwaway-postgres.sh"

start_postgres "$PG_PORT"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE ghg"
"${PSQL[@]}" -d ghg -c "CREATE TABLE bare (gpc_reference text, activity_type text, amount numeric, unit text, period_start date, period_end date, data_quality text, source text)"

log "generating $ROWS rows"
CSV="$WORK/activity.csv"
python3 - "$ROWS" "$CSV" <<'PY'
import sys, datetime
rows, path = int(sys.argv[1]), sys.argv[2]
kinds = [("I.1.2", "electricity:grid", "MWh"), ("I.2.2", "electricity:grid", "MWh"), ("I.1.1", "fuel:lpg", "t"),
         ("II.1.1", "fuel:gas-diesel-oil", "TJ"), ("I.3.1", "fuel:natural-gas", "TJ"), ("I.2.1", "fuel:gas-diesel-oil", "TJ")]
quality = ["high", "medium", "low"]
with open(path, "w", newline="") as f:
    f.write("gpc_reference,activity_type,amount,unit,period_start,period_end,data_quality,source\n")
    for i in range(rows):
        gpc, activity, unit = kinds[i % len(kinds)]
        month = i % 12 + 1
        start = datetime.date(2023, month, 1)
        end = (datetime.date(2023, month + 1, 1) if month < 12 else datetime.date(2024, 1, 1)) - datetime.timedelta(days=1)
        f.write(f"{gpc},{activity},{(i % 9973) + 1}.{i % 1000:03d},{unit},{start},{end},{quality[i % 3]},meter reading {i}\n")
PY
BYTES=$(stat -c %s "$CSV")
chmod 644 "$CSV"

log "building and starting the API (Release) on 127.0.0.1:$API_PORT"
dotnet build -c Release "$REPO/src/GhgReporting.Api" -v q -nologo >/dev/null
ConnectionStrings__Ghg="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ghg" \
Secretariat__Email=bench@example.org Secretariat__Password=Bench-Password-2026 \
Urls="http://127.0.0.1:$API_PORT" Uploads__MaxBytes=2147483648 Uploads__PermitsPerMinute=1000 \
Logging__LogLevel__Default=Warning \
  dotnet "$REPO/src/GhgReporting.Api/bin/Release/net10.0/GhgReporting.Api.dll" >"$WORK/api.log" 2>&1 &
API_PID=$!
wait_ready "http://127.0.0.1:$API_PORT" "$WORK/api.log"
API="http://127.0.0.1:$API_PORT"
token() { curl -sf -X POST "$API/api/auth/login" -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"Bench-Password-2026\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])'; }
SEC=$(token bench@example.org)
for i in $(seq 1 "$RUNS"); do
  curl -sf -X POST "$API/api/cities" -H "authorization: Bearer $SEC" -H 'content-type: application/json' \
    -d "{\"id\":\"bench-$i\",\"name\":\"Bench $i\",\"country\":\"VN\",\"climate\":\"tropical-wet\"}" >/dev/null
  curl -sf -X POST "$API/api/users" -H "authorization: Bearer $SEC" -H 'content-type: application/json' \
    -d "{\"email\":\"reporter$i@example.org\",\"displayName\":\"r$i\",\"role\":\"reporter\",\"cityId\":\"bench-$i\",\"password\":\"Bench-Password-2026\"}" >/dev/null
done
RSS_IDLE=$(awk '/VmRSS/ {print $2}' "/proc/$API_PID/status")

now() { date +%s.%N; }
declare -a COPY_S UPLOAD_S
for i in $(seq 1 "$RUNS"); do
  "${PSQL[@]}" -d ghg -c "TRUNCATE bare; CHECKPOINT"
  t0=$(now); "${PSQL[@]}" -d ghg -c "\\copy bare FROM '$CSV' WITH (FORMAT csv, HEADER true)"; t1=$(now)
  COPY_S+=("$(python3 -c "print(f'{$t1-$t0:.3f}')")")
  "${PSQL[@]}" -d ghg -c "CHECKPOINT"
  TOKEN=$(token "reporter$i@example.org")
  t0=$(now)
  status=$(curl -s -o "$WORK/upload-$i.json" -w '%{http_code}' -X POST "$API/api/cities/bench-$i/submissions?year=2023" \
    -H "authorization: Bearer $TOKEN" -H 'content-type: text/csv' --data-binary "@$CSV")
  t1=$(now)
  [[ "$status" == "201" ]] || { log "upload $i answered $status: $(head -c 600 "$WORK/upload-$i.json")"; exit 1; }
  UPLOAD_S+=("$(python3 -c "print(f'{$t1-$t0:.3f}')")")
  [[ $i -eq 1 ]] && PEAK_AFTER_FIRST=$(awk '/VmHWM/ {print $2}' "/proc/$API_PID/status")
  log "run $i: \\copy ${COPY_S[-1]} s, upload ${UPLOAD_S[-1]} s"
done
PEAK_END=$(awk '/VmHWM/ {print $2}' "/proc/$API_PID/status")
STORED=$("${PSQL[@]}" -d ghg -At -c "SELECT count(*) FROM activity_records")

python3 - "$ROWS" "$BYTES" "$RSS_IDLE" "$PEAK_AFTER_FIRST" "$PEAK_END" "$STORED" "${COPY_S[*]}" "${UPLOAD_S[*]}" > "$OUT" <<'PY'
import sys, statistics, platform, subprocess
rows, size, idle, peak1, peak, stored = (int(x) for x in sys.argv[1:7])
copy = [float(x) for x in sys.argv[7].split()]
upload = [float(x) for x in sys.argv[8].split()]
mc, mu = statistics.median(copy), statistics.median(upload)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
dn = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
print(f"Upload benchmark: {rows:,} rows, {size/1e6:.1f} MB CSV, {len(copy)} runs (medians)")
print(f"machine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; .NET SDK {dn}; {pg}")
print(f"psql \\copy into a bare table : median {mc:.3f} s  -> {rows/mc:,.0f} rows/s   runs {copy}")
print(f"HTTP upload, validated + COPY : median {mu:.3f} s  -> {rows/mu:,.0f} rows/s   runs {upload}")
print(f"upload / \\copy rows per second: {mc/mu:.2f} (target >= 0.50)")
print(f"API resident memory: {idle/1024:.0f} MB idle after start-up; peak (VmHWM) {peak1/1024:.0f} MB after the first upload, {peak/1024:.0f} MB after all (target < 300 MB)")
print(f"records stored by the uploads: {stored:,} (expected {rows*len(upload):,})")
PY
cat "$OUT"
