#!/usr/bin/env bash
# Database-outage benchmark (not a test): the production jar on a PostgreSQL of its own (initdb + pg_ctl in a temp
# folder on a free port of 127.0.0.1, never the shared server at 5432), 100 single-text scoring requests per second
# for 2 minutes after a 20 s warm-up, with the database stopped (pg_ctl -m fast) from second 30 to second 90 of the
# measured part. Once a second it also sends a readiness probe, a liveness probe and a feedback write. Writes
# docs/reports/db-outage.md: scoring success rate and latency (P50/P95/max) before, during and after the outage,
# what writes and probes answered, the time to recover, and the app's log lines during the outage.
# Usage: bench/db-outage.sh [--build] [--jar PATH]   (env: OUTAGE_RATE=100, OUTAGE_SECONDS=120, OUTAGE_DOWN=60)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=false
JAR=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) BUILD=true ;;
        --jar) JAR=$2; shift ;;
        *) echo "usage: bench/db-outage.sh [--build] [--jar PATH]" >&2; exit 2 ;;
    esac
    shift
done
RATE=${OUTAGE_RATE:-100}
MEASURED=${OUTAGE_SECONDS:-120}
DOWN=${OUTAGE_DOWN:-60}
WARMUP=20
STOP_AT=$((WARMUP + (MEASURED - DOWN) / 2))
START_AT=$((STOP_AT + DOWN))
TOTAL=$((WARMUP + MEASURED))
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REPORT=docs/reports/db-outage.md
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || { echo "initdb/pg_ctl missing in $PG_BIN (apt-get install postgresql-15)" >&2; exit 1; }

if $BUILD; then
    nice -n 10 ./mvnw -B -q -Pproduction -DskipTests package
fi
if [[ -z "$JAR" ]]; then
    JAR=$(ls -t target/safespeak-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
fi
[[ -n "$JAR" && -f "$JAR" ]] || { echo "no jar: run with --build or --jar PATH" >&2; exit 1; }
JAR=$(realpath "$JAR")

WORK=$(mktemp -d -t safespeak-outage.XXXXXX)
chmod 755 "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PG_PORT=$(free_port)
PORT=$(free_port)
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
APP_PID=""
LOAD_PID=""
cleanup() {
    [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null || true
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
[[ $(id -u) -eq 0 ]] && chown postgres "$WORK"
pg_start() {
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 60 \
        -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}
echo "starting PostgreSQL on 127.0.0.1:$PG_PORT ..." >&2
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
pg_start
as_pg psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc 'CREATE DATABASE safespeak' >/dev/null

export SAFESPEAK_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/safespeak"
export SAFESPEAK_DB_USER=postgres SAFESPEAK_DB_PASSWORD=""
export SAFESPEAK_PORT="$PORT" SAFESPEAK_MODEL_DIR="$WORK/models"
export SAFESPEAK_STORAGE_KEY=$(head -c 32 /dev/urandom | base64)
JAVA_OPTS=${OUTAGE_JAVA_OPTS:-"-Xms1g -Xmx1g"}
echo "starting the app on port $PORT ..." >&2
(cd "$WORK" && exec java $JAVA_OPTS -jar "$JAR" > "$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app died:" >&2; tail -50 "$WORK/app.log" >&2; exit 1; }
    sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || { echo "the app did not get ready" >&2; exit 1; }
KEY=$(cd "$WORK" && java -jar "$JAR" keys create --name outage --tenant bench --rate 100000 --daily 1000000000 \
    --scopes score,feedback 2>/dev/null | grep '^ssk_')
[[ -n "$KEY" ]] || { echo "could not create a key" >&2; exit 1; }

echo "load: ${RATE}/s for ${TOTAL} s (first ${WARMUP} s discarded); database down from s ${STOP_AT} to s ${START_AT} ..." >&2
java "$ROOT/bench/OutageLoad.java" "http://127.0.0.1:$PORT/" "$KEY" "$RATE" "$TOTAL" 32 "$WORK/requests.csv" \
    2>"$WORK/load.err" &
LOAD_PID=$!
T0=$(date +%s%3N)
sleep "$STOP_AT"
STOPPED_MS=$(date +%s%3N)
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null
LOG_LINES_BEFORE=$(wc -l < "$WORK/app.log")
sleep $((START_AT - STOP_AT))
LOG_LINES_AT_START=$(wc -l < "$WORK/app.log")
STARTING_MS=$(date +%s%3N)
pg_start
STARTED_MS=$(date +%s%3N)
wait "$LOAD_PID"
LOAD_PID=""
LOG_LINES_AFTER=$(wc -l < "$WORK/app.log")
sed -n "$((LOG_LINES_BEFORE + 1)),${LOG_LINES_AT_START}p" "$WORK/app.log" > "$WORK/outage.log"
sed -n "$((LOG_LINES_AT_START + 1)),${LOG_LINES_AFTER}p" "$WORK/app.log" > "$WORK/after.log"

python3 - "$WORK" "$T0" "$WARMUP" "$STOPPED_MS" "$STARTING_MS" "$STARTED_MS" > "$WORK/tables.md" <<'PY'
import csv, sys
work, t0, warmup, stopped, starting, started = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
rows = list(csv.DictReader(open(f"{work}/requests.csv")))
first_due = min(int(r["due_ms"]) for r in rows)
begin = first_due + warmup * 1000
rows = [r for r in rows if int(r["due_ms"]) >= begin]
def phase(r):
    d = int(r["due_ms"])
    return "before" if d < stopped else "during" if d < starting else "after"
def pct(values, p):
    if not values: return float("nan")
    v = sorted(values); k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]
print("| phase | scoring requests | answered 200 | success rate | P50 ms | P95 ms | max ms | other answers |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for name, label in (("before", "before (database up)"), ("during", "during (database stopped)"), ("after", "after (database started again)")):
    s = [r for r in rows if r["kind"] == "score" and phase(r) == name]
    ok = [float(r["latency_ms"]) for r in s if r["status"] == "200"]
    other = {}
    for r in s:
        if r["status"] != "200":
            other[r["status"]] = other.get(r["status"], 0) + 1
    lat = [float(r["latency_ms"]) for r in s]
    rate = 100.0 * len(ok) / len(s) if s else float("nan")
    print(f"| {label} | {len(s)} | {len(ok)} | {rate:.2f} % | {pct(lat, 50):.1f} | {pct(lat, 95):.1f} | {max(lat) if lat else float('nan'):.1f} | "
          + (", ".join(f"{k}: {v}" for k, v in sorted(other.items())) or "none") + " |")
print()
print("Once a second (all phases after the warm-up):")
print()
print("| probe | phase | answers (status: count) | max ms |")
print("|---|---|---|---:|")
for kind in ("readiness", "liveness", "feedback"):
    for name in ("before", "during", "after"):
        s = [r for r in rows if r["kind"] == kind and phase(r) == name]
        counts = {}
        for r in s:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        lat = [float(r["latency_ms"]) for r in s]
        print(f"| {kind} | {name} | " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + f" | {max(lat) if lat else 0:.1f} |")
print()
def first(kind, status, after_ms):
    c = sorted((int(r["due_ms"]) + float(r["latency_ms"]), r) for r in rows if r["kind"] == kind and r["status"] == status and int(r["due_ms"]) >= after_ms)
    return c[0][0] if c else None
down = first("readiness", "503", stopped)
ready = first("readiness", "200", started)
write = first("feedback", "201", started)
# Scoring back to normal: the first second after the start from which every scoring request answered 200 in under 100 ms.
after = sorted((int(r["due_ms"]), float(r["latency_ms"]), r["status"]) for r in rows if r["kind"] == "score" and int(r["due_ms"]) >= starting)
bad = [d for d, l, s in after if s != "200" or l >= 100]
normal = (max(bad) if bad else starting) 
print(f"- PostgreSQL stopped (pg_ctl -m fast) at +0 ms; `pg_ctl start` issued {starting - stopped} ms later and returned after {started - starting} ms.")
print(f"- Readiness first answered 503 (DOWN) {down - stopped:.0f} ms after the stop." if down else "- Readiness never answered 503.")
print(f"- After `pg_ctl start` returned: readiness UP again after {ready - started:.0f} ms; first feedback write accepted (201) after {write - started:.0f} ms (probes and writes are sent once a second, so these are upper bounds to within 1 s)." if ready and write else "- Recovery not observed within the run.")
print(f"- Scoring: the last request slower than 100 ms or not 200 after the restart was due {normal - starting} ms after `pg_ctl start` was issued." if bad else "- Scoring: no request after the restart was slower than 100 ms or failed.")
PY

LOG_OUTAGE=$(wc -l < "$WORK/outage.log")
TRACE_OUTAGE=$(grep -c $'^\tat ' "$WORK/outage.log" || true)
WARN_OUTAGE=$(grep -cE ' (WARN|ERROR) ' "$WORK/outage.log" || true)
mkdir -p docs/reports
cat > "$REPORT" <<MD
# Database outage under load

Generated by \`bench/db-outage.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) (git $(git rev-parse --short HEAD 2>/dev/null || echo unknown);
n-gram model \`$(unzip -p "$JAR" BOOT-INF/classes/models/default/manifest.json 2>/dev/null | grep -m1 -o '"version" *: *"[^"]*"' | cut -d'"' -f4)\`, heads \`$(unzip -p "$JAR" BOOT-INF/classes/models/default/encoder-heads.json 2>/dev/null | grep -m1 -o '"version" *: *"[^"]*"' | cut -d'"' -f4)\` (in the jar)).
Machine: $(nproc) cores, $(java -version 2>&1 | head -1), app JVM options \`$JAVA_OPTS\`, load average at the end
$(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; other jobs make the numbers worse, not better).

The production jar on a PostgreSQL 15 of its own (initdb + pg_ctl in a temp folder, 127.0.0.1, fsync off).
\`bench/OutageLoad.java\` sends ${RATE} single-text \`POST /api/v1/moderate\` requests per second from 32 workers (open
loop: latency counted from when each request was due, 35 s client timeout), and once a second a readiness probe, a
liveness probe and a feedback write (\`POST /api/v1/feedback\`, which must not be lost). ${WARMUP} s of warm-up are
discarded; of the ${MEASURED} s measured, PostgreSQL is stopped (\`pg_ctl -m fast stop\`) for ${DOWN} s in the middle.
The key was created (and used in the warm-up) before the outage.

$(cat "$WORK/tables.md")

App log during the outage: ${LOG_OUTAGE} lines, ${WARN_OUTAGE} of them WARN or ERROR, ${TRACE_OUTAGE} stack-trace lines
(\`at ...\` frames). Its log events (stack frames and \`Caused by\` lines left out, cut at 220 characters):

\`\`\`
$(grep -E '^[0-9]{4}-' "$WORK/outage.log" | cut -c1-220 | sed 's/^[0-9T:.-]*Z *//' | head -40)
\`\`\`

After the restart (same filter, first 15):

\`\`\`
$(grep -E '^[0-9]{4}-' "$WORK/after.log" | cut -c1-220 | sed 's/^[0-9T:.-]*Z *//' | head -15)
\`\`\`

Before this work (issue 10 trial, same setup): every scoring call during the outage waited 30 s for the pool and
answered 500, readiness hung 30 s, liveness timed out under 250 clients, and the log grew by 86,000 lines in 2
minutes. What the service does now and why: docs/decisions/083-degraded-mode-without-the-database.md.
MD
echo "wrote $REPORT" >&2
cat "$REPORT"
