#!/usr/bin/env bash
# Crash rate of a JVM exit while an encoder session is being created (decision 101; not a test, the test is
# ExitDuringEncoderLoadTest): runs src/test's ExitDuringEncoderLoad N times as a child JVM, run i exiting
# (i*37 mod 300) ms after its loader thread entered ONNX Runtime's createSession, each in a fresh folder, and counts
# the runs that crashed: an exit code other than 0, an hs_err file, or the stand-in shutdown hook cut short.
# Prints one line per run and a TOTAL line. To measure the code before a fix, check it out and run this again.
# Usage: bench/exit-during-load.sh [N]   (default 30; a run takes 2 to 10 s on the shared 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}
nice ./mvnw -B -o -q test-compile -DskipFlink
deps=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$deps" "$work"' EXIT
nice ./mvnw -B -o -q dependency:build-classpath -DskipFlink -Dmdep.includeScope=test -Dmdep.outputFile="$deps"
cp="$PWD/target/test-classes:$PWD/target/classes:$(cat "$deps")"
during=0
crashed=0
for i in $(seq 1 "$RUNS"); do
    delay=$(( (i * 37) % 300 ))
    dir="$work/run-$i"
    mkdir -p "$dir"
    set +e
    out=$(cd "$dir" && nice java -XX:-CreateCoredumpOnCrash -cp "$cp" \
        dev.safespeak.moderation.engine.ExitDuringEncoderLoad "$delay" 2>&1)
    code=$?
    set -e
    in_load=0
    if grep -q EXIT_DURING_LOAD <<<"$out"; then in_load=1; fi
    crash=0
    if [ "$code" -ne 0 ] || compgen -G "$dir/hs_err_pid*.log" >/dev/null || ! grep -q HOOK_DONE <<<"$out"; then
        crash=1
    fi
    during=$((during + in_load))
    crashed=$((crashed + crash))
    echo "run $i: exit ${delay} ms into createSession, exit code $code, during the load $in_load, crashed $crash"
done
echo "TOTAL runs=$RUNS exited_during_load=$during crashed=$crashed (load average $(cut -d' ' -f1-3 /proc/loadavg))"
