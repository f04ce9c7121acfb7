#!/usr/bin/env bash
# Trains the default model from ../shared/data and the authored cases, evaluates it and writes the artifact and
# docs/reports/model-quality.md. All arguments go to TrainCommand (see its Javadoc), for example:
#   training/train.sh --data ../shared/data --out src/main/resources/models/default --report docs/reports/model-quality.md
# The training code lives in src/training/java: it compiles with the tests and never enters the production jar.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=target/training
mkdir -p "$WORK"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
exec java ${TRAIN_JAVA_OPTS:--Xmx12g} -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" \
  dev.safespeak.moderation.training.TrainCommand "$@"
