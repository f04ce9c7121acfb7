#!/usr/bin/env bash
# Whole-process benchmark of the production jar (not a test), writing docs/reports/cli-benchmark.md:
#   1. `score` of 100,000 generated short texts in 15 languages (bench/short-texts.py; never the shared data):
#      wall time of the whole process, and the start-up and scoring parts it prints
#   2. `keys create` on a fresh H2 file database (includes the Flyway migrations), then 3 times on the migrated one
#   3. start to readiness: `java -jar` on that H2 database until /actuator/health/readiness answers UP
#   4. class data sharing (docs/decisions/097-class-data-sharing.md): bin/cds-archive extracts the jar and records
#      its archive (timed), where bin/start keeps it for that jar; then `keys create` and start to readiness from the
#      extracted jar without and with -XX:SharedArchiveFile, alternating, 3 runs each (medians), and `keys create`
#      and `score` (its output must equal part 1's byte for byte) with the java command bin/start runs for them:
#      `bin/start --jar JAR --print-java-command ARGS` prints it, so the flags are bin/start's own choice (C1 only
#      for keys and for a score input under 25 MB, decisions 097 and 102), plus -Xshare:on (JAVA_OPTS) so that a
#      start that cannot map the archive fails instead of being measured as one with it; and start to readiness
#      with the command bin/start runs for the app (its compiler thresholds, decision 104)
#   5. the jar's size and its largest entries
# Targets (issue 12): score about 6 s, keys under 5 s, readiness under 10 s, jar under 120 MB. The machine's load
# is recorded with the numbers: on a shared 2-core machine they move a lot.
# Usage: bench/cli.sh [--jar FILE] [--texts N] [--cds-only]   (without --jar: builds the production jar first)
#   --cds-only: only part 4 (after one `keys create` that migrates the database); prints its rows, writes no report
set -euo pipefail
cd "$(dirname "$0")/.."
# start_command (bin/start's java command for this run's archive) and measured_commit
source bench/cli-lib.sh
JAR=""
TEXTS=100000
CDS_ONLY=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --jar) JAR="$2"; shift 2 ;;
        --texts) TEXTS="$2"; shift 2 ;;
        --cds-only) CDS_ONLY=true; shift ;;
        *) echo "usage: bench/cli.sh [--jar FILE] [--texts N] [--cds-only]" >&2; exit 2 ;;
    esac
done
if [[ -z "$JAR" ]]; then
    echo "building the production jar..." >&2
    ./mvnw -B -q -Pproduction -Dmaven.test.skip=true package
    JAR=$(ls target/safespeak-*.jar | grep -v original | awk 'NR == 1')
fi
JAR=$(realpath "$JAR")
REPORT=docs/reports/cli-benchmark.md
COMMIT=$(measured_commit)
WORK=$(mktemp -d /tmp/safespeak-cli.XXXXXX)
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "bench/cli.sh: failed at line $LINENO" >&2' ERR
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

# 1. score
if ! $CDS_ONLY; then
python3 bench/short-texts.py "$WORK/in.jsonl" "$TEXTS"
INPUT_MB=$(python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.1f}')" "$WORK/in.jsonl")
MEDIAN_CHARS=$(python3 -c "
import json, statistics, sys
print(int(statistics.median(len(json.loads(l)['text']) for l in open(sys.argv[1], encoding='utf-8'))))" "$WORK/in.jsonl")
SCORE_LOAD=$(load)
/usr/bin/time -f "%e %U %S" -o "$WORK/score-time.txt" \
    java -jar "$JAR" score --in "$WORK/in.jsonl" --out "$WORK/out.jsonl" 2> "$WORK/score.txt" \
    || { cat "$WORK/score.txt" >&2; exit 1; }
SCORE_WALL=$(awk 'END {printf "%.1f", $1}' "$WORK/score-time.txt")
SCORE_CPU=$(awk 'END {printf "%.1f", $2 + $3}' "$WORK/score-time.txt")
SCORE_LOADED=$(grep -oE "loaded in [0-9.]+ s" "$WORK/score.txt" | tail -1 | grep -oE "[0-9.]+")
SCORE_LINE=$(grep -E "^scored " "$WORK/score.txt" | tail -1 | sed "s| -> .*||")
OUT_LINES=$(wc -l < "$WORK/out.jsonl")
[[ "$OUT_LINES" -eq "$TEXTS" ]] || { echo "score wrote $OUT_LINES lines for $TEXTS texts" >&2; exit 1; }
fi

# 2. keys create
export SAFESPEAK_DB_URL="jdbc:h2:file:$WORK/data/safespeak;AUTO_SERVER=TRUE"
export SAFESPEAK_MODEL_DIR="$WORK/data/models"
export SAFESPEAK_ADMIN_PASSWORD="cli-benchmark-admin-password"
unset SPRING_PROFILES_ACTIVE
# How java starts the app: the jar by default; part 4 sets the extracted jar, with and without the CDS archive.
LAUNCH=(-jar "$JAR")
# prints "wall cpu" in seconds (cpu: user + system of the process)
keys_create() {
    /usr/bin/time -f "%e %U %S" -o "$WORK/keys-time-$1.txt" \
        java "${LAUNCH[@]}" keys create --name "bench-$1" > "$WORK/keys-$1.txt" 2>&1 \
        || { cat "$WORK/keys-$1.txt" >&2; exit 1; }
    grep -q '^ssk_' "$WORK/keys-$1.txt" || { cat "$WORK/keys-$1.txt" >&2; exit 1; }
    awk 'END {printf "%.1f %.1f", $1, $2 + $3}' "$WORK/keys-time-$1.txt"
}
# The middle of three runs.
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
KEYS_LOAD=$(load)
out=$(keys_create fresh); read -r KEYS_FRESH KEYS_FRESH_CPU <<< "$out"
if ! $CDS_ONLY; then
KEYS_RUNS=()
KEYS_CPUS=()
for i in 1 2 3; do
    out=$(keys_create "$i"); read -r wall cpu <<< "$out"
    KEYS_RUNS+=("$wall"); KEYS_CPUS+=("$cpu")
done
KEYS_MEDIAN=$(median "${KEYS_RUNS[@]}")
KEYS_CPU_MEDIAN=$(median "${KEYS_CPUS[@]}")
fi

# 3. start to readiness on the migrated H2 database: the first start (it registers the shipped models, reading the
#    default model to learn its version) and a restart (the models are known by their checksums)
readiness() {
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    READY_LOAD=$(load)
    local t0
    t0=$(now)
    SAFESPEAK_PORT=$port java -Dsafespeak.startup-steps=12 "${LAUNCH[@]}" > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    READY_WALL=""
    for _ in $(seq 1 1500); do
        if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
            READY_WALL=$(secs "$t0" "$(now)")
            READY_CPU=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$APP_PID/stat")
            break
        fi
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; exit 1; }
        sleep 0.2
    done
    [[ -n "$READY_WALL" ]] || { tail -30 "$WORK/app.log" >&2; echo "not ready after 300 s" >&2; exit 1; }
    SPRING_STARTED=$(grep -oE "Started SafeSpeakApplication in [0-9.]+ seconds" "$WORK/app.log" | grep -oE "[0-9.]+" | awk 'NR == 1')
    sleep 1
    STEPS=$(grep -oE "StartupSteps +: +[0-9]+ ms .*" "$WORK/app.log" | sed -E 's/^StartupSteps +: +//' \
        | awk '{ms = $1; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "| %s | %s |\n", ms, $0}')
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}
if ! $CDS_ONLY; then
readiness
FIRST_WALL=$READY_WALL; FIRST_CPU=$READY_CPU; FIRST_LOAD=$READY_LOAD; FIRST_STARTED=$SPRING_STARTED
readiness
RESTART_WALL=$READY_WALL; RESTART_CPU=$READY_CPU; RESTART_LOAD=$READY_LOAD; RESTART_STARTED=$SPRING_STARTED
RESTART_STEPS=$STEPS
fi

# 4. class data sharing: the extracted jar without and with the archive, alternating so both see the same load.
#    A copy of the jar in $WORK, so that its archive (next to it, where bin/start looks) is this run's own.
START_JAR=$WORK/start/$(basename "$JAR")
mkdir -p "$WORK/start"
cp "$JAR" "$START_JAR"
CDS_DIR=${START_JAR%.jar}-cds
CDS_LOAD=$(load)
t0=$(now)
bin/cds-archive "$START_JAR" "$CDS_DIR" || { echo "bin/cds-archive failed" >&2; exit 1; }
CDS_MAKE=$(secs "$t0" "$(now)")
CDS_JAR=$CDS_DIR/$(basename "$JAR")
CDS_ARCHIVE_MB=$(python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.0f}')" "$CDS_DIR/app.jsa")
CDS_EXTRACTED_MB=$(du -sm --exclude=app.jsa "$CDS_DIR" | cut -f1)
if ! $CDS_ONLY; then
    start_command score --in "$WORK/in.jsonl" --out "$WORK/out-start.jsonl"
    SCORE_START_FLAGS=$START_FLAGS
    SCORE_START_LOAD=$(load)
    /usr/bin/time -f "%e %U %S" -o "$WORK/score-start-time.txt" \
        "${START_COMMAND[@]}" 2> "$WORK/score-start.txt" \
        || { cat "$WORK/score-start.txt" >&2; exit 1; }
    cmp -s "$WORK/out.jsonl" "$WORK/out-start.jsonl" \
        || { echo "score as bin/start runs it wrote other output than java -jar" >&2; exit 1; }
    SCORE_START_WALL=$(awk 'END {printf "%.1f", $1}' "$WORK/score-start-time.txt")
    SCORE_START_CPU=$(awk 'END {printf "%.1f", $2 + $3}' "$WORK/score-start-time.txt")
    SCORE_START_LOADED=$(grep -oE "loaded in [0-9.]+ s" "$WORK/score-start.txt" | tail -1 | grep -oE "[0-9.]+")
    SCORE_START_LINE=$(grep -E "^scored " "$WORK/score-start.txt" | tail -1 | sed "s| -> .*||")
fi
# bin/start's command for keys create without the app arguments, which keys_create adds
start_command keys create --name bench
START_KEYS_LAUNCH=("${START_COMMAND[@]:1:${#START_COMMAND[@]}-5}")
START_KEYS_FLAGS=$START_FLAGS
# and for the app (no arguments)
start_command
START_APP_LAUNCH=("${START_COMMAND[@]:1}")
START_APP_FLAGS=$START_FLAGS
PLAIN_KEYS=(); PLAIN_KEYS_CPU=(); CDS_KEYS=(); CDS_KEYS_CPU=(); START_KEYS=(); START_KEYS_CPU=()
PLAIN_READY=(); PLAIN_READY_CPU=(); CDS_READY=(); CDS_READY_CPU=(); START_READY=(); START_READY_CPU=()
for i in 1 2 3; do
    LAUNCH=(-jar "$CDS_JAR")
    out=$(keys_create "extracted-$i"); read -r wall cpu <<< "$out"
    PLAIN_KEYS+=("$wall"); PLAIN_KEYS_CPU+=("$cpu")
    readiness
    PLAIN_READY+=("$READY_WALL"); PLAIN_READY_CPU+=("$READY_CPU")
    LAUNCH=(-Xshare:on -XX:SharedArchiveFile="$CDS_DIR/app.jsa" -jar "$CDS_JAR")
    out=$(keys_create "cds-$i"); read -r wall cpu <<< "$out"
    CDS_KEYS+=("$wall"); CDS_KEYS_CPU+=("$cpu")
    LAUNCH=("${START_KEYS_LAUNCH[@]}")
    out=$(keys_create "start-$i"); read -r wall cpu <<< "$out"
    START_KEYS+=("$wall"); START_KEYS_CPU+=("$cpu")
    LAUNCH=(-Xshare:on -XX:SharedArchiveFile="$CDS_DIR/app.jsa" -jar "$CDS_JAR")
    readiness
    CDS_READY+=("$READY_WALL"); CDS_READY_CPU+=("$READY_CPU")
    LAUNCH=("${START_APP_LAUNCH[@]}")
    readiness
    START_READY+=("$READY_WALL"); START_READY_CPU+=("$READY_CPU")
done
CDS_STARTED=$SPRING_STARTED
CDS_STEPS=$STEPS
LAUNCH=(-jar "$JAR")
verdict() { python3 -c "import sys; print('yes' if float(sys.argv[1]) < float(sys.argv[2]) else 'no')" "$1" "$2"; }
CDS_ROWS="| \`keys create\`, extracted jar without CDS (median of 3) | under 5 s | $(median "${PLAIN_KEYS[@]}") s (runs: ${PLAIN_KEYS[*]}) | $(median "${PLAIN_KEYS_CPU[@]}") s | ${CDS_LOAD} | $(verdict "$(median "${PLAIN_KEYS[@]}")" 5) |
| \`keys create\`, extracted jar with CDS (median of 3) | under 5 s | $(median "${CDS_KEYS[@]}") s (runs: ${CDS_KEYS[*]}) | $(median "${CDS_KEYS_CPU[@]}") s | ${CDS_LOAD} | $(verdict "$(median "${CDS_KEYS[@]}")" 5) |
| \`keys create\` as \`bin/start keys\` runs it (\`${START_KEYS_FLAGS}\`, extracted jar; median of 3) | under 5 s | $(median "${START_KEYS[@]}") s (runs: ${START_KEYS[*]}) | $(median "${START_KEYS_CPU[@]}") s | ${CDS_LOAD} | $(verdict "$(median "${START_KEYS[@]}")" 5) |
| start to readiness UP, H2, extracted jar without CDS (median of 3) | under 10 s | $(median "${PLAIN_READY[@]}") s (runs: ${PLAIN_READY[*]}) | $(median "${PLAIN_READY_CPU[@]}") s | ${CDS_LOAD} | $(verdict "$(median "${PLAIN_READY[@]}")" 10) |
| start to readiness UP, H2, extracted jar with CDS (median of 3) | under 10 s | $(median "${CDS_READY[@]}") s (runs: ${CDS_READY[*]}) | $(median "${CDS_READY_CPU[@]}") s | ${CDS_LOAD} | $(verdict "$(median "${CDS_READY[@]}")" 10) |
| start to readiness UP, H2, as \`bin/start\` runs the app (\`${START_APP_FLAGS}\`, extracted jar; median of 3) | under 10 s | $(median "${START_READY[@]}") s (runs: ${START_READY[*]}) | $(median "${START_READY_CPU[@]}") s | ${CDS_LOAD} | $(verdict "$(median "${START_READY[@]}")" 10) |"
if $CDS_ONLY; then
    echo "bin/cds-archive: ${CDS_MAKE} s; archive ${CDS_ARCHIVE_MB} MB, extracted jar ${CDS_EXTRACTED_MB} MB"
    echo "| what | target (issue 12) | wall time | CPU time (user + system) | load at start | reached |"
    echo "|---|---|---|---|---|---|"
    echo "$CDS_ROWS"
    exit 0
fi

# 5. the jar
JAR_MB=$(python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]) / 1e6:.0f}')" "$JAR")
LARGEST=$(unzip -lv "$JAR" | awk '$1 ~ /^[0-9]+$/ && NF >= 8 {printf "| `%s` | %.1f |\n", $8, $3 / 1e6}' \
    | sort -t'|' -k3 -g -r | awk 'NR <= 12')
LIB_COUNT=$(unzip -l "$JAR" | grep -c 'BOOT-INF/lib/.*\.jar$' || true)

mkdir -p docs/reports
cat > "$REPORT" <<MD
# Command line, start-up and jar size

Generated by \`bench/cli.sh\` on $(date -u +%Y-%m-%d) at commit ${COMMIT} (the checkout it ran in) ($(nproc) cores,
$(java -version 2>&1 | awk 'NR == 1')); jar \`$(basename "$JAR")\`. Load average (1, 5, 15 min) at the start of each
part is shown: this machine is shared, and times under load are several times the quiet ones. Rerun:
\`bench/cli.sh\` (builds the production jar) or \`bench/cli.sh --jar FILE\`.

| what | target (issue 12) | wall time | CPU time (user + system) | load at start | reached |
|---|---|---|---|---|---|
| \`score\` of $(printf "%'d" "$TEXTS") short texts, whole process | about 6 s | ${SCORE_WALL} s | ${SCORE_CPU} s | ${SCORE_LOAD} | $(verdict "$SCORE_WALL" 6.5) |
| \`score\` of the same texts as \`bin/start score\` runs it (\`${SCORE_START_FLAGS}\`, extracted jar) | about 6 s | ${SCORE_START_WALL} s | ${SCORE_START_CPU} s | ${SCORE_START_LOAD} | $(verdict "$SCORE_START_WALL" 6.5) |
| \`keys create\`, migrated H2 database (median of 3) | under 5 s | ${KEYS_MEDIAN} s (runs: ${KEYS_RUNS[*]}) | ${KEYS_CPU_MEDIAN} s | ${KEYS_LOAD} | $(verdict "$KEYS_MEDIAN" 5) |
| start to readiness UP, H2, first start | under 10 s | ${FIRST_WALL} s | ${FIRST_CPU} s | ${FIRST_LOAD} | $(verdict "$FIRST_WALL" 10) |
| start to readiness UP, H2, restart | under 10 s | ${RESTART_WALL} s | ${RESTART_CPU} s | ${RESTART_LOAD} | $(verdict "$RESTART_WALL" 10) |
${CDS_ROWS}
| jar size | under 120 MB | ${JAR_MB} MB, ${LIB_COUNT} libraries | | | $(verdict "$JAR_MB" 120) |

"Reached" compares the wall time with the target as measured here, whatever the load. CPU time moves less with the
load than wall time; a process that spends C CPU-seconds needs at least C / $(nproc) s of wall time on this machine.

## Where the time goes

- **score:** the texts are generated by \`bench/short-texts.py\` (seed 42, 15 languages, 5 to 17 words, median
  ${MEDIAN_CHARS} characters). Of the ${SCORE_WALL} s, the command reports the model and the languages loaded after
  ${SCORE_LOADED} s; then: ${SCORE_LINE}. The rest is the JVM and the nested jar's class loading. Most of the CPU
  time beyond the scoring threads' own is the JIT: C2 compiling the engine costs more than it saves on this many
  texts, which is why \`bin/start score\` runs inputs under 25 MB with C1 only (decision 102). This input:
  ${INPUT_MB} MB; the java command \`bin/start --print-java-command score ...\` printed for it had the options
  \`${SCORE_START_FLAGS}\` (-Xshare:on from JAVA_OPTS, added here). That run (same output, byte for byte): loaded
  after ${SCORE_START_LOADED} s; then: ${SCORE_START_LINE}.
- **keys create:** the first run on a fresh database, which also runs every Flyway migration, took ${KEYS_FRESH} s
  (${KEYS_FRESH_CPU} s CPU).
  The command starts its own small Spring context (\`KeysCommandContext\`: data source, Flyway, Hibernate for the API
  key and event publication entities, method security, the audit listener), not the web application.
- **readiness:** the first start of the application on the database that \`keys create\` migrated registers the
  shipped models, reading the default model once to learn its version (Spring reported "Started SafeSpeakApplication
  in ${FIRST_STARTED} seconds"); a restart finds them by their checksums. On the restart Spring reported "Started
  SafeSpeakApplication in ${RESTART_STARTED} seconds", and readiness answered UP ${RESTART_WALL} s after \`java -jar\`.
  The slowest of Spring's start-up steps of the restart (\`-Dsafespeak.startup-steps=12\`; a step's time includes
  the steps inside it, so they overlap; the model and the language tables load on threads of their own meanwhile and
  are not among them):

| ms | step |
|---|---|
${RESTART_STEPS}

- **class data sharing** (what \`bin/start\` and the container image do; docs/decisions/097-class-data-sharing.md):
  \`bin/cds-archive\` extracted the jar (${CDS_EXTRACTED_MB} MB on disk) and recorded the archive of the classes
  loaded while the application starts (${CDS_ARCHIVE_MB} MB) in ${CDS_MAKE} s, once per build. The rows "extracted jar
  without CDS" and "with CDS" ran alternately, \`java -jar\` of the extracted jar and
  \`java -XX:SharedArchiveFile=app.jsa -jar\` of it; the jars nested in the fat jar cannot be shared, so the extracted
  layout is the way to use CDS. The app as \`bin/start\` runs it adds C2 thresholds thirty times HotSpot's defaults
  (decision 104: C2 compiled Spring's start-up code for about half of the CPU to readiness). Its last start: Spring
  reported "Started SafeSpeakApplication in ${CDS_STARTED} seconds"; its slowest steps:

| ms | step |
|---|---|
${CDS_STEPS}

## Largest entries of the jar (MB, compressed)

| entry | MB |
|---|---|
${LARGEST}
MD
echo "wrote $REPORT" >&2
cat "$REPORT"
