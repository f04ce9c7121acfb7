#!/usr/bin/env bash
# HTTP benchmark of the SafeSpeak REST API (not a test): builds the jar, starts the app on an H2 file database in a
# temp dir, creates an API key with the `keys create` CLI, loads the API from separate processes on 127.0.0.1 and
# writes docs/reports/api-benchmark.md. Usage: bench/api.sh   (env: BENCH_SECONDS, BENCH_WARMUP, BENCH_PORT, BENCH_SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/cli-lib.sh
ROOT=$(pwd)
SECONDS_PER_RUN=${BENCH_SECONDS:-30}
PORT=${BENCH_PORT:-18089}
BASE="http://127.0.0.1:${PORT}"
REPORT=docs/reports/api-benchmark.md
WORK=$(mktemp -d /tmp/safespeak-bench.XXXXXX)
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  echo "building the jar..." >&2
  ./mvnw -q -DskipTests package ${BENCH_MVN_ARGS:-}
fi
JAR=$(ls target/safespeak-*.jar | grep -v original | head -1)
export SAFESPEAK_DB_URL="jdbc:h2:file:${WORK}/db/safespeak"
export SAFESPEAK_PORT="$PORT"
JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+UseParallelGC"}

echo "creating an API key with the CLI..." >&2
KEY=$(java $JAVA_OPTS -jar "$JAR" keys create --name bench --rate 100000 --daily 1000000000 --tenant bench | grep '^ssk_')

echo "starting the app on port $PORT..." >&2
MODEL_NOTE="the committed default model"
if [[ -n "${BENCH_MODEL:-}" ]]; then
  # Score with another model artifact: put it on the classpath where the default model is looked up.
  mkdir -p "$WORK/extra/models/default" && cp "$BENCH_MODEL" "$WORK/extra/models/default/safespeak-model.bin"
  MODEL_NOTE="model file $(basename "$BENCH_MODEL") (BENCH_MODEL) in place of the committed default"
  java $JAVA_OPTS -Dloader.path="$WORK/extra" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
    > "$WORK/app.log" 2>&1 &
else
  java $JAVA_OPTS -jar "$JAR" > "$WORK/app.log" 2>&1 &
fi
APP_PID=$!
for i in $(seq 1 240); do
  if curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app died:" >&2; tail -50 "$WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -sf "$BASE/actuator/health/readiness" >/dev/null || { echo "the app did not get ready" >&2; exit 1; }

# Request bodies.
printf '{"text": "You are such an idiot, nobody wants you here."}' > "$WORK/single.json"
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
texts = [f"Comment number {i}: I really disagree with you, this is a stupid idea and you should stop." for i in range(100)]
json.dump({"texts": texts, "spans": True}, open(f"{w}/batch.json", "w"))
json.dump({"comment": {"text": "What kind of idiot name is foo?"}, "languages": ["en"],
           "requestedAttributes": {"TOXICITY": {}, "INSULT": {}}}, open(f"{w}/perspective.json", "w"))
json.dump({"input": "I will find you and hurt you."}, open(f"{w}/openai.json", "w"))
PY
write_wrk_post_lua "$KEY" "$WORK/post.lua"

# Sanity: each endpoint answers 200 before we load it.
for spec in "api/v1/moderate single" "api/v1/moderate batch" "v1alpha1/comments:analyze perspective" "v1/moderations openai"; do
  set -- $spec
  code=$(curl -s -o "$WORK/$2.out" -w '%{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data-binary "@$WORK/$2.json" "$BASE/$1")
  [[ "$code" == "200" ]] || { echo "$1 answered $code: $(cat "$WORK/$2.out")" >&2; exit 1; }
done
MODEL=$(python3 -c "import json;print(json.load(open('$WORK/single.out'))['modelVersion'])")

open_loop() { # url body rate concurrency
  java "$ROOT/bench/LoadGen.java" "$1" "$2" "$KEY" "$3" "$SECONDS_PER_RUN" "$4" 5 2>>"$WORK/loadgen.err"
}
closed_loop() { # url body connections
  BODY="$2" wrk -t2 -c"$3" -d"${SECONDS_PER_RUN}s" -s "$WORK/post.lua" "$1" | grep '^wrk_'
}
val() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# Warm-up, discarded: a just-started JVM interprets and compiles for its first tens of thousands of requests,
# and an open-loop run that starts cold builds a queue it never works off at the target rate.
WARMUP=${BENCH_WARMUP:-20}
echo "warming up for ${WARMUP} s per endpoint..." >&2
for spec in "api/v1/moderate single" "api/v1/moderate batch" "v1alpha1/comments:analyze perspective" "v1/moderations openai"; do
  set -- $spec
  BODY="$WORK/$2.json" wrk -t2 -c8 -d"${WARMUP}s" -s "$WORK/post.lua" "$BASE/$1" >/dev/null
done

echo "loading..." >&2
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SINGLE_500=$(open_loop "$BASE/api/v1/moderate" "$WORK/single.json" 500 32)
SINGLE_MAX=$(closed_loop "$BASE/api/v1/moderate" "$WORK/single.json" 8)
BATCH_20=$(open_loop "$BASE/api/v1/moderate" "$WORK/batch.json" 20 8)
BATCH_MAX=$(closed_loop "$BASE/api/v1/moderate" "$WORK/batch.json" 4)
PERSP_500=$(open_loop "$BASE/v1alpha1/comments:analyze" "$WORK/perspective.json" 500 32)
OPENAI_500=$(open_loop "$BASE/v1/moderations" "$WORK/openai.json" 500 32)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Where the time goes: server-side time per endpoint from the app's own Micrometer timers.
curl -s "$BASE/actuator/prometheus" > "$WORK/metrics.txt"
python3 - "$WORK/metrics.txt" > "$WORK/server.md" <<'PY'
import re, sys
sums, counts = {}, {}
other = []
for line in open(sys.argv[1]):
    m = re.match(r'http_server_requests_seconds_(sum|count)\{(.*)\} (\S+)', line)
    if m:
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
        if labels.get("status") != "200":
            continue
        key = labels.get("uri")
        (sums if m.group(1) == "sum" else counts)[key] = (sums if m.group(1) == "sum" else counts).get(key, 0) + float(m.group(3))
    elif line.startswith("safespeak_") and ("_sum" in line or "_count" in line):
        other.append(line.strip())
print("| endpoint | requests | mean server time (ms) |")
print("|---|---:|---:|")
for k in sorted(sums):
    if counts.get(k):
        print(f"| `{k}` | {int(counts[k])} | {1000 * sums[k] / counts[k]:.3f} |")
if other:
    print()
    print("Engine timers (Micrometer, `safespeak_*`):")
    print()
    print("```")
    for l in other[:30]:
        print(l)
    print("```")
PY

row() { # name result rate-label
  echo "| $1 | $3 | $(val "$2" throughput) | $(val "$2" p50_ms) | $(val "$2" p95_ms) | $(val "$2" p99_ms) | $(val "$2" max_ms) | $(val "$2" errors) / $(val "$2" sent) |"
}
wrow() {
  echo "| $1 | closed loop, $3 connections | $(val "$2" wrk_rps) | $(val "$2" wrk_p50_ms) | $(val "$2" wrk_p95_ms) | $(val "$2" wrk_p99_ms) | - | $(val "$2" wrk_errors) / $(val "$2" wrk_requests) |"
}
P95=$(val "$SINGLE_500" p95_ms); ERR=$(val "$SINGLE_500" errors)
VERDICT=$(python3 -c "p=$P95; e=$ERR; print('MET' if p <= 10 and e == 0 else 'MISSED (P95 %.2f ms vs 10 ms target, %d errors)' % (p, e))")
mkdir -p docs/reports
cat > "$REPORT" <<MD
# SafeSpeak API benchmark

Generated by \`bench/api.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) (git $(git rev-parse --short HEAD 2>/dev/null || echo unknown)), model \`$MODEL\`
($MODEL_NOTE).
Machine: $(nproc) cores, $(java -version 2>&1 | head -1); app JVM options \`$JAVA_OPTS\`; H2 file database in a temp dir;
API key checks and the database-backed rate limiter on (key limit 100000 requests/s, so nothing is refused).
Load from separate processes on 127.0.0.1: \`bench/LoadGen.java\` (open loop: fixed rate, latency measured from when
each request was due, so queueing counts) and \`wrk\` (closed loop at fixed connections, for the ceiling).
${SECONDS_PER_RUN} s per run, each after a 5 s warm-up at its own load, all after ${WARMUP} s of closed-loop load
per endpoint (discarded). Load average before/after: ${LOAD_BEFORE} / ${LOAD_AFTER}
(the machine is shared; other jobs running during the run make the numbers worse, not better).

**Target: P95 <= 10 ms at 500 requests/s for single short texts, zero errors: ${VERDICT}.**

| scenario | load | requests/s | P50 ms | P95 ms | P99 ms | max ms | errors |
|---|---|---:|---:|---:|---:|---:|---:|
$(row "single short text, \`/api/v1/moderate\`" "$SINGLE_500" "open loop, 500/s, 32 workers")
$(wrow "single short text, \`/api/v1/moderate\`" "$SINGLE_MAX" 8)
$(row "100-text batch, \`/api/v1/moderate\`" "$BATCH_20" "open loop, 20/s (2000 texts/s), 8 workers")
$(wrow "100-text batch, \`/api/v1/moderate\`" "$BATCH_MAX" 4)
$(row "Perspective \`comments:analyze\`" "$PERSP_500" "open loop, 500/s, 32 workers")
$(row "OpenAI \`/v1/moderations\`" "$OPENAI_500" "open loop, 500/s, 32 workers")

## Where the time goes

Server-side time per endpoint (Spring's \`http.server.requests\` timer, all runs together, 200 responses only):

$(cat "$WORK/server.md")

The difference between the client-side P50 and the mean server time is the loopback HTTP stack of both processes
(the client and the server share the 2 cores). Per request, the API adds: key check (SHA-256 of the secret and a
cache lookup; the database is asked at most once per second per key), rate limiting (in-memory lease; one
conditional UPDATE per 10% of a key's per-second limit), JSON in and out, and the engine's scoring, which dominates
for batches.
MD
echo "wrote $REPORT" >&2
cat "$REPORT"
