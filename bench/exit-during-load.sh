#!/usr/bin/env bash
# Crash rate of a JVM exit while an encoder session is being created (decision 101; not a test, the test is
# ExitDuringEncoderLoadTest): runs src/test's ExitDuringEncoderLoad N times as a child JVM, run i exiting
# (i*37 mod 300) ms after its loader thread entered ONNX Runtime's createSession, each in a fresh folder, and counts
# the runs that crashed: an exit code other than 0, an hs_err file, or the stand-in shutdown hook cut short; and the
# runs that hung: still running CHILD_TIMEOUT seconds after they started (default 120), then stopped (SIGTERM, SIGKILL
# 10 s later). Both are failures. Prints one line per run and a TOTAL line; exits 1 when a run failed. To measure the
# code before a fix, check it out and run this again.
# Usage: bench/exit-during-load.sh [N]   (default 30; a run takes 2 to 10 s on the shared 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}
CHILD_TIMEOUT=${CHILD_TIMEOUT:-120}
nice ./mvnw -B -o -q test-compile -DskipFlink
deps=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$deps" "$work"' EXIT
nice ./mvnw -B -o -q dependency:build-classpath -DskipFlink -Dmdep.includeScope=test -Dmdep.outputFile="$deps"
cp="$PWD/target/test-classes:$PWD/target/classes:$(cat "$deps")"
during=0
crashed=0
hung=0
for i in $(seq 1 "$RUNS"); do
    delay=$(( (i * 37) % 300 ))
    dir="$work/run-$i"
    mkdir -p "$dir"
    set +e
    started=$SECONDS
    out=$(cd "$dir" && timeout -k 10 "$CHILD_TIMEOUT" nice java -XX:-CreateCoredumpOnCrash -cp "$cp" \
        dev.safespeak.moderation.engine.ExitDuringEncoderLoad "$delay" 2>&1)
    code=$?
    set -e
    in_load=0
    if grep -q EXIT_DURING_LOAD <<<"$out"; then in_load=1; fi
    # timeout answers 124 when it stopped the child with SIGTERM, 137 when SIGKILL was needed (as after any SIGKILL,
    # hence the time check)
    if [ "$code" -eq 124 ] || { [ "$code" -eq 137 ] && [ $((SECONDS - started)) -ge "$CHILD_TIMEOUT" ]; }; then
        result="hung (no exit within $CHILD_TIMEOUT s, stopped)"
        hung=$((hung + 1))
    elif [ "$code" -ne 0 ] || compgen -G "$dir/hs_err_pid*.log" >/dev/null || ! grep -q HOOK_DONE <<<"$out"; then
        result=crashed
        crashed=$((crashed + 1))
    else
        result=ok
    fi
    during=$((during + in_load))
    echo "run $i: exit ${delay} ms into createSession, exit code $code, during the load $in_load, $result"
done
failed=$((crashed + hung))
echo "TOTAL runs=$RUNS exited_during_load=$during crashed=$crashed hung=$hung failed=$failed" \
    "(hung: no exit within $CHILD_TIMEOUT s; load average $(cut -d' ' -f1-3 /proc/loadavg))"
[ "$failed" -eq 0 ]
