#!/usr/bin/env bash
# Runs the scoring job on this machine: Flink starts an embedded cluster in this JVM with one slot per core (or
# --parallelism N). Builds the module first when needed. Examples:
#   flink/run.sh bounded --in texts.jsonl --out scored/ [--parallelism 2] [--model model.bin]
#   flink/run.sh stream --bootstrap-servers 127.0.0.1:9092 --input-topic messages --output-topic results
#   flink/run.sh --help
# JAVA_OPTS is passed to the JVM (default -Xmx2g). Wrong paths or options stop it with one line and exit status 1.
set -euo pipefail
DIR="$(cd "$(dirname "$0")" && pwd)"
CP_FILE="$DIR/target/classpath.txt"
if [ ! -f "$CP_FILE" ] || [ ! -d "$DIR/target/classes/dev/safespeak/flink" ]; then
    "$DIR/../mvnw" -B -q -f "$DIR/pom.xml" -DskipTests compile dependency:build-classpath \
        -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=compile >&2
fi
# Flink's serialisers reflect into the JDK (the flags Flink's own scripts pass on Java 17).
OPENS=()
for p in java.lang java.util java.util.concurrent java.io java.net java.nio sun.nio.ch java.lang.reflect java.text \
         java.time java.util.concurrent.atomic java.lang.invoke java.math java.security; do
    OPENS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "${OPENS[@]}" -cp "$DIR/target/classes:$(cat "$CP_FILE")" \
    dev.safespeak.flink.ScoringJob "$@"
