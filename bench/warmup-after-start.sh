#!/usr/bin/env bash
# Throughput right after the start (not a test), writing docs/reports/warmup-after-start.md. Decision 104 starts the
# app with C2's thresholds at thirty times HotSpot's defaults, so code that runs per request reaches C2 later: does
# the app's HTTP throughput peak later, and for how long? Starts the production jar with the java command bin/start
# runs for the app (`bin/start --jar JAR --print-java-command`: the extracted jar, its class data sharing archive, the
# thresholds; plus -Xshare:on) and with the same command without the four -XX:Tier4*Threshold options, alternating,
# each on a fresh copy of one H2 file database that holds an API key. From the moment readiness answers UP, wrk loads
# /api/v1/moderate with single short texts (closed loop, 2 threads, 8 connections, as bench/api.sh's closed-loop row)
# in consecutive windows, and each window's requests/s, P95, real start (seconds since readiness: wrk and the
# measurements between windows take time, so a window starts later than its nominal label) and the CPU of the app's
# C2 compiler thread are recorded.
# Usage: bench/warmup-after-start.sh [--jar FILE] [--pairs N] [--windows N] [--window-seconds S]
#   defaults: target/'s production jar (build it: ./mvnw -B -Pproduction -DskipTests package), 3 pairs of starts,
#   12 windows of 5 s
set -euo pipefail
cd "$(dirname "$0")/.."
# start_command (bin/start's java command for this run's archive) and measured_commit
source bench/cli-lib.sh
JAR=""
PAIRS=3
WINDOWS=12
WINDOW_SECONDS=5
usage() { echo "usage: bench/warmup-after-start.sh [--jar FILE] [--pairs N] [--windows N] [--window-seconds S]" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --jar) [[ $# -ge 2 ]] || usage; JAR="$2"; shift 2 ;;
        --pairs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage; PAIRS="$2"; shift 2 ;;
        --windows) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage; WINDOWS="$2"; shift 2 ;;
        --window-seconds) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage; WINDOW_SECONDS="$2"; shift 2 ;;
        *) usage ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [[ -z "$JAR" ]]; then
    # || true: with no jar, ls and grep fail, and set -e would end the script here without the message below
    JAR=$(ls target/safespeak-*.jar 2>/dev/null | grep -v '\.original$' | awk 'NR == 1') || true
    [[ -n "$JAR" ]] || { echo "no target/safespeak-*.jar: ./mvnw -B -Pproduction -DskipTests package" >&2; exit 1; }
fi
[[ -f "$JAR" ]] || { echo "--jar $JAR: no such file" >&2; exit 1; }
unzip -p "$JAR" META-INF/VAADIN/config/flow-build-info.json 2>/dev/null | grep -q '"productionMode" *: *true' \
    || { echo "$JAR is not a production jar: ./mvnw -B -Pproduction -DskipTests package" >&2; exit 1; }
JAR=$(realpath "$JAR")
REPORT=docs/reports/warmup-after-start.md
COMMIT=$(measured_commit)
WORK=$(mktemp -d /tmp/safespeak-warmup.XXXXXX)
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
# cpu PID: the process's CPU seconds (user + system) so far
cpu() { awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz}' "/proc/$1/stat"; }
# c2_cpu PID: CPU seconds of the process's C2 compiler threads so far (one thread on 2 cores)
c2_cpu() {
    local hz total=0 task stat rest fields
    hz=$(getconf CLK_TCK)
    for task in /proc/"$1"/task/*; do
        [[ "$(cat "$task/comm" 2>/dev/null)" == "C2 CompilerThre"* ]] || continue
        stat=$(cat "$task/stat" 2>/dev/null) || continue
        rest=${stat##*) }
        read -r -a fields <<< "$rest"
        total=$(( total + fields[11] + fields[12] ))
    done
    awk -v t="$total" -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}'
}

# The jar copied into $WORK, so that its archive (next to it, where bin/start looks) is this run's own; the first
# --print-java-command makes it (one more start of the app).
START_JAR=$WORK/start/$(basename "$JAR")
mkdir -p "$WORK/start"
cp "$JAR" "$START_JAR"
CDS_DIR=${START_JAR%.jar}-cds
CDS_JAR=$CDS_DIR/$(basename "$JAR")
start_command
WITH=("${START_COMMAND[@]}")
WITHOUT=()
for word in "${WITH[@]}"; do
    [[ "$word" == -XX:Tier4*Threshold=* ]] || WITHOUT+=("$word")
done
if [[ ${#WITHOUT[@]} -ne $(( ${#WITH[@]} - 4 )) ]]; then
    echo "bin/start's command for the app does not have decision 104's four C2 thresholds: ${WITH[*]}" >&2
    exit 1
fi
WITH_FLAGS=$START_FLAGS
# { grep -v || true; }: grep exits 1 when it prints nothing, which pipefail and set -e would turn into a silent exit
WITHOUT_FLAGS=$(printf '%s\n' $START_FLAGS | { grep -v '^-XX:Tier4' || true; } | paste -sd' ')

# One H2 file database with an API key (keys create, which also migrates it), copied afresh for every start.
export SAFESPEAK_DB_URL="jdbc:h2:file:$WORK/db/safespeak"
java -jar "$JAR" keys create --name warmup --rate 100000 --daily 1000000000 --tenant bench > "$WORK/keys.txt" 2>&1 \
    || { cat "$WORK/keys.txt" >&2; exit 1; }
KEY=$(grep '^ssk_' "$WORK/keys.txt") || { echo "keys create printed no key:" >&2; cat "$WORK/keys.txt" >&2; exit 1; }
mv "$WORK/db" "$WORK/db-template"

printf '{"text": "You are such an idiot, nobody wants you here."}' > "$WORK/single.json"
write_wrk_post_lua "$KEY" "$WORK/post.lua"
val() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# run_start VARIANT PAIR JAVA-COMMAND...: one start, then the windows; appends a line per window to windows.tsv and
# one to starts.tsv
printf 'variant\tpair\twindow\tstart_s\trps\tp95_ms\terrors\tc2_cpu_s\tcpu_s\tload1\n' > "$WORK/windows.tsv"
printf 'variant\tpair\tready_s\tready_cpu_s\tready_c2_cpu_s\tload_before\tload_after\n' > "$WORK/starts.tsv"
run_start() {
    local variant=$1 pair=$2
    shift 2
    rm -rf "$WORK/db"
    cp -r "$WORK/db-template" "$WORK/db"
    local port load_before t0 t_ready ready="" ready_cpu ready_c2 w out start code
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    load_before=$(load)
    echo "pair $pair, $variant: starting at load $load_before" >&2
    t0=$(now)
    SAFESPEAK_PORT=$port "$@" > "$WORK/app-$variant-$pair.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 3000); do
        if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
            t_ready=$(now)
            ready=$(secs "$t0" "$t_ready")
            ready_cpu=$(cpu "$APP_PID")
            ready_c2=$(c2_cpu "$APP_PID")
            break
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            code=0
            wait "$APP_PID" || code=$?
            APP_PID=""
            tail -30 "$WORK/app-$variant-$pair.log" >&2
            echo "pair $pair, $variant: the app exited with code $code before its readiness answered UP (the end of" \
                "its log above)" >&2
            exit 1
        fi
        sleep 0.1
    done
    if [[ -z "$ready" ]]; then
        tail -30 "$WORK/app-$variant-$pair.log" >&2
        echo "pair $pair, $variant: readiness did not answer UP within 300 s (the end of the app's log above)" >&2
        exit 1
    fi
    for w in $(seq 1 "$WINDOWS"); do
        start=$(secs "$t_ready" "$(now)")
        out=$(BODY="$WORK/single.json" wrk -t2 -c8 -d"${WINDOW_SECONDS}s" -s "$WORK/post.lua" \
            "http://127.0.0.1:$port/api/v1/moderate" 2>&1) || true
        if ! grep -q '^wrk_' <<< "$out"; then
            echo "pair $pair, $variant, window $w: wrk printed no summary line:" >&2
            echo "$out" >&2
            exit 1
        fi
        out=$(grep '^wrk_' <<< "$out")
        if [[ "$(val "$out" wrk_errors)" != "0" ]]; then
            echo "pair $pair, $variant, window $w: $(val "$out" wrk_errors) errors (non-2xx or socket) of" \
                "$(val "$out" wrk_requests) requests" >&2
            exit 1
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$pair" "$w" "$start" "$(val "$out" wrk_rps)" \
            "$(val "$out" wrk_p95_ms)" 0 "$(c2_cpu "$APP_PID")" "$(cpu "$APP_PID")" \
            "$(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/windows.tsv"
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$pair" "$ready" "$ready_cpu" "$ready_c2" "$load_before" \
        "$(load)" >> "$WORK/starts.tsv"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

# Alternating, and the first of each pair alternating too, so that neither variant always starts on a machine the
# other has just warmed (page cache) or left busier.
LOAD_FIRST=$(load)
STARTED_AT=$(date -u +%Y-%m-%dT%H:%MZ)
for pair in $(seq 1 "$PAIRS"); do
    if (( pair % 2 == 1 )); then
        run_start thresholds "$pair" "${WITH[@]}"
        run_start defaults "$pair" "${WITHOUT[@]}"
    else
        run_start defaults "$pair" "${WITHOUT[@]}"
        run_start thresholds "$pair" "${WITH[@]}"
    fi
done
LOAD_LAST=$(load)

mkdir -p docs/reports
python3 - "$WORK/windows.tsv" "$WORK/starts.tsv" "$WINDOW_SECONDS" > "$WORK/tables.md" <<'PY'
import csv, statistics, sys
windows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
starts = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
size = int(sys.argv[3])
variants = ("thresholds", "defaults")
n = max(int(r["window"]) for r in windows)
def runs(variant, window, key):
    return [float(r[key]) for r in windows if r["variant"] == variant and int(r["window"]) == window]
def med(values):
    return statistics.median(values)
def c2_in_window(variant, window):
    # the C2 thread's CPU in this window: its total now minus at the window before (at readiness for the first)
    out = []
    for s in starts:
        if s["variant"] != variant:
            continue
        mine = {int(r["window"]): float(r["c2_cpu_s"]) for r in windows
                if r["variant"] == variant and r["pair"] == s["pair"]}
        before = float(s["ready_c2_cpu_s"]) if window == 1 else mine[window - 1]
        out.append(mine[window] - before)
    return out
print("| seconds after readiness (nominal) | real start s, x30 | real start s, defaults "
      "| req/s, bin/start (C2 thresholds x30) | req/s, HotSpot's default thresholds "
      "| ratio | P95 ms, x30 | P95 ms, defaults | C2 thread CPU s, x30 | C2 thread CPU s, defaults |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
ratios = []
for w in range(1, n + 1):
    a, b = runs("thresholds", w, "rps"), runs("defaults", w, "rps")
    ratio = med(a) / med(b)
    ratios.append(ratio)
    fmt = lambda v: ", ".join(f"{x:,.0f}" for x in v)
    starts_at = lambda v: ", ".join(f"{x:.1f}" for x in runs(v, w, "start_s"))
    print(f"| {(w - 1) * size}-{w * size} | {starts_at('thresholds')} | {starts_at('defaults')} "
          f"| **{med(a):,.0f}** ({fmt(a)}) | **{med(b):,.0f}** ({fmt(b)}) | {ratio:.2f} "
          f"| {med(runs('thresholds', w, 'p95_ms')):.1f} | {med(runs('defaults', w, 'p95_ms')):.1f} "
          f"| {med(c2_in_window('thresholds', w)):.1f} | {med(c2_in_window('defaults', w)):.1f} |")
print()
def spans(test):
    # the windows where test(ratio) holds, as ranges of seconds after readiness
    out, start = [], None
    for w in range(1, n + 2):
        if w <= n and test(ratios[w - 1]):
            start = w if start is None else start
        elif start is not None:
            out.append(f"{(start - 1) * size}-{(w - 1) * size} s")
            start = None
    return ", ".join(out) or "none"
print(f"Windows where bin/start's median is more than 10 % below the defaults': {spans(lambda r: r < 0.9)}; "
      f"more than 10 % above: {spans(lambda r: r > 1.1)}; the rest within 10 %.")
print()
print("Requests answered since readiness (median of the starts' running totals, at the nominal ends of the windows):")
print()
print("| seconds after readiness | bin/start (x30) | defaults | ratio |")
print("|---|---:|---:|---:|")
step = max(1, 30 // size)
for w in list(range(step, n + 1, step)) + ([n] if n % step else []):
    sums = {v: med([sum(float(r["rps"]) * size for r in windows if r["variant"] == v and r["pair"] == s["pair"]
                        and int(r["window"]) <= w) for s in starts if s["variant"] == v]) for v in variants}
    print(f"| {w * size} | {sums['thresholds']:,.0f} | {sums['defaults']:,.0f} "
          f"| {sums['thresholds'] / sums['defaults']:.2f} |")
print()
print("| start | variant | readiness s | CPU to readiness s | of it C2 thread s | load average before | after |")
print("|---|---|---:|---:|---:|---|---|")
for s in starts:
    print(f"| {s['pair']} | {'bin/start (x30)' if s['variant'] == 'thresholds' else 'defaults'} | {s['ready_s']} "
          f"| {s['ready_cpu_s']} | {s['ready_c2_cpu_s']} | {s['load_before']} | {s['load_after']} |")
PY

cat > "$REPORT" <<MD
# Throughput after the start: C2 thresholds (decision 104) against HotSpot's defaults

Generated by \`bench/warmup-after-start.sh --pairs $PAIRS --windows $WINDOWS --window-seconds $WINDOW_SECONDS\`
on $STARTED_AT (commit $COMMIT; n-gram model \`$(unzip -p "$JAR" BOOT-INF/classes/models/default/manifest.json 2>/dev/null | grep -m1 -o '"version" *: *"[^"]*"' | cut -d'"' -f4)\`, heads \`$(unzip -p "$JAR" BOOT-INF/classes/models/default/encoder-heads.json 2>/dev/null | grep -m1 -o '"version" *: *"[^"]*"' | cut -d'"' -f4)\` (in the jar)); $(nproc) cores, $(java -version 2>&1 | head -1). Load average $LOAD_FIRST before
the first start, $LOAD_LAST after the last (the machine is shared: other work runs at the same time).

Each start: the production jar as \`bin/start\` runs the app (its \`--print-java-command\`, plus \`-Xshare:on\`:
\`$WITH_FLAGS\`), or the same command without decision 104's thresholds (\`$WITHOUT_FLAGS\`), on a fresh copy of
one H2 file database holding an API key; the two alternate, and which goes first alternates from pair to pair. From
the moment \`/actuator/health/readiness\` answers UP, \`wrk -t2 -c8\` (closed loop, the client on the same 2 cores)
posts a single short text with the key to \`/api/v1/moderate\` in consecutive ${WINDOW_SECONDS} s windows, no errors.
Medians of the $PAIRS starts of each variant in bold, each start's value in brackets; P95 is wrk's, per window;
"C2 thread CPU" is the CPU the app's C2 compiler thread used in that window (\`/proc/PID/task/*/stat\`). The first
column's seconds are nominal (window number times ${WINDOW_SECONDS} s); "real start" is when each start's window
began, in seconds after readiness (the starts in the order of the brackets), later than nominal by the time wrk and
the measurements between windows take.

$(cat "$WORK/tables.md")
MD
echo "wrote $REPORT" >&2
cat "$REPORT"
